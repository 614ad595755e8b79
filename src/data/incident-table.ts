/**
 * Incidents normalized once at load: sorted by day, with typed arrays for the map and the
 * aggregates, and the full records kept (same order) for panels.
 */
import { isoToDay } from '../time/days';
import type { DaySpan } from '../time/window';
import { isHttpUrl } from './safe-url';
import { incidentProperties } from './schemas';
import { issue, type LoadIssue } from './load-report';
import { INCIDENT_TYPES, type Incident } from './types';
import { validateFeatures } from './validate-features';

/** Column-oriented incidents, sorted by day (ties keep file order). Row i of every array is record i. */
export interface IncidentTable {
  records: Incident[];
  /** Epoch day per row. */
  day: Int32Array;
  /** Index into INCIDENT_TYPES per row. */
  typeIndex: Uint8Array;
  /** [lng, lat] per row; NaN for rows without a location. */
  position: Float32Array;
  /** Row of each incident id. */
  rowById: Map<string, number>;
  /** First to last incident day, or null when there are no incidents. */
  span: DaySpan | null;
}

/** Validates a parsed incidents FeatureCollection and normalizes the valid features. */
export function buildIncidentTable(
  json: unknown,
  file: string,
): { table: IncidentTable; issues: LoadIssue[] } {
  const { features, issues } = validateFeatures(json, file, incidentProperties, true);
  const records: Incident[] = features.map(({ index, properties: p, position }) => {
    const sources = p.sources.filter((s) => {
      if (isHttpUrl(s)) return true;
      issues.push(
        issue(file, index, 'sources', `ignored non-http(s) source "${s.slice(0, 80)}"`, 'warning'),
      );
      return false;
    });
    return {
      ...p,
      sources,
      day: isoToDay(p.date)!,
      lng: position ? position[0] : null,
      lat: position ? position[1] : null,
    };
  });
  // Stable sort keeps file order among incidents of the same day.
  records.sort((a, b) => a.day - b.day);
  return { table: tableFromRecords(records), issues };
}

/** Builds the typed arrays for records already sorted by day. */
export function tableFromRecords(records: Incident[]): IncidentTable {
  const n = records.length;
  const day = new Int32Array(n);
  const typeIndex = new Uint8Array(n);
  const position = new Float32Array(n * 2);
  const rowById = new Map<string, number>();
  records.forEach((r, i) => {
    day[i] = r.day;
    typeIndex[i] = INCIDENT_TYPES.indexOf(r.type);
    position[2 * i] = r.lng ?? NaN;
    position[2 * i + 1] = r.lat ?? NaN;
    rowById.set(r.id, i);
  });
  const span = n > 0 ? { start: day[0]!, end: day[n - 1]! } : null;
  return { records, day, typeIndex, position, rowById, span };
}

/** True for U.S. strikes (as opposed to attacks on U.S. and coalition forces). */
export function isStrike(table: IncidentTable, row: number): boolean {
  return INCIDENT_TYPES[table.typeIndex[row]!] === 'us_strike';
}
