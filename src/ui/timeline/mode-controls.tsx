/** The window mode (range, cumulative, moving window) and the moving window's length. */
import { memo, useState } from 'react';
import { useAppStore } from '../store-context';
import {
  MAX_SPAN_DAYS,
  SPAN_PRESETS,
  validSpanDays,
  type WindowMode,
} from '../../time/window-modes';
import { markScrubStart } from '../scrub-marks';

const MODE_TEXT: Record<WindowMode, { label: string; title: string }> = {
  range: { label: 'Range', title: 'Free start and end' },
  cumulative: { label: 'Cumulative', title: 'Everything up to the end date' },
  window: { label: 'Moving', title: 'A window of fixed length ending on the end date' },
};

/** Mode radios and, in moving-window mode, the length. */
export const ModeControls = memo(function ModeControls() {
  const mode = useAppStore((s) => s.mode);
  const setMode = useAppStore((s) => s.setMode);
  return (
    <div className="mode-controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">Window mode</legend>
        {(Object.keys(MODE_TEXT) as WindowMode[]).map((m) => (
          <label key={m} title={MODE_TEXT[m].title} className={m === mode ? 'checked' : undefined}>
            <input
              type="radio"
              name="window-mode"
              value={m}
              checked={m === mode}
              onChange={() => {
                markScrubStart();
                setMode(m);
              }}
            />
            {MODE_TEXT[m].label}
          </label>
        ))}
      </fieldset>
      {mode === 'window' && <SpanControl />}
    </div>
  );
});

/** Window length: presets or a custom number of days (refused with a message when invalid). */
function SpanControl() {
  const spanDays = useAppStore((s) => s.spanDays);
  const setSpanDays = useAppStore((s) => s.setSpanDays);
  const preset = (SPAN_PRESETS as readonly number[]).includes(spanDays);
  const [custom, setCustom] = useState(!preset);
  const [draft, setDraft] = useState(String(spanDays));
  const [error, setError] = useState<string | null>(null);

  const commit = (text: string) => {
    const days = /^\d+$/.test(text.trim()) ? validSpanDays(Number(text)) : null;
    if (days === null) {
      setError(`Enter whole days from 1 to ${MAX_SPAN_DAYS.toLocaleString('en-US')}.`);
      return;
    }
    setError(null);
    markScrubStart();
    setSpanDays(days);
  };

  return (
    <span className="span-control">
      <select
        aria-label="Window length"
        value={custom ? 'custom' : String(spanDays)}
        onChange={(e) => {
          if (e.target.value === 'custom') {
            setCustom(true);
            setDraft(String(spanDays));
            return;
          }
          setCustom(false);
          setError(null);
          markScrubStart();
          setSpanDays(Number(e.target.value));
        }}
      >
        {SPAN_PRESETS.map((d) => (
          <option key={d} value={d}>
            {d} days
          </option>
        ))}
        <option value="custom">Custom…</option>
      </select>
      {custom && (
        <input
          type="number"
          className="span-input"
          min={1}
          max={MAX_SPAN_DAYS}
          step={1}
          aria-label="Window length in days"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'span-error' : undefined}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => commit(draft)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(draft);
          }}
        />
      )}
      {error && (
        <span id="span-error" className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
