// Outcomes (how far a government document reflected a demand) and manual status overrides: the form
// schemas shared by the editor pages (client validation) and their actions (server).
import { z } from "zod";
import { DEGREES, STATUSES } from "~/models/status";
import { whenObject } from "~/models/organisation";
import { normalizePartialDate, partialDateRange, todayInJapan } from "~/utils/partial-date";
import { idList, optionalText, optionalUrl, partialDate, requiredText, versionField } from "~/utils/validation";

const requiredId = z.string({ error: "error.required" }).trim().min(1, "error.required").max(64, "error.unknownChoice");
const requiredPartialDate = z.string({ error: "error.required" }).pipe(partialDate);

export const outcomeFormSchema = z.object({
  demandId: requiredId,
  instrumentId: z.string().max(64, "error.unknownChoice").optional(),
  degree: z.enum(DEGREES, {
    error: (issue) => (issue.input === undefined || issue.input === "" ? "error.required" : "error.unknownChoice"),
  }),
  occurredOn: requiredPartialDate,
  quoteJa: optionalText(10_000),
  quoteEn: optionalText(10_000),
  sourceUrl: optionalUrl,
  note: optionalText(4000),
  internalNote: optionalText(4000),
  /** Channels: requests that contain the demand, rounds that discussed it, and their agenda items. */
  requestIds: idList,
  roundIds: idList,
  agendaItemIds: idList,
  /** Points of our public-comment submissions about the demand (docs/decisions/011). */
  commentPointIds: idList,
  /** UN recommendations that led to the outcome: those linked to the demand, or any found by symbol and paragraph (docs/decisions/010). */
  recommendationIds: z.array(z.string().max(64)).max(500).optional(),
  /** On the edit page: attachments to remove. */
  removeAttachmentIds: idList,
});

export const outcomeUpdateSchema = outcomeFormSchema.and(z.object({ version: versionField }));

export type OutcomeFormValues = z.infer<typeof outcomeFormSchema>;

/** True when the partial date starts after `today` (YYYY-MM-DD): "2031" is in the future, "2026" is not in 2026. */
export function isFuturePartialDate(value: unknown, today: string) {
  // Not a string when the field failed: the refinement below runs even then.
  const range = typeof value === "string" ? partialDateRange(value) : null;
  return Boolean(range && range.start > today);
}

/** The staff form on a demand's status page that sets the status by hand, from a date, with the reason. */
export const statusOverrideSchema = z
  .object({
    status: z.enum(STATUSES, {
      error: (issue) => (issue.input === undefined || issue.input === "" ? "error.required" : "error.unknownChoice"),
    }),
    fromOn: requiredPartialDate,
    reason: requiredText(2000),
  })
  .superRefine((value, ctx) => {
    if (isFuturePartialDate(value.fromOn, todayInJapan())) ctx.addIssue({ code: "custom", path: ["fromOn"], message: "error.statusFutureDate" });
  }, whenObject);

export type StatusOverrideValues = z.infer<typeof statusOverrideSchema>;

export const liftOverrideSchema = z.object({ overrideId: requiredId });

/** The "status as of" field of the status page (a GET parameter): a partial date, not in the future. */
export function parseAsOf(value: string | null | undefined, today: string): { asOf: string | null; error: string | null } {
  const raw = (value ?? "").trim();
  if (!raw) return { asOf: null, error: null };
  const normalized = normalizePartialDate(raw);
  if (!normalized) return { asOf: null, error: "error.partialDate" };
  if (isFuturePartialDate(normalized, today)) return { asOf: null, error: "error.statusFutureDate" };
  return { asOf: normalized, error: null };
}

/** "1.2 MB", "340 KB": the size of an attachment as a reader sees it. */
export function formatFileSize(bytes: number, locale: string) {
  const mb = bytes / (1024 * 1024);
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return mb >= 1 ? `${nf.format(mb)} MB` : `${nf.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
