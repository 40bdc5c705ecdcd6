// Stock answers (紋切り型の回答): the same answer given again, round after round. Officials edit
// a word or two, so answers are compared by text similarity, not equality: both texts are
// normalised, cut into character bigrams, and compared with the Dice coefficient. Character
// bigrams work for Japanese (no spaces between words) and English alike. Pure and unit-tested.

/** Answers at least this similar are the same answer. */
export const STOCK_THRESHOLD = 0.8;
/** Shorter answers ("検討します。", "No.") are never flagged: they say too little to be a stock answer. */
export const STOCK_MIN_LENGTH = 20;

/** NFKC (full-width letters and digits folded), lower case, without spaces and punctuation (、。「」 too). */
export function normaliseForSimilarity(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}]/gu, "");
}

/** The set of two-character pieces of a normalised text (by code point, so that no character is split). */
export function bigrams(normalised: string): Set<string> {
  const chars = Array.from(normalised);
  const set = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) set.add(chars[i] + chars[i + 1]);
  return set;
}

/** 2·|A∩B| / (|A|+|B|): 1 for the same set, 0 for nothing in common (or nothing to compare). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const piece of small) if (large.has(piece)) common++;
  return (2 * common) / (a.size + b.size);
}

/** How alike two texts are, from 0 to 1. */
export function similarity(a: string, b: string): number {
  return dice(bigrams(normaliseForSimilarity(a)), bigrams(normaliseForSimilarity(b)));
}

export type AnswerForStock = {
  id: string;
  roundId: string;
  /** the round's partial date; an answer is "earlier" when its round's date sorts before */
  heldOn: string;
  bodyId: string | null;
  text: string | null;
};

export type StockMatch = {
  /** the most recent earlier answer it repeats */
  itemId: string;
  roundId: string;
  heldOn: string;
  score: number;
  /** how many earlier answers it repeats */
  times: number;
};

/** The Jaccard index that a Dice coefficient of `t` amounts to: Dice = 2J / (1 + J). */
const jaccardOf = (t: number) => t / (2 - t);

/**
 * Every pair of distinct texts (by index) with a Dice coefficient of at least `threshold`, with it.
 * Prefix filtering: with the bigrams of each text ordered rarest first, two texts that similar share
 * a bigram among the first |A| − ⌈J·|A|⌉ + 1 of each (J the equivalent Jaccard index), so only texts
 * sharing such a bigram are compared, and only when their sizes allow it. Exact: the candidates are
 * scored like dice(), counting the common bigrams of two sorted lists.
 */
function similarPairs(sets: Array<ReadonlySet<string>>, threshold: number): Map<number, Map<number, number>> {
  const j = jaccardOf(threshold);
  const frequency = new Map<string, number>();
  for (const set of sets) for (const piece of set) frequency.set(piece, (frequency.get(piece) ?? 0) + 1);
  // Bigrams numbered rarest first, so that a text's sorted numbers start with its rarest bigrams.
  const ids = new Map([...frequency.keys()].sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : 1)).map((piece, n) => [piece, n]));
  const lists = sets.map((set) => Int32Array.from([...set].map((piece) => ids.get(piece) ?? 0)).sort());
  const index = new Map<number, number[]>();
  const seen = new Int32Array(sets.length).fill(-1);
  const pairs = new Map<number, Map<number, number>>();
  const add = (a: number, b: number, score: number) => {
    if (!pairs.has(a)) pairs.set(a, new Map());
    pairs.get(a)?.set(b, score);
  };
  lists.forEach((list, i) => {
    const size = list.length;
    // A shade longer than the bound, so that rounding never drops a pair.
    const prefix = Math.min(size, size - Math.ceil(j * size - 1e-9) + 1);
    for (let p = 0; p < prefix; p++) {
      for (const other of index.get(list[p]) ?? []) {
        if (seen[other] === i) continue;
        seen[other] = i;
        const otherList = lists[other];
        const otherSize = otherList.length;
        if (Math.min(size, otherSize) < j * Math.max(size, otherSize) - 1e-9) continue;
        let common = 0;
        for (let a = 0, b = 0; a < size && b < otherSize; ) {
          if (list[a] === otherList[b]) {
            common++;
            a++;
            b++;
          } else if (list[a] < otherList[b]) a++;
          else b++;
        }
        const score = (2 * common) / (size + otherSize);
        if (score < threshold) continue;
        add(i, other, score);
        add(other, i, score);
      }
    }
    for (let p = 0; p < prefix; p++) {
      const entry = index.get(list[p]);
      if (entry) entry.push(i);
      else index.set(list[p], [i]);
    }
  });
  return pairs;
}

