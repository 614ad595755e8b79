/**
 * Details of a base: identity, status, troops, the incidents tagged with it and those within a
 * radius inside the window, the nearest other bases, range rings and a "zoom to" action.
 */
import { memo, useDeferredValue } from 'react';
import type { DayWindow } from '../../time/window';
import { incidentAt } from '../../data/incident-table';
import { taggedBaseStats } from '../../state/base-analysis';
import { maskStats } from '../../state/filters-totals';
import { rowsInWindowOf, summarize } from '../../state/row-stats';
import {
  forceOn,
  iso3OfCountry,
  isBaseActive,
  isStaleFigure,
  siteForceOn,
} from '../../state/selectors';
import { formatDay } from '../../time/days';
import { casualtyText, formatPartialDate, formatWindow, plural } from '../format';
import { SourceLink, SourcesList } from '../sources-list';
import { useAppStore } from '../store-context';
import { ForceFigureText } from './force-figure';
import { IncidentList, LIST_LIMIT } from './incident-list';
import { NearBase } from './near-base';
import { NearestBases } from './nearest-bases';
import { FilteredNote } from './filtered-note';
import { RangeRingToggles } from './range-ring-toggles';

const PRECISION_TEXT: Record<string, string> = {
  exact_site: 'exact site',
  city: 'town point (the site is near it)',
  approximate: 'approximate (a proxy point, not the site itself)',
  none: 'unknown',
};

/** The base panel. Its body follows the window deferred, so a slider step never waits for it. */
export function BasePanel({ id }: { id: string }) {
  const window = useDeferredValue(useAppStore((s) => s.window));
  return <BaseDetails id={id} window={window} />;
}

const BaseDetails = memo(function BaseDetails({
  id,
  window,
}: {
  id: string;
  window: DayWindow | null;
}) {
  const data = useAppStore((s) => s.data)!;
  const derived = useAppStore((s) => s.derived)!;
  const select = useAppStore((s) => s.select);
  const filtered = useAppStore((s) => s.filtered);
  const base = derived.baseById.get(id);
  if (!base || !window) return <p>Unknown base.</p>;
  const tagged = maskStats(data.incidents, taggedBaseStats(data, derived, id), filtered);
  const sum = summarize(data.incidents, tagged, window);
  const rows = rowsInWindowOf(data.incidents, tagged, window);
  const incidents = Array.from(rows.subarray(0, LIST_LIMIT), (r) => incidentAt(data.incidents, r));
  const iso3 = iso3OfCountry(data.forces, base.country);
  const countryForce = iso3 ? forceOn(derived, iso3, window.end) : null;
  const siteForce = siteForceOn(derived, id, window.end);
  const stale = (from: number) => (isStaleFigure(from, window.end) ? window.end : undefined);
  const sharing = (derived.colocated.get(id) ?? []).filter((other) => other !== id);
  const active = isBaseActive(base, window.end);
  const casualties = casualtyText(sum.usKilled, sum.usInjured);

  return (
    <article aria-labelledby="panel-title">
      <p className="panel-kind">Base</p>
      <h2 id="panel-title" tabIndex={-1}>
        {base.name}
      </h2>
      {base.alt_names.length > 0 && <p className="muted">Also: {base.alt_names.join('; ')}</p>}
      <div className="panel-actions">
        <button type="button" onClick={() => select({ kind: 'base', id }, { fly: true })}>
          Zoom to
        </button>
      </div>
      <RangeRingToggles />
      <dl className="facts">
        <dt>Country</dt>
        <dd>{base.country ?? 'unknown'}</dd>
        <dt>Status</dt>
        <dd>
          {active ? 'Active' : 'Inactive'} on {formatDay(window.end)}
          {base.active_from && <> · from {formatPartialDate(base.active_from)}</>}
          {base.active_until && <> · until {formatPartialDate(base.active_until)}</>}
        </dd>
        <dt>Location</dt>
        <dd>
          {PRECISION_TEXT[base.coord_precision ?? 'none'] ?? base.coord_precision}
          {base.coord_source && (
            <>
              {' '}
              · <SourceLink url={base.coord_source} label="coordinates source" />
            </>
          )}
        </dd>
        {siteForce && (
          <>
            <dt>Troops at the site</dt>
            <dd data-testid="site-troops">
              <ForceFigureText figure={siteForce.point} staleOn={stale(siteForce.from)} />
            </dd>
          </>
        )}
        <dt>U.S. troops in {base.country ?? 'the country'}</dt>
        <dd data-testid="country-troops">
          {countryForce ? (
            <ForceFigureText figure={countryForce.point} staleOn={stale(countryForce.from)} />
          ) : (
            'no figure in force on this date'
          )}
        </dd>
      </dl>
      {sharing.length > 0 && (
        <p className="note">
          Shares its map point with{' '}
          {sharing.map((other, i) => (
            <span key={other}>
              {i > 0 && ', '}
              <button
                type="button"
                className="link-button"
                onClick={() => select({ kind: 'base', id: other })}
              >
                {derived.baseById.get(other)?.name ?? other}
              </button>
            </span>
          ))}
          : the location is a proxy for both.
        </p>
      )}
      <h3>In {formatWindow(window)}</h3>
      <FilteredNote />
      <p data-testid="base-attack-count">
        {plural(sum.attacks, 'attack')} on this base
        {sum.strikes > 0 && <>, {plural(sum.strikes, 'U.S. strike')}</>}
        {casualties && <> · {casualties}</>}
      </p>
      <NearBase base={base} window={window} />
      <h3>Incidents tagged with this base</h3>
      <IncidentList incidents={incidents} more={rows.length - incidents.length} />
      {(base.description || base.status_note) && (
        <>
          <h3>About the site</h3>
          {base.description && <p>{base.description}</p>}
          {base.status_note && <p className="muted">Status: {base.status_note}</p>}
        </>
      )}
      <NearestBases base={base} />
      <h3>Sources</h3>
      <SourcesList urls={base.sources} />
    </article>
  );
});
