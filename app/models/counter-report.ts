// The counter-report composer (docs/decisions/014): the outline of a cycle's counter-report, by the
// earlier cycle's recommendations or by treaty articles, and for each section the network's evidence
// since the last review (agenda answers, outcomes, public-comment points), numbered as footnotes.
// Pure: the rows come in from counter-report.server.ts, read with a fixed number of queries.
import { z } from "zod";
import { isMessageKey, type Translate } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { formatPartialDate } from "~/utils/partial-date";
import { optionalText, requiredText, versionField } from "~/utils/validation";

export const OUTLINE_MODES = ["recommendations", "articles"] as const;
export type OutlineMode = (typeof OUTLINE_MODES)[number];
export const isOutlineMode = (v: unknown): v is OutlineMode => typeof v === "string" && (OUTLINE_MODES as readonly string[]).includes(v);

export const SECTION_STATES = ["open", "done"] as const;
export type SectionState = (typeof SECTION_STATES)[number];

// ───────────── Forms ─────────────

const wordLimit = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.coerce.number({ error: "error.invalidValue" }).int("error.invalidValue").min(100, "report.error.wordLimit").max(200_000, "report.error.wordLimit").optional(),
);

export const reportFormSchema = z.object({
  titleEn: requiredText(300),
  titleJa: optionalText(300),
  outlineMode: z.enum(OUTLINE_MODES, { error: () => "error.unknownChoice" }),
  wordLimit,
});
export const reportUpdateSchema = reportFormSchema.and(z.object({ version: versionField }));
export type ReportFormValues = z.infer<typeof reportFormSchema>;

const richText = z.string().max(200_000, "error.richTextTooLong").optional();

export const sectionFormSchema = z.object({
  analysisEn: richText,
  analysisJa: richText,
  proposalsEn: richText,
  proposalsJa: richText,
  assigneeId: z.string().max(64).optional(),
  done: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
  /** 0 for a section nobody has written yet. */
  version: z.coerce.number({ error: "error.required" }).int().min(0),
});
export type SectionFormValues = z.infer<typeof sectionFormSchema>;

// ───────────── Words ─────────────

/** English words in a text: runs of non-space characters holding a letter or digit. */
export function countWords(text: string | null | undefined) {
  if (!text) return 0;
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

type JsonNode = { type?: unknown; text?: unknown; content?: unknown };

/** The words of a ProseMirror JSON document (blocks separated by spaces), without a schema: the browser counts as the server does. */
export function docText(json: string | null | undefined): string {
  if (!json) return "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return "";
  }
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as JsonNode;
    if (n.type === "text" && typeof n.text === "string") out.push(n.text);
    else if (n.type === "hardBreak") out.push(" ");
    if (Array.isArray(n.content)) {
      n.content.forEach(walk);
      if (n.type !== "text") out.push(" ");
    }
  };
  walk(parsed);
  return out.join("").replace(/\s+/g, " ").trim();
}

/** The English words a section counts against the committee's limit: its analysis and proposals. */
export function sectionWords(section: { analysisEn?: string | null; proposalsEn?: string | null }) {
  return countWords(docText(section.analysisEn)) + countWords(docText(section.proposalsEn));
}

/** Each section's share of the report's limit (null without a limit). */
export function sectionLimit(wordLimit: number | null | undefined, sectionCount: number) {
  if (!wordLimit || sectionCount <= 0) return null;
  return Math.floor(wordLimit / sectionCount);
}

// ───────────── Cycles and the date window ─────────────

type CycleLike = { id: string; mechanismId: string; createdAt?: Date | string; stages: ReadonlyArray<{ kind: string; on: string }> };

const stageOn = (c: CycleLike, kind: string) => c.stages.find((s) => s.kind === kind)?.on ?? null;

/** When a cycle happened, for ordering: its concluding observations, else its dialogue, else its state report. */
export function cycleDate(c: CycleLike) {
  return stageOn(c, "concluding_observations") ?? stageOn(c, "dialogue") ?? stageOn(c, "state_report");
}

/** Compares partial ISO dates on the precision they share: "2011" equals "2011-03". */
export function comparePartial(a: string, b: string) {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).localeCompare(b.slice(0, n));
}

