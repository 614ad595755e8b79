/**
 * The Embed dialog: builds the iframe code for the current view (its permalink with `embed=1`
 * and the chosen options), shows it read-only with Copy, and previews it live in an iframe
 * (updated shortly after the options change). A modal like the Export dialog: Tab stays inside,
 * Escape closes, the page behind is inert.
 */
import { useEffect, useId, useMemo, useRef, useState, useLayoutEffect } from 'react';
import {
  clampSize,
  embedUrl,
  iframeCode,
  MAX_SIZE,
  MIN_SIZE,
  ratioPadding,
  type EmbedChoices,
  type EmbedSize,
} from '../../embed/embed-code';
import { useStore } from 'zustand';
import { DEFAULT_STORY_ID } from '../../data/story';
import { dataSource, linkedIncidents, localDataWarning } from '../../state/data-source';
import { permalink } from '../../state/url-sync';
import { CONTROLS, THEMES, parseOrigin, type Controls } from '../../state/url-view';
import { themeStore } from '../../state/theme';
import { ModalDialog } from '../modal-dialog';
import { useAppStore, useAppStoreApi } from '../store-context';

/** How long the preview waits for the options to settle before reloading, ms. */
export const PREVIEW_DELAY_MS = 600;

type Preset = 'r169' | 'r43' | 'fixed';
const PRESETS: { id: Preset; label: string }[] = [
  { id: 'r169', label: 'Responsive 16:9' },
  { id: 'r43', label: 'Responsive 4:3' },
  { id: 'fixed', label: 'Fixed size' },
];
const CONTROL_LABELS: Record<Controls, string> = {
  time: 'Timeline',
  none: 'None (map only)',
  full: 'Full app',
};

