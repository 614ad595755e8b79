/**
 * The growing columns behind IncidentColumnsBuilder: typed arrays doubled as rows arrive,
 * interned strings for the repeated text and packed text for the per-row values (see
 * incident-table.ts), and the last step, rows sorted by day into an IncidentTable. Also a part of
 * a file handed between the two loader workers (split-stream.ts) and how it is transferred.
 */
import type { LoadIssue } from './load-report';
import type { TallyState } from './suspicious';
import {
  INTERNED_FIELDS,
  TEXT_FIELDS,
  type IncidentTable,
  type PackedText,
  type TextField,
  sliceChunks,
} from './incident-table';

const INTERNED = new Set<TextField>(INTERNED_FIELDS);

/** Per-row strings are joined into one chunk every this many values (see PackedText). */
const PACK_EVERY = 8192;

type Column = Int32Array | Uint32Array | Uint8Array | Float32Array;

/** The one-value-per-row numeric columns, copied as they are between parts. */
const NUMERIC_COLUMNS = [
  'day',
  'typeIndex',
  'usKilled',
  'usInjured',
  'confidence',
  'precision',
] as const;

/**
 * Rows validated by one builder, unsorted, with indexes counted from its first feature: the
 * second loader worker's share of a big file (structured-cloneable; typed arrays transferable).
 */
export interface IncidentPart extends Pick<
  IncidentTable,
  | 'day'
  | 'typeIndex'
  | 'position'
  | 'usKilled'
  | 'usInjured'
  | 'confidence'
  | 'precision'
  | 'text'
  | 'strings'
  | 'packed'
> {
  n: number;
  /** Features given to the builder (valid or not): the next part's indexes start after them. */
  features: number;
  /** Each row's index in the part (the whole file's index once shifted). */
  fileIndex: Int32Array;
  /** Each row's id hash (id-set.ts), for the duplicate check across parts. */
  idHash: Uint32Array;
  issues: LoadIssue[];
  tally: TallyState;
  fastRows: number;
}

