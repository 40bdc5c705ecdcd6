import { describe, expect, it } from "vitest";
import { bigrams, dice, findStockAnswers, normaliseForSimilarity, similarity, STOCK_THRESHOLD, type AnswerForStock } from "./similarity";

const JA_2010 = "技能実習制度については、現在、有識者会議において制度の在り方を検討しているところであり、その結果を踏まえて適切に対応してまいりたい。";
// The next year: two words changed, the rest word for word.
const JA_2011 = "技能実習制度については、現在、有識者会議において制度の在り方を検討しているところであり、その議論を踏まえて適切に対応してまいります。";
const JA_OTHER = "在留資格の変更については、個別の事情を考慮して判断しており、一律に認めることは困難であると考えている。";

const EN_2010 = "The Ministry is currently reviewing the technical intern training program through an expert panel and will respond appropriately based on its conclusions.";
const EN_2011 = "The Ministry is currently reviewing the Technical Intern Training programme through an expert panel, and will respond appropriately based on its findings.";
const EN_OTHER = "We have no plans to change the visa requirements for family members of foreign residents at this time.";

describe("normalising answers", () => {
  it("folds full-width letters, lower-cases and drops spaces and punctuation, Japanese included", () => {
    expect(normaliseForSimilarity("「ＤＶ被害者」の保護、検討します。")).toBe("dv被害者の保護検討します");
    expect(normaliseForSimilarity("We will, of course,  CONSIDER it!")).toBe("wewillofcourseconsiderit");
    expect(normaliseForSimilarity("　全角スペース　と\n改行")).toBe("全角スペースと改行");
  });

  it("cuts texts into character bigram sets", () => {
    expect([...bigrams("入管庁")]).toEqual(["入管", "管庁"]);
    expect(bigrams("abab")).toEqual(new Set(["ab", "ba"]));
    expect(bigrams("a").size).toBe(0);
  });

  it("measures with the Dice coefficient", () => {
    expect(dice(new Set(["ab", "bc"]), new Set(["ab", "bc"]))).toBe(1);
    expect(dice(new Set(["ab", "bc"]), new Set(["ab", "cd"]))).toBe(0.5);
    expect(dice(new Set(), new Set())).toBe(0);
    expect(similarity("検討します", "検討します。")).toBe(1);
  });
});

describe("similarity of real-looking answers", () => {
  it("finds a Japanese answer edited in a word or two the same answer", () => {
    expect(similarity(JA_2010, JA_2011)).toBeGreaterThanOrEqual(STOCK_THRESHOLD);
  });
  it("finds an English paraphrase with small edits the same answer", () => {
    expect(similarity(EN_2010, EN_2011)).toBeGreaterThanOrEqual(STOCK_THRESHOLD);
  });
  it("keeps different answers apart, in both languages", () => {
    expect(similarity(JA_2010, JA_OTHER)).toBeLessThan(STOCK_THRESHOLD);
    expect(similarity(EN_2010, EN_OTHER)).toBeLessThan(STOCK_THRESHOLD);
    expect(similarity(JA_2010, EN_2010)).toBeLessThan(0.1);
  });
});

let n = 0;
const answer = (heldOn: string, text: string | null, bodyId: string | null = "moj", roundId = `round-${heldOn}`): AnswerForStock => ({
  id: `item-${++n}`,
  roundId,
  heldOn,
  bodyId,
  text,
});

describe("stock answers", () => {
  it("flags a repeat from an earlier round, pointing to the most recent earlier one", () => {
    const a = answer("2010-11-01", JA_2010);
    const b = answer("2011-11-01", JA_2011);
    const c = answer("2012-11-01", JA_2010);
    const other = answer("2012-11-01", JA_OTHER);
    const stock = findStockAnswers([c, other, b, a]);
    expect(stock.has(a.id)).toBe(false);
    expect(stock.get(b.id)).toMatchObject({ itemId: a.id, roundId: a.roundId, heldOn: "2010-11-01", times: 1 });
    expect(stock.get(c.id)).toMatchObject({ itemId: b.id, times: 2 });
    expect(stock.get(c.id)?.score).toBeGreaterThanOrEqual(STOCK_THRESHOLD);
    expect(stock.has(other.id)).toBe(false);
  });

  it("flags English repeats too", () => {
    const a = answer("2015", EN_2010);
    const b = answer("2016-10", EN_2011);
    expect(findStockAnswers([a, b]).get(b.id)?.itemId).toBe(a.id);
  });

  it("does not flag the same text within one round, nor in a round of the same date", () => {
    const a = answer("2011-11-01", JA_2010, "moj", "r1");
    const b = answer("2011-11-01", JA_2010, "mhlw", "r1");
    const c = answer("2011-11-01", JA_2010, "moj", "r2");
    expect(findStockAnswers([a, b, c]).size).toBe(0);
  });

  it("never flags short answers, however often they recur", () => {
    const short = "現在検討中であり、お答えできません。";
    expect(Array.from(normaliseForSimilarity(short)).length).toBeLessThan(20);
    expect(findStockAnswers([answer("2010", short), answer("2011", short), answer("2012", short)]).size).toBe(0);
    expect(findStockAnswers([answer("2010", null), answer("2011", "")]).size).toBe(0);
  });

  it("only compares bodies the caller says are the same speaker", () => {
    const a = answer("2010", JA_2010, "mhlw");
    const b = answer("2011", JA_2011, "moj");
    const c = answer("2011", JA_2011, "immigration-bureau");
    const family = new Set(["moj", "immigration-bureau"]);
    const stock = findStockAnswers([a, b, c], (later, earlier) => Boolean(later && earlier && family.has(later) === family.has(earlier)));
    expect(stock.size).toBe(0);
    const d = answer("2012", JA_2010, "immigration-bureau");
    const again = findStockAnswers([a, b, c, d], (later, earlier) => Boolean(later && earlier && family.has(later) && family.has(earlier)));
    expect(again.get(d.id)?.itemId).toBe(c.id);
    expect(again.has(b.id)).toBe(false);
  });
});
