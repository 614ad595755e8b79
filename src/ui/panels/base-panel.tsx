/** Details of a base: identity, status, sources, troops, and the attacks on it inside the window. */
import {
  forceOn,
  iso3OfCountry,
  isBaseActive,
  rowsInWindow,
  siteForceOn,
} from '../../state/selectors';
import { formatDay } from '../../time/days';
import { incidentAt } from '../../data/incident-table';
import { casualtyText, formatPartialDate, formatWindow, plural } from '../format';
import { SourceLink, SourcesList } from '../sources-list';
import { useAppStore } from '../store-context';
import { ForceFigureText } from './force-figure';
import { IncidentList } from './incident-list';

const PRECISION_TEXT: Record<string, string> = {
  exact_site: 'exact site',
  city: 'town point (the site is near it)',
  approximate: 'approximate (a proxy point, not the site itself)',
  none: 'unknown',
};

/** The base panel. */
export function BasePanel({ id }: { id: string }) {
  const data = useAppStore((s) => s.data)!;
  const derived = useAppStore((s) => s.derived)!;
  const window = useAppStore((s) => s.window);
  const select = useAppStore((s) => s.select);
  const base = derived.baseById.get(id);
  if (!base || !window) return <p>Unknown base.</p>;
  const rows = rowsInWindow(data.incidents, derived.rowsByBase.get(id) ?? [], window);
  const incidents = rows.map((r) => incidentAt(data.incidents, r));
  const attacks = incidents.filter((r) => r.type !== 'us_strike');
  const killed = attacks.reduce((n, r) => n + (r.us_killed ?? 0), 0);
  const injured = attacks.reduce((n, r) => n + (r.us_injured ?? 0), 0);
  const iso3 = iso3OfCountry(data.forces, base.country);
  const countryForce = iso3 ? forceOn(derived, iso3, window.end) : null;
  const siteForce = siteForceOn(derived, id, window.end);
  const sharing = (derived.colocated.get(id) ?? []).filter((other) => other !== id);
  const active = isBaseActive(base, window.end);

  return (
    <article aria-labelledby="panel-title">
      <p className="panel-kind">Base</p>
      <h2 id="panel-title" tabIndex={-1}>
        {base.name}
      </h2>
      {base.alt_names.length > 0 && <p className="muted">Also: {base.alt_names.join('; ')}</p>}
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
            <dd>
              <ForceFigureText figure={siteForce.point} />
            </dd>
          </>
        )}
        <dt>U.S. troops in {base.country ?? 'the country'}</dt>
        <dd>
          {countryForce ? (
            <ForceFigureText figure={countryForce.point} />
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
      {base.description && <p>{base.description}</p>}
      {base.status_note && <p className="muted">Status: {base.status_note}</p>}
      <h3>In {formatWindow(window)}</h3>
      <p data-testid="base-attack-count">
        {plural(attacks.length, 'attack')} on this base
        {incidents.length > attacks.length && (
          <>, {plural(incidents.length - attacks.length, 'U.S. strike')}</>
        )}
        {casualtyText(killed, injured) && <> · {casualtyText(killed, injured)}</>}
      </p>
      <IncidentList incidents={incidents} />
      <h3>Sources</h3>
      <SourcesList urls={base.sources} />
    </article>
  );
}
