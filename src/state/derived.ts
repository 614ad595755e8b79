/**
 * Indexes computed once when data loads, so every slider step is O(1) (prefix sums) or a
 * binary search, never a scan of all incidents.
 */
import type { LoadedData } from '../data/load-all';
import { buildIncidentIndexes, type IncidentIndexes } from '../data/incident-indexes';
import type { Base, ForceFigure } from '../data/types';
import { buildStepSeries, type StepPoint } from '../time/step-series';

/** Window totals are computed from these (the incident indexes plus bases and force levels). */
export interface Derived extends IncidentIndexes {
  baseById: Map<string, Base>;
  /** Bases sharing one coordinate pair, keyed by base id (each group lists all its ids). */
  colocated: Map<string, string[]>;
  /** Step series of U.S. troops per ISO3 country code. */
  forceSeries: Map<string, StepPoint<ForceFigure>[]>;
  /** Step series of site-level troop figures per base id. */
  siteSeries: Map<string, StepPoint<ForceFigure>[]>;
}

/** Builds all indexes for loaded data. */
export function deriveIndexes(data: LoadedData): Derived {
  // Built by the loader worker for big files; here otherwise (tests, the default data).
  const incidents = data.prebuilt?.indexes ?? buildIncidentIndexes(data.incidents);
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
    ...incidents,
    baseById: new Map(data.bases.map((b) => [b.id, b])),
    colocated,
    forceSeries: new Map(data.forces.countries.map((c) => [c.iso3, buildStepSeries(c.series)])),
    siteSeries: new Map(
      data.forces.sites
        .filter((s) => s.base_id)
        .map((s) => [s.base_id!, buildStepSeries(s.series)]),
    ),
  };
}
