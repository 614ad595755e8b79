/**
 * The offline basemap: sea, land, coastlines, borders and country labels from Natural Earth 50m,
 * plus the force-level fill (per-country values through feature-state, never new data).
 * No `glyphs` and no `sprite`: labels render from local fonts, so nothing is fetched.
 */
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { WorldLayers } from '../geo/world';
import { BASE_COLORS, FORCE_CLASSES } from '../state/palette';

/** Basemap colours of a theme. Incidents keep their colours in both themes. */
export interface BasemapPalette {
  sea: string;
  land: string;
  coast: string;
  border: string;
  label: string;
  labelHalo: string;
  /** The force-level fill's opacity (the light greens are muted on dark land). */
  forcesOpacity: number;
  /** Base labels, the selected base's ring, and the force-level "as of" labels. */
  baseLabel: string;
  baseLabelInactive: string;
  baseHalo: string;
  selectRing: string;
  asOf: string;
  /** Range rings: the radius ring (and its faint fill) and the dashed reach rings. */
  ringRadius: string;
  ringReach: string;
}

/** Light and dark basemaps (the dark one keeps the sea darker than the land, as on the light). */
export const BASEMAP_PALETTES: Record<'light' | 'dark', BasemapPalette> = {
  light: {
    sea: '#c9dde8',
    land: '#f3efe6',
    coast: '#8fb0c2',
    border: '#8a8276',
    label: '#6b6256',
    labelHalo: 'rgba(255,255,255,0.8)',
    forcesOpacity: 0.7,
    baseLabel: BASE_COLORS.active,
    baseLabelInactive: BASE_COLORS.inactive,
    baseHalo: '#ffffff',
    selectRing: '#111111',
    asOf: '#6b4300',
    ringRadius: '#0b5cad',
    ringReach: '#3d4652',
  },
  dark: {
    sea: '#0e1a26',
    land: '#2b3038',
    coast: '#3f5d73',
    border: '#9a9486',
    label: '#b8c0ca',
    labelHalo: 'rgba(0,0,0,0.75)',
    forcesOpacity: 0.45,
    baseLabel: '#e8edf3',
    baseLabelInactive: '#8a94a0',
    baseHalo: '#111820',
    selectRing: '#ffffff',
    asOf: '#f2cb7a',
    ringRadius: '#6cb4ff',
    ringReach: '#c9d1db',
  },
};

/** The style the map starts with: just the sea, so it paints at once. */
export function initialStyle(theme: 'light' | 'dark' = 'light'): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_PALETTES[theme].sea } },
    ],
  };
}

/** The light starting style. */
export const INITIAL_STYLE: StyleSpecification = initialStyle('light');

/**
 * Recolours the basemap (and the base and force-level labels) for a theme with
 * `setPaintProperty`: no source or layer is rebuilt, the incident layer is untouched.
 */
export function applyBasemapTheme(map: MapLibreMap, theme: 'light' | 'dark'): void {
  const p = BASEMAP_PALETTES[theme];
  const paint = (layer: string, prop: string, value: unknown) => {
    if (map.getLayer(layer)) map.setPaintProperty(layer, prop as never, value as never);
  };
  paint('sea', 'background-color', p.sea);
  paint(LAND_LAYER, 'fill-color', p.land);
  paint(FORCES_LAYER, 'fill-opacity', p.forcesOpacity);
  paint('coast', 'line-color', p.coast);
  paint('borders', 'line-color', p.border);
  paint('country-labels', 'text-color', p.label);
  paint('country-labels', 'text-halo-color', p.labelHalo);
  const inactive = ['==', ['feature-state', 'active'], false];
  paint('base-labels', 'text-color', ['case', inactive, p.baseLabelInactive, p.baseLabel]);
  paint('base-labels', 'text-halo-color', p.baseHalo);
  paint('bases-halo', 'circle-stroke-color', p.selectRing);
  paint('forces-as-of', 'text-color', p.asOf);
  paint('forces-as-of', 'text-halo-color', p.baseHalo);
  paint('range-ring-fill', 'fill-color', p.ringRadius);
  paint('range-ring-radius', 'line-color', p.ringRadius);
  paint('range-ring-reach', 'line-color', p.ringReach);
  const ringText = ['match', ['get', 'kind'], 'radius', p.ringRadius, p.ringReach];
  paint('range-ring-label', 'text-color', ringText);
  paint('range-ring-label', 'text-halo-color', p.baseHalo);
}

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