/** The typed arrays of a part, to transfer instead of copy. */
export function partBuffers(p: IncidentPart): ArrayBuffer[] {
  const arrays = [
    p.day,
    p.typeIndex,
    p.position,
    p.usKilled,
    p.usInjured,
    p.confidence,
    p.precision,
    p.fileIndex,
    p.idHash,
    p.packed.offsets,
    p.packed.chunkStart,
    ...TEXT_FIELDS.map((f) => p.text[f]),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Columns that grow row by row (fields are read and written by the builder directly). */
export class IncidentColumnStore {
  n = 0;
  private capacity: number;
  day: Int32Array;
  typeIndex: Uint8Array;
  position: Float32Array;
  usKilled: Int32Array;
  usInjured: Int32Array;
  confidence: Uint8Array;
  precision: Uint8Array;
  /** The file index of each row (for warnings found after all rows are in). */
  fileIndex: Int32Array;
  /** The hash of each row's id (see id-set.ts). */
  idHash: Uint32Array;
  text: Record<TextField, Int32Array>;
  readonly strings: string[] = [];
  private readonly interned = new Map<string, number>();
  /** Packed per-row text: finished chunks, where each starts, and the values not yet joined. */
  private readonly chunks: string[] = [];
  private readonly chunkStart: number[] = [];
  private pieces: string[] = [];
  private packedLength = 0;
  private packedCount = 0;
  private packedOffsets = new Float64Array(1024);

  constructor(capacityHint = 1024) {
    const c = (this.capacity = Math.max(16, Math.ceil(capacityHint) || 16));
    this.fileIndex = new Int32Array(c);
    this.idHash = new Uint32Array(c);
    this.day = new Int32Array(c);
    this.typeIndex = new Uint8Array(c);
    this.position = new Float32Array(2 * c);
    this.usKilled = new Int32Array(c);
    this.usInjured = new Int32Array(c);
    this.confidence = new Uint8Array(c);
    this.precision = new Uint8Array(c);
    this.text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, new Int32Array(c)])) as Record<
      TextField,
      Int32Array
    >;
  }

  /** Reserves the next row, doubling the columns when full (read them again after this). */
  nextRow(): number {
    if (this.n === this.capacity) this.reserve(this.capacity * 2);
    return this.n++;
  }

  /** Makes room for `capacity` rows in all (read the columns again after this). */
  private reserve(capacity: number): void {
    if (capacity > this.capacity) {
      const c = (this.capacity = capacity);
      const grow = <T extends Column>(a: T, width = 1): T => {
        const out = new (a.constructor as new (len: number) => T)(c * width);
        out.set(a as never);
        return out;
      };
      this.day = grow(this.day);
      this.typeIndex = grow(this.typeIndex);
      this.position = grow(this.position, 2);
      this.usKilled = grow(this.usKilled);
      this.usInjured = grow(this.usInjured);
      this.confidence = grow(this.confidence);
      this.precision = grow(this.precision);
      this.fileIndex = grow(this.fileIndex);
      this.idHash = grow(this.idHash);
      for (const f of TEXT_FIELDS) this.text[f] = grow(this.text[f]);
    }
  }

  /**
   * Appends the rows of another part (all of them, or those whose flag in `keep` is 1), its file
   * indexes shifted by `shift`: numeric columns as they are, interned strings re-interned here
   * (once per distinct string), packed text appended after ours.
   */
  appendPart(part: IncidentPart, shift: number, keep: Uint8Array | null): void {
    const packedBase = this.appendPacked(part.packed);
    // Interned in the order rows use them, as one builder reading both parts would have.
    const stringIndex = new Int32Array(part.strings.length).fill(-1);
    const internedColumns = INTERNED_FIELDS.map((f) => part.text[f]);
    for (let r = 0; r < part.n; r++) {
      if (keep && !keep[r]) continue;
      for (const column of internedColumns) {
        const v = column[r]!;
        if (v >= 0 && stringIndex[v]! < 0) stringIndex[v] = this.intern(part.strings[v]!);
      }
    }
    const kept = keep ? keep.reduce((a, b) => a + b, 0) : part.n;
    const base = this.n;
    this.reserve(Math.max(this.capacity, base + kept));
    if (!keep) {
      // The usual case (no duplicates across the parts): block copies.
      for (const c of NUMERIC_COLUMNS) this[c].set(part[c].subarray(0, part.n), base);
      this.position.set(part.position.subarray(0, 2 * part.n), 2 * base);
      this.idHash.set(part.idHash.subarray(0, part.n), base);
      for (let r = 0; r < part.n; r++) this.fileIndex[base + r] = part.fileIndex[r]! + shift;
    } else {
      let row = base;
      for (let r = 0; r < part.n; r++) {
        if (!keep[r]) continue;
        for (const c of NUMERIC_COLUMNS) this[c][row] = part[c][r]!;
        this.position[2 * row] = part.position[2 * r]!;
        this.position[2 * row + 1] = part.position[2 * r + 1]!;
        this.idHash[row] = part.idHash[r]!;
        this.fileIndex[row] = part.fileIndex[r]! + shift;
        row++;
      }
    }
    for (const f of TEXT_FIELDS) {
      const from = part.text[f];
      const to = this.text[f];
      const interned = INTERNED.has(f);
      let row = base;
      for (let r = 0; r < part.n; r++) {
        if (keep && !keep[r]) continue;
        const v = from[r]!;
        to[row++] = v < 0 ? v : interned ? stringIndex[v]! : v + packedBase;
      }
    }
    this.n = base + kept;
  }

  /** The index of a repeated string (-1 for null). */
  intern(s: string | null): number {
    if (s === null) return -1;
    let k = this.interned.get(s);
    if (k === undefined) {
      k = this.strings.push(s) - 1;
      this.interned.set(s, k);
    }
    return k;
  }

  /** Appends a per-row value to the packed text; returns its index (-1 for null). */
  plain(s: string | null): number {
    if (s === null) return -1;
    const k = this.packedCount++;
    if (k + 1 >= this.packedOffsets.length) this.growOffsets(2 * this.packedOffsets.length);
    this.packedOffsets[k] = this.packedLength;
    this.packedLength += s.length;
    // Joined every few thousand values, so the small strings die young (cheap to collect).
    if (this.pieces.push(s) >= PACK_EVERY) this.packChunk();
    return k;
  }

  /** Packed value k so far (joined or not yet). */
  plainAt(k: number): string {
    const pending = this.packedCount - this.pieces.length;
    if (k >= pending) return this.pieces[k - pending]!;
    const from = this.packedOffsets[k]!;
    const to = k + 1 < this.packedCount ? this.packedOffsets[k + 1]! : this.packedLength;
    return sliceChunks(this.chunks, this.chunkStart, from, to);
  }

  /** Appends another part's packed values after ours; returns the index its first one gets. */
  appendPacked(other: PackedText): number {
    this.packChunk();
    const base = this.packedCount;
    const count = other.offsets.length - 1;
    if (base + count + 1 > this.packedOffsets.length) this.growOffsets(2 * (base + count + 1));
    for (let k = 0; k < count; k++)
      this.packedOffsets[base + k] = this.packedLength + other.offsets[k]!;
    for (let c = 0; c < other.chunks.length; c++) {
      this.chunkStart.push(this.packedLength + other.chunkStart[c]!);
      this.chunks.push(other.chunks[c]!);
    }
    this.packedLength += other.offsets[count]!;
    this.packedCount += count;
    return base;
  }

  /** The packed text so far. */
  packed(): PackedText {
    this.packChunk();
    const offsets = this.packedOffsets.slice(0, this.packedCount + 1);
    offsets[this.packedCount] = this.packedLength;
    return { chunks: this.chunks, chunkStart: Float64Array.from(this.chunkStart), offsets };
  }

  /** The rows so far, unsorted, with what the builder adds (see IncidentPart). */
  part(extra: Pick<IncidentPart, 'features' | 'issues' | 'tally' | 'fastRows'>): IncidentPart {
    const n = this.n;
    return {
      ...extra,
      n,
      day: this.day.slice(0, n),
      typeIndex: this.typeIndex.slice(0, n),
      position: this.position.slice(0, 2 * n),
      usKilled: this.usKilled.slice(0, n),
      usInjured: this.usInjured.slice(0, n),
      confidence: this.confidence.slice(0, n),
      precision: this.precision.slice(0, n),
      fileIndex: this.fileIndex.slice(0, n),
      idHash: this.idHash.slice(0, n),
      text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, this.text[f].slice(0, n)])) as Record<
        TextField,
        Int32Array
      >,
      strings: this.strings,
      packed: this.packed(),
    };
  }

  /** The table: the rows sorted by day (stable). */
  table(): IncidentTable {
    const n = this.n;
    const order = stableOrderByDay(this.day, n);
    const arrange = <T extends Column>(a: T, width = 1): T => {
      if (!order) return (a.length === n * width ? a : a.slice(0, n * width)) as T;
      const out = new (a.constructor as new (len: number) => T)(n * width);
      if (width === 1) for (let row = 0; row < n; row++) out[row] = a[order[row]!]!;
      else
        for (let row = 0; row < n; row++) {
          out[2 * row] = a[2 * order[row]!]!;
          out[2 * row + 1] = a[2 * order[row]! + 1]!;
        }
      return out;
    };
    const table: IncidentTable = {
      length: n,
      day: arrange(this.day),
      typeIndex: arrange(this.typeIndex),
      position: arrange(this.position, 2),
      usKilled: arrange(this.usKilled),
      usInjured: arrange(this.usInjured),
      confidence: arrange(this.confidence),
      precision: arrange(this.precision),
      text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, arrange(this.text[f])])) as Record<
        TextField,
        Int32Array
      >,
      strings: this.strings,
      packed: this.packed(),
      span: null,
    };
    if (n > 0) table.span = { start: table.day[0]!, end: table.day[n - 1]! };
    return table;
  }

  private growOffsets(length: number): void {
    const grown = new Float64Array(length);
    grown.set(this.packedOffsets);
    this.packedOffsets = grown;
  }

  private packChunk(): void {
    if (this.pieces.length === 0) return;
    this.chunkStart.push(this.packedLength - this.pieces.reduce((n, p) => n + p.length, 0));
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
  }
}

/**
 * Row order sorted by day, stable (a counting sort: days are integers in a short range), or null
 * when the rows are already in order (files are usually sorted by date).
 */
export function stableOrderByDay(days: Int32Array, n: number): Int32Array | null {
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (days[i]! < days[i - 1]!) sorted = false;
  if (sorted) return null;
  let min = days[0]!;
  let max = days[0]!;
  for (let i = 0; i < n; i++) {
    const d = days[i]!;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const starts = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) starts[days[i]! - min + 1]!++;
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[starts[days[i]! - min]!++] = i;
  return order;
}
