/**
 * Splits a GeoJSON FeatureCollection into batches of features while its bytes are still arriving,
 * so parsing and validation overlap the download and no single string of the whole file is ever
 * built. Each batch is the bytes between two commas of the `features` array, parsed by the
 * consumer as `JSON.parse('[' + batch + ']')`.
 *
 * Finding the cuts: an exact byte scanner (nesting and strings) finds the start of the features
 * array and, at the end, where it closes. In between, scanning every byte would cost half as much
 * as JSON.parse itself, so cuts are *guessed*: a comma followed by `{"` (a feature starting) once
 * a batch is big enough. The guess is checked by the parse: if `[` + batch + `]` is valid JSON,
 * the batch is a sequence of whole values, so the comma after it lies between two elements of
 * the array (a cut inside a string or a nested value leaves something unclosed, which JSON.parse
 * refuses). When the parse refuses, the consumer says so and the scanner goes back to exact
 * scanning from the last good cut for the rest of the file.
 *
 * Anything it does not recognise as an object with a `features` array (an array, HTML, a file
 * with a second `features` key) is kept whole and handed back to be parsed in one go, so the
 * caller reports exactly what `JSON.parse` would.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const FEATURES = [...'features'].map((c) => c.charCodeAt(0));

/** Default batch size: big enough that per-batch overhead vanishes, small enough to overlap. */
export const DEFAULT_BATCH_BYTES = 1 << 20;

/** What the scanner hands to its consumer. */
export interface FeatureStreamSink {
  /**
   * A batch of features: the UTF-8 bytes between two element separators. For a guessed cut
   * (`exact` false) return false, having used nothing, when `[bytes]` is not valid JSON; for an
   * exact one, invalid JSON is the file's fault (throw).
   */
  batch(bytes: Uint8Array, exact: boolean): boolean;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The end of the stream: either the collection's other members, or the whole file to parse. */
export type FeatureStreamEnd =
  | { kind: 'split'; skeleton: Uint8Array }
  | { kind: 'whole'; bytes: Uint8Array }
  | { kind: 'invalid'; reason: string };

/** Concatenates byte pieces into one array. */
export function concat(pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  let length = 0;
  for (const p of pieces) length += p.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of pieces) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

/** Incremental scanner over the bytes of one JSON document (see the module comment). */
export class FeatureStreamScanner {
  private depth = 0;
  private inString = false;
  /** The previous chunk ended on a backslash inside a string: this chunk's first byte is escaped. */
  private escapeNext = false;
  /** Where we are: before the features array, inside it, after it, or not splitting at all. */
  private mode: 'prefix' | 'features' | 'suffix' | 'whole' = 'prefix';
  /** Bytes of the current depth-1 string (only its first few, to recognise "features"). */
  private key: number[] = [];
  private keyTooLong = false;
  /** The last depth-1 string was "features" and a colon followed it. */
  private featuresKeyPending = false;
  private lastKeyWasFeatures = false;
  private seenFeatures = false;
  /** Set once features were handed on and the document then turned out broken. */
  private invalid: string | null = null;

  /** Everything outside the features array (and the whole file while in prefix/whole mode). */
  private outside: Uint8Array[] = [];
  /** Pieces of the batch being gathered. */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Guess cuts (see the module comment) until a guess fails. */
  private guessing = true;

  /**
   * @param insideFeatures the bytes start just after a comma between two features (the second
   *   part of a file split between two loader workers): no prefix, straight into the array
   */
  constructor(
    private readonly sink: FeatureStreamSink,
    private readonly batchBytes = DEFAULT_BATCH_BYTES,
    insideFeatures = false,
  ) {
    if (insideFeatures) {
      this.mode = 'features';
      this.depth = 2;
      this.seenFeatures = true;
    }
  }

  /**
   * Ends the first part of a split file at the cut the caller chose (the bytes stopped just
   * before a comma that looked like one between features). True when that comma is one: every
   * feature before it was handed on and the bytes so far are the collection's start. False
   * when it is not (the caller then reads the file in one part).
   */
  endAtCut(): boolean {
    if (this.invalid !== null || this.mode !== 'features') return false;
    if (!this.guessing) {
      if (this.depth !== 2 || this.inString) return false;
      this.flush();
      return true;
    }
    // The bytes since the last good cut must be whole features: the same check as a guess.
    if (this.pendingBytes === 0) return false;
    const batch = concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return this.sink.batch(batch, false);
  }

