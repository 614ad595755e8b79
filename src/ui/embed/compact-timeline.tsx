/**
 * The embed's compact timeline: the window in words and its counts, Play, and the date slider
 * over a low histogram. Playback itself runs in the embed shell (it also runs with no controls).
 */
import { useCallback, useMemo } from 'react';
import { dailyTotals, windowCounts } from '../../state/selectors';
import type { DayWindow } from '../../time/window';
import type { WindowEnd } from '../../time/window-modes';
import { DateSlider } from '../date-slider';
import { fmt, formatWindow, plural } from '../format';
import { markScrubStart, useScrubEndMark } from '../scrub-marks';
import { useAppStore } from '../store-context';
import { Histogram } from '../timeline/histogram';
import { useElementWidth } from '../timeline/use-element-width';

const NO_SAMPLE = () => 0;

/** The compact timeline; nothing until the data has a span. */
export function CompactTimeline() {
  const window = useAppStore((s) => s.window);
  const span = useAppStore((s) => s.data?.incidents.span ?? null);
  const data = useAppStore((s) => s.data);
  const prefixes = useAppStore((s) => s.filtered ?? s.derived);
  const filtered = useAppStore((s) => s.filtered);
  const mode = useAppStore((s) => s.mode);
  const weight = useAppStore((s) => s.weight);
  const playing = useAppStore((s) => s.playing);
  const setWindow = useAppStore((s) => s.setWindow);
  const togglePlay = useAppStore((s) => s.togglePlay);
  const [plotRef, width] = useElementWidth<HTMLDivElement>();
  useScrubEndMark(window);
  const totals = useMemo(
    () => filtered?.daily ?? (data ? dailyTotals(data.incidents) : null),
    [data, filtered],
  );
  const onChange = useCallback(
    (w: DayWindow, moved: WindowEnd) => {
      markScrubStart();
      setWindow(w, moved);
    },
    [setWindow],
  );
  if (!window || !span || !prefixes) return null;
  const c = windowCounts(prefixes, window);
  return (
    <section className="timeline compact-timeline" aria-label="Time window">
      <div className="compact-row">
        <button
          type="button"
          className="play-button"
          onClick={togglePlay}
          aria-label={playing ? 'Pause' : 'Play'}
          data-playing={playing}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
        </button>
        <h2 className="window-label" data-testid="window-label">
          {formatWindow(window)}
        </h2>
        <p className="counts" data-testid="window-counts">
          {plural(c.attacks, 'attack')} · {plural(c.strikes, 'U.S. strike')} · {fmt(c.usKilled)}{' '}
          U.S. killed · {fmt(c.usInjured)} injured
        </p>
      </div>
      <div
        className="timeline-plot compact-plot"
        ref={plotRef}
        style={{ '--hist-h': '28px' } as React.CSSProperties}
      >
        <DateSlider span={span} value={window} mode={mode} onChange={onChange}>
          {totals && (
            <Histogram
              span={span}
              width={width}
              height={28}
              weight={weight}
              totals={totals}
              comparisons={null}
              sampleUpTo={NO_SAMPLE}
            />
          )}
        </DateSlider>
      </div>
    </section>
  );
}
