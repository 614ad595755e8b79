/**
 * The store's filter and table actions (spread into the store like the time actions). A filter
 * change recomputes the mask and the filtered indexes once, here; slider steps never do.
 */
import type { IncidentTable } from '../data/incident-table';
import { countryCounts, namedCountries, type CountryColumn } from './country-column';
import { distinctValues, NO_FILTERS, sameFilters, UNCLAIMED, type Filters } from './filters';
import { applyFilters } from './filters-totals';
import type { TableSort } from './filters-table';
import type { AppState } from './store';
import type { UrlState } from './url-schema';

type SetState = (partial: Partial<AppState>) => void;
type GetState = () => AppState;
export type FilterAction =
  'setFilters' | 'clearFilters' | 'setFiltersOpen' | 'setTableOpen' | 'setTableSort';

/** The filters a URL asks for (absent keys: no condition). */
export function filtersFromUrl(url: UrlState): Filters {
  return {
    types: url.types ?? [],
    groups: url.groups ?? [],
    confidence: url.confidence ?? [],
    countries: url.countries ?? [],
    casualties: url.casualties ?? false,
    q: url.q ?? '',
  };
}

/**
 * Drops group and country values the data does not have (a link made for other data, a typo),
 * with a notice each, so a filter never silently matches nothing.
 */
export function keepKnownValues(
  table: IncidentTable,
  f: Filters,
  countryColumn: CountryColumn = namedCountries(table),
): { filters: Filters; notices: string[] } {
  const notices: string[] = [];
  const keep = (values: readonly string[], known: string[], what: string) =>
    values.filter((v) => {
      if (known.includes(v)) return true;
      notices.push(`No incidents with ${what} "${v.slice(0, 60)}" in this data: filter ignored.`);
      return false;
    });
  const groups = distinctValues(table, 'claimed_by_group', UNCLAIMED).map((v) => v.value);
  const countries = countryCounts(countryColumn).map((v) => v.value);
  const filters = {
    ...f,
    groups: keep(f.groups, groups, 'the group'),
    countries: keep(f.countries, countries, 'the country'),
  };
  return { filters, notices };
}

/** Filter and table actions. */
export function filterActions(set: SetState, get: GetState): Pick<AppState, FilterAction> {
  const apply = (filters: Filters) => {
    if (sameFilters(filters, get().filters)) return;
    const table = get().data?.incidents;
    const countries = get().countryColumn ?? undefined;
    set({ filters, filtered: table ? applyFilters(table, filters, countries) : null });
  };
  return {
    setFilters: (patch) => apply({ ...get().filters, ...patch }),
    clearFilters: () => apply(NO_FILTERS),
    setFiltersOpen: (filtersOpen) => set({ filtersOpen }),
    setTableOpen: (tableOpen) => set({ tableOpen }),
    setTableSort: (tableSort: TableSort) => set({ tableSort }),
  };
}
