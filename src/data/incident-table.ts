/**
 * Incidents normalized once at load into columns sorted by day: typed arrays for the map and the
 * aggregates, and interned strings for the panels. A million incidents stay a few typed arrays
 * and one string table instead of a million objects; `incidentAt` rebuilds one record on demand.
 */
import { dayToIso, isoToDay } from '../time/days';
import type { DaySpan } from '../time/window';
import { isHttpUrl } from './safe-url';
import { incidentProperties } from './schemas';
import { issue, type LoadIssue } from './load-report';
import { CONFIDENCE_LEVELS, COORD_PRECISIONS, INCIDENT_TYPES, type Incident } from './types';
import { validateFeatures } from './validate-features';
import type { z } from 'zod';
import { fastIncidentProperties } from './fast-validate';

/** Text properties stored as indexes into the interned string table (-1 = null). */
export const TEXT_FIELDS = [
  'id',
  'date_note',
  'weapon',
  'target',
  'base_id',
  'country',
  'claimed_by',
  'claimed_by_group',
  'casualty_note',
  'other_casualties',
  'description',
  'sources',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Fields with few distinct values (targets, groups, countries): stored once each. */
const INTERNED_FIELDS = [
  'weapon',
  'target',
  'base_id',
  'country',
  'claimed_by',
  'claimed_by_group',
] as const;
/** Free text, mostly distinct: hashing it to intern would cost more than it saves. */
const PLAIN_FIELDS = ['date_note', 'casualty_note', 'other_casualties', 'description'] as const;

const NONE = 255;
// URLs cannot contain a newline, so one interned string holds a row's whole source list.
const SOURCE_SEPARATOR = '\n';

/** Column-oriented incidents, sorted by day (ties keep file order). Row i of every column is incident i. */
export interface IncidentTable {
  length: number;
  /** Epoch day per row. */
  day: Int32Array;
  /** Index into INCIDENT_TYPES per row. */
  typeIndex: Uint8Array;
  /** [lng, lat] per row; NaN for rows without a location. */
  position: Float32Array;
  /** U.S. killed / injured per row; -1 when not reported. */
  usKilled: Int32Array;
  usInjured: Int32Array;
  /** Index into CONFIDENCE_LEVELS / COORD_PRECISIONS; 255 when not given. */
  confidence: Uint8Array;
  precision: Uint8Array;
  /** Per text field, the index of each row's value in `strings` (-1 = null). */
  text: Record<TextField, Int32Array>;
  /** Interned strings (every distinct value once). */
  strings: string[];
  /** First to last incident day, or null when there are no incidents. */
  span: DaySpan | null;
}

/** A validated incident feature: schema output and [lng, lat] (null when it has no location). */
export interface IncidentFeature {
  properties: z.output<typeof incidentProperties>;
  position: [number, number] | null;
}

/** Validates a parsed incidents FeatureCollection and normalizes the valid features. */
export function buildIncidentTable(
  json: unknown,
  file: string,
): { table: IncidentTable; issues: LoadIssue[] } {
  const { features, issues } = validateFeatures(
    json,
    file,
    incidentProperties,
    true,
    fastIncidentProperties,
  );
  for (const f of features) {
    const sources = f.properties.sources;
    if (sources.every(isHttpUrl)) continue;
    f.properties.sources = sources.filter((s) => {
      if (isHttpUrl(s)) return true;
      issues.push(
        issue(
          file,
          f.index,
          'sources',
          `ignored non-http(s) source "${s.slice(0, 80)}"`,
          'warning',
        ),
      );
      return false;
    });
  }
  return { table: tableFromFeatures(features), issues };
}

/**
 * Puts validated incidents into day-sorted columns (a stable sort: same-day incidents keep their
 * order). Reads the validated objects directly, without copying them first.
 */
export function tableFromFeatures(features: IncidentFeature[]): IncidentTable {
  const n = features.length;
  const days = Int32Array.from(features, (f) => isoToDay(f.properties.date)!);
  const order = stableOrderByDay(days);
  const strings: string[] = [];
  const interned = new Map<string, number>();
  const intern = (s: string | null): number => {
    if (s === null) return -1;
    let k = interned.get(s);
    if (k === undefined) {
      k = strings.push(s) - 1;
      interned.set(s, k);
    }
    return k;
  };
  const t: IncidentTable = {
    length: n,
    day: new Int32Array(n),
    typeIndex: new Uint8Array(n),
    position: new Float32Array(n * 2),
    usKilled: new Int32Array(n),
    usInjured: new Int32Array(n),
    confidence: new Uint8Array(n),
    precision: new Uint8Array(n),
    text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, new Int32Array(n)])) as Record<
      TextField,
      Int32Array
    >,
    strings,
    span: null,
  };
  order.forEach((src, row) => {
    const { properties: r, position } = features[src]!;
    t.day[row] = days[src]!;
    t.typeIndex[row] = INCIDENT_TYPES.indexOf(r.type);
    t.position[2 * row] = position ? position[0] : NaN;
    t.position[2 * row + 1] = position ? position[1] : NaN;
    t.usKilled[row] = r.us_killed ?? -1;
    t.usInjured[row] = r.us_injured ?? -1;
    t.confidence[row] = r.confidence ? CONFIDENCE_LEVELS.indexOf(r.confidence) : NONE;
    t.precision[row] = r.coord_precision ? COORD_PRECISIONS.indexOf(r.coord_precision) : NONE;
    t.text.id[row] = strings.push(r.id) - 1;
    for (const f of INTERNED_FIELDS) t.text[f][row] = intern(r[f]);
    for (const f of PLAIN_FIELDS) t.text[f][row] = r[f] === null ? -1 : strings.push(r[f]) - 1;
    // Sources are mostly distinct per incident: stored plainly, like free text.
    t.text.sources[row] = r.sources.length
      ? strings.push(r.sources.join(SOURCE_SEPARATOR)) - 1
      : -1;
  });
  if (n > 0) t.span = { start: t.day[0]!, end: t.day[n - 1]! };
  return t;
}

