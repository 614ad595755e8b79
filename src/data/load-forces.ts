/**
 * Force levels: validated entry by entry, so one bad figure is reported and skipped while the
 * rest of the file loads. Issues have no feature index; `field` is the path in the file
 * (`countries.0.series.2.value`).
 */
import { partialDateRange } from '../time/days';
import { issue, type LoadIssue } from './load-report';
import { shown } from './point-check';
import { forceContext, forceFigure } from './schemas';
import { todayDay } from './suspicious';
import type { ForceContext, ForceFigure, ForceLevels } from './types';
import { FileShapeError } from './validate-features';

type Schema<T> = {
  safeParse(
    v: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

/**
 * Validates a parsed force-levels file; throws FileShapeError when it is not an object.
 * @param today "today" as an epoch day for the future-date warning (default: now)
 */
export function buildForces(
  json: unknown,
  file: string,
  today = todayDay(),
): { forces: ForceLevels; issues: LoadIssue[] } {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new FileShapeError(
      'is not a force-levels file (expected an object with "countries", "sites" and "regions" arrays)',
    );
  }
  const root = json as Record<string, unknown>;
  const issues: LoadIssue[] = [];
  const error = (path: string, reason: string) => issues.push(issue(file, null, path, reason));

  /** The array at `key` (absent = empty); anything else is reported. */
  const list = (value: unknown, path: string): unknown[] => {
    if (value == null) return [];
    if (Array.isArray(value)) return value;
    error(path, `must be an array, not ${shown(value)}`);
    return [];
  };
  const valid = <T>(schema: Schema<T>, value: unknown, path: string): T | null => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const e of parsed.error.issues) {
      error([path, ...e.path.map(String)].join('.'), e.message);
    }
    return null;
  };
  const text = (v: unknown, path: string, required: boolean): string | null | undefined => {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (v == null && !required) return null;
    error(path, required ? `is required (text), not ${shown(v)}` : `must be text, not ${shown(v)}`);
    return undefined;
  };
  const series = (value: unknown, path: string): ForceFigure[] =>
    list(value, path).flatMap((raw, k) => {
      const f = valid(forceFigure as Schema<ForceFigure>, raw, `${path}.${k}`);
      if (!f) return [];
      const range = partialDateRange(f.as_of);
      if (range && range.first > today) {
        issues.push(
          issue(file, null, `${path}.${k}.as_of`, `${f.as_of} is in the future`, 'warning'),
        );
      }
      return [f];
    });
  const context = (value: unknown, path: string): ForceContext[] =>
    list(value, path).flatMap((raw, k) => {
      const c = valid(forceContext as Schema<ForceContext>, raw, `${path}.${k}`);
      return c ? [c] : [];
    });
  const entries = (key: string) =>
    list(root[key], key).flatMap((raw, k) => {
      const path = `${key}.${k}`;
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        error(path, `must be an object, not ${shown(raw)}`);
        return [];
      }
      return [{ e: raw as Record<string, unknown>, path }];
    });

  const forces: ForceLevels = { countries: [], sites: [], regions: [] };
  for (const { e, path } of entries('countries')) {
    const iso3 = e.iso3;
    if (typeof iso3 !== 'string' || !/^[A-Z]{3}$/.test(iso3)) {
      error(`${path}.iso3`, `must be an ISO 3166 alpha-3 code such as IRQ, not ${shown(iso3)}`);
      continue;
    }
    const name = text(e.name, `${path}.name`, true);
    if (name === undefined) continue;
    forces.countries.push({
      iso3,
      name: name!,
      series: series(e.series, `${path}.series`),
      context: context(e.context, `${path}.context`),
    });
  }
  for (const { e, path } of entries('sites')) {
    const name = text(e.name, `${path}.name`, true);
    const baseId = text(e.base_id, `${path}.base_id`, false);
    if (name === undefined || baseId === undefined) continue;
    forces.sites.push({
      base_id: baseId,
      name: name!,
      series: series(e.series, `${path}.series`),
      context: context(e.context, `${path}.context`),
    });
  }
  for (const { e, path } of entries('regions')) {
    const name = text(e.name, `${path}.name`, true);
    if (name === undefined) continue;
    forces.regions.push({ name: name!, context: context(e.context, `${path}.context`) });
  }
  return { forces, issues };
}