/** The same mechanism's cycle before this one (the last review), or null. */
export function previousCycle<C extends CycleLike>(cycle: C, cycles: readonly C[]): C | null {
  const own = cycleDate(cycle);
  const candidates = cycles
    .filter((c) => c.id !== cycle.id && c.mechanismId === cycle.mechanismId)
    .map((c) => ({ c, on: cycleDate(c) }))
    .filter((x): x is { c: C; on: string } => x.on !== null && (own === null || x.on.localeCompare(own) < 0));
  candidates.sort((a, b) => b.on.localeCompare(a.on));
  return candidates[0]?.c ?? null;
}

export type Window = { from: string | null; to: string };

/**
 * The evidence window: from the last review's concluding observations (its dialogue when they are not
 * dated) to this cycle's NGO submission deadline, or today when none is set or it lies ahead.
 */
export function evidenceWindow(cycle: CycleLike, previous: CycleLike | null, today: string): Window {
  const from = previous ? (stageOn(previous, "concluding_observations") ?? cycleDate(previous)) : null;
  const deadline = stageOn(cycle, "ngo_submission_deadline");
  const to = deadline && comparePartial(deadline, today) <= 0 ? deadline : today;
  return { from, to };
}

export function inWindow(on: string, window: Window) {
  if (window.from && comparePartial(on, window.from) < 0) return false;
  return comparePartial(on, window.to) <= 0;
}

// ───────────── The outline ─────────────

export type EarlierRecommendation = {
  id: string;
  paragraph: string;
  position: number;
  headingEn: string | null;
  headingJa: string | null;
  textEn: string;
  textJa: string | null;
  articles: string | null;
  followUp: boolean;
  reiteratesId: string | null;
  governmentClaimEn: string | null;
  governmentClaimJa: string | null;
  governmentClaimSource: string | null;
  grade: string | null;
  assessmentNote: string | null;
  document: { symbol: string | null; titleEn: string; titleJa: string; issuedOn: string | null };
};

/** A light row of any recommendation of the mechanism, to follow the reiteration chain. */
export type ChainRow = { id: string; reiteratesId: string | null; paragraph: string; symbol: string | null; issuedOn: string | null };
export type DemandLink = { recommendationId: string; demandId: string };
export type DemandRow = { id: string; ref: string; titleEn: string; titleJa: string };

export type Evidence =
  | {
      kind: "answer";
      id: string;
      demandId: string;
      on: string;
      roundId: string;
      roundTitleEn: string;
      roundTitleJa: string;
      bodyEn: string | null;
      bodyJa: string | null;
      questionEn: string | null;
      questionJa: string | null;
      answer: string;
      assessment: string | null;
    }
  | {
      kind: "outcome";
      id: string;
      demandId: string;
      on: string;
      degree: string;
      instrumentEn: string | null;
      instrumentJa: string | null;
      quoteEn: string | null;
      quoteJa: string | null;
      sourceUrl: string | null;
      /** The UN recommendations the outcome names as its channels: it is evidence for their sections too. */
      recommendationIds?: string[];
    }
  | {
      kind: "comment";
      id: string;
      demandId: string;
      on: string;
      consultationId: string;
      consultationEn: string;
      consultationJa: string;
      textEn: string | null;
      textJa: string | null;
      responseAnswer: string | null;
      responseKind: string | null;
    };

export type Footnote = Evidence & { n: number };

export type OutlineRecommendation = EarlierRecommendation & {
  /** What it reiterates, oldest first: the chain across earlier cycles. */
  earlier: ChainRow[];
};

export type OutlineSection = {
  key: string;
  number: number;
  kind: "recommendation" | "article";
  /** The article number, "other" for recommendations without one (articles mode). */
  article: string | null;
  recommendations: OutlineRecommendation[];
  demands: DemandRow[];
  footnotes: Footnote[];
  /** Evidence in the window left out of the footnotes (over MAX_FOOTNOTES); it stays on the demands' timelines. */
  omitted: number;
};

/**
 * The most footnotes a section cites. A section of a counter-report argues from a handful of sources, and
 * a demand argued for decades can have hundreds of answers in one window (the benchmark's 300-section
 * report would have cited tens of thousands). Outcomes come first, then public comments, then the latest
 * answers; the rest is counted in `omitted`.
 */
export const MAX_FOOTNOTES = 12;
const PRIORITY = { outcome: 0, comment: 1, answer: 2 } as const;

/** The article numbers a recommendation names: "2, 5 (e)" → ["2", "5"]. */
export function articleNumbers(articles: string | null | undefined) {
  return [...new Set((articles ?? "").match(/\d+/g) ?? [])];
}

