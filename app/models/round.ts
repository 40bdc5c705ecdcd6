// Negotiation rounds and meetings (省庁交渉): a dated meeting with one or more bodies, and its agenda
// of demand × answering body with the question sent in advance, the answer, our assessment of it
// and any commitment with its follow-up. Pure: shared by the forms (client) and the server.
import { z } from "zod";
import { partialDateRange } from "~/utils/partial-date";
import { idList, optionalText, partialDate, versionField } from "~/utils/validation";

export const ROUND_KINDS = ["ministry_round", "individual_talks", "diet_member_meeting", "intermediary_meeting"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ASSESSMENTS = ["commitment", "will_consider", "evasive", "refusal", "no_answer"] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const FOLLOW_UP_STATUSES = ["open", "done", "dropped"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** People who may sit on the government side of a round, and on ours. */
export const OFFICIAL_PERSON_KINDS = ["official", "diet_member", "secretary"] as const;
export const OUR_PERSON_KINDS = ["staff"] as const;

export const ROUND_SORTS = ["date", "title", "kind"] as const;
export type RoundSort = (typeof ROUND_SORTS)[number];

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === "string" && (list as readonly string[]).includes(value);

export const isRoundKind = isOneOf(ROUND_KINDS);
export const isAssessment = isOneOf(ASSESSMENTS);
export const isFollowUpStatus = isOneOf(FOLLOW_UP_STATUSES);

const objectValue = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;

/** A partial date that must be given. */
const requiredPartialDate = z.string({ error: "error.required" }).pipe(partialDate);

const richText = z.string().max(200_000, "error.richTextTooLong").optional();

/** The round form (create and edit), used by the editor (client validation) and its action (server). */
export const roundFormSchema = z
  .object({
    kind: z.enum(ROUND_KINDS, { error: "error.required" }),
    titleJa: optionalText(300),
    titleEn: optionalText(300),
    heldOn: requiredPartialDate,
    place: optionalText(300),
    requestId: z.string().max(64).optional(),
    intermediaryBodyId: z.string().max(64).optional(),
    bodyIds: idList,
    officialIds: idList,
    ourIds: idList,
    summary: richText,
    internalNote: optionalText(8000),
    /** Attachments to remove (edit only). */
    removeAttachmentIds: idList,
    /** On creation from a request: add one agenda item per request item and addressed body. */
    agendaFromRequest: z.boolean().default(false),
  })
  .refine((value) => Boolean(value.titleJa || value.titleEn), {
    path: ["titleJa"],
    message: "error.titleOneLanguage",
    // Checked even when other fields have errors, so that all messages show at once.
    when: objectValue,
  })
  .refine((value) => !value.agendaFromRequest || Boolean(value.requestId), {
    path: ["requestId"],
    message: "error.roundAgendaNeedsRequest",
    when: objectValue,
  });

export const roundUpdateSchema = roundFormSchema.and(z.object({ version: versionField }));

export type RoundFormValues = z.infer<typeof roundFormSchema>;

/** True when a commitment was recorded in either language. */
export function hasCommitment(values: { commitmentJa?: string | null; commitmentEn?: string | null }) {
  return Boolean(values.commitmentJa?.trim() || values.commitmentEn?.trim());
}

/** One agenda item: a demand put to one body, with the answer and our reading of it. */
export const agendaItemFormSchema = z
  .object({
    demandId: z.string({ error: "error.required" }).trim().min(1, "error.required").max(64),
    bodyId: z.string().max(64).optional(),
    questionJa: optionalText(8000),
    questionEn: optionalText(8000),
    answer: richText,
    assessment: z.enum(ASSESSMENTS, { error: "error.unknownChoice" }).optional(),
    commitmentJa: optionalText(4000),
    commitmentEn: optionalText(4000),
    followUpOn: partialDate.optional(),
    followUpStatus: z.enum(FOLLOW_UP_STATUSES, { error: "error.unknownChoice" }).optional(),
    followUpNote: optionalText(4000),
    internalNote: optionalText(8000),
  })
  .refine((value) => !hasCommitment(value) || Boolean(value.followUpOn), {
    path: ["followUpOn"],
    message: "error.followUpOnRequired",
    // Checked even when other fields have errors, unless the date itself could not be read.
    when: (payload) => objectValue(payload) && !payload.issues.some((issue) => issue.path?.[0] === "followUpOn"),
  });

export const agendaItemUpdateSchema = agendaItemFormSchema.and(z.object({ version: versionField }));

export type AgendaItemFormValues = z.infer<typeof agendaItemFormSchema>;

/**
 * The follow-up fields as stored: they only mean something with a commitment, whose status
 * starts as open.
 */
export function followUpOf(values: Pick<AgendaItemFormValues, "commitmentJa" | "commitmentEn" | "followUpOn" | "followUpStatus" | "followUpNote">) {
  if (!hasCommitment(values)) return { followUpOn: values.followUpOn ?? null, followUpStatus: null, followUpNote: values.followUpNote ?? null };
  return { followUpOn: values.followUpOn ?? null, followUpStatus: values.followUpStatus ?? "open", followUpNote: values.followUpNote ?? null };
}

/** The intents of the forms on a round's page. */
export const ROUND_PAGE_INTENTS = ["moveUp", "moveDown", "removeItem", "carryForward"] as const;
export type RoundPageIntent = (typeof ROUND_PAGE_INTENTS)[number];

export const agendaItemIntentSchema = z.object({
  intent: z.enum(["moveUp", "moveDown", "removeItem"]),
  itemId: z.string().min(1).max(64),
});

export const carryForwardSchema = z.object({
  intent: z.literal("carryForward"),
  /** Empty: the previous round that shares a body with this one. */
  sourceRoundId: z.string().max(64).optional(),
});

// ───────────── Answers and carrying unanswered items forward ─────────────

type AnswerFacts = { answer?: string | null; answerText?: string | null; assessment?: string | null };

/** An answer was recorded (and it was not "no answer"). */
export function hasAnswer(item: AnswerFacts) {
  const given = Boolean(item.answerText?.trim() || item.answer?.trim());
  return given && item.assessment !== "no_answer";
}

/** Still to be put again: no answer recorded, or the answer was assessed as no answer or evasive. */
export function isUnanswered(item: AnswerFacts) {
  return !hasAnswer(item) || item.assessment === "evasive";
}

export type RoundForCarry = { id: string; heldOn: string; bodyIds: string[]; createdAt?: Date | string };

const dayOf = (heldOn: string) => partialDateRange(heldOn)?.start ?? heldOn;
const createdTime = (d: Date | string | undefined) => (d ? new Date(d).getTime() : 0);

/**
 * The round to carry items forward from: the latest round held before `current` (by the first day
 * its date covers) that shares at least one body with it. Rounds on the same day count as before
 * when they were recorded earlier.
 */
export function previousRoundFor<T extends RoundForCarry>(current: RoundForCarry, candidates: T[]): T | null {
  const bodies = new Set(current.bodyIds);
  const currentDay = dayOf(current.heldOn);
  const currentCreated = createdTime(current.createdAt);
  const before = candidates.filter((r) => {
    if (r.id === current.id || !r.bodyIds.some((b) => bodies.has(b))) return false;
    const day = dayOf(r.heldOn);
    if (day !== currentDay) return day < currentDay;
    return current.createdAt !== undefined && r.createdAt !== undefined && createdTime(r.createdAt) < currentCreated;
  });
  before.sort((a, b) => dayOf(b.heldOn).localeCompare(dayOf(a.heldOn)) || createdTime(b.createdAt) - createdTime(a.createdAt) || a.id.localeCompare(b.id));
  return before[0] ?? null;
}

export type CarryItem = AnswerFacts & { id: string; demandId: string; bodyId: string | null; position: number };

const pairKey = (item: { demandId: string; bodyId: string | null }) => `${item.demandId}\u0000${item.bodyId ?? ""}`;

/**
 * The items of an earlier round to copy into a round's agenda: the unanswered ones, in their
 * order, without the demand × body pairs the agenda already holds (nor the same pair twice).
 */
export function itemsToCarryForward<T extends CarryItem>(source: T[], existing: Array<{ demandId: string; bodyId: string | null }>) {
  const taken = new Set(existing.map(pairKey));
  const copy: T[] = [];
  let skipped = 0;
  for (const item of [...source].sort((a, b) => a.position - b.position)) {
    if (!isUnanswered(item)) continue;
    const key = pairKey(item);
    if (taken.has(key)) {
      skipped += 1;
      continue;
    }
    taken.add(key);
    copy.push(item);
  }
  return { copy, skipped };
}

/** Counts shown in the list and on the page: items, answered, open commitments. */
export function agendaCounts(items: Array<AnswerFacts & { followUpStatus?: string | null }>) {
  return {
    items: items.length,
    answered: items.filter(hasAnswer).length,
    openCommitments: items.filter((i) => i.followUpStatus === "open").length,
  };
}

/** Moves an id one place up or down in an ordered list; the list unchanged at either end. */
export function moveInOrder(ids: string[], id: string, direction: "up" | "down") {
  const index = ids.indexOf(id);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ids.length) return ids;
  const next = [...ids];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