/** The value after it has stayed the same for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** The Embed dialog. */
export default function EmbedDialog({ onClose }: { onClose(): void }) {
  const store = useAppStoreApi();
  const title = useAppStore((s) => s.data?.dataset?.title ?? 'Incident map');
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const [preset, setPreset] = useState<Preset>('r169');
  const [width, setWidth] = useState(800);
  const [height, setHeight] = useState(500);
  const [controls, setControls] = useState<Controls>('time');
  const [theme, setTheme] = useState(() => themeStore().getState().preference);
  const [autoplay, setAutoplay] = useState(false);
  // The story open now, else the default one, presented only when asked for (or open now).
  const [storyId] = useState(() => store.getState().story ?? DEFAULT_STORY_ID);
  const [presentStory, setPresentStory] = useState(() => store.getState().story !== null);
  const [originText, setOriginText] = useState('');
  const [copied, setCopied] = useState('');

  // The view as it is when the dialog opens (the page behind is inert while it is open).
  const base = useMemo(() => permalink(store.getState()), [store]);
  const origin = originText.trim() ? parseOrigin(originText.trim()) : null;
  const originError = originText.trim() !== '' && origin === null;
  const choices: EmbedChoices = {
    controls,
    theme,
    autoplay,
    origin,
    story: presentStory ? storyId : null,
  };
  const url = embedUrl(base, choices);
  const size: EmbedSize =
    preset === 'fixed'
      ? { kind: 'fixed', width: clampSize(width), height: clampSize(height) }
      : { kind: 'responsive', ratio: preset === 'r169' ? '16:9' : '4:3' };
  // An embed, like a link, loads the page's own data: never the local file on the map now. Its
  // frame is titled after that data, not after the imported file.
  const source = useStore(dataSource);
  const localWarning = localDataWarning(source, 'embed', linkedIncidents(base));
  const frameTitle = localWarning ? (source.originDataset?.title ?? 'Incident map') : title;
  const code = iframeCode(url, size, frameTitle);
  const previewUrl = useDebounced(url, PREVIEW_DELAY_MS);

  // Paused in the commit that shows the dialog, so no playback step lands behind it.
  useLayoutEffect(() => {
    store.getState().pause();
  }, [store]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('Copied the code.');
    } catch {
      codeRef.current?.select();
      setCopied('Select the code and copy it (Ctrl+C or ⌘C).');
    }
  };

  const previewRatio =
    size.kind === 'fixed'
      ? `${((size.height / size.width) * 100).toFixed(2)}%`
      : ratioPadding(size.ratio);
  return (
    <ModalDialog
      dialogRef={dialogRef}
      labelledBy={id}
      onClose={onClose}
      className="embed-dialog"
      testId="embed-dialog"
    >
      <div className="export-head">
        <h2 id={id}>Embed this map</h2>
        <button type="button" className="export-close" onClick={onClose} aria-label="Close embed">
          ×
        </button>
      </div>
      <p className="export-hint">
        The code shows this view (window, filters, selection, layers, camera) in a frame on your
        page. The host must allow it: see “Embedding” in the README.
      </p>
      {localWarning && (
        <p className="local-data-note" data-testid="embed-local-note">
          {localWarning}
        </p>
      )}
      <div className="embed-options">
        <fieldset className="export-presets">
          <legend>Size</legend>
          {PRESETS.map((p) => (
            <label key={p.id}>
              <input
                type="radio"
                name={`${id}-size`}
                checked={preset === p.id}
                onChange={() => setPreset(p.id)}
              />{' '}
              {p.label}
            </label>
          ))}
          {preset === 'fixed' && (
            <span className="embed-size">
              <label>
                Width{' '}
                <input
                  type="number"
                  min={MIN_SIZE}
                  max={MAX_SIZE}
                  value={width}
                  onChange={(e) => setWidth(e.target.valueAsNumber)}
                />
              </label>{' '}
              ×{' '}
              <label>
                Height{' '}
                <input
                  type="number"
                  min={MIN_SIZE}
                  max={MAX_SIZE}
                  value={height}
                  onChange={(e) => setHeight(e.target.valueAsNumber)}
                />
              </label>{' '}
              px
            </span>
          )}
        </fieldset>
        <label className="export-field">
          <span>Controls</span>
          <select value={controls} onChange={(e) => setControls(e.target.value as Controls)}>
            {CONTROLS.map((c) => (
              <option key={c} value={c}>
                {CONTROL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="export-field">
          <span>Theme</span>
          <select value={theme} onChange={(e) => setTheme(e.target.value as typeof theme)}>
            {THEMES.map((t) => (
              <option key={t} value={t}>
                {t === 'auto' ? 'Auto (reader’s setting)' : t === 'dark' ? 'Dark' : 'Light'}
              </option>
            ))}
          </select>
        </label>
        <label className="control-check">
          <input
            type="checkbox"
            checked={autoplay}
            onChange={(e) => setAutoplay(e.target.checked)}
          />{' '}
          Play on load (not for readers who prefer reduced motion)
        </label>
        <label className="control-check">
          <input
            type="checkbox"
            checked={presentStory}
            onChange={(e) => setPresentStory(e.target.checked)}
          />{' '}
          Present the story (its steps with captions, Previous and Next)
        </label>
        <label className="export-field">
          <span>Host page origin (for the message API, optional)</span>
          <input
            type="url"
            placeholder="https://news.example.org"
            value={originText}
            onChange={(e) => setOriginText(e.target.value)}
            aria-invalid={originError}
            aria-describedby={`${id}-origin-note`}
          />
        </label>
        <p id={`${id}-origin-note`} className={originError ? 'embed-error' : 'export-hint'}>
          {originError
            ? 'Not an origin: give the scheme and host only, e.g. https://news.example.org. It is left out.'
            : 'Pages on this origin may drive the map with postMessage and hear its events.'}
        </p>
      </div>
      <label className="export-field">
        <span>Code</span>
        <textarea
          ref={codeRef}
          className="embed-code"
          readOnly
          rows={5}
          value={code}
          data-testid="embed-code"
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <div className="embed-actions">
        <button type="button" className="export-action" onClick={() => void copy()}>
          Copy code
        </button>
        <span role="status" aria-live="polite">
          {copied}
        </span>
      </div>
      <h3 className="embed-preview-title">Preview</h3>
      <div
        className="embed-preview"
        style={{ paddingTop: previewRatio }}
        data-testid="embed-preview"
      >
        <iframe src={previewUrl} title={`Preview: ${title}`} inert />
      </div>
    </ModalDialog>
  );
}
