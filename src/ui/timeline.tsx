/** The bottom bar: the window in words, its counts, the dataset's caveat and the date slider. */
import { useCallback } from 'react';
import { windowCounts } from '../state/selectors';
import type { DayWindow } from '../time/window';
import { DateSlider } from './date-slider';
import { formatWindow, plural, fmt } from './format';
import { markScrubStart, useScrubEndMark } from './scrub-marks';
import { useAppStore } from './store-context';

/** Counts line, e.g. "95 attacks · 12 U.S. strikes · 3 U.S. killed · 41 injured". */
function CountsLine({ window }: { window: DayWindow }) {
  const derived = useAppStore((s) => s.derived);
  if (!derived) return null;
  const c = windowCounts(derived, window);
  return (
    <p className="counts" data-testid="window-counts">
      <span className="count-attacks">{plural(c.attacks, 'attack')}</span> ·{' '}
      <span className="count-strikes">{plural(c.strikes, 'U.S. strike')}</span> · {fmt(c.usKilled)}{' '}
      U.S. killed · {fmt(c.usInjured)} injured
    </p>
  );
}

/** The timeline bar. Renders nothing until data has a time span. */
export function Timeline() {
  const window = useAppStore((s) => s.window);
  const span = useAppStore((s) => s.data?.incidents.span ?? null);
  const caveat = useAppStore((s) => s.data?.dataset?.caveat ?? null);
  const setWindow = useAppStore((s) => s.setWindow);
  useScrubEndMark(window);
  const onChange = useCallback(
    (w: DayWindow) => {
      markScrubStart();
      setWindow(w);
    },
    [setWindow],
  );
  if (!window || !span) return null;
  return (
    <section className="timeline" aria-label="Time window">
      <div className="timeline-text">
        <h2 className="window-label" data-testid="window-label" aria-live="off">
          {formatWindow(window)}
        </h2>
        <CountsLine window={window} />
        {caveat && <p className="caveat">{caveat}</p>}
      </div>
      <DateSlider span={span} value={window} onChange={onChange} />
    </section>
  );
}
