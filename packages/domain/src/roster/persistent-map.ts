/**
 * An immutable map from string ids to values whose updates copy only a small part of it.
 *
 * Why not a plain `ReadonlyMap` in the roster state: `evolve` must not change the state it is given, and copying
 * a 20k-entry Map for each of a city's ~20k appointments makes a replay (and a CSV import, which folds as it
 * goes) quadratic: minutes instead of milliseconds. This map is a small hash trie: the hash of a key picks one of
 * 32 slots on each of 3 levels, and the leaf there holds the few entries whose hashes share those 15 bits. An
 * update copies three 32-slot arrays and one leaf; a lookup follows three slots. At 20k entries a leaf holds
 * about one entry; the map stays fast well past 100k.
 *
 * It is plain data: two maps built by the same inserts are structurally equal.
 */

const BITS = 5;
const SLOTS = 1 << BITS;
const DEPTH = 3;

type Leaf<K, V> = ReadonlyArray<readonly [K, V]>;
/** `DEPTH` levels of 32-slot arrays (empty slots are undefined), with leaves below the last. */
type Branch<K, V> = ReadonlyArray<Branch<K, V> | Leaf<K, V> | undefined>;

export type PersistentMap<K extends string, V> = Readonly<{ size: number; root: Branch<K, V> }>;

// Held once: a global looked up per character is slow where globals sit behind a proxy (jest's vm contexts).
const imul = Math.imul;

/** FNV-1a: cheap, and spreads ids that differ only in their last characters (`dinkes-1`, `dinkes-2`) well. */
const hashOf = (key: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

const slotOf = (hash: number, level: number): number => (hash >>> (level * BITS)) & (SLOTS - 1);

const EMPTY: PersistentMap<string, unknown> = { size: 0, root: [] };

// Safe: the empty map holds no value of any type, and updates never write into it.
export const emptyMap = <K extends string, V>(): PersistentMap<K, V> => EMPTY as PersistentMap<K, V>;

const leafOf = <K extends string, V>(map: PersistentMap<K, V>, hash: number): Leaf<K, V> | undefined => {
  let node: Branch<K, V> | Leaf<K, V> | undefined = map.root;
  for (let level = 0; level < DEPTH && node !== undefined; level++) node = (node as Branch<K, V>)[slotOf(hash, level)];
  return node as Leaf<K, V> | undefined;
};

export const lookup = <K extends string, V>(map: PersistentMap<K, V>, key: K): V | undefined => {
  const leaf = leafOf(map, hashOf(key));
  if (leaf === undefined) return undefined;
  for (const [k, v] of leaf) if (k === key) return v;
  return undefined;
};

/** A map with `key` set to `value` (added, or replaced when present); `map` itself is unchanged. */
export const insert = <K extends string, V>(map: PersistentMap<K, V>, key: K, value: V): PersistentMap<K, V> => {
  const hash = hashOf(key);
  let added = true;
  const put = (node: Branch<K, V> | Leaf<K, V> | undefined, level: number): Branch<K, V> | Leaf<K, V> => {
    if (level === DEPTH) {
      const leaf = (node ?? []) as Leaf<K, V>;
      const entry: readonly [K, V] = [key, value];
      const at = leaf.findIndex(([k]) => k === key);
      if (at < 0) return [...leaf, entry];
      added = false;
      return leaf.map((old, i) => (i === at ? entry : old));
    }
    const branch = ((node ?? []) as Branch<K, V>).slice();
    const slot = slotOf(hash, level);
    branch[slot] = put(branch[slot], level + 1);
    return branch;
  };
  const root = put(map.root, 0) as Branch<K, V>;
  return { size: added ? map.size + 1 : map.size, root };
};

/** A map with the value at `key` replaced by `update(value)`; the same map when `key` is absent. */
export const adjust = <K extends string, V>(
  map: PersistentMap<K, V>,
  key: K,
  update: (value: V) => V,
): PersistentMap<K, V> => {
  const value = lookup(map, key);
  return value === undefined ? map : insert(map, key, update(value));
};

/** Every value, in no particular order (callers that show a list sort it). */
export const valuesOf = <K extends string, V>(map: PersistentMap<K, V>): ReadonlyArray<V> => {
  const values: V[] = [];
  // `forEach` skips the empty slots of a branch.
  const collect = (node: Branch<K, V> | Leaf<K, V>, level: number): void => {
    if (level === DEPTH) (node as Leaf<K, V>).forEach(([, v]) => values.push(v));
    else (node as Branch<K, V>).forEach((child) => child !== undefined && collect(child, level + 1));
  };
  collect(map.root, 0);
  return values;
};
