/**
 * Bases drawn with MapLibre layers: a square "installation" symbol, a selection halo and name
 * labels. Co-located bases share one label ("A / B") so their names never overprint; activity
 * (greyed when inactive at the window's end) and selection go through feature-state. Also the
 * force-level "as of" marks (end of file).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Base, ForceLevels } from '../data/types';
import type { Derived } from '../state/derived';
import { BASE_COLORS } from '../state/palette';
import { isStaleFigure } from '../state/selectors';
import { buildStepSeries, valueOn } from '../time/step-series';

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

// ---------------------------------------------------------------------------------------------
// Force levels: a mark on countries whose figure in force is more than a year old at the window's
// end date: a hatch over the shading and "as of <year>" under the country's name.

const FORCE_MARKS_SOURCE = 'force-marks';
const STALE_HATCH_LAYER = 'forces-stale-hatch';
const AS_OF_LAYER = 'forces-as-of';
const HATCH_IMAGE = 'stale-hatch';

/** Diagonal hatch (8 px at 2x), drawn once. */
function hatchImage(): ImageData {
  const size = 16;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.strokeStyle = 'rgba(90, 60, 10, 0.55)';
  ctx.lineWidth = 2;
  ctx.beginPath();
  for (const o of [-size, 0, size]) {
    ctx.moveTo(o, size);
    ctx.lineTo(o + size, 0);
  }
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

/**
 * The "as of" marks. One label feature exists per country and figure ("as of 2012"), all at the
 * country's label point; a window step only flips feature-state (which label shows, and the hatch
 * on the country), never the data.
 */
export class ForceMarks {
  /** Label key shown per ISO3 (null: the figure in force is recent, or there is none). */
  private shown = new Map<string, string | null>();

  /** Adds (or replaces) the hatch and label layers for these countries. */
  add(
    map: MapLibreMap,
    countrySource: string,
    labels: FeatureCollection<Point, { a3: string }>,
    forces: ForceLevels,
    beforeId: string,
  ): void {
    for (const id of [STALE_HATCH_LAYER, AS_OF_LAYER]) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(FORCE_MARKS_SOURCE)) map.removeSource(FORCE_MARKS_SOURCE);
    this.shown.clear();
    if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage(), { pixelRatio: 2 });
    const at = new Map(labels.features.map((f) => [f.properties.a3, f.geometry.coordinates]));
    const features: FeatureCollection<Point>['features'] = [];
    for (const c of forces.countries) {
      const coordinates = at.get(c.iso3);
      if (!coordinates) continue;
      buildStepSeries(c.series).forEach((s, i) =>
        features.push({
          type: 'Feature',
          properties: { key: `${c.iso3}:${i}`, text: `as of ${s.point.as_of.slice(0, 4)}` },
          geometry: { type: 'Point', coordinates },
        }),
      );
    }
    map.addSource(FORCE_MARKS_SOURCE, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features },
      promoteId: 'key',
    });
    map.addLayer(
      {
        id: STALE_HATCH_LAYER,
        type: 'fill',
        source: countrySource,
        paint: {
          'fill-pattern': HATCH_IMAGE,
          'fill-opacity': ['case', ['boolean', ['feature-state', 'stale'], false], 1, 0],
        },
      },
      beforeId,
    );
    map.addLayer({
      id: AS_OF_LAYER,
      type: 'symbol',
      source: FORCE_MARKS_SOURCE,
      layout: {
        'text-field': ['get', 'text'],
        'text-size': 12,
        'text-offset': [0, 1.5],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': '#6b4300',
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.8,
        'text-opacity': ['case', ['boolean', ['feature-state', 'show'], false], 1, 0],
      },
    });
  }

  /** Shows the mark where the figure in force on `day` is over a year old; only changes are applied. */
  apply(map: MapLibreMap, countrySource: string, derived: Derived, day: number): void {
    if (!map.getSource(FORCE_MARKS_SOURCE)) return;
    for (const [iso3, series] of derived.forceSeries) {
      const p = valueOn(series, day);
      const key = p && isStaleFigure(p.from, day) ? `${iso3}:${series.indexOf(p)}` : null;
      const was = this.shown.get(iso3) ?? null;
      if (this.shown.has(iso3) && was === key) continue;
      if (was) map.setFeatureState({ source: FORCE_MARKS_SOURCE, id: was }, { show: false });
      if (key) map.setFeatureState({ source: FORCE_MARKS_SOURCE, id: key }, { show: true });
      map.setFeatureState({ source: countrySource, id: iso3 }, { stale: key !== null });
      this.shown.set(iso3, key);
    }
  }

  /** Shows or hides the marks with the force-level layer. */
  setVisible(map: MapLibreMap, visible: boolean): void {
    for (const id of [STALE_HATCH_LAYER, AS_OF_LAYER]) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
  }
}
