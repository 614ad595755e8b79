/**
 * Indexes over the incidents alone (time prefix sums, rows per base and per country, the KD-tree),
 * built once per dataset. The loader worker builds them next to the table and sends them over as
 * transferred buffers, so the main thread does not spend a second on them at a million rows.
 */
import {
  buildSpatialIndex,
  spatialFromWire,
  spatialToWire,
  type SpatialIndex,
  type SpatialIndexWire,
} from '../geo/spatial-index';
import { buildDayPrefix, type DayPrefix } from '../time/prefix-sums';
import { isStrike, type IncidentTable } from './incident-table';

/** The incident-only indexes (Derived adds the base and force-level ones). */
export interface IncidentIndexes {
  attacks: DayPrefix;
  strikes: DayPrefix;
  usKilled: DayPrefix;
  usInjured: DayPrefix;
  /** Rows (sorted by day) of incidents tagged with each base id. */
  rowsByBase: Map<string, number[]>;
  /** Rows (sorted by day) of incidents per country name. */
  rowsByCountry: Map<string, number[]>;
  /** KD-tree over incident positions (clicks on stacked points, radius queries). */
  spatial: SpatialIndex;
}

/** Rows grouped by one interned text column, as flat arrays (transferable). */
interface GroupedRows {
  keys: string[];
  /** Rows of key k: rows[offsets[k] .. offsets[k + 1]). */
  offsets: Int32Array;
  rows: Int32Array;
}

/** IncidentIndexes as plain data and typed arrays, for postMessage with transfer. */
export interface IncidentIndexesWire {
  prefixes: [DayPrefix, DayPrefix, DayPrefix, DayPrefix];
  byBase: GroupedRows;
  byCountry: GroupedRows;
  spatial: SpatialIndexWire;
}

/** The indexes other than the spatial one (which may be built elsewhere: spatial-worker-client.ts). */
export type RowIndexesWire = Omit<IncidentIndexesWire, 'spatial'>;

/** Groups rows by the string in a text column, in row order (a counting sort on string ids). */
function groupRows(t: IncidentTable, column: Int32Array): GroupedRows {
  const slotOf = new Map<number, number>();
  const counts: number[] = [];
  for (let row = 0; row < t.length; row++) {
    const k = column[row]!;
    if (k < 0) continue;
    let slot = slotOf.get(k);
    if (slot === undefined) {
      slot = counts.push(0) - 1;
      slotOf.set(k, slot);
    }
    counts[slot]!++;
  }
  const offsets = new Int32Array(counts.length + 1);
  for (let s = 0; s < counts.length; s++) offsets[s + 1] = offsets[s]! + counts[s]!;
  const rows = new Int32Array(offsets[counts.length]!);
  const next = offsets.slice(0, counts.length);
  for (let row = 0; row < t.length; row++) {
    const k = column[row]!;
    if (k < 0) continue;
    rows[next[slotOf.get(k)!]!++] = row;
  }
  const keys: string[] = new Array(counts.length);
  for (const [k, slot] of slotOf) keys[slot] = t.strings[k]!;
  return { keys, offsets, rows };
}

function groupsToMap(g: GroupedRows): Map<string, number[]> {
  const map = new Map<string, number[]>();
  g.keys.forEach((key, s) => {
    // Two string ids can hold the same text only if they were not interned; merge to be safe.
    const rows = Array.from(g.rows.subarray(g.offsets[s]!, g.offsets[s + 1]!));
    const had = map.get(key);
    map.set(key, had ? [...had, ...rows].sort((a, b) => a - b) : rows);
  });
  return map;
}

/** Builds the wire form of the indexes (in the worker). */
export function buildIncidentIndexesWire(t: IncidentTable): IncidentIndexesWire {
  return { ...buildRowIndexesWire(t), spatial: spatialToWire(buildSpatialIndex(t.position)) };
}

/** The time prefix sums and the rows per base and per country. */
export function buildRowIndexesWire(t: IncidentTable): RowIndexesWire {
  const span = t.span ?? { start: 0, end: 0 };
  const attack = (w: (i: number) => number) => (i: number) => (isStrike(t, i) ? 0 : w(i));
  return {
    prefixes: [
      buildDayPrefix(
        t.day,
        span,
        attack(() => 1),
      ),
      buildDayPrefix(t.day, span, (i) => (isStrike(t, i) ? 1 : 0)),
      buildDayPrefix(
        t.day,
        span,
        attack((i) => Math.max(0, t.usKilled[i]!)),
      ),
      buildDayPrefix(
        t.day,
        span,
        attack((i) => Math.max(0, t.usInjured[i]!)),
      ),
    ],
    byBase: groupRows(t, t.text.base_id),
    byCountry: groupRows(t, t.text.country),
  };
}

/** The buffers of a wire form, to transfer rather than copy. */
export function indexesBuffers(w: IncidentIndexesWire): ArrayBuffer[] {
  return [
    ...w.prefixes.map((p) => p.values.buffer as ArrayBuffer),
    w.byBase.offsets.buffer as ArrayBuffer,
    w.byBase.rows.buffer as ArrayBuffer,
    w.byCountry.offsets.buffer as ArrayBuffer,
    w.byCountry.rows.buffer as ArrayBuffer,
    w.spatial.data,
    w.spatial.rowOf.buffer as ArrayBuffer,
  ];
}

/** The indexes from their wire form (on the main thread: no rebuilding, only wrapping). */
export function indexesFromWire(w: IncidentIndexesWire): IncidentIndexes {
  const [attacks, strikes, usKilled, usInjured] = w.prefixes;
  return {
    attacks,
    strikes,
    usKilled,
    usInjured,
    rowsByBase: groupsToMap(w.byBase),
    rowsByCountry: groupsToMap(w.byCountry),
    spatial: spatialFromWire(w.spatial),
  };
}

/** Builds the indexes on this thread. */
export function buildIncidentIndexes(t: IncidentTable): IncidentIndexes {
  return indexesFromWire(buildIncidentIndexesWire(t));
}
