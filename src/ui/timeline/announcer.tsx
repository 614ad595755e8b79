/**
 * A polite live region that reads out the window and its counts once a change has settled (no
 * change for a moment, and not while playing), so scrubbing and playback do not flood screen
 * readers.
 */
import { useEffect, useState } from 'react';
import type { WindowCounts } from '../../state/selectors';
import type { DayWindow } from '../../time/window';
import { fmt, formatWindow, plural } from '../format';

/** How long the window must stay still before it is announced. */
export const SETTLE_MS = 700;

/** The sentence read out for a window. */
export function announcement(w: DayWindow, c: WindowCounts): string {
  return `${formatWindow(w)}: ${plural(c.attacks, 'attack')}, ${plural(c.strikes, 'U.S. strike')}, ${fmt(c.usKilled)} U.S. killed, ${fmt(c.usInjured)} injured.`;
}

/** The live region. `text` is the current sentence; it is announced after it settles. */
export function Announcer({ text, playing }: { text: string; playing: boolean }) {
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (playing) return;
    const timer = setTimeout(() => setSaid(text), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text, playing]);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="window-announcer">
      {said}
    </p>
  );
}
