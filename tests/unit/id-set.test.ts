import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet, idHash } from '../../src/data/id-set';
import { collidingIds } from '../fixtures/colliding-ids';

/** An IdSet whose ids are kept in an array, as the builder keeps them in its packed text. */
function setOf(capacity: number) {
  const keys: string[] = [];
  const set = new IdSet((ref) => keys[ref]!, capacity);
  const add = (id: string) => {
    if (set.has(id)) return false;
    set.insert(idHash(id), keys.push(id) - 1);
    return true;
  };
  return { set, add };
}

describe('IdSet', () => {
  it('answers as a Set does, through growth from a tiny table', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), (ids) => {
        const { set, add } = setOf(1);
        const reference = new Set<string>();
        for (const id of ids) {
          expect(set.has(id)).toBe(reference.has(id));
          expect(add(id)).toBe(!reference.has(id));
          reference.add(id);
          expect(set.has(id)).toBe(true);
        }
        expect(set.size).toBe(reference.size);
      }),
    );
  });

  it('tells apart two ids with the same hash', () => {
    const [a, b] = collidingIds();
    expect(a).not.toBe(b);
    expect(idHash(a)).toBe(idHash(b));
    const { set, add } = setOf(4);
    expect(add(a)).toBe(true);
    expect(set.mayHave(idHash(b))).toBe(true);
    expect(set.has(b)).toBe(false);
    expect(add(b)).toBe(true);
    expect(add(a)).toBe(false);
    expect(add(b)).toBe(false);
    expect(set.size).toBe(2);
    expect(set.mayHave(idHash('never added'))).toBe(false);
  });

  it('hashes code units, so ids differing only beyond ASCII differ', () => {
    expect(idHash('é')).not.toBe(idHash('e'));
  });
});
