/**
 * Range rings around the selected base (geo/range-rings.ts builds them with Turf `circle`): the
 * radius used for "attacks near this base", filled faintly, and dashed 100/300/500 km reach rings,
 * each switched on its own and labelled with its distance along the ring. The source changes only
 * when the base, the radius or the chosen rings change, never on a slider step.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { hasRings, rangeRings } from '../geo/range-rings';
import type { AppState } from '../state/store';
import { BASEMAP_PALETTES } from './basemap';

/** Source id of the rings (e2e tests read it with `querySourceFeatures`). */
export const RINGS_SOURCE = 'range-rings';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
// Light colours to start with; applyBasemapTheme recolours them for the theme on screen.
const RADIUS_COLOR = BASEMAP_PALETTES.light.ringRadius;
const REACH_COLOR = BASEMAP_PALETTES.light.ringReach;

/** The ring layers and what they currently show. */
export class RangeRings {
  private shown = '';

  /** Adds the source and layers (once), below `beforeId` so bases and incidents stay on top. */
  add(map: MapLibreMap, beforeId?: string): void {
    if (map.getSource(RINGS_SOURCE)) return;
    const before = beforeId && map.getLayer(beforeId) ? beforeId : undefined;
    const isRadius = ['==', ['get', 'kind'], 'radius'] as never;
    const isReach = ['==', ['get', 'kind'], 'reach'] as never;
    map.addSource(RINGS_SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer(
      {
        id: 'range-ring-fill',
        type: 'fill',
        source: RINGS_SOURCE,
        filter: isRadius,
        paint: { 'fill-color': RADIUS_COLOR, 'fill-opacity': 0.07 },
      },
      before,
    );
    map.addLayer(
      {
        id: 'range-ring-reach',
        type: 'line',
        source: RINGS_SOURCE,
        filter: isReach,
        paint: { 'line-color': REACH_COLOR, 'line-width': 1.3, 'line-dasharray': [4, 3] },
      },
      before,
    );
    map.addLayer(
      {
        id: 'range-ring-radius',
        type: 'line',
        source: RINGS_SOURCE,
        filter: isRadius,
        paint: { 'line-color': RADIUS_COLOR, 'line-width': 2.2 },
      },
      before,
    );
    map.addLayer(
      {
        id: 'range-ring-label',
        type: 'symbol',
        source: RINGS_SOURCE,
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': 280,
          'text-field': ['get', 'label'],
          'text-size': 12,
          'text-keep-upright': true,
        },
        paint: {
          'text-color': ['match', ['get', 'kind'], 'radius', RADIUS_COLOR, REACH_COLOR] as never,
          'text-halo-color': '#ffffff',
          'text-halo-width': 2,
        },
      },
      before,
    );
    this.shown = '';
  }

  /** Draws the chosen rings around the selected base (none without a base or a ring chosen). */
  update(map: MapLibreMap, s: AppState): void {
    const source = map.getSource<GeoJSONSource>(RINGS_SOURCE);
    if (!source) return;
    const base =
      hasRings(s.rings) && s.selection?.kind === 'base'
        ? s.derived?.baseById.get(s.selection.id)
        : undefined;
    const { radius, reach } = s.rings;
    const key = base ? `${base.lng},${base.lat}@${s.radiusKm}|${radius}|${reach.join(',')}` : '';
    if (key === this.shown) return;
    this.shown = key;
    source.setData(base ? rangeRings([base.lng, base.lat], s.radiusKm, s.rings) : EMPTY);
  }
}
