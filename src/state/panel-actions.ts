/**
 * The store's actions for the analysis panels (spread into the store like the time actions): the
 * radius of "attacks near this base", the range rings, and how the base ranking ranks. All of
 * them are view state carried in the URL (url-panels.ts).
 */
import { hasRings, NO_RINGS, sameRings, withRing } from '../geo/range-rings';
import type { AppState } from './store';
import {
  DEFAULT_RADIUS_KM,
  RANK_BASES,
  RANK_ORDERS,
  type RankBasis,
  type RankOrder,
  type UrlState,
} from './url-schema';

type SetState = (partial: Partial<AppState>) => void;
type GetState = () => AppState;
export type PanelAction = 'setRadius' | 'setRings' | 'toggleRing' | 'setRankOrder' | 'setRankBasis';
type PanelState = 'radiusKm' | 'rings' | 'rankOrder' | 'rankBasis';

/** The panel state a URL asks for (absent keys: the defaults). */
export function panelsFromUrl(url: UrlState): Pick<AppState, PanelState> {
  return {
    radiusKm: url.radius ?? DEFAULT_RADIUS_KM,
    // `rings=0` in older links meant "no rings", the default: one shared object either way.
    rings: url.rings && hasRings(url.rings) ? url.rings : NO_RINGS,
    rankOrder: url.rank ?? RANK_ORDERS[0],
    rankBasis: url.basis ?? RANK_BASES[0],
  };
}

/** Panel actions. A choice equal to the current one changes nothing (no URL write, no redraw). */
export function panelActions(set: SetState, get: GetState): Pick<AppState, PanelAction> {
  return {
    setRadius: (radiusKm) => set({ radiusKm }),
    setRings: (rings) => {
      if (!sameRings(rings, get().rings)) set({ rings });
    },
    toggleRing: (ring, on) => get().setRings(withRing(get().rings, ring, on)),
    setRankOrder: (rankOrder: RankOrder) => set({ rankOrder }),
    setRankBasis: (rankBasis: RankBasis) => set({ rankBasis }),
  };
}
