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

/**
 * For each answer that repeats an answer given in an earlier round (similarity ≥ 0.8, both at
 * least 20 normalised characters), the earlier answer it repeats. `related(later, earlier)` says
 * whether two answering bodies count as the same speaker (the same body or one of its sub-bodies);
 * by default any two bodies in the list do.
 */
export function findStockAnswers(
  answers: AnswerForStock[],
  related: (laterBodyId: string | null, earlierBodyId: string | null) => boolean = () => true,
): Map<string, StockMatch> {
  const prepared = answers
    .map((a) => ({ ...a, normalised: normaliseForSimilarity(a.text ?? "") }))
    .filter((a) => Array.from(a.normalised).length >= STOCK_MIN_LENGTH)
    .map((a) => ({ ...a, grams: bigrams(a.normalised) }))
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
  const result = new Map<string, StockMatch>();
  for (const later of prepared) {
    let best: StockMatch | null = null;
    let times = 0;
    for (const earlier of prepared) {
      if (!(earlier.heldOn < later.heldOn)) break;
      if (earlier.roundId === later.roundId || !related(later.bodyId, earlier.bodyId)) continue;
      const score = dice(later.grams, earlier.grams);
      if (score < STOCK_THRESHOLD) continue;
      times++;
      // Sorted oldest first: the last match is the most recent one.
      best = { itemId: earlier.id, roundId: earlier.roundId, heldOn: earlier.heldOn, score, times: 0 };
    }
    if (best) result.set(later.id, { ...best, times });
  }
  return result;
}
