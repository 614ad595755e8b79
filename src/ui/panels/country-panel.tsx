/**
 * A country's U.S. force level (the figure in force on the window's end, the series as a step chart
 * with sources per point, context) and the incidents located in it inside the window.
 */
import { memo, useDeferredValue } from 'react';
import type { DayWindow } from '../../time/window';
import { incidentAt } from '../../data/incident-table';
import { countryStats } from '../../state/base-analysis';
import { maskStats } from '../../state/filters-totals';
import { rowsInWindowOf, summarize } from '../../state/row-stats';
import { forceOn, isStaleFigure } from '../../state/selectors';
import { formatDay } from '../../time/days';
import { casualtyText, fmt, formatWindow, plural } from '../format';
import { SourceLink } from '../sources-list';
import { useAppStore } from '../store-context';
import { ForceFigureText } from './force-figure';
import { IncidentList, LIST_LIMIT } from './incident-list';
import { StepChart } from './step-chart';
import { FilteredNote } from './filtered-note';

/** The country panel. Its body follows the window deferred, so a slider step never waits for it. */
export function CountryPanel({ iso3 }: { iso3: string }) {
  const window = useDeferredValue(useAppStore((s) => s.window));
  return <CountryDetails iso3={iso3} window={window} />;
}

const CountryDetails = memo(function CountryDetails({
  iso3,
  window,
}: {
  iso3: string;
  window: DayWindow | null;
}) {
  const data = useAppStore((s) => s.data)!;
  const derived = useAppStore((s) => s.derived)!;
  const countries = useAppStore((s) => s.countryColumn)!;
  const filtered = useAppStore((s) => s.filtered);
  const country = data.forces.countries.find((c) => c.iso3 === iso3);
  if (!country || !window) return <p>No force-level data for {iso3}.</p>;
  const series = derived.forceSeries.get(iso3) ?? [];
  const inForce = forceOn(derived, iso3, window.end);
  const all = countryStats(data, derived, country.name, countries);
  const stats = maskStats(data.incidents, all.stats, filtered);
  const inside = maskStats(data.incidents, all.inside, filtered);
  const sum = summarize(data.incidents, stats, window);
  const placed = summarize(data.incidents, inside, window);
  const rows = rowsInWindowOf(data.incidents, stats, window);
  const incidents = Array.from(rows.subarray(0, LIST_LIMIT), (r) => incidentAt(data.incidents, r));
  const casualties = casualtyText(sum.usKilled, sum.usInjured);

  return (
    <article aria-labelledby="panel-title">
      <p className="panel-kind">Country</p>
      <h2 id="panel-title" tabIndex={-1}>
        {country.name}
      </h2>
      <p data-testid="country-force">
        On {formatDay(window.end)}:{' '}
        {inForce ? (
          <ForceFigureText
            figure={inForce.point}
            staleOn={isStaleFigure(inForce.from, window.end) ? window.end : undefined}
          />
        ) : (
          'no U.S. troop figure in force on this date.'
        )}
      </p>
      {series.length > 0 && (
        <>
          <h3>Figures over time</h3>
          <StepChart
            series={series}
            day={window.end}
            inForce={inForce ? series.indexOf(inForce) : -1}
          />
          <ol className="figure-list" data-testid="figure-list">
            {series.map((s) => (
              <li
                key={`${s.point.as_of}-${s.point.value}`}
                className={s === inForce ? 'in-force' : undefined}
              >
                <ForceFigureText figure={s.point} />
                {s === inForce && <span className="in-force-mark"> · in force</span>}
                {s.point.note && <span className="muted"> · {s.point.note}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>In {formatWindow(window)}</h3>
      <FilteredNote />
      <p data-testid="country-incidents">
        {plural(sum.attacks, 'attack')}, {plural(sum.strikes, 'U.S. strike')} in {country.name}
        {casualties && <> · {casualties}</>}
      </p>
      {placed.attacks + placed.strikes > 0 && (
        <p className="fine-print" data-testid="placed-by-outline">
          {plural(placed.attacks + placed.strikes, 'incident')} with no country in the data{' '}
          {placed.attacks + placed.strikes === 1 ? 'is' : 'are'} counted here because{' '}
          {placed.attacks + placed.strikes === 1 ? 'its point lies' : 'their points lie'} inside{' '}
          {country.name}'s outline.
        </p>
      )}
      <IncidentList incidents={incidents} more={rows.length - incidents.length} />
      {country.context.length > 0 && (
        <>
          <h3>Context (not shaded)</h3>
          <ul className="figure-list">
            {country.context.map((c, i) => (
              <li key={i}>
                {c.value !== null ? fmt(c.value) : (c.value_text ?? 'no number')}
                {c.as_of_text && <> · {c.as_of_text}</>}
                {c.figure_type && <> · {c.figure_type}</>}
                {c.source && (
                  <>
                    {' '}
                    · <SourceLink url={c.source} />
                  </>
                )}
                {c.note && <span className="muted"> · {c.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
});
