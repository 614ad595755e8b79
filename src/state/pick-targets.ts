/**
 * What a click on the map reaches. Many incidents sit on their base's coordinates and two bases
 * can share a proxy point, so one click may hit several things: all of them are returned (bases
 * first, then incidents by date) and the UI offers a chooser when there is more than one.
 */
import { inWindow } from '../time/window';
import { idAt, isStrike } from '../data/incident-table';
import type { AppState } from './store';
import type { Selection } from './url-schema';

/** Inputs gathered by the map adapter for one click. */
export interface ClickHits {
  state: AppState;
  /** Table row of the incident deck.gl picked, or null. */
  row: number | null;
  /** Rows sharing each drawn position ("lng,lat" of the Float32 position). */
  rowsAt: Map<string, number[]>;
  /** Ids of the base symbols under the click. */
  baseIds: string[];
  /** ISO3 of the country under the click, or null. */
  countryIso3: string | null;
}

/** The selectable targets of a click, most specific first. */
export function pickTargets({ state, row, rowsAt, baseIds, countryIso3 }: ClickHits): Selection[] {
  const items: Selection[] = [...new Set(baseIds)].map((id) => ({ kind: 'base', id }));
  const table = state.data?.incidents;
  if (table && row !== null && state.window) {
    const key = `${table.position[2 * row]},${table.position[2 * row + 1]}`;
    const visible = (r: number) =>
      inWindow(table.day[r]!, state.window!) &&
      (isStrike(table, r) ? state.layers.strikes : state.layers.attacks);
    for (const r of rowsAt.get(key) ?? [row]) {
      if (visible(r)) items.push({ kind: 'incident', id: idAt(table, r) });
    }
  }
  if (
    items.length === 0 &&
    countryIso3 &&
    state.data?.forces.countries.some((c) => c.iso3 === countryIso3)
  ) {
    items.push({ kind: 'country', id: countryIso3 });
  }
  return items;
}