/**
 * For each answer that repeats an answer given in an earlier round (similarity ≥ 0.8, both at
 * least 20 normalised characters), the earlier answer it repeats. `related(later, earlier)` says
 * whether two answering bodies count as the same speaker (the same body or one of its sub-bodies);
 * by default any two bodies in the list do.
 *
 * Answers with the same normalised text are compared once, and only texts that can reach the
 * threshold are compared at all (similarPairs): comparing every answer with every earlier one took
 * 11 s for a body with 3,000 answers (docs/decisions/008-performance-budgets.md).
 */
const ALWAYS = () => true;

export function findStockAnswers(
  answers: AnswerForStock[],
  related: (laterBodyId: string | null, earlierBodyId: string | null) => boolean = ALWAYS,
): Map<string, StockMatch> {
  const prepared = answers
    .map((a) => ({ ...a, normalised: normaliseForSimilarity(a.text ?? "") }))
    .filter((a) => Array.from(a.normalised).length >= STOCK_MIN_LENGTH)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
  // The distinct texts, and the answers of each in the order above.
  const textIndex = new Map<string, number>();
  const members: Array<typeof prepared> = [];
  const textOf: number[] = [];
  for (const a of prepared) {
    let t = textIndex.get(a.normalised);
    if (t === undefined) {
      t = members.length;
      textIndex.set(a.normalised, t);
      members.push([]);
    }
    members[t].push(a);
    textOf.push(t);
  }
  const grams = [...textIndex.keys()].map((text) => bigrams(text));
  const pairs = similarPairs(grams, STOCK_THRESHOLD);

  const anyBody = related === ALWAYS;
  const result = new Map<string, StockMatch>();
  prepared.forEach((later, i) => {
    const own = textOf[i];
    const similar: Array<[number, number]> = [[own, dice(grams[own], grams[own])], ...(pairs.get(own) ?? [])];
    let best: { earlier: (typeof prepared)[number]; score: number } | null = null;
    let times = 0;
    for (const [t, score] of similar) {
      if (score < STOCK_THRESHOLD) continue;
      const group = members[t];
      // The answers of a text are in date order: those before `later` come first.
      let lo = 0;
      let hi = group.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (group[mid].heldOn < later.heldOn) lo = mid + 1;
        else hi = mid;
      }
      let latest: (typeof prepared)[number] | null = null;
      if (anyBody) {
        // A round has one date, so none of these is of later's own round.
        times += lo;
        latest = lo > 0 ? group[lo - 1] : null;
      } else {
        for (let k = 0; k < lo; k++) {
          const earlier = group[k];
          if (earlier.roundId === later.roundId || !related(later.bodyId, earlier.bodyId)) continue;
          times++;
          latest = earlier;
        }
      }
      // The most recent across texts: the last in the order above.
      if (latest && (!best || latest.heldOn.localeCompare(best.earlier.heldOn) > 0 || (latest.heldOn === best.earlier.heldOn && latest.id.localeCompare(best.earlier.id) > 0))) {
        best = { earlier: latest, score };
      }
    }
    if (best) result.set(later.id, { itemId: best.earlier.id, roundId: best.earlier.roundId, heldOn: best.earlier.heldOn, score: best.score, times });
  });
  return result;
}
