/** What the bars measure (incidents or U.S. casualties) and whether official counts are drawn. */
import { memo } from 'react';
import { useAppStore } from '../store-context';
import type { Weight } from '../../state/url-schema';

const WEIGHT_TEXT: Record<Weight, string> = { count: 'Incidents', casualties: 'U.S. casualties' };

/** The chart's options. `hasOfficial` hides the reference toggle for data without official counts. */
export const ChartOptions = memo(function ChartOptions({ hasOfficial }: { hasOfficial: boolean }) {
  const weight = useAppStore((s) => s.weight);
  const setWeight = useAppStore((s) => s.setWeight);
  const showOfficial = useAppStore((s) => s.showOfficial);
  const setShowOfficial = useAppStore((s) => s.setShowOfficial);
  return (
    <div className="chart-options">
      <div className="segmented" role="group" aria-label="Bars show">
        <span className="control-text" aria-hidden="true">
          Bars:
        </span>
        {(Object.keys(WEIGHT_TEXT) as Weight[]).map((w) => (
          <button
            key={w}
            type="button"
            aria-pressed={w === weight}
            className={w === weight ? 'checked' : undefined}
            onClick={() => setWeight(w)}
          >
            {WEIGHT_TEXT[w]}
          </button>
        ))}
      </div>
      {hasOfficial && weight === 'count' && (
        <label className="control-check">
          <input
            type="checkbox"
            checked={showOfficial}
            onChange={(e) => setShowOfficial(e.target.checked)}
          />
          Official counts
        </label>
      )}
    </div>
  );
});
