import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdSet, idHash } from '../../src/data/id-set';
import { collidingIds } from '../fixtures/colliding-ids';

describe('IdSet', () => {
  it('answers as a Set does, through growth from a tiny table', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), (ids) => {
        const mine = new IdSet(1);
        const reference = new Set<string>();
        for (const id of ids) {
          expect(mine.has(id)).toBe(reference.has(id));
          expect(mine.add(id)).toBe(!reference.has(id));
          reference.add(id);
          expect(mine.has(id)).toBe(true);
        }
        expect(mine.size).toBe(reference.size);
      }),
    );
  });

  it('tells apart two ids with the same hash', () => {
    const [a, b] = collidingIds();
    expect(a).not.toBe(b);
    expect(idHash(a)).toBe(idHash(b));
    const set = new IdSet(4);
    expect(set.add(a)).toBe(true);
    expect(set.mayHave(idHash(b))).toBe(true);
    expect(set.has(b)).toBe(false);
    expect(set.add(b)).toBe(true);
    expect(set.add(a)).toBe(false);
    expect(set.add(b)).toBe(false);
    expect(set.size).toBe(2);
  });

  it('hashes code units, so ids differing only beyond ASCII differ', () => {
    expect(idHash('é')).not.toBe(idHash('e'));
  });
});
