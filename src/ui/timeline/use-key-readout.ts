/**
 * The bar read-out for keyboard users. The histogram's tooltip follows the pointer; when the keys
 * move the window instead (the timeline's own arrows and Home/End, or a slider handle's keys),
 * the same read-out shows for the bar holding the end that moved, so its dates and counts by type
 * are not for mouse users only. It goes away when the pointer or playback takes over, on Escape,
 * and when focus moves (it would cover the control focused next) until the next key.
 */
import { useCallback, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { WindowEnd } from '../../time/window-modes';

/** Keys with which a slider handle moves its end (see DateSlider). */
const HANDLE_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

/** The end whose bar to read out (null: none), and the timeline's handlers that drive it. */
export interface KeyReadout {
  end: WindowEnd | null;
  /**
   * Call from the timeline's keydown (bubbling) with whether the timeline itself handled the key
   * as a step or jump of the window's end.
   */
  onKey(e: KeyboardEvent<HTMLElement>, steppedEnd: boolean): void;
  onPointerDown(): void;
  /** Focus moved within the timeline. */
  onFocus(): void;
  onBlur(e: FocusEvent<HTMLElement>): void;
}

/** Tracks which window end the keyboard last moved while focus is in the timeline. */
export function useKeyReadout(): KeyReadout {
  const [end, setEnd] = useState<WindowEnd | null>(null);
  const onKey = useCallback((e: KeyboardEvent<HTMLElement>, steppedEnd: boolean) => {
    if (steppedEnd) return setEnd('end');
    if (e.key === 'Escape' || e.key === ' ') return setEnd(null);
    const handle = (e.target as HTMLElement).closest<HTMLElement>('[role="slider"][data-handle]');
    const moves = handle && handle.getAttribute('aria-disabled') !== 'true';
    if (moves && HANDLE_KEYS.has(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey) {
      setEnd(handle!.dataset.handle === 'start' ? 'start' : 'end');
    }
  }, []);
  const hide = useCallback(() => setEnd(null), []);
  const onBlur = useCallback((e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setEnd(null);
  }, []);
  return { end, onKey, onPointerDown: hide, onFocus: hide, onBlur };
}
