/** Things drawn over the map by React: the hover tooltip and the chooser for stacked targets. */
import { useEffect, useRef, type CSSProperties } from 'react';
import type { AppState, Chooser as ChooserState } from '../state/store';
import type { Selection } from '../state/url-schema';
import { incidentAt, rowOfId } from '../data/incident-table';
import { forceOn } from '../state/selectors';
import { TYPE_LABELS } from '../state/palette';
import { formatDay } from '../time/days';
import { fmt, formatPartialDate } from './format';
import { useAppStore, useAppStoreApi } from './store-context';

/** One line describing a target. */
export function describeTarget(s: AppState, t: Selection): string {
  const data = s.data!;
  if (t.kind === 'base') return `Base: ${s.derived?.baseById.get(t.id)?.name ?? t.id}`;
  if (t.kind === 'incident') {
    const row = rowOfId(data.incidents, t.id);
    const r = row === undefined ? null : incidentAt(data.incidents, row);
    if (!r) return t.id;
    return `${formatDay(r.day)} · ${TYPE_LABELS[r.type]} · ${r.target ?? 'unknown target'}`;
  }
  const c = data.forces.countries.find((x) => x.iso3 === t.id);
  const f = s.window && s.derived ? forceOn(s.derived, t.id, s.window.end) : null;
  return f
    ? `${c?.name ?? t.id}: ${fmt(f.point.value)} U.S. troops (as of ${formatPartialDate(f.point.as_of)})`
    : (c?.name ?? t.id);
}

/** Tooltip at the pointer. */
export function HoverTooltip() {
  const text = useAppStore((s) => (s.hover && s.data ? describeTarget(s, s.hover.target) : null));
  const pos = useAppStore((s) => s.hover);
  if (!text || !pos) return null;
  return (
    <div className="tooltip" role="tooltip" style={{ left: pos.x + 12, top: pos.y + 12 }}>
      {text}
    </div>
  );
}

const CHOOSER_WIDTH = 360;

/** Opens the menu towards the roomier side of the click so it stays on screen. */
function chooserPosition(c: ChooserState): CSSProperties {
  const left = Math.max(4, Math.min(c.x, c.width - CHOOSER_WIDTH - 4));
  return c.y > c.height / 2
    ? { left, bottom: c.height - c.y, maxHeight: c.y - 8 }
    : { left, top: c.y, maxHeight: c.height - c.y - 8 };
}

/** A menu of everything under one click. */
export function Chooser() {
  const chooser = useAppStore((s) => s.chooser);
  const store = useAppStoreApi();
  const select = useAppStore((s) => s.select);
  const setChooser = useAppStore((s) => s.setChooser);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, [chooser]);
  useEffect(() => {
    if (!chooser) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setChooser(null);
    };
    // Capture phase: runs before the side panel's handler, so Escape closes only the chooser.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [chooser, setChooser]);
  if (!chooser) return null;
  return (
    <div
      className="chooser"
      role="dialog"
      aria-label="Choose what to open"
      style={chooserPosition(chooser)}
      data-testid="chooser"
    >
      <div className="chooser-head">
        <span>{(chooser.items.length + chooser.more).toLocaleString('en-US')} here</span>
        <button
          type="button"
          className="close-button"
          aria-label="Close"
          onClick={() => setChooser(null)}
        >
          ×
        </button>
      </div>
      <ul>
        {chooser.items.map((item, i) => (
          <li key={`${item.kind}:${item.id}`}>
            <button
              type="button"
              ref={i === 0 ? first : undefined}
              className={`chooser-item chooser-${item.kind}`}
              onClick={() => select(item)}
            >
              {describeTarget(store.getState(), item)}
            </button>
          </li>
        ))}
      </ul>
      {chooser.more > 0 && (
        <p className="chooser-more">
          and {chooser.more.toLocaleString('en-US')} more incidents at this point: narrow the window
          or open the base to see them.
        </p>
      )}
    </div>
  );
}
