/**
 * "Add to the current data" for imported files: two incident tables become one, sorted by day
 * (stable: the current rows first on the same day). An added row whose id is already taken is
 * skipped and reported as a duplicate, like a duplicate inside one file. Column work only: no
 * per-row objects, so adding to a million rows takes milliseconds, not a reload.
 */
import { stableOrderByDay } from './incident-column-store';
import {
  idAt,
  INTERNED_FIELDS,
  TEXT_FIELDS,
  type IncidentTable,
  type PackedText,
  type TextField,
} from './incident-table';
import { issue, type LoadIssue } from './load-report';

type Column = Int32Array | Uint8Array | Float32Array;

/**
 * Merges `added` (loaded from `file`) into `current`. `addedIndex(row)` gives an added row's
 * index in its file for the report (rows of `added` are in day order; default: none, the reason
 * names the id).
 */
export function mergeIncidentTables(
  current: IncidentTable,
  added: IncidentTable,
  file: string,
  addedIndex: (row: number) => number | null = () => null,
): { table: IncidentTable; issues: LoadIssue[] } {
  const issues: LoadIssue[] = [];
  const taken = new Set<string>();
  for (let r = 0; r < current.length; r++) taken.add(idAt(current, r));
  const keep: number[] = [];
  for (let r = 0; r < added.length; r++) {
    const id = idAt(added, r);
    if (taken.has(id)) {
      issues.push(
        issue(file, addedIndex(r), 'id', `duplicate id "${id}" (already in the current data)`),
      );
      continue;
    }
    taken.add(id);
    keep.push(r);
  }
  const n = current.length + keep.length;
  const stringShift = current.strings.length;
  const packedShift = current.packed.offsets.length - 1;
  const interned = new Set<TextField>(INTERNED_FIELDS);
  const join = <T extends Column>(a: T, b: T, width = 1, shift = 0): T => {
    const out = new (a.constructor as new (len: number) => T)(n * width);
    out.set(a.subarray(0, current.length * width) as never);
    let at = current.length * width;
    for (const r of keep) {
      for (let k = 0; k < width; k++) {
        const v = b[r * width + k]!;
        out[at++] = shift && v >= 0 ? v + shift : v;
      }
    }
    return out;
  };
  const day = join(current.day, added.day);
  const order = stableOrderByDay(day, n);
  const arrange = <T extends Column>(a: T, width = 1): T => {
    if (!order) return a;
    const out = new (a.constructor as new (len: number) => T)(n * width);
    for (let row = 0; row < n; row++)
      for (let k = 0; k < width; k++) out[row * width + k] = a[order[row]! * width + k]!;
    return out;
  };
  const text = Object.fromEntries(
    TEXT_FIELDS.map((f) => [
      f,
      arrange(join(current.text[f], added.text[f], 1, interned.has(f) ? stringShift : packedShift)),
    ]),
  ) as Record<TextField, Int32Array>;
  const table: IncidentTable = {
    length: n,
    day: arrange(day),
    typeIndex: arrange(join(current.typeIndex, added.typeIndex)),
    position: arrange(join(current.position, added.position, 2), 2),
    usKilled: arrange(join(current.usKilled, added.usKilled)),
    usInjured: arrange(join(current.usInjured, added.usInjured)),
    confidence: arrange(join(current.confidence, added.confidence)),
    precision: arrange(join(current.precision, added.precision)),
    text,
    strings: current.strings.concat(added.strings),
    packed: mergePacked(current.packed, added.packed),
    span: null,
  };
  if (n > 0) table.span = { start: table.day[0]!, end: table.day[n - 1]! };
  return { table, issues };
}

/** The packed text of both tables: the added values' indexes move up by the current count. */
function mergePacked(a: PackedText, b: PackedText): PackedText {
  const aCount = a.offsets.length - 1;
  const aLength = a.offsets[aCount]!;
  const offsets = new Float64Array(aCount + b.offsets.length);
  offsets.set(a.offsets.subarray(0, aCount));
  for (let k = 0; k < b.offsets.length; k++) offsets[aCount + k] = b.offsets[k]! + aLength;
  const chunkStart = new Float64Array(a.chunkStart.length + b.chunkStart.length);
  chunkStart.set(a.chunkStart);
  for (let c = 0; c < b.chunkStart.length; c++)
    chunkStart[a.chunkStart.length + c] = b.chunkStart[c]! + aLength;
  return { chunks: [...a.chunks, ...b.chunks], chunkStart, offsets };
}
