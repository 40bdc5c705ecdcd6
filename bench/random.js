// A seeded pseudo-random generator (sfc32), so that the same scale and seed give the same database.

/** @param {string} text */
function seedFrom(text) {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

export class Random {
  /** @param {string} seed */
  constructor(seed) {
    const next = seedFrom(seed);
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next() {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min, max) {
    return min + this.int(max - min + 1);
  }

  /** @template T @param {readonly T[]} list @returns {T} */
  pick(list) {
    return list[this.int(list.length)];
  }

  /** @param {number} p */
  chance(p) {
    return this.next() < p;
  }

  /** @template T @param {T[]} list in place */
  shuffle(list) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }

  /** Lower-case letters and digits, like the random part of a cuid. */
  token(length) {
    let s = "";
    while (s.length < length) s += Math.floor(this.next() * 2 ** 31).toString(36);
    return s.slice(0, length);
  }

  /** 64 hex digits. */
  hex64() {
    let s = "";
    while (s.length < 64) s += (this.int(2 ** 30) + 2 ** 30).toString(16).slice(1);
    return s.slice(0, 64);
  }
}

/**
 * Draws indexes 0..n-1 with weight 1/(rank + offset): a long tail with a few heavy heads. The ranks
 * are shuffled (unless `shuffle` is false), so heavy items are spread over the id range.
 */
export class Skewed {
  /** @param {Random} r @param {number} n @param {number} offset */
  constructor(r, n, offset, shuffle = true) {
    const ranks = Array.from({ length: n }, (_, i) => i);
    const order = shuffle ? r.shuffle(ranks) : ranks;
    this.order = order;
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let rank = 0; rank < n; rank++) {
      total += 1 / (rank + offset);
      this.cumulative[rank] = total;
    }
    this.total = total;
    this.r = r;
  }

  /** An index, heavy ones more often. */
  draw() {
    const x = this.r.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return this.order[lo];
  }
}

/** cuid-shaped ids (25 characters, starting with c, time first) from a counter and the PRNG. */
export function idMaker(r) {
  let counter = 0;
  return (/** @type {number} */ ms) => `c${Math.floor(ms).toString(36).padStart(8, "0")}${(counter++ % 1679616).toString(36).padStart(4, "0")}${r.token(12)}`;
}
