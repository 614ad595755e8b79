/** A line in panels saying their counts and lists follow the filters, when filters are on. */
import { describeFilters } from '../filters/filter-text';
import { useAppStore } from '../store-context';

/** The note, or nothing without filters. */
export function FilteredNote() {
  const filters = useAppStore((s) => s.filters);
  const on = useAppStore((s) => s.filtered !== null);
  if (!on) return null;
  return (
    <p className="filtered-note" data-testid="filtered-note">
      Filtered: {describeFilters(filters).join(' · ')}
    </p>
  );
}
