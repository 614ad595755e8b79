/**
 * The bottom bar: the window in words and its counts, playback and mode controls, exact dates,
 * and the timeline itself (key-event marks, the histogram behind the slider, the date axis).
 * With focus anywhere in it (outside a field or a slider handle), ←/→ step the window's end by a
 * day, Shift+←/→ by a week, Space plays or pauses and Home/End jump to the span's ends. While the
 * keys move the window, the bar holding the moved end reads out its dates and counts (as on hover).
 */
import {
  memo,
  useCallback,
  useDeferredValue,
  useMemo,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import type { Annotation } from '../data/annotations';
import { rowOfId } from '../data/incident-table';
import {
  dailyTotals,
  officialComparisons,
  sampleAttacksUpTo,
  windowCounts,
} from '../state/selectors';
import { windowAt } from '../time/playback';
import type { DayWindow } from '../time/window';
import type { WindowEnd } from '../time/window-modes';
import { DateSlider } from './date-slider';
import { FilterSummary } from './filters/filter-summary';
import { formatWindow, plural, fmt } from './format';
import { markScrubStart, useScrubEndMark } from './scrub-marks';
import { useAppStore, useAppStoreApi } from './store-context';
import { AnnotationMarks } from './timeline/annotation-marks';
import { Announcer, announcement } from './timeline/announcer';
import { Axis } from './timeline/axis';
import { ChartOptions } from './timeline/chart-options';
import { DateInputs } from './timeline/date-inputs';
import { Histogram } from './timeline/histogram';
import { ModeControls } from './timeline/mode-controls';
import { EventNote, OfficialNote } from './timeline/notes';
import { PlayControls } from './timeline/play-controls';
import { dayToPct } from './timeline/scale';
import { useElementWidth } from './timeline/use-element-width';
import { useKeyReadout } from './timeline/use-key-readout';
import { useSettled } from './use-settled';

/** How long the keys rest before the keyboard's bar read-out shows (ms). */
const READOUT_SETTLE_MS = 150;
import { usePlaybackLoop } from './timeline/use-playback';
import { useReducedMotion } from './timeline/use-reduced-motion';

const NO_ANNOTATIONS: Annotation[] = [];
const MemoOfficialNote = memo(OfficialNote);
const MemoAnnouncer = memo(Announcer);

/** Counts line, e.g. "95 attacks · 12 U.S. strikes · 3 U.S. killed · 41 injured". */
function CountsLine({ window }: { window: DayWindow }) {
  // With filters on, the filtered prefix sums (rebuilt per filter change, not per step).
  const prefixes = useAppStore((s) => s.filtered ?? s.derived);
  if (!prefixes) return null;
  const c = windowCounts(prefixes, window);
  return (
    <p className="counts" data-testid="window-counts">
      <span className="count-attacks">{plural(c.attacks, 'attack')}</span> ·{' '}
      <span className="count-strikes">{plural(c.strikes, 'U.S. strike')}</span> · {fmt(c.usKilled)}{' '}
      U.S. killed · {fmt(c.usInjured)} injured
    </p>
  );
}

/** Veils over the bars outside the window, so the selected part stands out. */
function WindowShade({ window, span }: { window: DayWindow; span: DayWindow }) {
  const left = Math.max(0, dayToPct(span, window.start - 0.5));
  const right = Math.min(100, dayToPct(span, window.end + 0.5));
  return (
    <>
      <div className="window-shade" style={{ left: 0, width: `${left}%` }} />
      <div className="window-shade" style={{ left: `${right}%`, right: 0 }} />
      <div className="window-outline" style={{ left: `${left}%`, width: `${right - left}%` }} />
    </>
  );
}

/** Keys the timeline handles itself; fields and slider handles keep their own keys. */
function ownsKey(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement;
  if (e.altKey || e.ctrlKey || e.metaKey) return false;
  if (el.closest('input, select, textarea, [role="slider"]')) return false;
  // A focused button does its own thing on Space.
  if (e.key === ' ' && el.closest('button')) return false;
  return ['ArrowLeft', 'ArrowRight', ' ', 'Home', 'End'].includes(e.key);
}

/** The timeline bar. Renders nothing until data has a time span. */
export function Timeline() {
  const store = useAppStoreApi();
  const window = useAppStore((s) => s.window);
  // The notes, the live region and the date fields' displayed values follow a deferred copy of
  // the window: React commits a scrub step (map filter, label, counts, handles) first and updates
  // them right after, outside the scrub path.
  const settled = useDeferredValue(window);
  const span = useAppStore((s) => s.data?.incidents.span ?? null);
  const data = useAppStore((s) => s.data);
  const derived = useAppStore((s) => s.derived);
  const caveat = useAppStore((s) => s.data?.dataset?.caveat ?? null);
  const mode = useAppStore((s) => s.mode);
  const playing = useAppStore((s) => s.playing);
  const weight = useAppStore((s) => s.weight);
  const showOfficial = useAppStore((s) => s.showOfficial);
  const setWindow = useAppStore((s) => s.setWindow);
  const pause = useAppStore((s) => s.pause);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [picked, setPicked] = useState<Annotation | null>(null);
  const [plotRef, width] = useElementWidth<HTMLDivElement>();
  const readout = useKeyReadout();
  // The keyboard's bar read-out shows once the keys rest, outside the scrub path (DESIGN.md:
  // heavier views follow after about 150 ms), and never while playing.
  const keyDayNow = readout.end && !playing && window ? window[readout.end] : null;
  const keyDaySettled = useSettled(keyDayNow, READOUT_SETTLE_MS);
  const keyDay = keyDayNow !== null && keyDaySettled === keyDayNow ? keyDayNow : null;
  useScrubEndMark(window);
  usePlaybackLoop(store, playing);
  useReducedMotion(store);

  const onChange = useCallback(
    (w: DayWindow, moved: WindowEnd) => {
      markScrubStart();
      setWindow(w, moved);
    },
    [setWindow],
  );

  const filtered = useAppStore((s) => s.filtered);
  const totals = useMemo(
    () => filtered?.daily ?? (data ? dailyTotals(data.incidents) : null),
    [data, filtered],
  );
  const sampleUpTo = useCallback(
    (day: number) => (derived ? sampleAttacksUpTo(derived, day) : 0),
    [derived],
  );
  const comparisons = useMemo(
    () =>
      derived && data?.dataset?.official_counts.length
        ? officialComparisons(data.dataset.official_counts, derived)
        : null,
    [data, derived],
  );
  const annotations = data?.annotations ?? NO_ANNOTATIONS;

  const onPick = useCallback(
    (a: Annotation) => {
      const s = store.getState();
      const sp = s.data?.incidents.span;
      if (!sp || !s.window) return;
      s.pause();
      markScrubStart();
      s.setWindow(windowAt(a.day, s.window, { mode: s.mode, spanDays: s.spanDays }, sp));
      if (a.incident_id && rowOfId(s.data!.incidents, a.incident_id) !== undefined) {
        s.select({ kind: 'incident', id: a.incident_id }, { fly: true });
      }
      setPicked(a);
    },
    [store],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const owned = span !== null && ownsKey(e);
    readout.onKey(e, owned && e.key !== ' ');
    if (!owned || !span) return;
    e.preventDefault();
    const s = store.getState();
    if (e.key === ' ') return s.togglePlay();
    s.pause();
    markScrubStart();
    if (e.key === 'Home') s.jumpTo(span.start);
    else if (e.key === 'End') s.jumpTo(span.end);
    else s.stepWindow((e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 7 : 1));
  };

  if (!window || !span || !derived) return null;
  const histHeight = width < 500 ? 44 : 56;
  const note = picked && picked.day >= window.start && picked.day <= window.end ? picked : null;
  return (
    <section
      className="timeline"
      aria-label="Time window"
      onKeyDown={onKeyDown}
      onPointerDown={readout.onPointerDown}
      onFocus={readout.onFocus}
      onBlur={readout.onBlur}
    >
      <div className="timeline-text">
        <h2 className="window-label" data-testid="window-label" aria-live="off">
          {formatWindow(window)}
        </h2>
        <CountsLine window={window} />
        <FilterSummary />
        {caveat && <p className="caveat">{caveat}</p>}
      </div>
      <div className="timeline-controls">
        <PlayControls />
        <button
          type="button"
          className="options-toggle"
          aria-expanded={optionsOpen}
          aria-controls="timeline-options"
          onClick={() => setOptionsOpen(!optionsOpen)}
        >
          Options
        </button>
        <div id="timeline-options" className={`timeline-options${optionsOpen ? ' open' : ''}`}>
          <ModeControls />
          <DateInputs
            span={span}
            value={window}
            shown={settled ?? window}
            mode={mode}
            onChange={onChange}
            onEdit={pause}
          />
          <ChartOptions hasOfficial={comparisons !== null} />
        </div>
      </div>
      <div
        className="timeline-plot"
        ref={plotRef}
        tabIndex={0}
        role="group"
        aria-label="Timeline"
        aria-describedby="timeline-keys"
        style={{ '--hist-h': `${histHeight}px` } as CSSProperties}
      >
        <AnnotationMarks span={span} width={width} annotations={annotations} onPick={onPick} />
        <DateSlider span={span} value={window} mode={mode} onChange={onChange}>
          {totals && (
            <Histogram
              span={span}
              width={width}
              height={histHeight}
              weight={weight}
              totals={totals}
              comparisons={showOfficial ? comparisons : null}
              sampleUpTo={sampleUpTo}
              keyDay={keyDay}
            />
          )}
          <WindowShade window={window} span={span} />
        </DateSlider>
        <Axis span={span} width={width} />
      </div>
      <p id="timeline-keys" className="visually-hidden">
        Left and right arrows move the end date by a day, with Shift by a week; Space plays or
        pauses; Home and End go to the first and last day.
      </p>
      {note && <EventNote event={note} onClose={() => setPicked(null)} />}
      {comparisons && showOfficial && weight === 'count' && (
        <MemoOfficialNote
          list={comparisons}
          end={(settled ?? window).end}
          filtered={filtered !== null}
        />
      )}
      <MemoAnnouncer
        text={announcement(settled ?? window, windowCounts(filtered ?? derived, settled ?? window))}
        playing={playing}
      />
    </section>
  );
}
