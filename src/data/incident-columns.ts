/**
 * Validation straight into columns: each parsed feature is checked and written into growable
 * typed arrays and the string table, without building an object per incident. A fast path
 * handles rows it is sure are valid using local variables only; anything else (a missing or odd
 * value, `geometry: null`, a non-http source, a duplicate id) goes through the zod schemas, the
 * source of truth and of the error messages. Tests check that both paths give the same table.
 */
import { isoToDay } from '../time/days';
import { issue, type LoadIssue } from './load-report';
import { isHttpUrl } from './safe-url';
import { incidentProperties } from './schemas';
import {
  sortIssues,
  todayDay,
  warnFarOutside,
  WarningTally,
  type TallyState,
  type WarningKind,
} from './suspicious';
import { CONFIDENCE_LEVELS, COORD_PRECISIONS, INCIDENT_TYPES } from './types';
import {
  assertFeatureCollection,
  noteSuspicious,
  validateFeature,
  type FeatureRules,
} from './validate-features';
import {
  INTERNED_FIELDS,
  NONE,
  packedAt,
  SOURCE_SEPARATOR,
  TEXT_FIELDS,
  type IncidentTable,
  type PackedText,
  type TextField,
} from './incident-table';
import type { z } from 'zod';

type IncidentProps = z.output<typeof incidentProperties>;

const TYPE_INDEX = new Map<unknown, number>(INCIDENT_TYPES.map((t, i) => [t, i]));
const CONFIDENCE_INDEX = new Map<unknown, number>(CONFIDENCE_LEVELS.map((t, i) => [t, i]));
const PRECISION_INDEX = new Map<unknown, number>(COORD_PRECISIONS.map((t, i) => [t, i]));

/** Free-text fields the record path writes (ids and sources are written on their own). */
const NOTE_FIELDS = ['date_note', 'casualty_note', 'other_casualties', 'description'] as const;

const IS_INTERNED_FIELD = new Set<TextField>(INTERNED_FIELDS);

/**
 * Rows validated by one builder, unsorted, with indexes counted from its first feature: the
 * second loader worker's share of a big file (structured-cloneable; typed arrays transferable).
 */
