/**
 * A static KD-tree over the incidents' positions (kdbush): "what is at or near this point" in
 * O(log n + k), so clicks and radius queries never scan every incident. Built once per dataset.
 */
import KDBush from 'kdbush';

/** The index and the table row of each indexed point. */
export interface SpatialIndex {
  tree: KDBush;
  /** Table row of each indexed item (only located incidents are indexed). */
  rowOf: Uint32Array;
}

/** Indexes every finite position of an interleaved [lng, lat, ...] array. */
export function buildSpatialIndex(position: Float32Array): SpatialIndex {
  const n = position.length >> 1;
  let located = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(position[2 * i])) located++;
  const rowOf = new Uint32Array(located);
  // Float32 coordinates, as stored: a point queried with its own position is found exactly.
  const tree = new KDBush(Math.max(1, located), 64, Float32Array);
  for (let i = 0, k = 0; i < n; i++) {
    const lng = position[2 * i]!;
    if (!Number.isFinite(lng)) continue;
    rowOf[k++] = i;
    tree.add(lng, position[2 * i + 1]!);
  }
  if (located === 0) tree.add(0, 0);
  tree.finish();
  return { tree, rowOf };
}

/** A SpatialIndex as transferable buffers (built in a worker, wrapped on the main thread). */
export interface SpatialIndexWire {
  data: ArrayBuffer;
  rowOf: Uint32Array;
}

/** The wire form of an index. */
export function spatialToWire(index: SpatialIndex): SpatialIndexWire {
  return { data: index.tree.data as ArrayBuffer, rowOf: index.rowOf };
}

/** The index from its wire form (no rebuilding). */
export function spatialFromWire(wire: SpatialIndexWire): SpatialIndex {
  return { tree: KDBush.from(wire.data), rowOf: wire.rowOf };
}

/** Rows inside a lng/lat box, in row (day) order. */
export function rowsInBox(
  index: SpatialIndex,
  west: number,
  south: number,
  east: number,
  north: number,
): number[] {
  if (index.rowOf.length === 0) return [];
  return index.tree
    .range(west, south, east, north)
    .map((k) => index.rowOf[k]!)
    .sort((a, b) => a - b);
}

/** Rows drawn at exactly this position (incidents stacked on one base or town). */
export function rowsAtPoint(index: SpatialIndex, lng: number, lat: number): number[] {
  return rowsInBox(index, lng, lat, lng, lat);
}

/**
 * Calls `visit(row, lng, lat)` for every indexed point inside the box. Coordinates are read from
 * the tree's own arrays, where a leaf's points sit together, so a large query does not jump around
 * the table's position column for each point (kdbush's `range` traversal, with a visitor).
 */
export function forEachInBox(
  index: SpatialIndex,
  west: number,
  south: number,
  east: number,
  north: number,
  visit: (row: number, lng: number, lat: number) => void,
): void {
  if (index.rowOf.length === 0) return;
  const { ids, coords, nodeSize } = index.tree;
  const rowOf = index.rowOf;
  const stack = [0, ids.length - 1, 0];
  while (stack.length > 0) {
    const axis = stack.pop()!;
    const right = stack.pop()!;
    const left = stack.pop()!;
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) {
        const x = coords[2 * i]!;
        const y = coords[2 * i + 1]!;
        if (x >= west && x <= east && y >= south && y <= north) visit(rowOf[ids[i]!]!, x, y);
      }
      continue;
    }
    const m = (left + right) >> 1;
    const x = coords[2 * m]!;
    const y = coords[2 * m + 1]!;
    if (x >= west && x <= east && y >= south && y <= north) visit(rowOf[ids[m]!]!, x, y);
    if (axis === 0 ? west <= x : south <= y) stack.push(left, m - 1, 1 - axis);
    if (axis === 0 ? east >= x : north >= y) stack.push(m + 1, right, 1 - axis);
  }
}
