/**
 * Indexes computed once when data loads, so every slider step is O(1) (prefix sums) or a
 * binary search, never a scan of all incidents.
 */
import type { LoadedData } from '../data/load-all';
import { isStrike, textAt, type IncidentTable } from '../data/incident-table';
import type { Base, ForceFigure } from '../data/types';
import { buildDayPrefix, type DayPrefix } from '../time/prefix-sums';
import { buildStepSeries, type StepPoint } from '../time/step-series';
import { buildSpatialIndex, type SpatialIndex } from '../geo/spatial-index';

/** Window totals are computed from these. */
export interface Derived {
  attacks: DayPrefix;
  strikes: DayPrefix;
  usKilled: DayPrefix;
  usInjured: DayPrefix;
  /** Rows (sorted by day) of incidents tagged with each base id. */
  rowsByBase: Map<string, number[]>;
  /** Rows (sorted by day) of incidents per country name. */
  rowsByCountry: Map<string, number[]>;
  baseById: Map<string, Base>;
  /** Bases sharing one coordinate pair, keyed by base id (each group lists all its ids). */
  colocated: Map<string, string[]>;
  /** KD-tree over incident positions (clicks on stacked points, radius queries). */
  spatial: SpatialIndex;
  /** Step series of U.S. troops per ISO3 country code. */
  forceSeries: Map<string, StepPoint<ForceFigure>[]>;
  /** Step series of site-level troop figures per base id. */
  siteSeries: Map<string, StepPoint<ForceFigure>[]>;
}

function groupRows(
  table: IncidentTable,
  key: (row: number) => string | null,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < table.length; i++) {
    const k = key(i);
    if (k === null) continue;
    let rows = out.get(k);
    if (!rows) out.set(k, (rows = []));
    rows.push(i);
  }
  return out;
}

/** Builds all indexes for loaded data. */
export function deriveIndexes(data: LoadedData): Derived {
  const t = data.incidents;
  const span = t.span ?? { start: 0, end: 0 };
  const attackWeight = (w: (i: number) => number) => (i: number) => (isStrike(t, i) ? 0 : w(i));
  const colocated = new Map<string, string[]>();
  const byPoint = new Map<string, string[]>();
  for (const b of data.bases) {
    const key = `${b.lng.toFixed(5)},${b.lat.toFixed(5)}`;
    const group = byPoint.get(key) ?? [];
    group.push(b.id);
    byPoint.set(key, group);
  }
  for (const group of byPoint.values()) {
    if (group.length > 1) for (const id of group) colocated.set(id, group);
  }
  return {
    attacks: buildDayPrefix(
      t.day,
      span,
      attackWeight(() => 1),
    ),
    strikes: buildDayPrefix(t.day, span, (i) => (isStrike(t, i) ? 1 : 0)),
    usKilled: buildDayPrefix(
      t.day,
      span,
      attackWeight((i) => Math.max(0, t.usKilled[i]!)),
    ),
    usInjured: buildDayPrefix(
      t.day,
      span,
      attackWeight((i) => Math.max(0, t.usInjured[i]!)),
    ),
    rowsByBase: groupRows(t, (i) => textAt(t, 'base_id', i)),
    rowsByCountry: groupRows(t, (i) => textAt(t, 'country', i)),
    baseById: new Map(data.bases.map((b) => [b.id, b])),
    colocated,
    spatial: buildSpatialIndex(t.position),
    forceSeries: new Map(data.forces.countries.map((c) => [c.iso3, buildStepSeries(c.series)])),
    siteSeries: new Map(
      data.forces.sites
        .filter((s) => s.base_id)
        .map((s) => [s.base_id!, buildStepSeries(s.series)]),
    ),
  };
}
