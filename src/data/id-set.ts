/**
 * The set of incident ids seen so far, for duplicate checks at a million rows. A JS `Set` of a
 * million fresh strings grows by rehashing twenty times and hashes each string in C++ behind a
 * generic lookup; this open-addressing table is sized once from the expected row count and keyed
 * by a 32-bit hash computed here, which is also kept per row: the second loader worker sends its
 * rows' hashes, so the first checks them for duplicates without rebuilding a string per row
 * (IncidentColumnsBuilder.absorb).
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

/** A set of strings with their hashes (see the module comment). */
export class IdSet {
  private mask: number;
  /**
   * Slot i is `table[2i]`, its key's index in `keys` plus one (0: empty), and `table[2i + 1]`,
   * its hash: side by side, so a probe touches one cache line.
   */
  private table: Int32Array;
  private readonly keys: string[] = [];

  /** @param capacityHint the number of ids expected (the table grows past it if needed) */
  constructor(capacityHint = 1024) {
    const size = tableSize(capacityHint);
    this.mask = size - 1;
    this.table = new Int32Array(2 * size);
  }

  /** Number of ids in the set. */
  get size(): number {
    return this.keys.length;
  }

  /** Adds `id` (whose hash is `h`); false when it was already there. */
  add(id: string, h = idHash(id)): boolean {
    if (this.keys.length + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    const t = this.table;
    const signed = h | 0;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const k = t[2 * i]!;
      if (k === 0) {
        t[2 * i] = this.keys.push(id);
        t[2 * i + 1] = signed;
        return true;
      }
      if (t[2 * i + 1] === signed && this.keys[k - 1] === id) return false;
    }
  }

  /** Whether `id` (whose hash is `h`) is in the set. */
  has(id: string, h = idHash(id)): boolean {
    const t = this.table;
    const signed = h | 0;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const k = t[2 * i]!;
      if (k === 0) return false;
      if (t[2 * i + 1] === signed && this.keys[k - 1] === id) return true;
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

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const mask = size - 1;
    const table = new Int32Array(2 * size);
    const old = this.table;
    for (let j = 0; j < old.length; j += 2) {
      const k = old[j]!;
      if (k === 0) continue;
      const h = old[j + 1]!;
      let i = (h >>> 0) & mask;
      while (table[2 * i] !== 0) i = (i + 1) & mask;
      table[2 * i] = k;
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
