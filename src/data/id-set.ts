/**
 * The set of incident ids seen so far, for duplicate checks at a million rows. A JS `Set` of a
 * million fresh strings grows by rehashing twenty times and hashes each string in C++ behind a
 * generic lookup; this open-addressing table is sized once from the expected row count and keyed
 * by a 32-bit hash computed here, which is also kept per row: the second loader worker sends its
 * rows' hashes, so the first checks them for duplicates without rebuilding a string per row
 * (IncidentColumnsBuilder.absorb).
 */

/** FNV-1a over the string's UTF-16 code units (the same on every thread). */
export function idHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Kept at most half full, so probe runs stay short. */
const MAX_LOAD = 0.5;

/** A set of strings with their hashes (see the module comment). */
export class IdSet {
  private mask: number;
  /** Each slot's key index in `keys` (-1: empty) and its hash. */
  private slots: Int32Array;
  private hashes: Uint32Array;
  private readonly keys: string[] = [];

  /** @param capacityHint the number of ids expected (the table grows past it if needed) */
  constructor(capacityHint = 1024) {
    const size = tableSize(capacityHint);
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Uint32Array(size);
  }

  /** Number of ids in the set. */
  get size(): number {
    return this.keys.length;
  }

  /** Adds `id` (whose hash is `h`); false when it was already there. */
  add(id: string, h = idHash(id)): boolean {
    if (this.keys.length + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.slots[i]!;
      if (k < 0) {
        this.slots[i] = this.keys.push(id) - 1;
        this.hashes[i] = h;
        return true;
      }
      if (this.hashes[i] === h && this.keys[k] === id) return false;
    }
  }

  /** Whether `id` (whose hash is `h`) is in the set. */
  has(id: string, h = idHash(id)): boolean {
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.slots[i]!;
      if (k < 0) return false;
      if (this.hashes[i] === h && this.keys[k] === id) return true;
    }
  }

  /** Whether some id with hash `h` is in the set (then `has` tells whether it is the one). */
  mayHave(h: number): boolean {
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      if (this.slots[i]! < 0) return false;
      if (this.hashes[i] === h) return true;
    }
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size).fill(-1);
    const hashes = new Uint32Array(size);
    const mask = size - 1;
    for (let old = 0; old <= this.mask; old++) {
      const k = this.slots[old]!;
      if (k < 0) continue;
      const h = this.hashes[old]!;
      let i = h & mask;
      while (slots[i]! >= 0) i = (i + 1) & mask;
      slots[i] = k;
      hashes[i] = h;
    }
    this.mask = mask;
    this.slots = slots;
    this.hashes = hashes;
  }
}

/** The smallest power of two that holds `n` ids under MAX_LOAD (at least 16). */
function tableSize(n: number): number {
  let size = 16;
  while (size * MAX_LOAD < n) size *= 2;
  return size;
}