export interface IncidentPart {
  n: number;
  /** Features given to the builder (valid or not): the next part's indexes start after them. */
  features: number;
  day: Int32Array;
  typeIndex: Uint8Array;
  position: Float32Array;
  usKilled: Int32Array;
  usInjured: Int32Array;
  confidence: Uint8Array;
  precision: Uint8Array;
  fileIndex: Int32Array;
  text: Record<TextField, Int32Array>;
  strings: string[];
  packed: PackedText;
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
    p.packed.offsets,
    p.packed.chunkStart,
    ...TEXT_FIELDS.map((f) => p.text[f]),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Per-row strings are joined into one chunk every this many values (see PackedText). */
const PACK_EVERY = 8192;

/** Marks a value the fast path will not decide on. */
const SLOW = Symbol('slow');

/** Optional text as the schema reads it: trimmed, blank → null; SLOW for a non-string. */
function text(v: unknown): string | null | typeof SLOW {
  if (v == null) return null;
  if (typeof v !== 'string') return SLOW;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Optional count: -1 for none; SLOW for anything but a non-negative safe integer. */
function count(v: unknown): number | typeof SLOW {
  if (v == null) return -1;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : SLOW;
}

/** Optional enum member index: NONE for none; SLOW for an unknown value. */
function member(v: unknown, index: Map<unknown, number>): number | typeof SLOW {
  if (v == null) return NONE;
  return index.get(v) ?? SLOW;
}

type Column = Int32Array | Uint8Array | Float32Array;

/** Options of the incident validator. */
export interface IncidentValidationOptions {
  /** "Today" as an epoch day, for the future-date warning (tests fix it; default: now). */
  today?: number;
  /** What an index counts in aggregated warnings: "feature" (GeoJSON) or "row" (CSV). */
  noun?: string;
}

/** Builds an IncidentTable from features added one at a time, in file order. */
export class IncidentColumnsBuilder {
  private n = 0;
  private capacity: number;
  private day: Int32Array;
  private typeIndex: Uint8Array;
  private position: Float32Array;
  private usKilled: Int32Array;
  private usInjured: Int32Array;
  private confidence: Uint8Array;
  private precision: Uint8Array;
  /** The file index of each row (for warnings found after all rows are in). */
  private fileIndex: Int32Array;
  private text: Record<TextField, Int32Array>;
  private readonly strings: string[] = [];
  private readonly interned = new Map<string, number>();
  /** Packed per-row text: finished chunks, where each starts, and the values not yet joined. */
  private readonly chunks: string[] = [];
  private readonly chunkStart: number[] = [];
  private pieces: string[] = [];
  private packedLength = 0;
  private packedCount = 0;
  private packedOffsets = new Float64Array(1024);
  private readonly seenIds = new Set<string>();
  private readonly tally: WarningTally;
  private readonly today: number;
  private readonly rules: FeatureRules;
  readonly issues: LoadIssue[] = [];
  /** Rows that took the fast path (for tests). */
  fastRows = 0;

  /**
   * @param file the file name used in the load report
   * @param capacityHint expected number of features (the arrays grow as needed)
   * @param useFastPath false sends every row through zod (tests compare both paths)
   */
  constructor(
    private readonly file: string,
    capacityHint = 1024,
    private readonly useFastPath = true,
    options: IncidentValidationOptions = {},
  ) {
    this.today = options.today ?? todayDay();
    this.tally = new WarningTally(file, options.noun);
    this.rules = {
      allowNullGeometry: true,
      futureField: { name: 'date', kind: 'futureDate' },
      today: this.today,
    };
    const c = (this.capacity = Math.max(16, Math.ceil(capacityHint) || 16));
    this.fileIndex = new Int32Array(c);
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

  /** Number of valid rows so far. */
  get length(): number {
    return this.n;
  }

  /** Validates one feature (its index in the file for the report) and keeps it if valid. */
  add(raw: unknown, index: number): void {
    if (this.useFastPath && this.addFast(raw, index)) return;
    this.addSlow(raw, index);
  }

  /** Adds every feature of a parsed FeatureCollection (throws FileShapeError for another shape). */
  addCollection(json: unknown): void {
    const { features } = assertFeatureCollection(json);
    for (let i = 0; i < features.length; i++) this.add(features[i], i);
  }

  /** Adds features parsed from one batch; `firstIndex` is the file index of the first. */
  addBatch(features: unknown[], firstIndex: number): void {
    for (let i = 0; i < features.length; i++) this.add(features[i], firstIndex + i);
  }

  /**
   * What was built so far, unsorted, for another thread to absorb (see `absorb`): the part of a
   * file split between two loader workers. `features` is how many features it was given.
   */
  part(features: number): IncidentPart {
    const n = this.n;
    this.packChunk();
    return {
      n,
      features,
      day: this.day.slice(0, n),
      typeIndex: this.typeIndex.slice(0, n),
      position: this.position.slice(0, 2 * n),
      usKilled: this.usKilled.slice(0, n),
      usInjured: this.usInjured.slice(0, n),
      confidence: this.confidence.slice(0, n),
      precision: this.precision.slice(0, n),
      fileIndex: this.fileIndex.slice(0, n),
      text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, this.text[f].slice(0, n)])) as Record<
        TextField,
        Int32Array
      >,
      strings: this.strings,
      packed: this.finishPacked(),
      issues: this.issues,
      tally: this.tally.state(),
      fastRows: this.fastRows,
    };
  }

  /**
   * Appends the rows of the file's next part, validated by another builder whose indexes start at
   * 0 where this one's end (`shift`). Ids already taken here make the part's rows duplicates,
   * reported as the one-builder path would; the result of `finish` is then the same as if one
   * builder had read the whole file.
   */
  absorb(part: IncidentPart, shift: number): void {
    const packedBase = this.appendPacked(part.packed);
    const stringIndex = new Int32Array(part.strings.length).fill(-1);
    const dropped = new Map<number, WarningKind[]>();
    for (let r = 0; r < part.n; r++) {
      const index = part.fileIndex[r]! + shift;
      const id = packedAt(part.packed, part.text.id[r]!);
      if (this.seenIds.has(id)) {
        this.issues.push(issue(this.file, index, 'id', `duplicate id "${id}"`));
        dropped.set(index, this.warningsOf(part, r));
        continue;
      }
      this.seenIds.add(id);
      const row = this.nextRow();
      this.fileIndex[row] = index;
      this.day[row] = part.day[r]!;
      this.typeIndex[row] = part.typeIndex[r]!;
      this.position[2 * row] = part.position[2 * r]!;
      this.position[2 * row + 1] = part.position[2 * r + 1]!;
      this.usKilled[row] = part.usKilled[r]!;
      this.usInjured[row] = part.usInjured[r]!;
      this.confidence[row] = part.confidence[r]!;
      this.precision[row] = part.precision[r]!;
      for (const f of TEXT_FIELDS) {
        const v = part.text[f][r]!;
        let out = v;
        if (v >= 0 && IS_INTERNED_FIELD.has(f)) {
          out = stringIndex[v]!;
          if (out < 0) out = stringIndex[v] = this.intern(part.strings[v]!);
        } else if (v >= 0) out = v + packedBase;
        this.text[f][row] = out;
      }
    }
    for (const it of part.issues)
      this.issues.push(it.index === null ? it : { ...it, index: it.index + shift });
    this.tally.absorb(part.tally, shift, dropped);
    this.fastRows += part.fastRows;
  }

