// Public comments (パブリックコメント): a consultation on a draft, our submissions to it with their
// points (each about a demand), and the government's published answer per point. The form schemas
// shared by the editors (client) and their actions (server), and the pure date logic of deadlines.
// Japan time is the reference: a deadline is a date in Japan (docs/decisions/011).
import { z } from "zod";
import { whenObject } from "~/models/organisation";
import { parseSender } from "~/models/request";
import { addDaysIso, partialDateRange } from "~/utils/partial-date";
import { idList, optionalText, optionalUrl, partialDate, versionField } from "~/utils/validation";

/** A consultation counts as "closing soon" when its deadline is within this many days. */
export const CLOSING_SOON_DAYS = 14;

export const CONSULTATION_STATES = ["open", "closingSoon", "closed"] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

export const FINAL_TEXT_CHANGES = ["changed", "unchanged"] as const;
export type FinalTextChange = (typeof FINAL_TEXT_CHANGES)[number];

/** How the government's published answer treated a point (意見に対する考え方). */
export const RESPONSE_KINDS = ["adopted", "partly_adopted", "for_reference", "not_adopted", "no_answer"] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const isResponseKind = (value: unknown): value is ResponseKind => typeof value === "string" && (RESPONSE_KINDS as readonly string[]).includes(value);
export const isFinalTextChange = (value: unknown): value is FinalTextChange =>
  typeof value === "string" && (FINAL_TEXT_CHANGES as readonly string[]).includes(value);

export const MAX_POINTS = 100;
export const MAX_FILES_PER_SAVE = 10;

// ───────────── Deadlines ─────────────

/** The last day a partial date allows ("2011-12" → "2011-12-31", "2007" → "2007-12-31"), or null. */
export function deadlineOf(closesOn: string): string | null {
  return partialDateRange(closesOn)?.end ?? null;
}

/**
 * Where a consultation stands on `today` (YYYY-MM-DD in Japan): closed once its deadline day is over
 * in Japan, closing soon from CLOSING_SOON_DAYS before it, open otherwise. Not yet opened counts as open.
 */
export function consultationState(deadlineOn: string, today: string): ConsultationState {
  if (deadlineOn < today) return "closed";
  if (deadlineOn <= addDaysIso(today, CLOSING_SOON_DAYS)) return "closingSoon";
  return "open";
}

/** Whole days from today to the deadline (0 on the day itself, negative once closed). */
export function daysLeft(deadlineOn: string, today: string) {
  return Math.round((Date.parse(`${deadlineOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

// ───────────── The consultation form ─────────────

type FileLike = { name: string; size: number };
const isFileLike = (v: unknown): v is FileLike =>
  typeof v === "object" && v !== null && typeof (v as FileLike).size === "number" && typeof (v as FileLike).name === "string";

const optionalDate = z.string().pipe(partialDate).optional();
const requiredDate = z.string({ error: "error.required" }).pipe(partialDate);
const optionalId = z.string().max(64, "error.unknownChoice").optional();

function checkFiles(files: unknown, maxBytes: number, ctx: z.RefinementCtx) {
  const list: unknown[] = Array.isArray(files) ? files : [];
  if (list.length > MAX_FILES_PER_SAVE) ctx.addIssue({ code: "custom", path: ["attachments"], message: "error.requestTooManyFiles" });
  else if (list.some((f) => isFileLike(f) && f.size > maxBytes)) ctx.addIssue({ code: "custom", path: ["attachments"], message: "error.attachmentTooLarge" });
}

export function consultationFormSchema(attachmentMaxBytes: number) {
  return z
    .object({
      titleJa: optionalText(500),
      titleEn: optionalText(500),
      caseNumber: optionalText(100),
      issuerBodyId: optionalId,
      instrumentId: optionalId,
      openedOn: optionalDate,
      closesOn: requiredDate,
      url: optionalUrl,
      note: optionalText(10_000),
      resultOn: optionalDate,
      finalTextChanged: z.enum(FINAL_TEXT_CHANGES, { error: "error.unknownChoice" }).optional(),
      resultNote: optionalText(10_000),
      internalNote: optionalText(10_000),
      attachments: z.array(z.file()).default([]),
      removeAttachmentIds: idList,
    })
    .superRefine((value, ctx) => {
      if (!value.titleJa && !value.titleEn) ctx.addIssue({ code: "custom", path: ["titleJa"], message: "error.consultationTitle" });
      const opened = typeof value.openedOn === "string" ? partialDateRange(value.openedOn) : null;
      const closes = typeof value.closesOn === "string" ? partialDateRange(value.closesOn) : null;
      if (opened && closes && closes.end < opened.start) ctx.addIssue({ code: "custom", path: ["closesOn"], message: "error.consultationClosesBeforeOpens" });
      const result = typeof value.resultOn === "string" ? partialDateRange(value.resultOn) : null;
      if (result && opened && result.end < opened.start) ctx.addIssue({ code: "custom", path: ["resultOn"], message: "error.consultationResultBeforeOpens" });
      checkFiles(value.attachments, attachmentMaxBytes, ctx);
    }, whenObject);
}

export function consultationUpdateSchema(attachmentMaxBytes: number) {
  return consultationFormSchema(attachmentMaxBytes).and(z.object({ version: versionField }));
}

export type ConsultationFormValues = z.infer<ReturnType<typeof consultationFormSchema>>;

// ───────────── The submission form ─────────────

const pointSchema = z.object({
  /** The stored point's id on edit: outcomes may name it, so it is kept rather than replaced. */
  id: z.string().max(64).optional(),
  demandId: optionalId,
  textJa: optionalText(10_000),
  textEn: optionalText(10_000),
  responseSummary: optionalText(10_000),
  responseAnswer: optionalText(10_000),
  responseKind: z.enum(RESPONSE_KINDS, { error: "error.unknownChoice" }).optional(),
});

export function submissionFormSchema(attachmentMaxBytes: number) {
  return z
    .object({
      submittedOn: requiredDate,
      sender: z
        .string()
        .refine((v) => parseSender(v) !== null, "error.unknownChoice")
        .optional(),
      cosignerIds: idList,
      points: z.array(pointSchema).max(MAX_POINTS, "error.submissionTooManyPoints").default([]),
      body: z.string().max(200_000, "error.richTextTooLong").optional(),
      internalNote: optionalText(10_000),
      attachments: z.array(z.file()).default([]),
      removeAttachmentIds: idList,
    })
    .superRefine((value, ctx) => {
      const points: unknown[] = Array.isArray(value.points) ? value.points : [];
      points.forEach((point, index) => {
        const p = typeof point === "object" && point !== null ? (point as { textJa?: unknown; textEn?: unknown; responseAnswer?: unknown; responseKind?: unknown }) : {};
        if (!p.textJa && !p.textEn) ctx.addIssue({ code: "custom", path: ["points", index, "textJa"], message: "error.pointText" });
        if (p.responseKind && p.responseKind !== "no_answer" && !p.responseAnswer) {
          ctx.addIssue({ code: "custom", path: ["points", index, "responseAnswer"], message: "error.pointAnswerMissing" });
        }
      });
      checkFiles(value.attachments, attachmentMaxBytes, ctx);
    }, whenObject);
}

export function submissionUpdateSchema(attachmentMaxBytes: number) {
  return submissionFormSchema(attachmentMaxBytes).and(z.object({ version: versionField }));
}

export type SubmissionFormValues = z.infer<ReturnType<typeof submissionFormSchema>>;
