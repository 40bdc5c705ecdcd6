// UN treaty reporting (docs/decisions/010): mechanisms (treaties and their committees, special
// procedures, the UPR), review cycles and their stages, UN and government documents, and the
// recommendations in them. Enumerations, form schemas and small pure helpers shared by screens and server.
import { z } from "zod";
import { whenObject } from "~/models/organisation";
import { idList, optionalText, optionalUrl, partialDate, requiredText, versionField } from "~/utils/validation";

export const MECHANISM_KINDS = ["treaty", "special_procedure", "upr"] as const;
export type MechanismKind = (typeof MECHANISM_KINDS)[number];

export const JAPAN_STATUSES = ["ratified", "acceded", "signed", "not_ratified", "not_applicable"] as const;
export type JapanStatus = (typeof JAPAN_STATUSES)[number];

/** The stages of a review cycle, in the order they happen. */
export const REVIEW_STAGES = [
  "state_report",
  "list_of_issues",
  "ngo_submission_deadline",
  "written_replies",
  "dialogue",
  "concluding_observations",
  "follow_up_due",
  "state_follow_up",
  "ngo_follow_up",
  "follow_up_assessment",
  "next_report_due",
] as const;
export type ReviewStageKind = (typeof REVIEW_STAGES)[number];

export const UN_DOCUMENT_KINDS = [
  "state_report",
  "list_of_issues",
  "written_replies",
  "ngo_submission",
  "concluding_observations",
  "state_follow_up",
  "ngo_follow_up",
  "follow_up_assessment",
  "special_procedure_report",
  "upr_report",
  "statement",
  "other",
] as const;
export type UnDocumentKind = (typeof UN_DOCUMENT_KINDS)[number];

/** The committees' follow-up grades: A satisfactory … E contrary to the recommendation. */
export const GRADES = ["A", "B", "C", "D", "E"] as const;
export type Grade = (typeof GRADES)[number];

export const RECOMMENDATION_SORTS = ["paragraph", "issued", "updated"] as const;
export type RecommendationSort = (typeof RECOMMENDATION_SORTS)[number];

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === "string" && (values as readonly string[]).includes(value);

export const isMechanismKind = isOneOf(MECHANISM_KINDS);
export const isJapanStatus = isOneOf(JAPAN_STATUSES);
export const isReviewStage = isOneOf(REVIEW_STAGES);
export const isUnDocumentKind = isOneOf(UN_DOCUMENT_KINDS);
export const isGrade = isOneOf(GRADES);

/** The language versions a document may be held in (UN official languages and Japanese). */
export const DOCUMENT_LANGUAGES = ["en", "ja", "fr", "es", "ar", "ru", "zh"] as const;
export const isDocumentLanguage = isOneOf(DOCUMENT_LANGUAGES);

const choice = <T extends string>(values: readonly [T, ...T[]]) =>
  z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === "" ? "error.required" : "error.unknownChoice") });

/** Bilingual names and titles: at least one of the pair. */
function requireOneLanguage(ja: string | undefined, en: string | undefined, ctx: z.RefinementCtx, field: string) {
  if (!ja && !en) ctx.addIssue({ code: "custom", path: [field], message: "error.titleOneLanguage" });
}

// ───────────── Mechanisms ─────────────

export const mechanismFormSchema = z
  .object({
    kind: choice(MECHANISM_KINDS),
    abbreviation: requiredText(40),
    nameJa: optionalText(300),
    nameEn: optionalText(300),
    committeeAbbr: optionalText(20),
    committeeNameJa: optionalText(300),
    committeeNameEn: optionalText(300),
    japanStatus: choice(JAPAN_STATUSES),
    ratifiedOn: partialDate.optional(),
    reservationsJa: optionalText(4000),
    reservationsEn: optionalText(4000),
    notes: optionalText(4000),
  })
  .superRefine((value, ctx) => {
    requireOneLanguage(value.nameJa, value.nameEn, ctx, "nameJa");
    // A date of ratification says the treaty is ratified (or acceded to, or signed).
    if (typeof value.ratifiedOn === "string" && (value.japanStatus === "not_ratified" || value.japanStatus === "not_applicable")) {
      ctx.addIssue({ code: "custom", path: ["ratifiedOn"], message: "un.error.ratifiedOnNotRatified" });
    }
  }, whenObject);