  /** The warnings a part's row was counted for (to take back when the row is left out). */
  private warningsOf(part: IncidentPart, r: number): WarningKind[] {
    const kinds: WarningKind[] = [];
    if (!(part.position[2 * r]! === part.position[2 * r]!)) kinds.push('noLocation');
    else if (part.precision[r] === NONE) kinds.push('noPrecision');
    if (part.day[r]! > this.today) kinds.push('futureDate');
    return kinds;
  }

  /** Appends another part's packed values after ours; returns the index its first one gets. */
  private appendPacked(other: PackedText): number {
    this.packChunk();
    const base = this.packedCount;
    const count = other.offsets.length - 1;
    if (base + count + 1 > this.packedOffsets.length) {
      const grown = new Float64Array(2 * (base + count + 1));
      grown.set(this.packedOffsets);
      this.packedOffsets = grown;
    }
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

  /** The finished table, sorted by day (stable), and the load issues sorted by index. */
  finish(): { table: IncidentTable; issues: LoadIssue[] } {
    const n = this.n;
    const fileIndex = this.fileIndex;
    warnFarOutside(this.position, n, (row) => fileIndex[row]!, this.tally);
    const issues = sortIssues(this.issues.concat(this.tally.finish()));
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
      packed: this.finishPacked(),
      span: null,
    };
    if (n > 0) table.span = { start: table.day[0]!, end: table.day[n - 1]! };
    return { table, issues };
  }

  private finishPacked(): IncidentTable['packed'] {
    this.packChunk();
    const offsets = this.packedOffsets.slice(0, this.packedCount + 1);
    offsets[this.packedCount] = this.packedLength;
    return { chunks: this.chunks, chunkStart: Float64Array.from(this.chunkStart), offsets };
  }

  /** Writes a row the fast path is sure about; false (nothing written) to take the slow path. */
  private addFast(raw: unknown, index: number): boolean {
    const f = raw as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown };
    if (f === null || typeof f !== 'object' || f.type !== 'Feature') return false;
    const p = f.properties as Record<string, unknown> | null;
    if (p === null || typeof p !== 'object' || Array.isArray(p)) return false;

