/**
 * The deck.gl side, loaded with a dynamic import so the basemap paints first. One overlay,
 * interleaved in MapLibre's layer stack below the base symbols.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import type { PickingInfo } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { maskedData, type IncidentPoints } from './incident-points';
import { WindowedHeatmapLayer } from './density-layer';
import { DENSITY_COLORS } from '../state/palette';
import { ageFadeFor, shiftFade } from '../time/age-fade';
import { AgeFadeExtension } from './age-fade-extension';

/** What the layer shows: the window (epoch days) and which categories are on. */
export interface IncidentLayerState {
  start: number;
  end: number;
  attacks: boolean;
  strikes: boolean;
  /** Show a heatmap of the window's incidents instead of points. */
  density: boolean;
  selectedPoint: number | null;
  /** Colour of the selected incident's ring (RGBA): dark on the light basemap, light on the dark. */
  selectedColor?: [number, number, number, number];
}

// Created once: a new extensions array would make deck.gl rebuild the layer's shaders. The age
// fade reads the day the filter uploads, so it comes after it.
const EXTENSIONS = [new DataFilterExtension({ filterSize: 2 }), new AgeFadeExtension()];
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const SELECTED_EXTENSIONS: never[] = [];

/** Owns the deck.gl overlay and the incident layers. */
export class IncidentOverlay {
  readonly overlay: MapLibreOverlay;
  private points: IncidentPoints | null = null;
  /** The points' data with the current filters applied (the same object until they change). */
  private data: IncidentPoints['data'] | null = null;
  private mask: Uint8Array | null = null;
  private selectedData: {
    length: number;
    attributes: { getPosition: { value: Float32Array; size: 2 } };
  } | null = null;
  private selectedFor: number | null = null;
  /** The last state drawn, to redraw when the reduced-motion setting changes. */
  private last: IncidentLayerState | null = null;
  /** `prefers-reduced-motion`, followed live: no age fade while it is on. */
  private readonly motion: MediaQueryList | null = globalThis.matchMedia?.(REDUCED_MOTION) ?? null;
  private readonly onMotionChange = () => {
    if (this.last) this.update(this.last);
  };

  /**
   * Resolves once deck.gl is initialized. deck.gl follows the camera only from then on, so a
   * camera move made earlier would leave picking on a stale viewport: position the camera after it.
   */
  readonly ready: Promise<void>;

  constructor(
    map: MapLibreMap,
    private readonly beforeId: string,
    onHover: (info: PickingInfo) => void,
  ) {
    let loaded!: () => void;
    this.ready = new Promise((resolve) => (loaded = resolve));
    this.overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onHover,
      onLoad: () => loaded(),
    });
    map.addControl(this.overlay);
    this.motion?.addEventListener?.('change', this.onMotionChange);
  }

  /** Sets the dataset (once per load). */
  setPoints(points: IncidentPoints): void {
    this.points = points;
    this.mask = null;
    this.data = points.data;
  }

  /** Applies a filter mask (per table row; null = none): one filter-value upload, no other data. */
  setMask(mask: Uint8Array | null): void {
    if (!this.points || mask === this.mask) return;
    this.mask = mask;
    this.data = maskedData(this.points, mask);
  }

  /** Picks the drawn point under a screen position, or null. */
  pick(x: number, y: number): number | null {
    const info = this.overlay.pickObject({ x, y, radius: 6, layerIds: ['incidents'] });
    return info && info.index >= 0 ? info.index : null;
  }

  /**
   * Redraws with a new window or layer toggles: only uniforms (the filter range, the age fade) and
   * visibility change.
   */
  update(s: IncidentLayerState): void {
    this.last = s;
    const points = this.points;
    if (!points) return;
    const o = points.dayOrigin;
    const kindLo = s.attacks ? 0 : 1;
    const kindHi = s.strikes ? 1 : 0;
    const fade = ageFadeFor({ start: s.start, end: s.end }, !this.motion?.matches);
    const layers: unknown[] = [
      new ScatterplotLayer({
        id: 'incidents',
        beforeId: this.beforeId,
        data: this.data,
        visible: !s.density && (s.attacks || s.strikes),
        pickable: true,
        stroked: true,
        filled: true,
        radiusUnits: 'pixels',
        getRadius: 5,
        lineWidthUnits: 'pixels',
        extensions: EXTENSIONS,
        // Half-day margins make the inclusive integer-day window exact in float32.
        filterRange: [
          [s.start - o - 0.5, s.end - o + 0.5],
          [kindLo - 0.5, kindHi + 0.5],
        ],
        // The filter only shows or hides (no soft range): the age fade sets the strength.
        filterTransformSize: false,
        ageFade: shiftFade(fade, o),
      } as never),
    ];
    // Only while shown: an idle heatmap would still redo its weight map on every step.
    if (s.density && (s.attacks || s.strikes)) {
      layers.unshift(
        new WindowedHeatmapLayer({
          id: 'incident-density',
          beforeId: this.beforeId,
          data: this.data as never,
          radiusPixels: 28,
          intensity: 1,
          threshold: 0.04,
          colorRange: DENSITY_COLORS as never,
          densityWindow: [s.start - o - 0.5, s.end - o + 0.5, kindLo - 0.5, kindHi + 0.5],
        } as never),
      );
    }
    if (s.selectedPoint !== null) {
      if (this.selectedFor !== s.selectedPoint) {
        const k = s.selectedPoint;
        const pos = points.data.attributes.getPosition.value;
        this.selectedData = {
          length: 1,
          attributes: { getPosition: { value: pos.slice(2 * k, 2 * k + 2), size: 2 } },
        };
        this.selectedFor = k;
      }
      layers.push(
        new ScatterplotLayer({
          id: 'incident-selected',
          beforeId: this.beforeId,
          data: this.selectedData!,
          extensions: SELECTED_EXTENSIONS,
          stroked: true,
          filled: false,
          radiusUnits: 'pixels',
          getRadius: 10,
          lineWidthUnits: 'pixels',
          getLineWidth: 3,
          getLineColor: s.selectedColor ?? [17, 17, 17, 255],
        } as never),
      );
    }
    this.overlay.setProps({ layers: layers as never });
  }

  /** Removes the overlay. */
  destroy(map: MapLibreMap): void {
    this.motion?.removeEventListener?.('change', this.onMotionChange);
    map.removeControl(this.overlay);
  }
}
