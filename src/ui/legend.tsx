/**
 * The legend: what each colour and mark means, the force-level classes, a switch per layer
 * (attacks, U.S. strikes, bases, force levels) and points or density (heatmap) for incidents.
 */
import { INCIDENT_TYPES } from '../data/types';
import { FORCE_CLASSES, forceClassLabel, TYPE_LABELS, typeCss } from '../state/palette';
import type { LayerId } from '../state/url-schema';
import { formatDay } from '../time/days';
import { useAppStore } from './store-context';

const ATTACK_TYPES = INCIDENT_TYPES.filter((t) => t !== 'us_strike');

function LayerToggle({
  id,
  label,
  children,
}: {
  id: LayerId;
  label: string;
  children?: React.ReactNode;
}) {
  const on = useAppStore((s) => s.layers[id]);
  const toggle = useAppStore((s) => s.toggleLayer);
  return (
    <div className="legend-group">
      <label className="layer-toggle">
        <input type="checkbox" checked={on} onChange={() => toggle(id)} /> {label}
      </label>
      {on && children}
    </div>
  );
}

/** Above this many located incidents, points overplot at the regional scale: suggest density. */
export const DENSITY_SUGGESTION_AT = 20_000;

/** Points or heatmap, the marks' meaning for each, and the suggestion for dense data. */
function DensitySwitch() {
  const density = useAppStore((s) => s.layers.density);
  const toggle = useAppStore((s) => s.toggleLayer);
  const located = useAppStore((s) => s.derived?.spatial.rowOf.length ?? 0);
  const set = (on: boolean) => on !== density && toggle('density');
  return (
    <div className="legend-group">
      <fieldset className="display-switch">
        <legend>Show incidents as</legend>
        <label>
          <input type="radio" name="display" checked={!density} onChange={() => set(false)} />{' '}
          points
        </label>
        <label>
          <input type="radio" name="display" checked={density} onChange={() => set(true)} /> density
        </label>
      </fieldset>
      {density ? (
        <div className="density-key">
          <span className="density-ramp" aria-hidden="true" />
          <span className="density-ends">
            <span>fewer</span>
            <span>more incidents</span>
          </span>
          <p className="legend-note">
            Relative to the densest spot in the window; attacks and strikes as switched above.
          </p>
        </div>
      ) : (
        <>
          {located >= DENSITY_SUGGESTION_AT && (
            <p className="density-suggestion" role="note">
              {located.toLocaleString('en-US')} located incidents: points overlap at this scale.{' '}
              <button type="button" className="link-button" onClick={() => set(true)}>
                Show density
              </button>
            </p>
          )}
          <ul className="legend-list legend-marks" aria-label="Location and confidence">
            <li>
              <span className="dot" style={{ background: 'var(--mark-ink)' }} aria-hidden="true" />{' '}
              exact site
            </li>
            <li>
              <span className="dot ring" aria-hidden="true" /> town-level or approximate
            </li>
            <li>
              <span className="dot faint" aria-hidden="true" /> low confidence
            </li>
          </ul>
        </>
      )}
    </div>
  );
}

/** The force-level marks (no figure, old figure) and the date the shading is for. */
function ForceLegendNotes() {
  const end = useAppStore((s) => s.window?.end ?? null);
  return (
    <>
      <ul className="legend-list">
        <li>
          <span className="swatch-box none" aria-hidden="true" /> no dated figure (not shaded)
        </li>
        <li>
          <span className="swatch-box stale" aria-hidden="true" />{' '}
          <span>hatched and labelled “as of” its year: figure over a year old</span>
        </li>
      </ul>
      <p className="legend-note">
        Figure in force on {end === null ? "the window's end date" : formatDay(end)} (the window's
        end); each holds until the next.
      </p>
    </>
  );
}

/** Narrow screens start with the legend folded so it does not cover the map. */
function startsOpen(): boolean {
  return (
    typeof window.matchMedia !== 'function' || !window.matchMedia('(max-width: 640px)').matches
  );
}

/** An embed's legend starts folded unless its frame is roomy. */
function compactStartsOpen(): boolean {
  return window.innerWidth >= 800 && window.innerHeight >= 560;
}

/** The map legend with layer switches; `compact` (embeds) is smaller and starts folded in small frames. */
export function Legend({ compact = false }: { compact?: boolean }) {
  const caveat = useAppStore((s) => s.data?.dataset?.caveat ?? null);
  return (
    <details
      className={compact ? 'legend compact' : 'legend'}
      aria-label="Legend and layers"
      open={compact ? compactStartsOpen() : startsOpen()}
    >
      <summary className="legend-title">Legend and layers</summary>
      <LayerToggle id="attacks" label="Attacks on U.S. forces">
        <ul className="legend-list">
          {ATTACK_TYPES.map((t) => (
            <li key={t}>
              <span className="dot" style={{ background: typeCss(t) }} aria-hidden="true" />{' '}
              {TYPE_LABELS[t]}
            </li>
          ))}
        </ul>
      </LayerToggle>
      <LayerToggle id="strikes" label="U.S. strikes">
        <ul className="legend-list">
          <li>
            <span className="dot" style={{ background: typeCss('us_strike') }} aria-hidden="true" />{' '}
            U.S. strike
          </li>
        </ul>
      </LayerToggle>
      <DensitySwitch />
      <LayerToggle id="bases" label="Bases">
        <ul className="legend-list">
          <li>
            <span className="base-mark" aria-hidden="true" /> active
          </li>
          <li>
            <span className="base-mark inactive" aria-hidden="true" /> inactive at the window's end
          </li>
        </ul>
      </LayerToggle>
      <LayerToggle id="forces" label="U.S. troops per country">
        <ul className="legend-list">
          {FORCE_CLASSES.map((c, i) => (
            <li key={c.min}>
              <span className="swatch-box" style={{ background: c.color }} aria-hidden="true" />{' '}
              {forceClassLabel(i)}
            </li>
          ))}
        </ul>
        <ForceLegendNotes />
      </LayerToggle>
      {caveat && <p className="legend-caveat">{caveat}</p>}
    </details>
  );
}
