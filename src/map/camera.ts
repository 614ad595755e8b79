/**
 * Camera moves: fitting the data, and flying to a selection while keeping it clear of the legend
 * (top left) and the side panel (right) on wide screens.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LoadedData } from '../data/load-all';
import { incidentAt, rowOfId } from '../data/incident-table';
import { featureBounds, positionsBounds, type Bounds } from '../geo/bounds';
import type { WorldLayers } from '../geo/world';
import type { Selection } from '../state/url-schema';

const FIT_PADDING = 48;
const LEGEND_WIDTH = 250;
const PANEL_WIDTH = 400;
const SELECTION_ZOOM = 7;

/** Padding that keeps fitted data clear of the legend when the map is wide enough for it. */
function fitPadding(map: MapLibreMap): {
  top: number;
  bottom: number;
  left: number;
  right: number;
} {
  const { clientWidth: w, clientHeight: h } = map.getContainer();
  const p = Math.max(8, Math.min(FIT_PADDING, Math.floor(Math.min(w, h) / 8)));
  return { top: p, bottom: p, right: p + 40, left: w > 900 ? LEGEND_WIDTH + p : p };
}

/** Fits the camera to the located incidents (no-op when none has a location). */
export function fitIncidents(map: MapLibreMap, data: LoadedData, animate: boolean): void {
  const bounds = positionsBounds(data.incidents.position);
  if (bounds) map.fitBounds(bounds, { padding: fitPadding(map), animate, maxZoom: 8 });
}

/** Where a selection is: a point (west = east) or a country's box; null when it has no location. */
export function selectionBounds(
  data: LoadedData,
  world: WorldLayers | null,
  sel: Selection,
): Bounds | null {
  if (sel.kind === 'base') {
    const b = data.bases.find((x) => x.id === sel.id);
    return b ? [b.lng, b.lat, b.lng, b.lat] : null;
  }
  if (sel.kind === 'incident') {
    const row = rowOfId(data.incidents, sel.id);
    const r = row === undefined ? null : incidentAt(data.incidents, row);
    return r && r.lng !== null && r.lat !== null ? [r.lng, r.lat, r.lng, r.lat] : null;
  }
  const f = world?.countries.features.find((c) => c.properties.a3 === sel.id);
  return f ? featureBounds(f) : null;
}

/** Moves the camera to a point or box, centred in the part of the map the side panel leaves visible. */
export function showBounds(map: MapLibreMap, bounds: Bounds, animate: boolean): void {
  const width = map.getContainer().clientWidth;
  const panel = width > 640 ? Math.min(PANEL_WIDTH, width / 2) : 0;
  if (bounds[0] !== bounds[2]) {
    const p = fitPadding(map);
    map.fitBounds(bounds, { padding: { ...p, right: p.right + panel }, animate });
    return;
  }
  const center: [number, number] = [bounds[0], bounds[1]];
  const zoom = Math.max(map.getZoom(), SELECTION_ZOOM);
  if (animate) {
    map.flyTo({ center, zoom, offset: [-panel / 2, 0], essential: false });
  } else {
    map.jumpTo({ center, zoom });
    map.panBy([panel / 2, 0], { animate: false });
  }
}