export const mechanismUpdateSchema = mechanismFormSchema.and(z.object({ version: versionField }));
export type MechanismFormValues = z.infer<typeof mechanismFormSchema>;

// ───────────── Review cycles ─────────────

const stageFields = Object.fromEntries(REVIEW_STAGES.map((s) => [`stage_${s}`, partialDate.optional()])) as Record<`stage_${ReviewStageKind}`, z.ZodOptional<typeof partialDate>>;

export const cycleFormSchema = z
  .object({
    mechanismId: requiredText(64),
    titleJa: optionalText(300),
    titleEn: optionalText(300),
    session: optionalText(100),
    notes: optionalText(4000),
    internalNote: optionalText(4000),
    ...stageFields,
  })
  .superRefine((value, ctx) => requireOneLanguage(value.titleJa, value.titleEn, ctx, "titleJa"), whenObject);
export const cycleUpdateSchema = cycleFormSchema.and(z.object({ version: versionField }));
export type CycleFormValues = z.infer<typeof cycleFormSchema>;

/** The stages a cycle form gave a date, in REVIEW_STAGES order. */
export function stagesFrom(values: Partial<Record<`stage_${ReviewStageKind}`, string | undefined>>) {
  return REVIEW_STAGES.flatMap((kind) => {
    const on = values[`stage_${kind}`];
    return on ? [{ kind, on }] : [];
  });
}

/** The stages in the order they happen, each marked due until its period has ended ("2026-12" is due on 2026-12-02), against today (YYYY-MM-DD). */
export function stageTimeline<T extends { kind: string; on: string }>(stages: T[], today: string) {
  const rank = (kind: string) => {
    const i = (REVIEW_STAGES as readonly string[]).indexOf(kind);
    return i < 0 ? REVIEW_STAGES.length : i;
  };
  return [...stages]
    .sort((a, b) => rank(a.kind) - rank(b.kind) || a.on.localeCompare(b.on))
    .map((s) => ({ ...s, due: s.on.localeCompare(today.slice(0, s.on.length)) >= 0 }));
}

// ───────────── Documents ─────────────

/** UN document symbols: letters, digits and / . - ( ) and spaces, e.g. "CERD/C/JPN/CO/10-11", "A/HRC/17/33/Add.3". */
export const SYMBOL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9/.\-() ]*$/;

export function normalizeSymbol(symbol: string) {
  return symbol.trim().replace(/\s*\/\s*/g, "/").replace(/\s+/g, " ").toUpperCase().replace(/\/ADD\./g, "/Add.");
}

export const documentFormSchema = z
  .object({
    mechanismId: requiredText(64),
    cycleId: z.string().max(64).optional(),
    kind: choice(UN_DOCUMENT_KINDS),
    symbol: z
      .string()
      .trim()
      .max(80, "error.tooLong")
      .refine((v) => SYMBOL_PATTERN.test(v), "un.error.symbol")
      .transform(normalizeSymbol)
      .optional(),
    titleJa: optionalText(500),
    titleEn: optionalText(500),
    issuedOn: partialDate.optional(),
    languages: z.array(z.enum(DOCUMENT_LANGUAGES)).max(DOCUMENT_LANGUAGES.length).default([]),
    url: optionalUrl,
    notes: optionalText(4000),
  })
  .superRefine((value, ctx) => requireOneLanguage(value.titleJa, value.titleEn, ctx, "titleJa"), whenObject);
export const documentUpdateSchema = documentFormSchema.and(z.object({ version: versionField }));
export type DocumentFormValues = z.infer<typeof documentFormSchema>;

// ───────────── Recommendations ─────────────

