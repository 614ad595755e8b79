/**
 * Checks one data file with the app's own validator, for `npm run data:check` (the CLI reads the
 * files; this module only sees streams and text, so the app and the CLI share every rule).
 */
import { FetchJsonError, htmlPageReason } from './fetch-json';
import { buildBases } from './load-bases';
import { buildForces } from './load-forces';
import type { LoadIssue } from './load-report';
import { formatFromName, readIncidents } from './read-incidents';
import { FileShapeError } from './validate-features';

/** The kinds of data file. */
export const DATA_KINDS = ['incidents', 'bases', 'forces'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** What checking one file found. */
export interface CheckResult {
  file: string;
  kind: DataKind;
  /** Why the file could not be read or parsed at all (then `issues` may be empty), else null. */
  fatal: string | null;
  issues: LoadIssue[];
  /** Valid features, rows or force-level entries loaded. */
  loaded: number;
  /** What an index counts: "feature" (GeoJSON) or "row" (CSV); null for force levels. */
  unit: 'feature' | 'row' | null;
}

/**
 * The kind of a data file from its first bytes, else its name: force levels have
 * `countries`/`sites`/`regions`; a FeatureCollection whose features have a `date` holds
 * incidents, one whose features have a `name` and no `date` holds bases; CSV is incidents. Files
 * that are none of these are checked as incidents, whose reader names the problem exactly
 * ("is not valid JSON", "not a GeoJSON FeatureCollection", "is an HTML page").
 */
export function detectKind(head: string, name: string): DataKind {
  if (formatFromName(name) === 'csv') return 'incidents';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const collection = /"FeatureCollection"/.test(text);
  if (text.startsWith('{') && !collection && /"(countries|sites|regions)"\s*:/.test(text))
    return 'forces';
  if (collection && /"date"\s*:/.test(text)) return 'incidents';
  if (collection && /"name"\s*:/.test(text)) return 'bases';
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  if (base.includes('base')) return 'bases';
  if (base.includes('force')) return 'forces';
  return 'incidents';
}

/** The message of a file-level failure, or rethrows a bug. */
function fatalReason(e: unknown): string {
  if (e instanceof FetchJsonError || e instanceof FileShapeError) return e.message;
  if (e instanceof SyntaxError) return `is not valid JSON (${e.message})`;
  throw e;
}

/**
 * Checks a data file read from `body` (`size` bytes, or null) as `kind`.
 * @param today "today" as an epoch day for the future-date warnings (default: now)
 */
export async function checkStream(
  body: ReadableStream<Uint8Array>,
  size: number | null,
  file: string,
  kind: DataKind,
  today?: number,
): Promise<CheckResult> {
  const result: CheckResult = { file, kind, fatal: null, issues: [], loaded: 0, unit: null };
  try {
    if (kind === 'incidents') {
      const read = await readIncidents(body, size, file, undefined, {
        htmlVerb: 'is',
        ...(today === undefined ? {} : { today }),
      });
      result.issues = read.issues;
      result.loaded = read.table.length;
      result.unit = read.csv ? 'row' : 'feature';
      return result;
    }
    const text = await new Response(body).text();
    const html = htmlPageReason(text.slice(0, 4096), 'is');
    if (html) throw new FetchJsonError(html);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new FetchJsonError(`is not valid JSON (${e instanceof Error ? e.message : e})`);
    }
    if (kind === 'bases') {
      const built = buildBases(json, file, today);
      result.issues = built.issues;
      result.loaded = built.bases.length;
      result.unit = 'feature';
    } else {
      const built = buildForces(json, file, today);
      result.issues = built.issues;
      const f = built.forces;
      result.loaded = f.countries.length + f.sites.length + f.regions.length;
    }
  } catch (e) {
    result.fatal = fatalReason(e);
  }
  return result;
}

/** Exit status of a check run: 2 when a file could not be read or parsed, else 1 when any feature is invalid, else 0. */
export function exitCode(results: CheckResult[]): 0 | 1 | 2 {
  if (results.some((r) => r.fatal !== null)) return 2;
  if (results.some((r) => r.issues.some((i) => i.severity === 'error'))) return 1;
  return 0;
}

/** One line per problem: `file: feature 12: date: must be … (error)`. */
export function formatIssue(r: CheckResult, i: LoadIssue): string {
  const where = i.index === null ? '' : `${r.unit ?? 'entry'} ${i.index}: `;
  return `${r.file}: ${where}${i.field ? `${i.field}: ` : ''}${i.reason} (${i.severity})`;
}

/** The summary line of one file. */
export function formatSummary(r: CheckResult): string {
  if (r.fatal !== null) return `${r.file} ${r.fatal}`;
  const errors = r.issues.filter((i) => i.severity === 'error').length;
  const warnings = r.issues.length - errors;
  const plural = (n: number, w: string) =>
    `${n.toLocaleString('en-US')} ${n === 1 ? w : w.endsWith('entry') ? `${w.slice(0, -1)}ies` : `${w}s`}`;
  const what = r.kind === 'forces' ? 'entry' : (r.unit ?? 'feature');
  return `${r.file}: ${r.kind}: ${plural(r.loaded, `valid ${what}`)}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
