/**
 * The seed's randomness: a small, portable PRNG (sfc32, seeded through cyrb128), so that one seed gives the same
 * history on every machine and every Node version. `Math.random` is never used.
 *
 * Every entity draws from its own stream, keyed by the seed and what it is (`rngFor(seed, 'surabaya', 'dinkes',
 * 'plan', nip, 2025)`): what one employee gets does not depend on how many others were generated before it, nor
 * on the order concurrent work happens to run in.
 */

/** cyrb128: four 32-bit hashes of a string (public domain, by bryc). Used only to seed sfc32. */
const cyrb128 = (text: string): readonly [number, number, number, number] => {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
};

/** sfc32 (Small Fast Counter, from PractRand): a float in [0, 1) per call. */
const sfc32 = (seed: readonly [number, number, number, number]): (() => number) => {
  let [a, b, c, d] = seed;
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
};

/** A deterministic source of choices. */
export type Rng = Readonly<{
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
  /** One element of a non-empty list. */
  pick: <T>(items: ReadonlyArray<T>) => T;
  /** One element, by weight (weights ≥ 0, at least one > 0). */
  weighted: <T>(items: ReadonlyArray<readonly [T, number]>) => T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle: <T>(items: ReadonlyArray<T>) => T[];
  /** A float in [min, max). */
  between: (min: number, max: number) => number;
}>;

export const rngOf = (next: () => number): Rng => {
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: ReadonlyArray<T>): T => {
      if (items.length === 0) throw new Error('rng.pick: empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted: <T>(items: ReadonlyArray<readonly [T, number]>): T => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        if (r < w) return item;
        r -= w;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new Error('rng.weighted: empty list');
      return last[0];
    },
    shuffle: <T>(items: ReadonlyArray<T>): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    between: (min, max) => min + next() * (max - min),
  };
};

/** The stream of choices for one thing, keyed by the seed and the parts that name it. */
export const rngFor = (seed: number | string, ...key: ReadonlyArray<string | number>): Rng =>
  rngOf(sfc32(cyrb128([String(seed), ...key.map(String)].join('\u241f'))));
