/** A value that follows another once it has stopped changing for a moment. */
import { useEffect, useState } from 'react';

/**
 * Returns `value` as it was after `delayMs` without change. Heavier views (the table) follow the
 * window through this, so a slider step or a playback frame never waits for them.
 */
export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, settled, delayMs]);
  return settled;
}
