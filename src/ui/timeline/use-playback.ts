/**
 * The playback loop: while the store says `playing`, a requestAnimationFrame loop adds the elapsed
 * time times the speed to an accumulator and moves the window by the whole days in it. At most one
 * store update per frame: when frames are slow it skips days rather than queueing steps, so the
 * pace holds (days per second) and no work piles up. The map follows through the same GPU filter
 * as scrubbing.
 */
import { useEffect } from 'react';
import type { AppStore } from '../../state/store';

/** Longest frame gap counted (a hidden tab pauses frames; it should not jump months on return). */
const MAX_FRAME_MS = 1000;

/** Runs playback for `store` while `playing` is true. */
export function usePlaybackLoop(store: AppStore, playing: boolean): void {
  useEffect(() => {
    if (!playing) return;
    let last: number | null = null;
    let days = 0;
    let frame = requestAnimationFrame(function tick(now: number) {
      const s = store.getState();
      if (!s.playing) return;
      if (last !== null) days += (Math.min(MAX_FRAME_MS, Math.max(0, now - last)) / 1000) * s.speed;
      last = now;
      const whole = Math.floor(days);
      if (whole >= 1) {
        days -= whole;
        s.advancePlayback(whole);
      }
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [store, playing]);
}
