/**
 * Pieces of the embed layout that are not the map: playback and reduced motion (which must run
 * even with no visible controls) and the timeline or nothing, by `controls`.
 */
import type { Controls } from '../../state/url-view';
import { useAppStore, useAppStoreApi } from '../store-context';
import { usePlaybackLoop } from '../timeline/use-playback';
import { useReducedMotion } from '../timeline/use-reduced-motion';
import { CompactTimeline } from './compact-timeline';

/** Runs the playback loop and follows `prefers-reduced-motion` (renders nothing). */
export function EmbedRuntime() {
  const store = useAppStoreApi();
  const playing = useAppStore((s) => s.playing);
  usePlaybackLoop(store, playing);
  useReducedMotion(store);
  return null;
}

/** The controls under an embedded map: the compact timeline for `time`, nothing for `none`. */
export function EmbedControls({ controls }: { controls: Controls }) {
  if (controls !== 'time') return null;
  return <CompactTimeline />;
}

/** The embed's page heading, for screen readers (the frame has no visible header). */
export function EmbedTitle() {
  const title = useAppStore((s) => s.data?.dataset?.title ?? 'Incident map');
  return <h1 className="visually-hidden">{title}</h1>;
}
