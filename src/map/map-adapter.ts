/**
 * The map adapter: the one place that drives MapLibre and deck.gl. It subscribes to the store
 * outside React and applies each change in the cheapest way: a window step changes the incident
 * layer's filter range and a few feature-states, never data.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type MapOptions,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { PickingInfo } from '@deck.gl/core';
import type { LoadedData } from '../data/load-all';
import { idAt, rowOfId } from '../data/incident-table';
import type { WorldLayers } from '../geo/world';
import { loadWorldLayers } from '../geo/world-loader';
import type { AppState, AppStore } from '../state/store';
import { forceOn, isBaseActive } from '../state/selectors';
import type { Selection } from '../state/url-schema';
import {
  addBasemap,
  applyBasemapTheme,
  COUNTRY_SOURCE,
  FORCES_LAYER,
  initialStyle,
  LAND_LAYER,
} from './basemap';
import { themeStore } from '../state/theme';
import {
  addBaseLayers,
  BASE_LABEL_LAYER,
  BASES_ICON_LAYER,
  BASES_SOURCE,
  BASE_LABEL_SOURCE,
  ForceMarks,
  pointKey,
  setBasesVisible,
} from './base-layers';
import { fitIncidents, selectionBounds, showBounds } from './camera';
import { ResetViewControl } from './controls';
import { buildIncidentPoints, type IncidentPoints } from './incident-points';
import type { IncidentOverlay } from './incident-layer';
import { pickTargets } from '../state/pick-targets';
import { RangeRings } from './range-rings';
import { keepMapInPrint } from './print-snapshot';

setWorkerUrl(workerUrl);

/**
 * Export hook: a second adapter can render the same layers offscreen (src/map/export-map.ts).
 * `map` overrides the on-screen MapLibre options (size, pixel ratio, drawing-buffer readback, no
 * URL hash); `offscreen` drops the controls, clicks and the global handle and places the camera.
 */
export interface AdapterOptions {
  map?: Partial<MapOptions>;
  offscreen?: { camera(map: MapLibreMap): void };
}

const onScreen = new Set<MapAdapter>();

/** The adapter on screen (the export renders its view offscreen), or null before it mounts. */
export function onScreenAdapter(): MapAdapter | null {
  return [...onScreen].at(-1) ?? null;
}

/** Mounts the map into a container and keeps it in step with the store. */
export class MapAdapter {
  private map: MapLibreMap | null = null;
  private world: WorldLayers | null = null;
  private overlay: IncidentOverlay | null = null;
  private points: IncidentPoints | null = null;
  private pointOfRow = new Int32Array(0);
  private attached: LoadedData | null = null;
  private handledFly: Selection | null = null;
  private handledReset = 0;
  private handledCamera = 0;
  private selectedBase: string | null = null;
  private baseActive = new Map<string, boolean>();
  private troops = new Map<string, number | null>();
  private rings = new RangeRings();
  private forceMarks = new ForceMarks();
  private readonly hadCameraInUrl: boolean;
  private unsubscribe: (() => void) | null = null;
  private unsubscribeTheme: (() => void) | null = null;
  private stopPrint: (() => void) | null = null;
  private theme: 'light' | 'dark' = 'light';

