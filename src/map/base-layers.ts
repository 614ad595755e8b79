/**
 * Bases drawn with MapLibre layers: a square "installation" symbol, a selection halo and name
 * labels. Co-located bases share one label ("A / B") so their names never overprint; activity
 * (greyed when inactive at the window's end) and selection go through feature-state.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Base } from '../data/types';
import { BASE_COLORS } from '../state/palette';

export const BASES_SOURCE = 'bases';
export const BASE_LABEL_SOURCE = 'base-labels';
export const BASES_ICON_LAYER = 'bases-icon';
/** Incidents are drawn between the base symbols and the labels, so stacked incidents stay visible on a base. */
export const BASE_LABEL_LAYER = 'base-labels';
const BASE_LAYERS = ['bases-halo', BASES_ICON_LAYER, 'base-labels'];

/** Label key of a base: bases on the same point share one label. */
export function pointKey(b: Pick<Base, 'lng' | 'lat'>): string {
  return `${b.lng.toFixed(5)},${b.lat.toFixed(5)}`;
}

/** Draws the base symbol (a dark square with a white rim) at 2x for sharp rendering. */
function baseIcon(): ImageData {
  const size = 44;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(2, 2, 40, 40);
  ctx.fillStyle = BASE_COLORS.active;
  ctx.fillRect(6, 6, 32, 32);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(11, 11, 22, 22);
  ctx.fillStyle = BASE_COLORS.active;
  ctx.fillRect(14, 14, 16, 16);
  return ctx.getImageData(0, 0, size, size);
}

function labelFeatures(bases: Base[]): FeatureCollection<Point> {
  const groups = new Map<string, Base[]>();
  for (const b of bases) groups.set(pointKey(b), [...(groups.get(pointKey(b)) ?? []), b]);
  return {
    type: 'FeatureCollection',
    features: [...groups.entries()].map(([key, group]) => ({
      type: 'Feature',
      properties: { key, name: group.map((b) => b.name.replace(/\s*\(.*\)$/, '')).join('\n') },
      geometry: { type: 'Point', coordinates: [group[0]!.lng, group[0]!.lat] },
    })),
  };
}

/** Adds (or replaces) the base sources and layers. */
export function addBaseLayers(map: MapLibreMap, bases: Base[]): void {
  for (const id of BASE_LAYERS) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of [BASES_SOURCE, BASE_LABEL_SOURCE]) if (map.getSource(id)) map.removeSource(id);
  if (!map.hasImage('base-icon')) map.addImage('base-icon', baseIcon(), { pixelRatio: 2 });
  const points: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: bases.map((b) => ({
      type: 'Feature',
      properties: { id: b.id, name: b.name },
      geometry: { type: 'Point', coordinates: [b.lng, b.lat] },
    })),
  };
  map.addSource(BASES_SOURCE, { type: 'geojson', data: points, promoteId: 'id' });
  map.addSource(BASE_LABEL_SOURCE, {
    type: 'geojson',
    data: labelFeatures(bases),
    promoteId: 'key',
  });
  const inactive = ['==', ['feature-state', 'active'], false];
  map.addLayer({
    id: 'bases-halo',
    type: 'circle',
    source: BASES_SOURCE,
    paint: {
      'circle-radius': 16,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#111',
      'circle-stroke-width': 3,
      'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0],
    },
  });
  map.addLayer({
    id: BASES_ICON_LAYER,
    type: 'symbol',
    source: BASES_SOURCE,
    layout: {
      'icon-image': 'base-icon',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
    paint: { 'icon-opacity': ['case', inactive, 0.35, 1] as never },
  });
  map.addLayer({
    id: 'base-labels',
    type: 'symbol',
    source: BASE_LABEL_SOURCE,
    minzoom: 4.5,
    layout: {
      'text-field': ['get', 'name'],
      'text-size': 12,
      'text-anchor': 'left',
      'text-offset': [1.1, 0],
      'text-justify': 'left',
      'text-max-width': 14,
      'text-padding': 4,
    },
    paint: {
      'text-color': ['case', inactive, BASE_COLORS.inactive, BASE_COLORS.active] as never,
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.5,
    },
  });
}

/** Shows or hides every base layer. */
export function setBasesVisible(map: MapLibreMap, visible: boolean): void {
  for (const id of BASE_LAYERS) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }
}