/** Row order sorted by day, stable (a counting sort: days are integers in a short range). */
function stableOrderByDay(days: Int32Array): Int32Array {
  const order = new Int32Array(days.length);
  if (days.length === 0) return order;
  let min = days[0]!;
  let max = days[0]!;
  for (const d of days) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const starts = new Int32Array(max - min + 2);
  for (const d of days) starts[d - min + 1]!++;
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  days.forEach((d, i) => (order[starts[d - min]!++] = i));
  return order;
}

/** A text property of one row. */
export function textAt(t: IncidentTable, field: TextField, row: number): string | null {
  const k = t.text[field][row]!;
  return k < 0 ? null : t.strings[k]!;
}

/** The id of one row. */
export function idAt(t: IncidentTable, row: number): string {
  return textAt(t, 'id', row)!;
}

/** The full record of one row, for panels and lists. */
export function incidentAt(t: IncidentTable, row: number): Incident {
  const text = (f: TextField) => textAt(t, f, row);
  const lng = t.position[2 * row]!;
  const count = (v: number) => (v < 0 ? null : v);
  return {
    id: text('id')!,
    date: dayToIso(t.day[row]!),
    day: t.day[row]!,
    date_note: text('date_note'),
    type: INCIDENT_TYPES[t.typeIndex[row]!]!,
    weapon: text('weapon'),
    target: text('target'),
    base_id: text('base_id'),
    country: text('country'),
    claimed_by: text('claimed_by'),
    claimed_by_group: text('claimed_by_group') ?? 'unclaimed',
    us_killed: count(t.usKilled[row]!),
    us_injured: count(t.usInjured[row]!),
    casualty_note: text('casualty_note'),
    other_casualties: text('other_casualties'),
    description: text('description'),
    confidence: t.confidence[row] === NONE ? null : CONFIDENCE_LEVELS[t.confidence[row]!]!,
    coord_precision: t.precision[row] === NONE ? null : COORD_PRECISIONS[t.precision[row]!]!,
    sources: text('sources')?.split(SOURCE_SEPARATOR) ?? [],
    lng: Number.isFinite(lng) ? lng : null,
    lat: Number.isFinite(lng) ? t.position[2 * row + 1]! : null,
  };
}

const idIndexes = new WeakMap<IncidentTable, Map<string, number>>();

/** The row of an incident id, or undefined. The id index is built on first use (clicks and links are rare). */
export function rowOfId(t: IncidentTable, id: string): number | undefined {
  let index = idIndexes.get(t);
  if (!index) {
    index = new Map();
    const ids = t.text.id;
    for (let row = 0; row < t.length; row++) index.set(t.strings[ids[row]!]!, row);
    idIndexes.set(t, index);
  }
  return index.get(id);
}

/** True for U.S. strikes (as opposed to attacks on U.S. and coalition forces). */
export function isStrike(table: IncidentTable, row: number): boolean {
  return table.typeIndex[row] === STRIKE;
}

const STRIKE = INCIDENT_TYPES.indexOf('us_strike');
