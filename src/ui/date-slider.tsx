/**
 * A two-handle date range slider: mouse, touch and pen through pointer events, and the keyboard
 * through two ARIA sliders (←/→ a day, Shift+←/→ a week, PageUp/PageDown 30 days, Home/End the
 * span's ends). It reports whole epoch days and which handle moved; the store applies the window
 * mode (a moving window's handles drag the whole window; a cumulative window's start is pinned).
 * `children` are drawn inside the track, behind the handles (the histogram).
 */
import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { formatDay } from '../time/days';
import type { DaySpan, DayWindow } from '../time/window';
import type { WindowEnd, WindowMode } from '../time/window-modes';
import { dayToPct } from './timeline/scale';

interface Props {
  span: DaySpan;
  value: DayWindow;
  /** Free handles in `range` mode (they never cross); the store constrains the other modes. */
  mode?: WindowMode;
  onChange(next: DayWindow, moved: WindowEnd): void;
  children?: ReactNode;
}

const KEY_STEPS: Record<string, number> = {
  ArrowLeft: -1,
  ArrowDown: -1,
  ArrowRight: 1,
  ArrowUp: 1,
  PageDown: -30,
  PageUp: 30,
};

/** The window's date range slider. */
export function DateSlider({ span, value, mode = 'range', onChange, children }: Props) {
  const track = useRef<HTMLDivElement>(null);
  const dragging = useRef<WindowEnd | null>(null);
  const length = Math.max(1, span.end - span.start);
  const startLocked = mode === 'cumulative';

  const move = (handle: WindowEnd, day: number) => {
    const d = Math.round(Math.min(span.end, Math.max(span.start, day)));
    if (handle === 'start' && startLocked) return;
    const free = mode !== 'range';
    const next =
      handle === 'start'
        ? { start: free ? d : Math.min(d, value.end), end: value.end }
        : { start: value.start, end: free ? d : Math.max(d, value.start) };
    if (next.start !== value.start || next.end !== value.end) onChange(next, handle);
  };

  const dayAt = (clientX: number) => {
    const rect = track.current!.getBoundingClientRect();
    return span.start + ((clientX - rect.left) / Math.max(1, rect.width)) * length;
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const day = dayAt(e.clientX);
    const target = (e.target as HTMLElement).dataset.handle as WindowEnd | undefined;
    const nearest =
      Math.abs(day - value.start) <= Math.abs(day - value.end) && day <= value.end
        ? 'start'
        : 'end';
    const handle = startLocked ? 'end' : (target ?? nearest);
    dragging.current = handle;
    track.current!.setPointerCapture?.(e.pointerId);
    (track.current!.querySelector(`[data-handle="${handle}"]`) as HTMLElement | null)?.focus();
    if (target !== handle) move(handle, day);
    e.preventDefault();
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) move(dragging.current, dayAt(e.clientX));
  };

  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = null;
    track.current!.releasePointerCapture?.(e.pointerId);
  };

  const onKeyDown = (handle: WindowEnd) => (e: KeyboardEvent<HTMLDivElement>) => {
    const current = value[handle];
    let day: number | null = null;
    if (e.key in KEY_STEPS)
      day = current + KEY_STEPS[e.key]! * (e.shiftKey && Math.abs(KEY_STEPS[e.key]!) === 1 ? 7 : 1);
    else if (e.key === 'Home')
      day = handle === 'start' || mode !== 'range' ? span.start : value.start;
    else if (e.key === 'End') day = handle === 'end' || mode !== 'range' ? span.end : value.end;
    if (day === null) return;
    e.preventDefault();
    move(handle, day);
  };

  const thumb = (handle: WindowEnd, label: string) => {
    const locked = handle === 'start' && startLocked;
    return (
      <div
        role="slider"
        tabIndex={locked ? -1 : 0}
        data-handle={handle}
        className={`slider-thumb slider-thumb-${handle}`}
        style={{ left: `${dayToPct(span, value[handle])}%` }}
        aria-label={label}
        aria-valuemin={span.start}
        aria-valuemax={span.end}
        aria-valuenow={value[handle]}
        aria-valuetext={formatDay(value[handle])}
        aria-orientation="horizontal"
        aria-disabled={locked ? true : undefined}
        onKeyDown={locked ? undefined : onKeyDown(handle)}
      />
    );
  };

  return (
    <div className="date-slider">
      <div
        ref={track}
        className="slider-track"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-testid="slider-track"
      >
        {children}
        <div className="slider-rail" />
        <div
          className="slider-range"
          style={{
            left: `${dayToPct(span, value.start)}%`,
            width: `${dayToPct(span, value.end) - dayToPct(span, value.start)}%`,
          }}
        />
        {thumb('start', 'Start date')}
        {thumb('end', 'End date')}
      </div>
    </div>
  );
}
