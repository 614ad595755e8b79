/**
 * Performance marks around one slider step (DESIGN.md): `scrub-start` when the input handler
 * runs, `scrub-end` after React has committed the new window. The benchmark reads the
 * `scrub` measure.
 */
import { useLayoutEffect } from 'react';

let pending = false;

/** Call at the start of an input handler that moves the window. */
export function markScrubStart(): void {
  pending = true;
  performance.mark('scrub-start');
}

/** Marks `scrub-end` in the commit that follows a scrub start (layout effect: after the DOM update). */
export function useScrubEndMark(dep: unknown): void {
  useLayoutEffect(() => {
    if (!pending) return;
    pending = false;
    performance.mark('scrub-end');
    performance.measure('scrub', 'scrub-start', 'scrub-end');
  }, [dep]);
}