/** The recommendations it reiterates, oldest first; a loop in the data stops the walk. */
export function earlierInChain(id: string, rows: readonly ChainRow[]): ChainRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set([id]);
  const out: ChainRow[] = [];
  let cursor = byId.get(id)?.reiteratesId ?? null;
  while (cursor && !seen.has(cursor)) {
    const row = byId.get(cursor);
    if (!row) break;
    seen.add(cursor);
    out.unshift(row);
    cursor = row.reiteratesId;
  }
  return out;
}

const KIND_ORDER = { answer: 0, comment: 1, outcome: 2 } as const;

export function sectionKeyOf(kind: "recommendation" | "article", id: string) {
  return kind === "recommendation" ? `rec-${id}` : `article-${id}`;
}

/**
 * The outline of a counter-report. Each section holds its earlier recommendations (with what they
 * reiterate), the demands linked to any recommendation of their chain, and the evidence on those demands
 * dated within the window (and the outcomes reached through a recommendation of the chain, whatever their
 * demand), each evidence a footnote numbered through the report in section order.
 */
export function buildOutline(input: {
  mode: OutlineMode;
  recommendations: readonly EarlierRecommendation[];
  chainRows: readonly ChainRow[];
  links: readonly DemandLink[];
  demands: readonly DemandRow[];
  evidence: readonly Evidence[];
  window: Window;
}): OutlineSection[] {
  const recs = [...input.recommendations].sort((a, b) => a.position - b.position || a.paragraph.localeCompare(b.paragraph, "en", { numeric: true }));
  const chainRows = input.chainRows.length ? input.chainRows : recs.map((r) => ({ id: r.id, reiteratesId: r.reiteratesId, paragraph: r.paragraph, symbol: r.document.symbol, issuedOn: r.document.issuedOn }));
  const demandsOf = new Map<string, Set<string>>();
  for (const l of input.links) demandsOf.set(l.recommendationId, (demandsOf.get(l.recommendationId) ?? new Set()).add(l.demandId));
  const demandById = new Map(input.demands.map((d) => [d.id, d]));
  const evidence = input.evidence
    .filter((e) => inWindow(e.on, input.window))
    .sort((a, b) => a.on.localeCompare(b.on) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id));

  const outlined: OutlineRecommendation[] = recs.map((r) => ({ ...r, earlier: earlierInChain(r.id, chainRows) }));
  const groups: Array<{ key: string; kind: "recommendation" | "article"; article: string | null; recommendations: OutlineRecommendation[] }> = [];
  if (input.mode === "recommendations") {
    for (const r of outlined) groups.push({ key: sectionKeyOf("recommendation", r.id), kind: "recommendation", article: null, recommendations: [r] });
  } else {
    const byArticle = new Map<string, OutlineRecommendation[]>();
    for (const r of outlined) {
      const numbers = articleNumbers(r.articles);
      for (const a of numbers.length ? numbers : ["other"]) byArticle.set(a, [...(byArticle.get(a) ?? []), r]);
    }
    const order = [...byArticle.keys()].sort((a, b) => (a === "other" ? 1 : b === "other" ? -1 : Number(a) - Number(b)));
    for (const a of order) groups.push({ key: sectionKeyOf("article", a), kind: "article", article: a, recommendations: byArticle.get(a) ?? [] });
  }

  let n = 0;
  return groups.map((g, i) => {
    const demandIds = new Set<string>();
    for (const r of g.recommendations) for (const id of [r.id, ...r.earlier.map((e) => e.id)]) for (const d of demandsOf.get(id) ?? []) demandIds.add(d);
    const demands = [...demandIds].flatMap((id) => (demandById.has(id) ? [demandById.get(id) as DemandRow] : [])).sort((a, b) => a.ref.localeCompare(b.ref, "en", { numeric: true }));
    const recIds = new Set(g.recommendations.flatMap((r) => [r.id, ...r.earlier.map((e) => e.id)]));
    const throughRecommendation = (e: Evidence) => e.kind === "outcome" && Boolean(e.recommendationIds?.some((id) => recIds.has(id)));
    const seen = new Set<string>();
    const candidates: Evidence[] = [];
    for (const e of evidence) {
      if ((!demandIds.has(e.demandId) && !throughRecommendation(e)) || seen.has(`${e.kind}:${e.id}`)) continue;
      seen.add(`${e.kind}:${e.id}`);
      candidates.push(e);
    }
    // Over the limit: by kind's priority, the latest first; then back in date order for numbering.
    const kept =
      candidates.length <= MAX_FOOTNOTES
        ? candidates
        : new Set([...candidates].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.on.localeCompare(a.on)).slice(0, MAX_FOOTNOTES));
    const footnotes: Footnote[] = candidates.filter((e) => (kept instanceof Set ? kept.has(e) : true)).map((e) => ({ ...e, n: ++n }));
    return { ...g, number: i + 1, demands, footnotes, omitted: candidates.length - footnotes.length };
  });
}

