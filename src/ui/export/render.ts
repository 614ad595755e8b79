/**
 * Renders a composition to a canvas: plans the layout, has the map drawn offscreen at the map
 * box's size (the app hands in `OpenMap`, implemented by src/map/export-map.ts, since src/ui
 * never imports src/map), and composes text, map and legend. Used by PNG, print and video.
 */
import { describeFilters } from '../filters/filter-text';
import type { AppState } from '../../state/store';
import { formatDay } from '../../time/days';
import type { DayWindow } from '../../time/window';
import { asOfLine, caveatLine, countsWords, sourcesLine, windowWords } from './captions';
import {
  drawComposition,
  planComposition,
  type CompositionText,
  type OutputSize,
  type Plan,
} from './composition';
import { legendSections } from './legend-model';

/** A map drawn offscreen, one frame at a time. */
export interface MapHandle {
  /** Draws the map for a window (default: the state's own) and resolves with its canvas. */
  draw(window?: DayWindow | null): Promise<HTMLCanvasElement>;
  close(): void;
}

/** Opens a map offscreen of `width` × `height` CSS pixels at `pixelRatio`, showing `state`. */
export type OpenMap = (
  state: AppState,
  size: { width: number; height: number; pixelRatio: number },
) => Promise<MapHandle>;

/** The words of a frame for a window. */
export function frameText(
  state: AppState,
  title: string,
  w: DayWindow | null,
  overlay = false,
): CompositionText {
  const dataset = state.data?.dataset ?? null;
  return {
    title,
    windowText: w ? windowWords(w) : 'No dated incidents',
    countsText:
      w && state.derived
        ? countsWords(
            state.filtered ?? state.derived,
            w,
            state.filtered ? describeFilters(state.filters) : [],
          )
        : '',
    sources: sourcesLine(dataset),
    asOf: asOfLine(dataset),
    caveat: caveatLine(dataset),
    overlay:
      overlay && w
        ? {
            date: formatDay(w.end),
            detail: w.start === w.end ? 'one day' : `since ${formatDay(w.start)}`,
          }
        : null,
  };
}

/** A canvas of an output size with its 2D context. */
export function outputCanvas(size: OutputSize): {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
} {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  return { canvas, ctx };
}

/** Opens the offscreen map for a plan: the map box at the output's scale. */
export function openPlanMap(openMap: OpenMap, state: AppState, plan: Plan): Promise<MapHandle> {
  return openMap(state, {
    width: plan.map.width,
    height: plan.map.height,
    pixelRatio: plan.size.scale,
  });
}

/** Renders the current view (state) at a size, with a title; resolves with the finished canvas. */
export async function renderComposition(
  openMap: OpenMap,
  state: AppState,
  size: OutputSize,
  title: string,
): Promise<HTMLCanvasElement> {
  const { canvas, ctx } = outputCanvas(size);
  const text = frameText(state, title, state.window);
  const plan = planComposition(ctx, size, text);
  const map = await openPlanMap(openMap, state, plan);
  try {
    const image = await map.draw();
    drawComposition(
      ctx,
      plan,
      text,
      legendSections(state.layers, state.window?.end ?? null),
      image,
    );
  } finally {
    map.close();
  }
  return canvas;
}

/** A canvas as a PNG file. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))),
      'image/png',
    ),
  );
}

/** Offers a file for download (an object URL on a temporary link, released afterwards). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
