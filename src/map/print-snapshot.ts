/**
 * Keeps the map in a printout of the page itself (Ctrl+P, not the Export dialog's Print…).
 *
 * The on-screen map's WebGL canvas has no `preserveDrawingBuffer` (it would cost every frame a
 * copy), so what a browser prints of it depends on the browser: Chromium prints the last frame it
 * showed, others may print an empty buffer. So just before printing the map is drawn once more,
 * synchronously, and copied in the same task (while the drawing buffer is still valid) onto a 2D
 * canvas that takes its place in the printout; after printing the copy goes and the live canvas
 * comes back. A 2D canvas, not an <img>: it paints at once, with no decoding that printing could
 * outrun.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Class of the printed copy of the map (tests look for it). */
export const PRINT_SNAPSHOT_CLASS = 'map-print-snapshot';

/**
 * Copies the map's current picture onto a new 2D canvas of the same size, drawing the map first;
 * null when there is nothing to copy (no size yet, or no 2D context).
 */
export function snapshotMap(map: MapLibreMap): HTMLCanvasElement | null {
  const source = map.getCanvas();
  if (!source.width || !source.height) return null;
  // Synchronous: the copy below reads this frame's drawing buffer before it is presented.
  map.redraw();
  const copy = source.ownerDocument.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  const ctx = copy.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0);
  return copy;
}

/**
 * Swaps the map's canvas for a snapshot while the page prints (`beforeprint` … `afterprint`).
 * Returns a function that stops doing so.
 */
export function keepMapInPrint(map: MapLibreMap, win: Window = window): () => void {
  let snapshot: HTMLCanvasElement | null = null;
  const restore = () => {
    snapshot?.remove();
    snapshot = null;
    map.getCanvas().style.visibility = '';
  };
  const before = () => {
    restore();
    let copy: HTMLCanvasElement | null = null;
    try {
      copy = snapshotMap(map);
    } catch (e) {
      // Printing goes on with the live canvas, whatever the browser makes of it.
      console.warn('The map could not be copied for printing', e);
    }
    if (!copy) return;
    const source = map.getCanvas();
    copy.className = PRINT_SNAPSHOT_CLASS;
    copy.setAttribute('aria-hidden', 'true');
    // Placed as the print stylesheet places the live canvas: the map's box, aspect kept.
    Object.assign(copy.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      width: '100%',
      height: '100%',
      objectFit: 'contain',
      pointerEvents: 'none',
    });
    source.after(copy);
    source.style.visibility = 'hidden';
    snapshot = copy;
  };
  win.addEventListener('beforeprint', before);
  win.addEventListener('afterprint', restore);
  return () => {
    win.removeEventListener('beforeprint', before);
    win.removeEventListener('afterprint', restore);
    restore();
  };
}