    const rawId = p.id ?? f.id;
    const id = typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : rawId;
    if (typeof id !== 'string' || id === '' || this.seenIds.has(id)) return false;
    if (typeof p.date !== 'string') return false;
    const day = isoToDay(p.date);
    if (day === null) return false;
    const type = TYPE_INDEX.get(p.type);
    if (type === undefined) return false;

    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (g === null || typeof g !== 'object' || g.type !== 'Point') return false;
    const c = g.coordinates;
    if (!Array.isArray(c) || c.length < 2 || c.length > 3) return false;
    const lng = c[0] as unknown;
    const lat = c[1] as unknown;
    if (typeof lng !== 'number' || typeof lat !== 'number') return false;
    if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) return false;
    if (c.length === 3 && !(typeof c[2] === 'number' && Number.isFinite(c[2]))) return false;

    const sources = p.sources ?? [];
    if (!Array.isArray(sources)) return false;
    for (let k = 0; k < sources.length; k++) {
      const s = sources[k] as unknown;
      if (typeof s !== 'string' || !isHttpUrl(s)) return false;
    }

    const usKilled = count(p.us_killed);
    const usInjured = count(p.us_injured);
    const confidence = member(p.confidence, CONFIDENCE_INDEX);
    const precision = member(p.coord_precision, PRECISION_INDEX);
    if (usKilled === SLOW || usInjured === SLOW || confidence === SLOW || precision === SLOW)
      return false;
    const weapon = text(p.weapon);
    const target = text(p.target);
    const baseId = text(p.base_id);
    const country = text(p.country);
    const claimedBy = text(p.claimed_by);
    const group = text(p.claimed_by_group);
    const dateNote = text(p.date_note);
    const casualtyNote = text(p.casualty_note);
    const other = text(p.other_casualties);
    const description = text(p.description);
    if (
      weapon === SLOW ||
      target === SLOW ||
      baseId === SLOW ||
      country === SLOW ||
      claimedBy === SLOW ||
      group === SLOW ||
      dateNote === SLOW ||
      casualtyNote === SLOW ||
      other === SLOW ||
      description === SLOW
    )
      return false;

    this.seenIds.add(id);
    this.fastRows++;
    if (precision === NONE) this.tally.add('noPrecision', index);
    if (day > this.today) this.tally.add('futureDate', index, p.date);
    const row = this.nextRow();
    this.fileIndex[row] = index;
    this.day[row] = day;
    this.typeIndex[row] = type;
    this.position[2 * row] = lng;
    this.position[2 * row + 1] = lat;
    this.usKilled[row] = usKilled;
    this.usInjured[row] = usInjured;
    this.confidence[row] = confidence;
    this.precision[row] = precision;
    const t = this.text;
    t.id[row] = this.plain(id);
    t.weapon[row] = this.intern(weapon);
    t.target[row] = this.intern(target);
    t.base_id[row] = this.intern(baseId);
    t.country[row] = this.intern(country);
    t.claimed_by[row] = this.intern(claimedBy);
    t.claimed_by_group[row] = this.intern(group ?? 'unclaimed');
    t.date_note[row] = this.plain(dateNote);
    t.casualty_note[row] = this.plain(casualtyNote);
    t.other_casualties[row] = this.plain(other);
    t.description[row] = this.plain(description);
    t.sources[row] = sources.length ? this.plain(sources.join(SOURCE_SEPARATOR)) : -1;
    return true;
  }

  /** The zod path: reports every problem and counts the warnings. */
  private addSlow(raw: unknown, index: number): void {
    const valid = validateFeature(
      raw,
      index,
      this.file,
      incidentProperties,
      this.rules,
      this.issues,
    );
    if (!valid) return;
    const r = valid.properties;
    if (this.seenIds.has(r.id)) {
      this.issues.push(issue(this.file, index, 'id', `duplicate id "${r.id}"`));
      return;
    }
    this.seenIds.add(r.id);
    noteSuspicious(valid, this.rules, this.today, this.tally);
    const row = this.writeRecord(r, valid.position, r.sources);
    this.fileIndex[row] = index;
  }

  private writeRecord(
    r: IncidentProps,
    position: [number, number] | null,
    sources: string[],
  ): number {
    const row = this.nextRow();
    this.day[row] = isoToDay(r.date)!;
    this.typeIndex[row] = TYPE_INDEX.get(r.type)!;
    this.position[2 * row] = position ? position[0] : NaN;
    this.position[2 * row + 1] = position ? position[1] : NaN;
    this.usKilled[row] = r.us_killed ?? -1;
    this.usInjured[row] = r.us_injured ?? -1;
    this.confidence[row] = r.confidence ? CONFIDENCE_INDEX.get(r.confidence)! : NONE;
    this.precision[row] = r.coord_precision ? PRECISION_INDEX.get(r.coord_precision)! : NONE;
    const t = this.text;
    t.id[row] = this.plain(r.id);
    for (const f of INTERNED_FIELDS) t[f][row] = this.intern(r[f]);
    for (const f of NOTE_FIELDS) t[f][row] = this.plain(r[f]);
    t.sources[row] = sources.length ? this.plain(sources.join(SOURCE_SEPARATOR)) : -1;
    return row;
  }

  private intern(s: string | null): number {
    if (s === null) return -1;
    let k = this.interned.get(s);
    if (k === undefined) {
      k = this.strings.push(s) - 1;
      this.interned.set(s, k);
    }
    return k;
  }

  /** Appends a per-row value to the packed text; returns its index (-1 for null). */
  private plain(s: string | null): number {
    if (s === null) return -1;
    const k = this.packedCount++;
    if (k + 1 >= this.packedOffsets.length) {
      const grown = new Float64Array(this.packedOffsets.length * 2);
      grown.set(this.packedOffsets);
      this.packedOffsets = grown;
    }
    this.packedOffsets[k] = this.packedLength;
    this.packedLength += s.length;
    // Joined every few thousand values, so the small strings die young (cheap to collect).
    if (this.pieces.push(s) >= PACK_EVERY) this.packChunk();
    return k;
  }

  private packChunk(): void {
    if (this.pieces.length === 0) return;
    this.chunkStart.push(this.packedLength - this.pieces.reduce((n, p) => n + p.length, 0));
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
  }

  /** Reserves the next row, doubling the columns when full. */
  private nextRow(): number {
    if (this.n === this.capacity) {
      const c = (this.capacity *= 2);
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
      for (const f of TEXT_FIELDS) this.text[f] = grow(this.text[f]);
    }
    return this.n++;
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

/** Validates a parsed incidents FeatureCollection and normalizes the valid features. */
export function buildIncidentTable(
  json: unknown,
  file: string,
  options: IncidentValidationOptions = {},
): { table: IncidentTable; issues: LoadIssue[] } {
  const builder = new IncidentColumnsBuilder(
    file,
    (json as { features?: unknown[] })?.features?.length,
    true,
    options,
  );
  builder.addCollection(json);
  return builder.finish();
}

/** A table with no incidents. */
export function emptyIncidentTable(): IncidentTable {
  return new IncidentColumnsBuilder('', 0).finish().table;
}