  constructor(
    private readonly store: AppStore,
    private readonly worldUrl: string,
    private readonly options: AdapterOptions = {},
  ) {
    this.hadCameraInUrl = /(^#|&)map=/.test(location.hash);
    this.handledReset = store.getState().resetViewRequest;
  }

  /** The MapLibre map once mounted (the export reads its camera and canvas). */
  get maplibre(): MapLibreMap | null {
    return this.map;
  }

  /** Creates the map in `container` and starts following the store. */
  mount(container: HTMLElement): void {
    const map = new MapLibreMap({
      container,
      // The offscreen export map stays light (its legend and captions are drawn light).
      style: initialStyle(this.options.offscreen ? 'light' : themeStore().getState().resolved),
      hash: 'map',
      center: [41.5, 33.5],
      zoom: 4.6,
      attributionControl: { compact: true, customAttribution: 'Basemap: Natural Earth' },
      dragRotate: false,
      pitchWithRotate: false,
      ...this.options.map,
    });
    this.map = map;
    if (!this.options.offscreen) this.mountOnScreen(map);

    // Shared with the country panel, which needs the outlines for point-in-polygon.
    const worldReady = loadWorldLayers(this.worldUrl);
    map.on('load', async () => {
      try {
        this.world = await worldReady;
        addBasemap(map, this.world);
      } catch (e) {
        console.error('Basemap could not be loaded', e);
      }
      const { IncidentOverlay } = await import('./incident-layer');
      const overlay = new IncidentOverlay(map, BASE_LABEL_LAYER, (info) => this.onHover(info));
      await overlay.ready;
      this.overlay = overlay;
      this.sync(this.store.getState(), null);
      this.applyTheme();
    });
    this.unsubscribe = this.store.subscribe((s, prev) => this.sync(s, prev));
    if (!this.options.offscreen)
      this.unsubscribeTheme = themeStore().subscribe((t, prev) => {
        if (t.resolved !== prev.resolved) this.applyTheme();
      });
  }

  /** Recolours the basemap for the theme on screen (paint properties only; incidents untouched). */
  private applyTheme(): void {
    if (!this.map || this.options.offscreen) return;
    const theme = themeStore().getState().resolved;
    applyBasemapTheme(this.map, theme);
    if (this.theme !== theme) {
      this.theme = theme;
      // Only the selection ring changes colour (a new layer prop; the points keep their data).
      if (this.overlay && this.store.getState().data) this.drawIncidents(this.store.getState());
    }
    this.map.getContainer().setAttribute('data-map-theme', theme);
  }

  private mountOnScreen(map: MapLibreMap): void {
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(
      new ResetViewControl(() => this.store.getState().requestResetView()),
      'top-right',
    );
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.on('click', (e) => this.onClick(e.point.x, e.point.y));
    // Printing the page itself: the WebGL canvas keeps no drawing buffer to print from.
    this.stopPrint = keepMapInPrint(map);
    (window as unknown as { __incidentMap?: unknown }).__incidentMap = { map, adapter: this };
    onScreen.add(this);
  }

  /** Stops following the store and removes the map. */
  destroy(): void {
    onScreen.delete(this);
    this.unsubscribe?.();
    this.unsubscribeTheme?.();
    this.stopPrint?.();
    if (this.map && this.overlay) this.overlay.destroy(this.map);
    this.map?.remove();
    this.map = null;
  }

  /** Applies what changed between two store states. `prev` null means "apply everything". */
  private sync(s: AppState, prev: AppState | null): void {
    const map = this.map;
    if (!map || !this.overlay || !s.data) return;
    const fresh = this.attached !== s.data;
    if (fresh) {
      this.attach(map, s.data);
      // The base layers were just (re)built with light colours.
      this.applyTheme();
    }
    const all = fresh || !prev;
    if (all || s.filtered !== prev.filtered) this.overlay.setMask(s.filtered?.mask ?? null);
    if (
      all ||
      s.filtered !== prev.filtered ||
      s.window !== prev.window ||
      s.layers !== prev.layers ||
      s.selection !== prev.selection
    ) {
      this.drawIncidents(s);
    }
    if (all || s.window?.end !== prev.window?.end) this.applyEndDate(map, s);
    if (all || s.layers !== prev.layers) {
      setBasesVisible(map, s.layers.bases);
      if (map.getLayer(FORCES_LAYER))
        map.setLayoutProperty(FORCES_LAYER, 'visibility', s.layers.forces ? 'visible' : 'none');
      this.forceMarks.setVisible(map, s.layers.forces);
    }
    if (all || s.selection !== prev.selection) this.applySelection(map, s.selection);
    if (
      all ||
      s.selection !== prev.selection ||
      s.rings !== prev.rings ||
      s.radiusKm !== prev.radiusKm
    )
      this.rings.update(map, s);
    if (fresh) this.initialCamera(map, s);
    else if (s.flyTo && s.flyTo !== this.handledFly) this.flyTo(map, s.flyTo, true);
    if (s.resetViewRequest !== this.handledReset) {
      this.handledReset = s.resetViewRequest;
      if (this.attached) fitIncidents(map, this.attached, true);
    }
    if (s.cameraRequest && s.cameraRequest.seq !== this.handledCamera) this.applyCamera(map, s);
    if (fresh) map.once('idle', () => map.getContainer().setAttribute('data-map-ready', 'true'));
  }

  /** A story step's camera: a short flight, or a jump when the user prefers reduced motion. */
  private applyCamera(map: MapLibreMap, s: AppState): void {
    const { target, seq } = s.cameraRequest!;
    this.handledCamera = seq;
    const animate = !s.reducedMotion;
    if ('bounds' in target) {
      // On wide maps keep the box clear of the story card (left) and an open panel (right).
      const wide = map.getContainer().clientWidth > 900;
      const side = { left: wide ? 400 : 20, right: wide && s.selection ? 420 : 40 };
      const padding = { top: 30, bottom: 30, ...side };
      map.fitBounds(target.bounds, { padding, animate, duration: 800 });
    } else if (animate) map.flyTo({ ...target, duration: 1200, essential: false });
    else map.jumpTo(target);
  }

  private attach(map: MapLibreMap, data: LoadedData): void {
    this.attached = data;
    map.getContainer().setAttribute('data-map-ready', 'false');
    this.points = data.prebuilt?.points ?? buildIncidentPoints(data.incidents);
    this.pointOfRow = new Int32Array(data.incidents.length).fill(-1);
    this.points.rowOf.forEach((row, k) => (this.pointOfRow[row] = k));
    this.overlay!.setPoints(this.points);
    addBaseLayers(map, data.bases);
    this.rings.add(map, 'bases-halo');
    if (this.world && map.getSource(COUNTRY_SOURCE))
      this.forceMarks.add(map, COUNTRY_SOURCE, this.world.labels, data.forces, 'coast');
    this.baseActive.clear();
    this.troops.clear();
    this.selectedBase = null;
  }

  private drawIncidents(s: AppState): void {
    const w = s.window;
    const sel = s.selection;
    const row = sel?.kind === 'incident' ? rowOfId(s.data!.incidents, sel.id) : undefined;
    const point = row === undefined ? -1 : this.pointOfRow[row]!;
    this.overlay!.update({
      start: w?.start ?? 0,
      end: w ? w.end : -1,
      attacks: s.layers.attacks,
      strikes: s.layers.strikes,
      density: s.layers.density,
      selectedPoint: point >= 0 ? point : null,
      selectedColor: this.theme === 'dark' ? [255, 255, 255, 255] : [17, 17, 17, 255],
    });
  }

  /** Base activity and force levels depend only on the window's end: feature-state, changed ones only. */
  private applyEndDate(map: MapLibreMap, s: AppState): void {
    // Without incidents there is no window: show bases and force levels as of today.
    const end = s.window?.end ?? Math.floor(Date.now() / 86_400_000);
    if (!s.derived) return;
    const groupActive = new Map<string, boolean>();
    for (const base of s.data!.bases) {
      const active = isBaseActive(base, end);
      const key = pointKey(base);
      groupActive.set(key, (groupActive.get(key) ?? false) || active);
      if (this.baseActive.get(base.id) !== active) {
        this.baseActive.set(base.id, active);
        map.setFeatureState({ source: BASES_SOURCE, id: base.id }, { active });
      }
    }
    for (const [key, active] of groupActive)
      map.setFeatureState({ source: BASE_LABEL_SOURCE, id: key }, { active });
    if (!map.getSource(COUNTRY_SOURCE)) return;
    for (const c of s.data!.forces.countries) {
      const value = forceOn(s.derived, c.iso3, end)?.point.value ?? null;
      if (this.troops.get(c.iso3) !== value) {
        this.troops.set(c.iso3, value);
        map.setFeatureState({ source: COUNTRY_SOURCE, id: c.iso3 }, { troops: value });
      }
    }
    this.forceMarks.apply(map, COUNTRY_SOURCE, s.derived, end);
  }

  private applySelection(map: MapLibreMap, sel: Selection | null): void {
    const base = sel?.kind === 'base' ? sel.id : null;
    if (this.selectedBase === base) return;
    if (this.selectedBase)
      map.setFeatureState({ source: BASES_SOURCE, id: this.selectedBase }, { selected: false });
    if (base) map.setFeatureState({ source: BASES_SOURCE, id: base }, { selected: true });
    this.selectedBase = base;
  }

  /** Camera precedence: `#map` in the URL, then the selection's fly-to, then the incidents. */
  private initialCamera(map: MapLibreMap, s: AppState): void {
    if (this.options.offscreen) this.options.offscreen.camera(map);
    if (this.hadCameraInUrl || this.options.offscreen) {
      this.handledFly = s.flyTo;
      return;
    }
    if (s.flyTo && this.flyTo(map, s.flyTo, false)) return;
    fitIncidents(map, s.data!, false);
  }

  /** Moves the camera to a selection; false when it has no location. */
  private flyTo(map: MapLibreMap, sel: Selection, animate: boolean): boolean {
    this.handledFly = sel;
    const bounds = selectionBounds(this.attached!, this.world, sel);
    if (bounds) showBounds(map, bounds, animate);
    return bounds !== null;
  }

  private onHover(info: PickingInfo): void {
    const s = this.store.getState();
    const map = this.map;
    if (!map || !s.data || s.chooser) return;
    const target = this.targetAt(info);
    map.getCanvas().style.cursor = target ? 'pointer' : '';
    const cur = s.hover;
    if (!target) {
      if (cur) s.setHover(null);
    } else if (
      !cur ||
      cur.target.id !== target.id ||
      cur.target.kind !== target.kind ||
      cur.x !== info.x ||
      cur.y !== info.y
    ) {
      s.setHover({ x: info.x, y: info.y, target });
    }
  }

  private targetAt(info: PickingInfo): Selection | null {
    const s = this.store.getState();
    if (info.picked && info.index >= 0 && this.points) {
      return {
        kind: 'incident',
        id: idAt(s.data!.incidents, this.points.rowOf[info.index]!),
      };
    }
    const map = this.map!;
    const baseFeature = s.layers.bases
      ? map.queryRenderedFeatures(
          [
            [info.x - 8, info.y - 8],
            [info.x + 8, info.y + 8],
          ],
          { layers: [BASES_ICON_LAYER] },
        )[0]
      : undefined;
    if (baseFeature) return { kind: 'base', id: String(baseFeature.properties.id) };
    const country =
      s.layers.forces && map.getLayer(FORCES_LAYER)
        ? map.queryRenderedFeatures([info.x, info.y], { layers: [FORCES_LAYER] })[0]
        : undefined;
    const iso3 = country?.properties.a3 as string | undefined;
    if (iso3 && this.troops.get(iso3) != null) return { kind: 'country', id: iso3 };
    return null;
  }

  private onClick(x: number, y: number): void {
    const s = this.store.getState();
    const map = this.map;
    if (!map || !s.data || !this.points || !this.overlay) return;
    const pointsShown = !s.layers.density && (s.layers.attacks || s.layers.strikes);
    const k = pointsShown ? this.overlay.pick(x, y) : null;
    const { items, more } = pickTargets({
      state: s,
      row: k === null ? null : this.points.rowOf[k]!,
      baseIds: s.layers.bases
        ? map
            .queryRenderedFeatures(
              [
                [x - 9, y - 9],
                [x + 9, y + 9],
              ],
              { layers: [BASES_ICON_LAYER] },
            )
            .map((f) => String(f.properties.id))
        : [],
      countryIso3: map.getLayer(LAND_LAYER)
        ? ((map.queryRenderedFeatures([x, y], { layers: [LAND_LAYER] })[0]?.properties.a3 as
            string | undefined) ?? null)
        : null,
    });
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    if (items.length > 1) s.setChooser({ x, y, width, height, items, more });
    else s.select(items[0] ?? null);
  }
}
