/**
 * Keeps the query string in step with the store. Writes with `replaceState` (scrubbing must not
 * flood history), debounced so URL writes stay out of the scrub path.
 */
import { DEFAULT_LAYERS, DEFAULT_RADIUS_KM, LAYER_IDS } from './url-schema';
import { DEFAULT_SPEED } from '../time/playback';
import { serializeUrl, type UrlState } from './url-schema';
import type { AppState, AppStore } from './store';

/** The URL view of the store (data URLs are kept as they were requested). */
export function urlStateOf(
  s: AppState,
  dataUrls: Pick<UrlState, 'incidents' | 'bases' | 'forces'>,
): UrlState {
  const isDefault = LAYER_IDS.every((id) => s.layers[id] === DEFAULT_LAYERS.includes(id));
  return {
    ...dataUrls,
    from: s.window?.start,
    to: s.window?.end,
    mode: s.mode === 'range' ? undefined : s.mode,
    // The length belongs to the moving window only; other modes leave it out.
    span: s.mode === 'window' ? s.spanDays : undefined,
    speed: s.speed === DEFAULT_SPEED ? undefined : s.speed,
    weight: s.weight === 'count' ? undefined : s.weight,
    select: s.selection ?? undefined,
    layers: isDefault ? undefined : LAYER_IDS.filter((id) => s.layers[id]),
    radius: s.radiusKm === DEFAULT_RADIUS_KM ? undefined : s.radiusKm,
    rings: s.rings ? true : undefined,
  };
}

/** Starts syncing; returns a function that stops it. */
export function startUrlSync(
  store: AppStore,
  dataUrls: Pick<UrlState, 'incidents' | 'bases' | 'forces'>,
  delayMs = 150,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    const s = store.getState();
    if (s.status !== 'ready') return;
    const search = serializeUrl(urlStateOf(s, dataUrls), location.search);
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.window === prev.window &&
      s.mode === prev.mode &&
      s.spanDays === prev.spanDays &&
      s.speed === prev.speed &&
      s.weight === prev.weight &&
      s.selection === prev.selection &&
      s.layers === prev.layers &&
      s.radiusKm === prev.radiusKm &&
      s.rings === prev.rings &&
      s.status === prev.status
    )
      return;
    clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
