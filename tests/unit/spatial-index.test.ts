import { describe, expect, it } from 'vitest';
import {
  buildSpatialIndex,
  rowsAtPoint,
  rowsInBox,
  spatialFromWire,
  spatialToWire,
} from '../../src/geo/spatial-index';

/** Small deterministic PRNG so failures reproduce. */
function rng(seed: number) {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('spatial index', () => {
  const random = rng(7);
  const n = 5000;
  const position = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    // A third of the points stack on a few "bases"; some have no location.
    const stacked = i % 3 === 0;
    position[2 * i] = i % 97 === 0 ? NaN : stacked ? 40 + (i % 5) : 38 + random() * 8;
    position[2 * i + 1] = i % 97 === 0 ? NaN : stacked ? 33 : 31 + random() * 6;
  }
  const index = buildSpatialIndex(position);
  const brute = (w: number, s: number, e: number, nth: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = position[2 * i]!;
      const y = position[2 * i + 1]!;
      if (x >= w && x <= e && y >= s && y <= nth) out.push(i);
    }
    return out;
  };

  it('answers the same after the trip through a worker (buffers cloned, tree rewrapped)', () => {
    const moved = spatialFromWire(structuredClone(spatialToWire(index)));
    expect(moved.rowOf).toEqual(index.rowOf);
    for (const [w, s, e, nth] of [
      [38, 31, 46, 37],
      [40, 33, 40, 33],
      [41.5, 32, 43.2, 34.9],
    ] as const)
      expect(rowsInBox(moved, w, s, e, nth)).toEqual(brute(w, s, e, nth));
  });

  it('finds exactly what a scan finds, for random boxes', () => {
    for (let k = 0; k < 50; k++) {
      const w = 38 + random() * 8;
      const s = 31 + random() * 6;
      const box: [number, number, number, number] = [w, s, w + random() * 2, s + random() * 2];
      expect(rowsInBox(index, ...box)).toEqual(brute(...box));
    }
  });

  it('finds every incident stacked on one point and nothing else', () => {
    const rows = rowsAtPoint(index, Math.fround(42), Math.fround(33));
    expect(rows).toEqual(brute(42, 33, 42, 33));
    expect(rows.length).toBeGreaterThan(300);
  });

  it('handles data without locations', () => {
    const empty = buildSpatialIndex(new Float32Array([NaN, NaN]));
    expect(rowsAtPoint(empty, 0, 0)).toEqual([]);
  });
});