/** The sections' progress: how many are done out of all. */
export function progressOf(sections: ReadonlyArray<{ key: string }>, stored: ReadonlyMap<string, { done: boolean }>) {
  return { done: sections.filter((s) => stored.get(s.key)?.done).length, total: sections.length };
}

// ───────────── Footnotes and labels ─────────────

const quoteOf = (s: string | null | undefined, max = 400) => {
  const v = (s ?? "").replace(/\s+/g, " ").trim();
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
};

/** A footnote's text in a language: what was said, by whom, where and when. */
export function footnoteText(f: Evidence, t: Translate, locale: Locale): string {
  const pick = (ja: string | null | undefined, en: string | null | undefined) => (locale === "ja" ? ja || en : en || ja) ?? "";
  const on = formatPartialDate(f.on, locale);
  const label = (key: string, raw: string) => (isMessageKey(key) ? t(key) : raw);
  switch (f.kind) {
    case "answer":
      return t("report.fn.answer", {
        body: pick(f.bodyJa, f.bodyEn) || t("report.fn.unknownBody"),
        round: pick(f.roundTitleJa, f.roundTitleEn),
        date: on,
        answer: quoteOf(f.answer),
        assessment: f.assessment ? label(`assessment.${f.assessment}`, f.assessment) : "—",
      });
    case "outcome": {
      const quote = quoteOf(pick(f.quoteJa, f.quoteEn));
      const vars = { instrument: pick(f.instrumentJa, f.instrumentEn) || t("report.fn.unknownInstrument"), date: on, degree: label(`degree.${f.degree}`, f.degree), quote };
      return quote ? t("report.fn.outcome", vars) : t("report.fn.outcomeNoQuote", vars);
    }
    case "comment":
      return t("report.fn.comment", {
        consultation: pick(f.consultationJa, f.consultationEn),
        date: on,
        point: quoteOf(pick(f.textJa, f.textEn)) || "—",
        response: quoteOf(f.responseAnswer) || t("report.fn.noResponse"),
      });
  }
}

/** "CERD/C/JPN/CO/3-6, para. 12" in a language. */
export function recommendationRef(r: { paragraph: string; document: { symbol: string | null; titleEn: string; titleJa: string } } | ChainRow, t: Translate, locale: Locale) {
  const symbol = "document" in r ? r.document.symbol || (locale === "ja" ? r.document.titleJa || r.document.titleEn : r.document.titleEn || r.document.titleJa) : r.symbol || "";
  return t("report.paraRef", { symbol, paragraph: r.paragraph });
}

/** A section's heading: the recommendation's heading or the article. */
export function sectionHeading(s: Pick<OutlineSection, "kind" | "article" | "recommendations">, t: Translate, locale: Locale) {
  if (s.kind === "article") return s.article === "other" ? t("report.articleOther") : t("report.article", { n: s.article ?? "" });
  const r = s.recommendations[0];
  if (!r) return "";
  const heading = locale === "ja" ? r.headingJa || r.headingEn : r.headingEn || r.headingJa;
  return heading ? `${heading} (${recommendationRef(r, t, locale)})` : recommendationRef(r, t, locale);
}

// ───────────── The grading table ─────────────

export type GradingRow = { recommendation: OutlineRecommendation; evidence: Footnote[] };

/**
 * The government-response grading table: each earlier recommendation once, in paragraph order, with the
 * evidence of the sections it is in (an article outline may show one recommendation under two articles).
 */
export function gradingRows(sections: readonly OutlineSection[]): GradingRow[] {
  const rows = new Map<string, GradingRow>();
  for (const s of sections) {
    for (const r of s.recommendations) {
      const row = rows.get(r.id) ?? { recommendation: r, evidence: [] };
      for (const f of s.footnotes) if (!row.evidence.some((e) => e.kind === f.kind && e.id === f.id)) row.evidence.push(f);
      rows.set(r.id, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.recommendation.position - b.recommendation.position || a.recommendation.paragraph.localeCompare(b.recommendation.paragraph, "en", { numeric: true }));
}
