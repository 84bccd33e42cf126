import * as fc from 'fast-check';
import { adjust, emptyMap, insert, lookup, valuesOf, type PersistentMap } from './persistent-map';

describe('PersistentMap', () => {
  it('behaves like a Map under any sequence of inserts, and never changes a map it was given', () => {
    const ops = fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 200 });
    fc.assert(
      fc.property(ops, (entries) => {
        const model = new Map<string, number>();
        let map = emptyMap<string, number>();
        const before: Array<[PersistentMap<string, number>, Map<string, number>]> = [];
        for (const [key, value] of entries) {
          before.push([map, new Map(model)]);
          map = insert(map, key, value);
          model.set(key, value);
        }
        expect(map.size).toBe(model.size);
        for (const [key, value] of model) expect(lookup(map, key)).toBe(value);
        expect([...valuesOf(map)].sort()).toEqual([...model.values()].sort());
        for (const [old, snapshot] of before) {
          expect(old.size).toBe(snapshot.size);
          for (const [key, value] of snapshot) expect(lookup(old, key)).toBe(value);
        }
      }),
    );
  });

  it('keeps many keys that share a leaf apart (100k keys in 32,768 leaves)', () => {
    let map = emptyMap<string, number>();
    for (let i = 0; i < 100_000; i++) map = insert(map, `key-${i}`, i);
    expect(map.size).toBe(100_000);
    for (let i = 0; i < 100_000; i += 997) expect(lookup(map, `key-${i}`)).toBe(i);
    expect(lookup(map, 'key-100000')).toBeUndefined();
  });

  it('adjusts a present value and leaves an absent key alone', () => {
    const map = insert(emptyMap<string, number>(), 'a', 1);
    expect(
      lookup(
        adjust(map, 'a', (n) => n + 1),
        'a',
      ),
    ).toBe(2);
    expect(adjust(map, 'b', (n) => n + 1)).toBe(map);
    expect(lookup(map, 'a')).toBe(1);
  });
});
