/**
 * The store's country outlines and the country column built from them (country-column.ts). The
 * outlines arrive once from the basemap file, before or after the data; whichever comes second
 * resolves the column, once per dataset.
 */
import type { LoadedData } from '../data/load-all';
import {
  namedCountries,
  outlineNames,
  resolveCountries,
  type CountryColumn,
  type CountryShape,
} from './country-column';
import { applyFilters } from './filters-totals';
import type { AppState } from './store';

type SetState = (partial: Partial<AppState>) => void;
type GetState = () => AppState;

/** The column of the data: resolved against the outlines when they are known, else as named. */
export function countryColumnFor(
  data: LoadedData,
  shapes: readonly CountryShape[] | null,
): CountryColumn {
  if (!shapes) return namedCountries(data.incidents);
  return resolveCountries(data.incidents, shapes, outlineNames(shapes, data.forces.countries));
}

/** The outline action. */
export function countryActions(set: SetState, get: GetState): Pick<AppState, 'setCountryShapes'> {
  return {
    setCountryShapes(shapes) {
      if (shapes === get().countryShapes) return;
      const data = get().data;
      if (!data) {
        set({ countryShapes: shapes });
        return;
      }
      const countryColumn = countryColumnFor(data, shapes);
      const { filters } = get();
      // Only a country filter reads the column, and only placed rows can change its mask.
      const refilter = filters.countries.length > 0 && countryColumn.placed.length > 0;
      set({
        countryShapes: shapes,
        countryColumn,
        ...(refilter ? { filtered: applyFilters(data.incidents, filters, countryColumn) } : {}),
      });
    },
  };
}
