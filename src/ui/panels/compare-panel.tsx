/**
 * Compare bases: every base ranked for the window by attacks or by U.S. casualties, counting the
 * incidents tagged with each base or those within the chosen radius (both kept in the URL: `rank`,
 * `basis`, `radius`). Clicking a row opens the base.
 */
import { memo, useDeferredValue } from 'react';
import type { DayWindow } from '../../time/window';
import { baseRanking, type RankRow } from '../../state/base-analysis';
import { RADIUS_OPTIONS_KM, type RadiusKm } from '../../state/url-schema';
import { maskStats } from '../../state/filters-totals';
import { fmt, formatWindow } from '../format';
import { FilteredNote } from './filtered-note';
import { useAppStore } from '../store-context';

/** Rank numbers where ties share a rank ("1, 2, 2, 4"). */
function ranks(rows: RankRow[], key: (r: RankRow) => number): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => out.push(i > 0 && key(rows[i - 1]!) === key(r) ? out[i - 1]! : i + 1));
  return out;
}

/** The base ranking panel. It follows the window deferred, so a slider step never waits for it. */
export function ComparePanel() {
  const window = useDeferredValue(useAppStore((s) => s.window));
  return <Ranking window={window} />;
}

const Ranking = memo(function Ranking({ window }: { window: DayWindow | null }) {
  const data = useAppStore((s) => s.data)!;
  const derived = useAppStore((s) => s.derived)!;
  const km = useAppStore((s) => s.radiusKm);
  const setRadius = useAppStore((s) => s.setRadius);
  const select = useAppStore((s) => s.select);
  const filtered = useAppStore((s) => s.filtered);
  const setCompareOpen = useAppStore((s) => s.setCompareOpen);
  // In the store, so the ranking's order and basis are in the URL like the rest of the view.
  const basis = useAppStore((s) => s.rankBasis);
  const setBasis = useAppStore((s) => s.setRankBasis);
  const order = useAppStore((s) => s.rankOrder);
  const setOrder = useAppStore((s) => s.setRankOrder);
  if (!window) return <p>No incidents loaded.</p>;
  const rows = baseRanking(data, derived, window, basis, km, order, (stats) =>
    maskStats(data.incidents, stats, filtered),
  );
  const key =
    order === 'attacks' ? (r: RankRow) => r.attacks : (r: RankRow) => r.usKilled + r.usInjured;
  const rank = ranks(rows, key);
  const open = (id: string) => {
    setCompareOpen(false);
    select({ kind: 'base', id }, { fly: true });
  };
  const countLabel = basis === 'tagged' ? 'tagged with the base' : `within ${km} km`;

  return (
    <article aria-labelledby="panel-title">
      <p className="panel-kind">Compare bases</p>
      <h2 id="panel-title" tabIndex={-1}>
        Bases ranked, {formatWindow(window)}
      </h2>
      <FilteredNote />
      <div className="compare-controls">
        <div role="group" aria-label="Rank by" className="segmented">
          {(
            [
              ['attacks', 'Most attacked'],
              ['casualties', 'Most U.S. casualties'],
            ] as const
          ).map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={order === value}
              onClick={() => setOrder(value)}
            >
              {label}
            </button>
          ))}
        </div>
        <label>
          Count incidents{' '}
          <select
            aria-label="Count incidents"
            value={basis === 'tagged' ? 'tagged' : String(km)}
            onChange={(e) => {
              if (e.target.value === 'tagged') setBasis('tagged');
              else {
                setBasis('near');
                setRadius(Number(e.target.value) as RadiusKm);
              }
            }}
          >
            <option value="tagged">tagged with the base</option>
            {RADIUS_OPTIONS_KM.map((r) => (
              <option key={r} value={r}>
                within {r} km
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="small-table rank-table" data-testid="rank-table">
        <caption className="visually-hidden">
          Bases by {order === 'attacks' ? 'attacks' : 'U.S. casualties'}, incidents {countLabel}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Base</th>
            <th scope="col" aria-sort={order === 'attacks' ? 'descending' : undefined}>
              Attacks
            </th>
            <th scope="col" aria-sort={order === 'casualties' ? 'descending' : undefined}>
              U.S. killed / injured
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr
              key={r.base.id}
              className={r.attacks === 0 && r.strikes === 0 ? 'quiet' : undefined}
              onClick={() => open(r.base.id)}
            >
              <td>{rank[i]}</td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={(e) => {
                    e.stopPropagation();
                    open(r.base.id);
                  }}
                >
                  {r.base.name}
                </button>
                {basis === 'near' && r.sharesWith.length > 0 && (
                  <span className="overlap-mark" title="Shares its map point: counts overlap">
                    {' '}
                    † overlaps{' '}
                    {r.sharesWith.map((id) => derived.baseById.get(id)?.name ?? id).join(', ')}
                  </span>
                )}
                {!r.active && <span className="muted"> · inactive</span>}
              </td>
              <td className="num">{fmt(r.attacks)}</td>
              <td className="num">
                {r.usKilled || r.usInjured ? `${fmt(r.usKilled)} / ${fmt(r.usInjured)}` : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="fine-print">
        {basis === 'tagged'
          ? 'Counts the attacks tagged with each base in the data; attacks on unlisted sites are not counted.'
          : `Counts every attack recorded within ${km} km of each base's map point, whatever it targeted: nearby bases count the same attacks, and bases marked † share one proxy point, so their counts are identical.`}{' '}
        U.S. casualties are from attacks only. The data is a documented sample; official counts are
        higher.
      </p>
    </article>
  );
});
