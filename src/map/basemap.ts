/**
 * The offline basemap: sea, land, coastlines, borders and country labels from Natural Earth 50m,
 * plus the force-level fill (per-country values through feature-state, never new data).
 * No `glyphs` and no `sprite`: labels render from local fonts, so nothing is fetched.
 */
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { WorldLayers } from '../geo/world';
import { FORCE_CLASSES } from '../state/palette';

/** The style the map starts with: just the sea, so it paints at once. */
export const INITIAL_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#c9dde8' } }],
};

/** Layer id of the force-level fill (also the layer queried for country clicks). */
export const FORCES_LAYER = 'forces-fill';
export const LAND_LAYER = 'land';
export const COUNTRY_SOURCE = 'countries';

function forceColor(): unknown {
  const steps: unknown[] = [];
  FORCE_CLASSES.forEach((c, i) => {
    if (i > 0) steps.push(c.min);
    steps.push(c.color);
  });
  return ['step', ['coalesce', ['feature-state', 'troops'], -1], 'rgba(0,0,0,0)', 0, ...steps];
}

/** Adds the basemap sources and layers under everything else. */
export function addBasemap(map: MapLibreMap, world: WorldLayers): void {
  map.addSource(COUNTRY_SOURCE, { type: 'geojson', data: world.countries, promoteId: 'a3' });
  map.addSource('borders', {
    type: 'geojson',
    data: { type: 'Feature', properties: {}, geometry: world.borders },
  });
  map.addSource('country-labels', { type: 'geojson', data: world.labels });
  map.addLayer({
    id: LAND_LAYER,
    type: 'fill',
    source: COUNTRY_SOURCE,
    paint: { 'fill-color': '#f3efe6' },
  });
  map.addLayer({
    id: FORCES_LAYER,
    type: 'fill',
    source: COUNTRY_SOURCE,
    paint: { 'fill-color': forceColor() as never, 'fill-opacity': 0.7 },
  });
  map.addLayer({
    id: 'coast',
    type: 'line',
    source: COUNTRY_SOURCE,
    paint: { 'line-color': '#8fb0c2', 'line-width': 0.8 },
  });
  map.addLayer({
    id: 'borders',
    type: 'line',
    source: 'borders',
    paint: {
      'line-color': '#8a8276',
      'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.4],
      'line-dasharray': [3, 1.5],
    },
  });
  map.addLayer({
    id: 'country-labels',
    type: 'symbol',
    source: 'country-labels',
    minzoom: 2,
    layout: {
      'text-field': ['get', 'name'],
      'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 7, 15],
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.08,
      'text-max-width': 8,
    },
    paint: {
      'text-color': '#6b6256',
      'text-halo-color': 'rgba(255,255,255,0.8)',
      'text-halo-width': 1.2,
    },
  });
}
