// People: officials, Diet members and their secretaries, our staff, partners' contacts, and their
// places (affiliations) in government bodies, organisations and project networks over time.
import { z } from "zod";
import { partialDateRange } from "~/utils/partial-date";
import { optionalText, partialDate, versionField } from "~/utils/validation";

export const PERSON_KINDS = ["official", "diet_member", "secretary", "staff", "partner", "other"] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export function isPersonKind(value: unknown): value is PersonKind {
  return typeof value === "string" && (PERSON_KINDS as readonly string[]).includes(value);
}

export const PERSON_SORTS = ["name", "kind", "updated"] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];

/** The person form, used by the editor page (client validation) and its action (server). */
export const personFormSchema = z
  .object({
    kind: z.enum(PERSON_KINDS, { error: "error.required" }),
    nameJa: optionalText(200),
    nameEn: optionalText(200),
    email: z.string().trim().max(254, "error.tooLong").email("error.email").optional(),
    phone: optionalText(50),
    notes: optionalText(4000),
  })
  .refine((value) => Boolean(value.nameJa || value.nameEn), {
    path: ["nameJa"],
    message: "error.personNameOneLanguage",
    // Checked even when other fields have errors, so that all messages show at once.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });

export const personUpdateSchema = personFormSchema.and(z.object({ version: versionField }));

export type PersonFormValues = z.infer<typeof personFormSchema>;

/** The intents of the forms on a person's page. */
export const PERSON_INTENTS = ["addAffiliation", "removeAffiliation"] as const;
export type PersonIntent = (typeof PERSON_INTENTS)[number];

/** True when `endOn` (a partial date) is not before `startOn`: "2007-05" … "2007" is fine. */
export function datesInOrder(startOn: string | null | undefined, endOn: string | null | undefined) {
  if (!startOn || !endOn) return true;
  const start = partialDateRange(startOn);
  const end = partialDateRange(endOn);
  if (!start || !end) return true;
  return end.end >= start.start;
}

const objectValue = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;

/** A new affiliation: exactly one of body, organisation or project network, a role, and when. */
export const affiliationFormSchema = z
  .object({
    intent: z.literal("addAffiliation"),
    bodyId: z.string().max(64).optional(),
    organisationId: z.string().max(64).optional(),
    projectNetworkId: z.string().max(64).optional(),
    roleJa: optionalText(200),
    roleEn: optionalText(200),
    startOn: partialDate.optional(),
    endOn: partialDate.optional(),
  })
  .refine((value) => [value.bodyId, value.organisationId, value.projectNetworkId].filter(Boolean).length === 1, {
    path: ["target"],
    message: "error.affiliationTarget",
    when: objectValue,
  })
  .refine((value) => datesInOrder(value.startOn, value.endOn), {
    path: ["endOn"],
    message: "error.dateOrder",
    // Only once both dates could be read.
    when: (payload) =>
      objectValue(payload) && !payload.issues.some((issue) => issue.path?.[0] === "startOn" || issue.path?.[0] === "endOn"),
  });

export type AffiliationFormValues = z.infer<typeof affiliationFormSchema>;

export const affiliationRemoveSchema = z.object({
  intent: z.literal("removeAffiliation"),
  affiliationId: z.string({ error: "error.required" }).min(1, "error.required").max(64),
});

/** Today in Japan time, as YYYY-MM-DD. */
export function todayInJapan(now = new Date()) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * An affiliation is current when it has no end, or its end is still to come: an end of "2026-03"
 * lasts until the last day of March 2026.
 */
export function isCurrentAffiliation(affiliation: { endOn: string | null }, today = todayInJapan()) {
  if (!affiliation.endOn) return true;
  const range = partialDateRange(affiliation.endOn);
  return (range ? range.end : affiliation.endOn) >= today;
}

/** Most recent first: open-ended ones, then by end, then by start. */
export function compareAffiliations(a: { startOn: string | null; endOn: string | null }, b: { startOn: string | null; endOn: string | null }) {
  const end = (b.endOn ?? "9999").localeCompare(a.endOn ?? "9999");
  return end !== 0 ? end : (b.startOn ?? "").localeCompare(a.startOn ?? "");
}
