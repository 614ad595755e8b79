/**
 * The window's start and end as date inputs. A complete date inside the data applies at once; an
 * incomplete, impossible or out-of-range date, or a start after the end, is refused with a message
 * when the field is left or Enter is pressed, and the window stays as it was.
 */
import { useState } from 'react';
import { dayToIso, formatDay, isoToDay } from '../../time/days';
import type { DaySpan, DayWindow } from '../../time/window';
import type { WindowEnd, WindowMode } from '../../time/window-modes';
import { markScrubStart } from '../scrub-marks';

interface Props {
  span: DaySpan;
  value: DayWindow;
  mode: WindowMode;
  onChange(next: DayWindow, moved: WindowEnd): void;
}

/** Why a typed date is refused, or null when it can be applied. */
export function dateProblem(
  text: string,
  which: WindowEnd,
  span: DaySpan,
  value: DayWindow,
  mode: WindowMode,
): string | null {
  const day = isoToDay(text);
  if (day === null) return 'Enter a complete, real date.';
  if (day < span.start || day > span.end) {
    return `Choose a date from ${formatDay(span.start)} to ${formatDay(span.end)}.`;
  }
  if (mode === 'range' && which === 'start' && day > value.end) {
    return `The start must be on or before the end (${formatDay(value.end)}).`;
  }
  if (mode === 'range' && which === 'end' && day < value.start) {
    return `The end must be on or after the start (${formatDay(value.start)}).`;
  }
  return null;
}

/** "From" and "To" fields. */
export function DateInputs({ span, value, mode, onChange }: Props) {
  return (
    <div className="date-inputs">
      <DateField
        which="start"
        label="From"
        span={span}
        value={value}
        mode={mode}
        onChange={onChange}
        disabled={mode === 'cumulative'}
      />
      <DateField which="end" label="To" span={span} value={value} mode={mode} onChange={onChange} />
    </div>
  );
}

function DateField(props: Props & { which: WindowEnd; label: string; disabled?: boolean }) {
  const { which, label, span, value, mode, onChange, disabled } = props;
  const current = dayToIso(value[which]);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A window moved elsewhere (slider, playback, the other field) replaces what was being typed.
  const windowKey = `${value.start}:${value.end}`;
  const [shownFor, setShownFor] = useState(windowKey);
  if (shownFor !== windowKey) {
    setShownFor(windowKey);
    setDraft(null);
    setError(null);
  }
  const errorId = `date-error-${which}`;

  const apply = (text: string) => {
    const day = isoToDay(text)!;
    setDraft(null);
    setError(null);
    if (day === value[which]) return;
    markScrubStart();
    onChange(
      which === 'start' ? { start: day, end: value.end } : { start: value.start, end: day },
      which,
    );
  };
  const check = () => {
    if (draft === null) return;
    const problem = dateProblem(draft, which, span, value, mode);
    if (problem) setError(problem);
    else apply(draft);
  };

  return (
    <span className="date-field">
      <label>
        <span className="date-label">{label}</span>
        <input
          type="date"
          value={draft ?? current}
          min={dayToIso(span.start)}
          max={dayToIso(span.end)}
          disabled={disabled}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            const text = e.target.value;
            setDraft(text);
            if (dateProblem(text, which, span, value, mode) === null) apply(text);
          }}
          onBlur={check}
          onKeyDown={(e) => {
            if (e.key === 'Enter') check();
          }}
        />
      </label>
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
