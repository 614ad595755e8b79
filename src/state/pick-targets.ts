/**
 * What a click on the map reaches. Many incidents sit on their base's coordinates and two bases
 * can share a proxy point, so one click may hit several things: all of them are returned (bases
 * first, then incidents by date) and the UI offers a chooser when there is more than one.
 */
import { inWindow } from '../time/window';
import { idAt, isStrike } from '../data/incident-table';
import type { AppState } from './store';
import { rowsAtPoint } from '../geo/spatial-index';
import type { Selection } from './url-schema';

/** Inputs gathered by the map adapter for one click. */
export interface ClickHits {
  state: AppState;
  /** Table row of the incident deck.gl picked, or null. */
  row: number | null;
  /** Ids of the base symbols under the click. */
  baseIds: string[];
  /** ISO3 of the country under the click, or null. */
  countryIso3: string | null;
}

/** At most this many incidents are listed for one click; the rest are counted. */
export const MAX_LISTED = 100;

/** The selectable targets of a click, most specific first, and how many more incidents were left out. */
export function pickTargets({ state, row, baseIds, countryIso3 }: ClickHits): {
  items: Selection[];
  more: number;
} {
  const items: Selection[] = [...new Set(baseIds)].map((id) => ({ kind: 'base', id }));
  const table = state.data?.incidents;
  let more = 0;
  if (table && state.derived && row !== null && state.window) {
    const mask = state.filtered?.mask;
    const visible = (r: number) =>
      inWindow(table.day[r]!, state.window!) &&
      (!mask || mask[r] === 1) &&
      (isStrike(table, r) ? state.layers.strikes : state.layers.attacks);
    const stacked = rowsAtPoint(
      state.derived.spatial,
      table.position[2 * row]!,
      table.position[2 * row + 1]!,
    );
    const shown = stacked.filter(visible);
    for (const r of shown.slice(0, MAX_LISTED))
      items.push({ kind: 'incident', id: idAt(table, r) });
    more = Math.max(0, shown.length - MAX_LISTED);
  }
  if (
    items.length === 0 &&
    countryIso3 &&
    state.data?.forces.countries.some((c) => c.iso3 === countryIso3)
  ) {
    items.push({ kind: 'country', id: countryIso3 });
  }
  return { items, more };
}
