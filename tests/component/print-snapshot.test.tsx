/**
 * Printing the page itself: the map's canvas is swapped for a 2D copy drawn just before printing
 * and swapped back afterwards (src/map/print-snapshot.ts). jsdom has no canvas drawing, so the 2D
 * context is a stub that records what it was asked to draw; the map is a stand-in with a canvas
 * and `redraw`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { keepMapInPrint, PRINT_SNAPSHOT_CLASS } from '../../src/map/print-snapshot';

function fakeMap(width = 640, height = 360) {
  const container = document.createElement('div');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  container.append(canvas);
  document.body.append(container);
  const calls: string[] = [];
  const map = { getCanvas: () => canvas, redraw: vi.fn(() => calls.push('redraw')) };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    return {
      drawImage: (source: unknown) => calls.push(source === canvas ? 'copy map' : 'copy other'),
    } as unknown as CanvasRenderingContext2D;
  } as unknown as HTMLCanvasElement['getContext']);
  return { map: map as unknown as MapLibreMap, canvas, container, calls };
}

describe('keepMapInPrint', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('prints a copy of a freshly drawn map in its place, and puts the live map back after', () => {
    const { map, canvas, container, calls } = fakeMap();
    const stop = keepMapInPrint(map);
    window.dispatchEvent(new Event('beforeprint'));
    // Drawn, then copied in the same task (the drawing buffer is still there).
    expect(calls).toEqual(['redraw', 'copy map']);
    const copy = container.querySelector<HTMLCanvasElement>(`.${PRINT_SNAPSHOT_CLASS}`)!;
    expect(copy).not.toBeNull();
    expect(copy.previousElementSibling).toBe(canvas);
    expect([copy.width, copy.height]).toEqual([640, 360]);
    expect(copy.getAttribute('aria-hidden')).toBe('true');
    expect(canvas.style.visibility).toBe('hidden');

    window.dispatchEvent(new Event('afterprint'));
    expect(container.querySelector(`.${PRINT_SNAPSHOT_CLASS}`)).toBeNull();
    expect(canvas.style.visibility).toBe('');

    // Printing twice leaves one copy; once stopped, printing leaves the map alone.
    window.dispatchEvent(new Event('beforeprint'));
    window.dispatchEvent(new Event('beforeprint'));
    expect(container.querySelectorAll(`.${PRINT_SNAPSHOT_CLASS}`)).toHaveLength(1);
    stop();
    expect(container.querySelector(`.${PRINT_SNAPSHOT_CLASS}`)).toBeNull();
    window.dispatchEvent(new Event('beforeprint'));
    expect(container.querySelector(`.${PRINT_SNAPSHOT_CLASS}`)).toBeNull();
    expect(canvas.style.visibility).toBe('');
  });

  it('leaves the live canvas when there is nothing to copy', () => {
    const { map, canvas, container, calls } = fakeMap(0, 0);
    keepMapInPrint(map);
    window.dispatchEvent(new Event('beforeprint'));
    expect(calls).toEqual([]);
    expect(container.querySelector(`.${PRINT_SNAPSHOT_CLASS}`)).toBeNull();
    expect(canvas.style.visibility).toBe('');
    window.dispatchEvent(new Event('afterprint'));
  });
});