  /** The bytes outside the features array so far (after `endAtCut`: the collection's start). */
  outsideBytes(): Uint8Array {
    return concat(this.outside);
  }

  /** Feeds the next chunk of bytes (chunks may split anything, even a UTF-8 sequence). */
  push(chunk: Uint8Array): void {
    if (this.invalid !== null) return;
    if (this.mode === 'features' && this.guessing) this.pushGuessing(chunk);
    else this.scan(chunk);
  }

  /** Inside the features array: gather bytes and cut at a likely element boundary. */
  private pushGuessing(chunk: Uint8Array): void {
    const before = this.pendingBytes;
    this.addToBatch(chunk);
    if (this.pendingBytes < this.batchBytes) return;
    // Look in this chunk only, from where the batch became big enough.
    const cut = findLikelyCut(chunk, Math.max(0, this.batchBytes - before));
    if (cut < 0) {
      // No likely cut for a long stretch (an unusual layout): scan exactly from here on.
      if (this.pendingBytes >= 4 * this.batchBytes) this.rescanExactly();
      return;
    }
    const rest = chunk.subarray(cut + 1);
    this.pending[this.pending.length - 1] = chunk.subarray(0, cut);
    const batch = concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (this.sink.batch(batch, false)) {
      this.addToBatch(rest);
      return;
    }
    // The guess was wrong: scan these bytes (and everything after them) exactly.
    this.pending = [batch, new Uint8Array([COMMA]), rest];
    this.pendingBytes = batch.byteLength + 1 + rest.byteLength;
    this.rescanExactly();
  }

  /** Stops guessing: scans the gathered bytes from the last good cut (an element boundary). */
  private rescanExactly(): void {
    this.guessing = false;
    const bytes = concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.depth = 2;
    this.inString = false;
    this.escapeNext = false;
    this.scan(bytes);
  }

