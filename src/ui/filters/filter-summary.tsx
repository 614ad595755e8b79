/** One line under the counts naming the filters in use, with a button that clears them. */
import { useAppStore } from '../store-context';
import { describeFilters } from './filter-text';

/** The summary, or nothing when no filter is on. */
export function FilterSummary() {
  const filters = useAppStore((s) => s.filters);
  const filtering = useAppStore((s) => s.filtered !== null);
  const clear = useAppStore((s) => s.clearFilters);
  if (!filtering) return null;
  return (
    <p className="filter-summary" data-testid="filter-summary">
      <span className="filter-summary-label">Filtered:</span> {describeFilters(filters).join(' · ')}{' '}
      <button type="button" className="link-button" onClick={clear}>
        Clear filters
      </button>
    </p>
  );
}
