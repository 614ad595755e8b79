/**
 * A two-handle date range slider: mouse, touch and pen through pointer events, and the keyboard
 * through two ARIA sliders (←/→ a day, PageUp/PageDown 30 days, Home/End the span's ends).
 * It reports whole epoch days; the handles never cross.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatDay } from '../time/days';
import type { DaySpan, DayWindow } from '../time/window';

type Handle = 'start' | 'end';

interface Props {
  span: DaySpan;
  value: DayWindow;
  onChange(next: DayWindow): void;
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
export function DateSlider({ span, value, onChange }: Props) {
  const track = useRef<HTMLDivElement>(null);
  const dragging = useRef<Handle | null>(null);
  const length = Math.max(1, span.end - span.start);
  const pct = (day: number) => ((day - span.start) / length) * 100;

  const move = (handle: Handle, day: number) => {
    const d = Math.round(Math.min(span.end, Math.max(span.start, day)));
    const next =
      handle === 'start'
        ? { start: Math.min(d, value.end), end: value.end }
        : { start: value.start, end: Math.max(d, value.start) };
    if (next.start !== value.start || next.end !== value.end) onChange(next);
  };

  const dayAt = (clientX: number) => {
    const rect = track.current!.getBoundingClientRect();
    return span.start + ((clientX - rect.left) / Math.max(1, rect.width)) * length;
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const day = dayAt(e.clientX);
    const target = (e.target as HTMLElement).dataset.handle as Handle | undefined;
    const handle =
      target ??
      (Math.abs(day - value.start) <= Math.abs(day - value.end) && day <= value.end
        ? 'start'
        : 'end');
    dragging.current = handle;
    track.current!.setPointerCapture?.(e.pointerId);
    (track.current!.querySelector(`[data-handle="${handle}"]`) as HTMLElement | null)?.focus();
    if (!target) move(handle, day);
    e.preventDefault();
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) move(dragging.current, dayAt(e.clientX));
  };

  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = null;
    track.current!.releasePointerCapture?.(e.pointerId);
  };

  const onKeyDown = (handle: Handle) => (e: KeyboardEvent<HTMLDivElement>) => {
    const current = value[handle];
    let day: number | null = null;
    if (e.key in KEY_STEPS)
      day = current + KEY_STEPS[e.key]! * (e.shiftKey && Math.abs(KEY_STEPS[e.key]!) === 1 ? 7 : 1);
    else if (e.key === 'Home') day = handle === 'start' ? span.start : value.start;
    else if (e.key === 'End') day = handle === 'end' ? span.end : value.end;
    if (day === null) return;
    e.preventDefault();
    move(handle, day);
  };

  const thumb = (handle: Handle, label: string) => (
    <div
      role="slider"
      tabIndex={0}
      data-handle={handle}
      className={`slider-thumb slider-thumb-${handle}`}
      style={{ left: `${pct(value[handle])}%` }}
      aria-label={label}
      aria-valuemin={span.start}
      aria-valuemax={span.end}
      aria-valuenow={value[handle]}
      aria-valuetext={formatDay(value[handle])}
      aria-orientation="horizontal"
      onKeyDown={onKeyDown(handle)}
    />
  );

  return (
    <div className="date-slider">
      <span className="slider-bound" aria-hidden="true">
        {formatDay(span.start)}
      </span>
      <div
        ref={track}
        className="slider-track"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-testid="slider-track"
      >
        <div className="slider-rail" />
        <div
          className="slider-range"
          style={{ left: `${pct(value.start)}%`, width: `${pct(value.end) - pct(value.start)}%` }}
        />
        {thumb('start', 'Start date')}
        {thumb('end', 'End date')}
      </div>
      <span className="slider-bound" aria-hidden="true">
        {formatDay(span.end)}
      </span>
    </div>
  );
}
