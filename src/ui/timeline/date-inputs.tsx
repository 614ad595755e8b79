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
  /**
   * The window the fields display while nothing is being typed: a deferred copy of `value`, so
   * writing a date input's value (not cheap) stays out of the scrub path. Defaults to `value`.
   */
  shown?: DayWindow;
  mode: WindowMode;
  onChange(next: DayWindow, moved: WindowEnd): void;
  /** Called when the user types, before anything applies (the timeline pauses playback). */
  onEdit?(): void;
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
export function DateInputs(props: Props) {
  return (
    <div className="date-inputs">
      <DateField {...props} which="start" label="From" disabled={props.mode === 'cumulative'} />
      <DateField {...props} which="end" label="To" />
    </div>
  );
}

function DateField(props: Props & { which: WindowEnd; label: string; disabled?: boolean }) {
  const { which, label, span, value, mode, onChange, onEdit, disabled } = props;
  const current = dayToIso((props.shown ?? value)[which]);
  // What is being typed belongs to the window it was typed against: once the window moves
  // elsewhere (slider, playback, the other field) the field shows the window again. No reset
  // step is needed, so a scrub step costs no extra render here.
  const windowKey = `${value.start}:${value.end}`;
  const [edit, setEdit] = useState<{ key: string; text: string; error: string | null } | null>(
    null,
  );
  const live = edit && edit.key === windowKey ? edit : null;
  const draft = live?.text ?? null;
  const error = live?.error ?? null;
  const setDraft = (text: string | null) =>
    setEdit(text === null ? null : { key: windowKey, text, error: null });
  const setError = (message: string | null) => setEdit((e) => (e ? { ...e, error: message } : e));
  const errorId = `date-error-${which}`;

  const apply = (text: string) => {
    const day = isoToDay(text)!;
    setDraft(null);
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
            onEdit?.();
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
