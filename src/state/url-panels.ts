/**
 * The URL keys of the analysis panels: `radius` (attacks near a base), `rings` (range rings around
 * the selected base), `compare` (the base ranking is open), `rank` and `basis` (how it ranks).
 * Part of the URL schema (url-schema.ts calls these and re-exports the constants); same
 * conventions: an invalid value is dropped with a notice, a default is left out of the URL.
 */
import {
  ALL_RINGS,
  hasRings,
  REACH_RINGS_KM,
  sameRings,
  type ReachKm,
  type RingChoice,
} from '../geo/range-rings';
import type { UrlState } from './url-schema';
import { oneOfParam } from './url-view';

/** Radii (km) the base panel offers for "attacks near this base"; the default is 25. */
export const RADIUS_OPTIONS_KM = [10, 25, 50, 100] as const;
export type RadiusKm = (typeof RADIUS_OPTIONS_KM)[number];
export const DEFAULT_RADIUS_KM: RadiusKm = 25;

/** How the base ranking is ordered (`rank=`); the first is the default. */
export const RANK_ORDERS = ['attacks', 'casualties'] as const;
export type RankOrder = (typeof RANK_ORDERS)[number];
/**
 * What the ranking counts (`basis=`): incidents tagged with each base (the default), or those
 * within the `radius` of it.
 */
export const RANK_BASES = ['tagged', 'near'] as const;
export type RankBasis = (typeof RANK_BASES)[number];

/** The names of the rings in a `rings=` list, besides the reach distances. */
const RADIUS_RING = 'radius';
/** Longer than any list of the four rings: a longer value is not a ring list. */
const MAX_RINGS_LENGTH = 40;

type Drop = (key: string, value: string, why: string) => void;

/**
 * Reads `rings`: `1` (every ring, as older links meant), `0` (none), or a comma list of the
 * rings to draw (`radius`, `100`, `300`, `500`). Unknown items are dropped with one notice.
 */
export function parseRings(value: string, drop: Drop): RingChoice | undefined {
  if (value === '1') return ALL_RINGS;
  if (value === '0') return { radius: false, reach: [] };
  const expected = `expected 1, 0 or a list of ${RADIUS_RING}, ${REACH_RINGS_KM.join(', ')}`;
  if (value.length > MAX_RINGS_LENGTH) {
    drop('rings', value, expected);
    return undefined;
  }
  const items = value.split(',').filter(Boolean);
  const isReach = (item: string) => (REACH_RINGS_KM as readonly number[]).includes(Number(item));
  const bad = items.filter(
    (item) => item !== RADIUS_RING && !(/^\d+$/.test(item) && isReach(item)),
  );
  if (bad.length || items.length === 0) {
    drop('rings', bad.length ? bad.join(',') : value, expected);
  }
  const good = items.filter((item) => !bad.includes(item));
  if (good.length === 0) return undefined;
  return {
    radius: good.includes(RADIUS_RING),
    reach: REACH_RINGS_KM.filter((km: ReachKm) => good.some((item) => Number(item) === km)),
  };
}

/** The `rings` text of a choice: `1` for every ring, `0` for none, else the list. */
export function ringsToText(choice: RingChoice): string {
  if (sameRings(choice, ALL_RINGS)) return '1';
  if (!hasRings(choice)) return '0';
  return [...(choice.radius ? [RADIUS_RING] : []), ...choice.reach].join(',');
}

/** Reads the panel keys into `state`. */
export function parsePanelKeys(params: URLSearchParams, state: UrlState, drop: Drop): void {
  const radius = params.get('radius');
  if (radius !== null) {
    const km = Number(radius);
    if ((RADIUS_OPTIONS_KM as readonly number[]).includes(km)) state.radius = km as RadiusKm;
    else drop('radius', radius, `expected one of ${RADIUS_OPTIONS_KM.join(', ')} (km)`);
  }

  const rings = params.get('rings');
  if (rings !== null) {
    const choice = parseRings(rings, drop);
    if (choice) state.rings = choice;
  }

  const compare = params.get('compare');
  if (compare !== null) {
    if (compare === '1' || compare === '0') state.compare = compare === '1';
    else drop('compare', compare, 'expected 1 or 0');
  }

  const rank = oneOfParam(params, 'rank', RANK_ORDERS, drop);
  if (rank) state.rank = rank;
  const basis = oneOfParam(params, 'basis', RANK_BASES, drop);
  if (basis) state.basis = basis;
}

/** Writes the panel keys (`put` deletes a key given undefined). */
export function serializePanelKeys(
  state: UrlState,
  put: (key: string, value: string | undefined) => void,
): void {
  put('radius', state.radius === undefined ? undefined : String(state.radius));
  put('rings', state.rings === undefined ? undefined : ringsToText(state.rings));
  put('compare', state.compare ? '1' : undefined);
  put('rank', state.rank);
  put('basis', state.basis);
}
