/**
 * The set of incident ids seen so far, for duplicate checks at a million rows. A JS `Set` would
 * keep a million id strings alive in the old generation (garbage-collector work for the whole
 * load) and grow by rehashing twenty times; this open-addressing table is sized once from the
 * expected row count, holds only numbers (a 32-bit hash and where the id is stored), and asks the
 * owner for an id's text only when two hashes match. The hash is also kept per row: the second
 * loader worker sends its rows' hashes, so the first checks them for duplicates without
 * rebuilding a string per row (IncidentColumnsBuilder.absorb).
 */

/**
 * FNV-1a over the string's UTF-16 code units, then MurmurHash3's finalizer: FNV's low bits, which
 * pick the slot, barely differ between ids like "A0000001" and "A0000002", and without the mix
 * those cluster into long probe runs. The same on every thread.
 */
export function idHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Kept at most half full, so probe runs stay short. */
const MAX_LOAD = 0.5;

/** A set of ids kept elsewhere, by hash and reference (see the module comment). */
export class IdSet {
  private mask: number;
  /**
   * Slot i is `table[2i]`, its id's reference plus one (0: empty), and `table[2i + 1]`, its
   * hash: side by side, so a probe touches one cache line.
   */
  private table: Int32Array;
  private count = 0;

  /**
   * @param keyAt the id stored under a reference (called only when hashes match)
   * @param capacityHint the number of ids expected (the table grows past it if needed)
   */
  constructor(
    private readonly keyAt: (ref: number) => string,
    capacityHint = 1024,
  ) {
    const size = tableSize(capacityHint);
    this.mask = size - 1;
    this.table = new Int32Array(2 * size);
  }

  /** Number of ids in the set. */
  get size(): number {
    return this.count;
  }

  /** Whether `id` (whose hash is `h`) is in the set. */
  has(id: string, h = idHash(id)): boolean {
    const t = this.table;
    const signed = h | 0;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const ref = t[2 * i]!;
      if (ref === 0) return false;
      if (t[2 * i + 1] === signed && this.keyAt(ref - 1) === id) return true;
    }
  }

  /** Whether some id with hash `h` is in the set (then `has` tells whether it is the one). */
  mayHave(h: number): boolean {
    const t = this.table;
    const signed = h | 0;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      if (t[2 * i] === 0) return false;
      if (t[2 * i + 1] === signed) return true;
    }
  }

  /** Adds an id that `has` said is not in the set: its hash and its reference (≥ 0). */
  insert(h: number, ref: number): void {
    if (this.count + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    const t = this.table;
    let i = h & this.mask;
    while (t[2 * i] !== 0) i = (i + 1) & this.mask;
    t[2 * i] = ref + 1;
    t[2 * i + 1] = h | 0;
    this.count++;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const mask = size - 1;
    const table = new Int32Array(2 * size);
    const old = this.table;
    for (let j = 0; j < old.length; j += 2) {
      const ref = old[j]!;
      if (ref === 0) continue;
      const h = old[j + 1]!;
      let i = (h >>> 0) & mask;
      while (table[2 * i] !== 0) i = (i + 1) & mask;
      table[2 * i] = ref;
      table[2 * i + 1] = h;
    }
    this.mask = mask;
    this.table = table;
  }
}

/** The smallest power of two that holds `n` ids under MAX_LOAD (at least 16). */
function tableSize(n: number): number {
  let size = 16;
  while (size * MAX_LOAD < n) size *= 2;
  return size;
}
