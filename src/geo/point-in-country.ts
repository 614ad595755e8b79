/**
 * Which country outline holds a point, for incidents whose `country` is missing: Turf
 * `booleanPointInPolygon` against the outlines' polygons whose bounding box holds the point.
 *
 * Many points (an imported file with no country column can have a million) go through a grid
 * over their extent: a cell that no outline edge crosses lies wholly inside one outline or outside
 * all of them, so one polygon test answers for every point in it; only points in cells an edge
 * crosses are tested one by one. The answers are the same as testing every point.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** One polygon of an outline (with its holes) and its bounding box. */
interface Part {
  owner: number;
  polygon: Polygon;
  w: number;
  s: number;
  e: number;
  n: number;
}

/** Cells per side of the grid at most (a million points: about 15 per cell). */
const MAX_CELLS = 256;
/** Edges are widened by this (degrees, about 1 cm) so rounding never hides one from a cell. */
const EPS = 1e-7;
/** A cell whose outline is not known yet. */
const UNKNOWN = -2;

/** The polygons of every shape (index = shape) whose bounding box meets the extent. */
function partsIn(
  shapes: readonly (Polygon | MultiPolygon)[],
  [minX, minY, maxX, maxY]: [number, number, number, number],
): Part[] {
  const parts: Part[] = [];
  shapes.forEach((shape, owner) => {
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
    for (const rings of polygons) {
      let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
      // The outer ring bounds the holes.
      for (const [x, y] of rings[0] ?? []) {
        w = Math.min(w, x!);
        e = Math.max(e, x!);
        s = Math.min(s, y!);
        n = Math.max(n, y!);
      }
      if (w > maxX || e < minX || s > maxY || n < minY) continue;
      parts.push({ owner, polygon: { type: 'Polygon', coordinates: rings }, w, s, e, n });
    }
  });
  return parts;
}

/** The first shape holding the point (boundary included, as Turf counts it), or -1. */
function locate(parts: Part[], x: number, y: number): number {
  for (const p of parts) {
    if (x < p.w || x > p.e || y < p.s || y > p.n) continue;
    if (booleanPointInPolygon([x, y], p.polygon)) return p.owner;
  }
  return -1;
}

/**
 * For each of `rows`, the index in `shapes` of the outline holding its point ([lng, lat] pairs in
 * `position`), or -1: no location (NaN), or outside every outline. Outlines are expected not to
 * overlap; where they do, the first one listed wins.
 */
export function locateRows(
  position: Float32Array,
  rows: ArrayLike<number>,
  shapes: readonly (Polygon | MultiPolygon)[],
): Int32Array {
  const out = new Int32Array(rows.length).fill(-1);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < rows.length; i++) {
    const x = position[2 * rows[i]!]!;
    const y = position[2 * rows[i]! + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (minX > maxX) return out;
  const parts = partsIn(shapes, [minX, minY, maxX, maxY]);
  if (parts.length === 0) return out;

  const side = Math.max(1, Math.min(MAX_CELLS, Math.ceil(Math.sqrt(rows.length / 4))));
  const sx = (maxX - minX) / side || 1;
  const sy = (maxY - minY) / side || 1;
  const col = (x: number) => Math.min(side - 1, Math.max(0, Math.floor((x - minX) / sx)));
  const row = (y: number) => Math.min(side - 1, Math.max(0, Math.floor((y - minY) / sy)));

  // Mark every cell an edge's (widened) box touches: a conservative superset of crossed cells.
  const crossed = new Uint8Array(side * side);
  const mark = (a: Position, b: Position) => {
    const x0 = Math.min(a[0]!, b[0]!) - EPS;
    const x1 = Math.max(a[0]!, b[0]!) + EPS;
    const y0 = Math.min(a[1]!, b[1]!) - EPS;
    const y1 = Math.max(a[1]!, b[1]!) + EPS;
    if (x0 > maxX || x1 < minX || y0 > maxY || y1 < minY) return;
    for (let cy = row(y0), cy1 = row(y1); cy <= cy1; cy++)
      for (let cx = col(x0), cx1 = col(x1); cx <= cx1; cx++) crossed[cy * side + cx] = 1;
  };
  for (const p of parts)
    for (const ring of p.polygon.coordinates)
      for (let k = 1; k < ring.length; k++) mark(ring[k - 1]!, ring[k]!);

  // An uncrossed cell takes the answer of the first point found in it (the points of a cell within
  // the extent form a convex region no edge meets, so they share their outline).
  const cellOwner = new Int32Array(side * side).fill(UNKNOWN);
  for (let i = 0; i < rows.length; i++) {
    const x = position[2 * rows[i]!]!;
    const y = position[2 * rows[i]! + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const c = row(y) * side + col(x);
    if (crossed[c]) out[i] = locate(parts, x, y);
    else {
      if (cellOwner[c] === UNKNOWN) cellOwner[c] = locate(parts, x, y);
      out[i] = cellOwner[c]!;
    }
  }
  return out;
}