/** "12", "12 (a)", "12(a)" → "12" / "12 (a)"; null when it is not a paragraph number. */
export function normalizeParagraph(value: string): string | null {
  const m = /^\s*(\d{1,4})\s*(?:\(\s*([a-z]{1,4})\s*\))?\s*$/i.exec(value);
  if (!m) return null;
  return m[2] ? `${m[1]} (${m[2].toLowerCase()})` : m[1];
}

/** The number a paragraph sorts by. */
export function paragraphPosition(paragraph: string) {
  const n = parseInt(paragraph, 10);
  return Number.isFinite(n) ? n : 0;
}

/** Demand references typed in a field: "D-0012, D-0003" → ["D-0012", "D-0003"] (distinct, in order). */
export function demandRefsFrom(value: string | undefined) {
  return [...new Set((value ?? "").split(/[\s,、，;]+/).map((r) => r.trim().toUpperCase()).filter(Boolean))];
}

export const recommendationFormSchema = z.object({
  documentId: requiredText(64),
  paragraph: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .transform((value, ctx) => {
      const normalized = normalizeParagraph(value);
      if (!normalized) {
        ctx.addIssue({ code: "custom", message: "un.error.paragraph" });
        return z.NEVER;
      }
      return normalized;
    }),
  headingEn: optionalText(300),
  headingJa: optionalText(300),
  textEn: requiredText(20000),
  textJa: optionalText(20000),
  articles: optionalText(200),
  themeIds: idList,
  followUp: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
  reiteratesId: z.string().max(64).optional(),
  governmentClaimJa: optionalText(20000),
  governmentClaimEn: optionalText(20000),
  governmentClaimSource: optionalText(500),
  grade: z.enum(GRADES, { error: () => "error.unknownChoice" }).optional(),
  assessmentNote: optionalText(4000),
  demandRefs: optionalText(2000),
  internalNote: optionalText(4000),
});
export const recommendationUpdateSchema = recommendationFormSchema.and(z.object({ version: versionField }));
export type RecommendationFormValues = z.infer<typeof recommendationFormSchema>;

/**
 * A recommendation's chain across cycles: from the oldest it reiterates to the newest that reiterates
 * it, each once, from the rows read (id and the id it reiterates); a loop in the data stops the walk.
 */
export function reiterationChain(id: string, rows: ReadonlyArray<{ id: string; reiteratesId: string | null }>): string[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const laterOf = new Map<string, string[]>();
  for (const r of rows) if (r.reiteratesId) laterOf.set(r.reiteratesId, [...(laterOf.get(r.reiteratesId) ?? []), r.id]);
  const seen = new Set<string>([id]);
  const earlier: string[] = [];
  let cursor = byId.get(id)?.reiteratesId ?? null;
  while (cursor && !seen.has(cursor) && byId.has(cursor)) {
    seen.add(cursor);
    earlier.unshift(cursor);
    cursor = byId.get(cursor)?.reiteratesId ?? null;
  }
  const later: string[] = [];
  let frontier = [id];
  while (frontier.length) {
    const next: string[] = [];
    for (const f of frontier) {
      for (const l of laterOf.get(f) ?? []) {
        if (seen.has(l)) continue;
        seen.add(l);
        later.push(l);
        next.push(l);
      }
    }
    frontier = next;
  }
  return [...earlier, id, ...later];
}

/** Whether choosing `candidate` as what `id` reiterates would close a loop (candidate already reiterates id, directly or not). */
export function wouldLoop(id: string, candidate: string, rows: ReadonlyArray<{ id: string; reiteratesId: string | null }>) {
  if (id === candidate) return true;
  const byId = new Map(rows.map((r) => [r.id, r.reiteratesId]));
  const seen = new Set<string>();
  let cursor: string | null | undefined = candidate;
  while (cursor && !seen.has(cursor)) {
    if (cursor === id) return true;
    seen.add(cursor);
    cursor = byId.get(cursor);
  }
  return false;
}
