/**
 * "Within r km of the base": every incident recorded inside the radius in the window, whatever base
 * it is tagged with, by type, with U.S. casualties, first and last attack and a weekly sparkline.
 * Counts come from the spatial index and prefix sums (state/base-analysis.ts): O(log n) per step.
 */
import type { Base, IncidentType } from '../../data/types';
import { INCIDENT_TYPES } from '../../data/types';
import { nearBaseStats, weeklyAttacks } from '../../state/base-analysis';
import { maskStats } from '../../state/filters-totals';
import { TYPE_LABELS, typeCss } from '../../state/palette';
import { summarize, typeCounts } from '../../state/row-stats';
import { RADIUS_OPTIONS_KM, type RadiusKm } from '../../state/url-schema';
import { formatDay } from '../../time/days';
import type { DayWindow } from '../../time/window';
import { casualtyText, plural } from '../format';
import { useAppStore } from '../store-context';
import { Sparkline } from './sparkline';

const ATTACK_TYPES = INCIDENT_TYPES.filter(
  (t): t is Exclude<IncidentType, 'us_strike'> => t !== 'us_strike',
);

/** The radius section of the base panel. */
export function NearBase({ base, window }: { base: Base; window: DayWindow }) {
  const data = useAppStore((s) => s.data)!;
  const derived = useAppStore((s) => s.derived)!;
  const km = useAppStore((s) => s.radiusKm);
  const setRadius = useAppStore((s) => s.setRadius);
  const filtered = useAppStore((s) => s.filtered);
  const stats = maskStats(data.incidents, nearBaseStats(data, derived, base, km), filtered);
  const sum = summarize(data.incidents, stats, window);
  const types = typeCounts(data.incidents, stats, window);
  const twins = (derived.colocated.get(base.id) ?? []).filter((id) => id !== base.id);
  const casualties = casualtyText(sum.usKilled, sum.usInjured);

  return (
    <section className="near-base" aria-labelledby="near-title">
      <h3 id="near-title">
        Within{' '}
        <select
          aria-label="Radius"
          value={km}
          onChange={(e) => setRadius(Number(e.target.value) as RadiusKm)}
        >
          {RADIUS_OPTIONS_KM.map((r) => (
            <option key={r} value={r}>
              {r} km
            </option>
          ))}
        </select>{' '}
        of the base
      </h3>
      <p data-testid="near-count">
        <strong>{plural(sum.attacks, 'attack')}</strong>
        {sum.strikes > 0 && <> · {plural(sum.strikes, 'U.S. strike')}</>}
        {casualties ? <> · {casualties}</> : sum.attacks > 0 && <> · no U.S. casualties reported</>}
      </p>
      {sum.attacks > 0 && (
        <>
          <ul className="type-counts" aria-label="Attacks by type">
            {ATTACK_TYPES.filter((t) => types[t] > 0).map((t) => (
              <li key={t}>
                <span className="dot" style={{ background: typeCss(t) }} aria-hidden="true" />{' '}
                {TYPE_LABELS[t]} {types[t]}
              </li>
            ))}
          </ul>
          <p data-testid="near-first-last">
            {sum.firstAttack === sum.lastAttack
              ? `On ${formatDay(sum.firstAttack!)}`
              : `First ${formatDay(sum.firstAttack!)} · last ${formatDay(sum.lastAttack!)}`}
          </p>
        </>
      )}
      <Sparkline
        series={weeklyAttacks(data, derived, stats)}
        window={window}
        what={`attacks within ${km} km`}
      />
      {twins.length > 0 && (
        <p className="note" data-testid="overlap-note">
          These counts overlap with{' '}
          {twins.map((id) => derived.baseById.get(id)?.name ?? id).join(', ')}: the bases share one
          map point, so the same incidents count for each.
        </p>
      )}
      <p className="fine-print">
        Counted at each incident's recorded point: town-level and approximate points are not impact
        sites, and incidents without a location are left out.
      </p>
    </section>
  );
}
