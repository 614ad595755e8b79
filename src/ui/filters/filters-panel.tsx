/**
 * The filters panel: a text search and checkboxes for type, claimed-by group, confidence and
 * country, "with U.S. casualties", and Clear all. A list with nothing ticked sets no condition;
 * ticking values keeps only those (any of them). Filters apply to the map, the counts, the
 * histogram, the panels and the table alike; Escape or × closes the panel.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { CONFIDENCE_LEVELS, INCIDENT_TYPES, type IncidentType } from '../../data/types';
import { activeFilterCount, distinctValues, UNCLAIMED, type Filters } from '../../state/filters';
import { countryCounts } from '../../state/country-column';
import { TYPE_LABELS, typeCss } from '../../state/palette';
import { fmt, plural } from '../format';
import { useAppStore } from '../store-context';
import { SearchBox } from './search-box';

/** Long lists (imported data may have hundreds of groups) show this many, the most frequent. */
const MAX_OPTIONS = 60;

type ListKey = 'types' | 'groups' | 'confidence' | 'countries';

/** A fieldset of checkboxes over one list criterion. */
function CheckList({
  field,
  legend,
  options,
}: {
  field: ListKey;
  legend: string;
  options: { value: string; label: string; count?: number; color?: string }[];
}) {
  const selected = useAppStore((s) => s.filters[field]) as readonly string[];
  const setFilters = useAppStore((s) => s.setFilters);
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value);
    setFilters({ [field]: next } as Partial<Filters>);
  };
  // Values in the URL but beyond the shown options stay visible, so they can be unticked.
  const shown = options.slice(0, MAX_OPTIONS);
  for (const v of selected)
    if (!shown.some((o) => o.value === v)) shown.push({ value: v, label: v });
  return (
    <fieldset className="filter-group">
      <legend>
        {legend}{' '}
        <span className="muted">
          {selected.length ? `(${selected.length} of ${options.length})` : '(any)'}
        </span>
      </legend>
      <ul>
        {shown.map((o) => (
          <li key={o.value}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              {o.color && (
                <span className="dot" style={{ background: o.color }} aria-hidden="true" />
              )}
              <span className="filter-label">{o.label}</span>
              {o.count !== undefined && <span className="filter-count">{fmt(o.count)}</span>}
            </label>
          </li>
        ))}
      </ul>
      {options.length > shown.length && (
        <p className="fine-print">
          The {MAX_OPTIONS} most frequent of {fmt(options.length)} are listed; search finds the
          rest.
        </p>
      )}
    </fieldset>
  );
}

/** The panel (rendered while open). */
export function FiltersPanel() {
  const open = useAppStore((s) => s.filtersOpen);
  if (!open) return null;
  return <FiltersBody />;
}

function FiltersBody() {
  const data = useAppStore((s) => s.data);
  const filters = useAppStore((s) => s.filters);
  const filtered = useAppStore((s) => s.filtered);
  const setFilters = useAppStore((s) => s.setFilters);
  const clear = useAppStore((s) => s.clearFilters);
  const setFiltersOpen = useAppStore((s) => s.setFiltersOpen);
  // Closing hands the focus back to the header button that opened the panel.
  const setOpen = useCallback(
    (open: boolean) => {
      setFiltersOpen(open);
      if (!open) document.querySelector<HTMLElement>('[aria-controls="filters-panel"]')?.focus();
    },
    [setFiltersOpen],
  );
  const ref = useRef<HTMLElement>(null);
  const table = data?.incidents ?? null;

  const groups = useMemo(
    () => (table ? distinctValues(table, 'claimed_by_group', UNCLAIMED) : []),
    [table],
  );
  // Counted as the filter matches: incidents the data gives no country count where their point is.
  const countryColumn = useAppStore((s) => s.countryColumn);
  const countries = useMemo(
    () => (countryColumn ? countryCounts(countryColumn) : []),
    [countryColumn],
  );
  const typeOptions = useMemo(() => {
    const counts = new Uint32Array(INCIDENT_TYPES.length);
    if (table) for (let i = 0; i < table.length; i++) counts[table.typeIndex[i]!]!++;
    return INCIDENT_TYPES.map((t: IncidentType, k) => ({
      value: t,
      label: TYPE_LABELS[t],
      count: counts[k]!,
      color: typeCss(t),
    }));
  }, [table]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('#filters-title')?.focus({ preventScroll: true });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);

  const total = table?.length ?? 0;
  return (
    <section
      id="filters-panel"
      className="filters-panel"
      ref={ref}
      aria-labelledby="filters-title"
      data-testid="filters-panel"
    >
      <div className="filters-head">
        <h2 id="filters-title" tabIndex={-1}>
          Filters
        </h2>
        <button
          type="button"
          className="close-button"
          aria-label="Close filters"
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </div>
      <p className="filters-match" data-testid="filters-match" aria-live="polite">
        {filtered
          ? `${fmt(filtered.count)} of ${plural(total, 'incident')} match (all dates)`
          : `No filter: all ${plural(total, 'incident')}`}
      </p>
      <SearchBox />
      <CheckList field="types" legend="Type" options={typeOptions} />
      <CheckList
        field="groups"
        legend="Claimed by"
        options={groups.map((g) => ({ value: g.value, label: g.value, count: g.count }))}
      />
      <CheckList
        field="confidence"
        legend="Confidence"
        options={CONFIDENCE_LEVELS.map((c) => ({ value: c, label: c }))}
      />
      <CheckList
        field="countries"
        legend="Country"
        options={countries.map((c) => ({ value: c.value, label: c.value, count: c.count }))}
      />
      <fieldset className="filter-group">
        <legend>U.S. casualties</legend>
        <label>
          <input
            type="checkbox"
            checked={filters.casualties}
            onChange={(e) => setFilters({ casualties: e.target.checked })}
          />{' '}
          Only incidents with U.S. killed or injured
        </label>
      </fieldset>
      <div className="filters-actions">
        <button type="button" onClick={clear} disabled={activeFilterCount(filters) === 0}>
          Clear all
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Done
        </button>
      </div>
    </section>
  );
}
