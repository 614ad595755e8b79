/**
 * Feature-by-feature validation of a GeoJSON FeatureCollection: invalid features are reported
 * (file, index, field, reason) and skipped, valid ones are returned, suspicious ones are kept
 * with a warning (suspicious.ts).
 */
import type { z } from 'zod';
import { partialDateRange } from '../time/days';
import { issue, type LoadIssue } from './load-report';
import { checkPoint, isProblem, shown } from './point-check';
import { sortIssues, todayDay, warnFarOutside, WarningTally, type WarningKind } from './suspicious';

/** A feature that passed validation. `position` is null for `geometry: null`. */
export interface ValidFeature<P> {
  index: number;
  properties: P;
  position: [number, number] | null;
}

/** Thrown when the whole file has the wrong shape (not a FeatureCollection). */
export class FileShapeError extends Error {}

/** Throws FileShapeError unless `json` is an object with type FeatureCollection and a features array. */
export function assertFeatureCollection(json: unknown): { features: unknown[] } {
  const fc = json as { type?: unknown; features?: unknown };
  if (
    !fc ||
    typeof fc !== 'object' ||
    fc.type !== 'FeatureCollection' ||
    !Array.isArray(fc.features)
  ) {
    throw new FileShapeError(
      'is not a GeoJSON FeatureCollection (expected "type": "FeatureCollection" and a "features" array)',
    );
  }
  return fc as { features: unknown[] };
}

/** How one kind of feature is checked beyond its properties schema. */
export interface FeatureRules {
  /** Keep features with `geometry: null` (with a warning) instead of rejecting them. */
  allowNullGeometry: boolean;
  /** A (partial) date property to warn about when it lies after `today`, with its warning kind. */
  futureField?: { name: string; kind: WarningKind };
  /** "Today" as an epoch day (tests fix it). */
  today?: number;
}

/**
 * Validates every feature of a parsed FeatureCollection, warns about suspicious ones (including
 * points far outside the data's region) and sorts the issues by feature index.
 */
export function validateFeatures<S extends z.ZodType>(
  json: unknown,
  file: string,
  schema: S,
  rules: FeatureRules,
): { features: ValidFeature<z.output<S>>[]; issues: LoadIssue[] } {
  const fc = assertFeatureCollection(json);
  const features: ValidFeature<z.output<S>>[] = [];
  const issues: LoadIssue[] = [];
  const tally = new WarningTally(file);
  const today = rules.today ?? todayDay();
  const seenIds = new Set<string>();
  fc.features.forEach((raw: unknown, index: number) => {
    const valid = validateFeature(raw, index, file, schema, rules, issues);
    if (!valid) return;
    const id = (valid.properties as { id: string }).id;
    if (seenIds.has(id)) {
      issues.push(issue(file, index, 'id', `duplicate id "${id}"`));
      return;
    }
    seenIds.add(id);
    noteSuspicious(valid, rules, today, tally);
    features.push(valid);
  });
  const positions = features.flatMap((f) => f.position ?? [NaN, NaN]);
  warnFarOutside(positions, features.length, (row) => features[row]!.index, tally);
  return { features, issues: sortIssues([...issues, ...tally.finish()]) };
}

/** Counts the warnings of a valid feature: no location, no coord_precision, a future date. */
export function noteSuspicious(
  valid: ValidFeature<unknown>,
  rules: FeatureRules,
  today: number,
  tally: WarningTally,
): void {
  const p = valid.properties as Record<string, unknown>;
  if (valid.position === null) tally.add('noLocation', valid.index);
  else if (p.coord_precision == null) tally.add('noPrecision', valid.index);
  const future = rules.futureField;
  const value = future && p[future.name];
  if (future && typeof value === 'string') {
    const range = partialDateRange(value);
    if (range && range.first > today) tally.add(future.kind, valid.index, value);
  }
}

/**
 * Validates one feature (not the uniqueness of its id, which needs the others, and no warnings):
 * returns it, or null after pushing the reasons onto `issues`.
 */
export function validateFeature<S extends z.ZodType>(
  raw: unknown,
  index: number,
  file: string,
  schema: S,
  rules: FeatureRules,
  issues: LoadIssue[],
): ValidFeature<z.output<S>> | null {
  const f = raw as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown };
  if (!f || typeof f !== 'object' || Array.isArray(f) || f.type !== 'Feature') {
    issues.push(issue(file, index, null, `not a GeoJSON Feature (${shown(f)})`));
    return null;
  }
  const rawProps = f.properties ?? {};
  if (typeof rawProps !== 'object' || Array.isArray(rawProps)) {
    issues.push(issue(file, index, 'properties', `must be an object, not ${shown(rawProps)}`));
    return null;
  }
  let props = rawProps as Record<string, unknown>;
  // Copy only when the id has to come from the feature (the common case reads the object as is).
  if (props.id == null && (typeof f.id === 'string' || typeof f.id === 'number')) {
    props = { ...props, id: f.id };
  }
  const parsed = schema.safeParse(props);
  let ok = parsed.success;
  if (!parsed.success) {
    for (const e of parsed.error.issues) {
      issues.push(issue(file, index, e.path.join('.') || null, e.message));
    }
  }
  let position: [number, number] | null = null;
  if (!('geometry' in f)) {
    issues.push(
      issue(file, index, 'geometry', 'the "geometry" member is missing (null means no location)'),
    );
    ok = false;
  } else if (f.geometry === null) {
    if (!rules.allowNullGeometry) {
      issues.push(issue(file, index, 'geometry', 'a location is required'));
      ok = false;
    }
  } else {
    const point = checkPoint(f.geometry);
    if (isProblem(point)) {
      issues.push(issue(file, index, point.field, point.reason));
      ok = false;
    } else position = point;
  }
  if (!ok || !parsed.success) return null;
  return { index, properties: parsed.data, position };
}