  /** The exact scanner. */
  private scan(chunk: Uint8Array): void {
    if (this.mode === 'whole') {
      this.outside.push(chunk);
      return;
    }
    // Start of the current run of bytes that belongs to `outside` or to the current batch.
    let runStart = 0;
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.mode === 'features' && this.depth > 2 && !this.inString) {
        i = this.skipInsideFeature(chunk, i);
        continue;
      }
      if (this.inString) {
        // A plain byte loop: GeoJSON strings are short (keys, codes), so a native search per
        // string costs more in call overhead than it saves.
        let j = i;
        if (this.escapeNext) {
          j++;
          this.escapeNext = false;
        }
        while (j < n) {
          const b = chunk[j]!;
          if (b === QUOTE) break;
          j += b === BACKSLASH ? 2 : 1;
        }
        if (j >= n) {
          // The string goes on in the next chunk (and if j > n, its first byte is escaped).
          this.escapeNext = j > n;
          this.noteStringBytes(chunk, i, n);
          break;
        }
        this.noteStringBytes(chunk, i, j);
        i = j + 1;
        this.inString = false;
        if (this.depth === 1) this.endKey();
        continue;
      }
      const c = chunk[i]!;
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (this.depth === 1) {
            this.key.length = 0;
            this.keyTooLong = false;
          }
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (this.depth === 0 && (c !== OPEN_BRACE || this.mode !== 'prefix')) {
            this.stop(chunk, 'there is more after the end of the FeatureCollection');
            return;
          }
          if (this.depth === 1 && c === OPEN_BRACKET && this.featuresKeyPending) {
            if (this.seenFeatures) {
              this.stop(chunk, 'it has two "features" members');
              return;
            }
            this.seenFeatures = true;
            this.depth++;
            this.mode = 'features';
            this.outside.push(chunk.subarray(runStart, i + 1));
            runStart = i + 1;
            break;
          }
          this.depth++;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (this.mode === 'features' && this.depth === 2) {
            // The end of the features array: the rest is the collection's other members.
            this.addToBatch(chunk.subarray(runStart, i));
            this.flush();
            this.mode = 'suffix';
            runStart = i;
          }
          this.depth--;
          break;
        case COMMA:
          if (this.depth === 1) this.featuresKeyPending = false;
          else if (this.mode === 'features' && this.depth === 2) {
            if (this.pendingBytes + (i - runStart) >= this.batchBytes) {
              this.addToBatch(chunk.subarray(runStart, i));
              this.flush();
              runStart = i + 1;
            }
          }
          break;
        case COLON:
          if (this.depth === 1) this.featuresKeyPending = this.lastKeyWasFeatures;
          break;
        default:
          // A non-space byte outside the top-level object (the BOM aside).
          if (this.depth === 0 && c > 0x20 && c !== 0xef && c !== 0xbb && c !== 0xbf) {
            this.stop(chunk, 'there is more after the end of the FeatureCollection');
            return;
          }
          if (this.depth === 1 && c > 0x20) this.lastKeyWasFeatures = false;
      }
      i++;
    }
    if (this.mode === 'features') this.addToBatch(chunk.subarray(runStart, n));
    else this.outside.push(chunk.subarray(runStart, n));
  }

  /**
   * The hot loop: inside one feature only nesting and strings matter. Returns where the feature
   * ended (depth back at the array's level) or the chunk's end.
   */
  private skipInsideFeature(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    let depth = this.depth;
    let j = from;
    while (j < n) {
      const b = chunk[j]!;
      if (b === QUOTE) {
        j++;
        while (j < n) {
          const c = chunk[j]!;
          if (c === QUOTE) break;
          j += c === BACKSLASH ? 2 : 1;
        }
        if (j >= n) {
          this.inString = true;
          this.escapeNext = j > n;
          j = n;
          break;
        }
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        depth--;
        if (depth === 2) {
          j++;
          break;
        }
      }
      j++;
    }
    this.depth = depth;
    return j;
  }

  /** Ends the stream: flushes the last batch and says how to finish. */
  end(): FeatureStreamEnd {
    // The tail after the last guessed cut holds the array's end: find it exactly.
    if (this.mode === 'features' && this.guessing && this.invalid === null) this.rescanExactly();
    if (this.invalid !== null) return { kind: 'invalid', reason: this.invalid };
    if (this.mode === 'suffix' && this.depth === 0 && !this.inString) {
      return { kind: 'split', skeleton: concat(this.outside) };
    }
    if (this.mode === 'features' || this.mode === 'suffix') {
      return { kind: 'invalid', reason: 'the file ends too early (truncated?)' };
    }
    // No complete features array (truncated, not an object, no features member): parse it all.
    const bytes = concat([...this.outside, ...this.pending]);
    this.outside = [];
    this.pending = [];
    return { kind: 'whole', bytes };
  }

  /**
   * Something unexpected at the top level. Before any feature was handed on, keep every byte for
   * one JSON.parse (which names the problem exactly); after, the file is broken: say why.
   */
  private stop(chunk: Uint8Array, reason: string): void {
    if (this.mode === 'prefix') {
      this.mode = 'whole';
      this.outside.push(chunk);
    } else {
      this.invalid = reason;
      this.outside = [];
      this.pending = [];
    }
  }

  private addToBatch(piece: Uint8Array): void {
    if (piece.byteLength === 0) return;
    this.pending.push(piece);
    this.pendingBytes += piece.byteLength;
  }

  private flush(): void {
    if (this.pendingBytes === 0) {
      this.pending.length = 0;
      return;
    }
    const pieces = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.sink.batch(concat(pieces), true);
  }

  /** Collects the first bytes of a depth-1 string to recognise the "features" key. */
  private noteStringBytes(chunk: Uint8Array, from: number, to: number): void {
    if (this.depth !== 1 || this.keyTooLong) return;
    if (to - from + this.key.length > 8) {
      this.keyTooLong = true;
      return;
    }
    for (let k = from; k < to; k++) this.key.push(chunk[k]!);
  }

  private endKey(): void {
    this.lastKeyWasFeatures =
      !this.keyTooLong &&
      this.key.length === FEATURES.length &&
      this.key.every((b, k) => b === FEATURES[k]);
  }
}

/**
 * A comma that probably separates two features: followed (after whitespace) by `{` and `"`, and
 * at or after `from`. Returns its index in `chunk`, or -1. Only a guess: see the module comment.
 */
export function findLikelyCut(chunk: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    const brace = chunk.indexOf(OPEN_BRACE, i);
    if (brace < 0) return -1;
    i = brace + 1;
    let after = brace + 1;
    while (after < chunk.length && WHITESPACE.has(chunk[after]!)) after++;
    if (chunk[after] !== QUOTE) continue;
    let before = brace - 1;
    while (before >= from && WHITESPACE.has(chunk[before]!)) before--;
    if (before >= from && chunk[before] === COMMA) return before;
  }
}
