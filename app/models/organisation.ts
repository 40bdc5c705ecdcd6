// Our own network, member organisations, partners and coalitions: kinds, form schemas and
// small pure helpers shared by the screens and the server.
import { z } from "zod";
import { partialDateRange } from "~/utils/partial-date";
import { optionalText, optionalUrl, partialDate, versionField } from "~/utils/validation";

export const ORGANISATION_KINDS = ["our_network", "member", "partner", "coalition", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === "string" && (ORGANISATION_KINDS as readonly string[]).includes(value);
}

export const ORGANISATION_SORTS = ["name", "founded"] as const;
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number];

/**
 * True when the partial date `end` lies wholly before `start` ("2006" before "2007-06"); false when
 * either is missing or unreadable, or when they overlap ("2007" and "2007-06" overlap).
 */
export function endsBeforeStart(start: unknown, end: unknown) {
  // With whenObject the refinement also runs after a date failed to parse; that value is then not a string.
  if (typeof start !== "string" || typeof end !== "string" || !start || !end) return false;
  const s = partialDateRange(start);
  const e = partialDateRange(end);
  if (!s || !e) return false;
  return e.end < s.start;
}

/** Only http(s) addresses become links; anything else stored is shown as plain text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The refinements below run even when other fields failed, so that every message shows at once. */
export const whenObject = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

const kindField = z.enum(ORGANISATION_KINDS, {
  error: (issue) => (issue.input === undefined || issue.input === "" ? "error.required" : "error.unknownChoice"),
});

export const organisationFormSchema = z
  .object({
    kind: kindField,
    nameJa: optionalText(300),
    nameEn: optionalText(300),
    shortName: optionalText(100),
    website: optionalUrl,
    foundedOn: partialDate.optional(),
    dissolvedOn: partialDate.optional(),
    notesJa: optionalText(4000),
    notesEn: optionalText(4000),
  })
  .superRefine((value, ctx) => {
    if (!value.nameJa && !value.nameEn) ctx.addIssue({ code: "custom", path: ["nameJa"], message: "error.organisationNameOneLanguage" });
    if (endsBeforeStart(value.foundedOn, value.dissolvedOn)) ctx.addIssue({ code: "custom", path: ["dissolvedOn"], message: "error.dateOrder" });
  }, whenObject);

export const organisationUpdateSchema = organisationFormSchema.and(z.object({ version: versionField }));

export type OrganisationFormValues = z.infer<typeof organisationFormSchema>;

/** The small form on an organisation's page that records a name it used before. */
export const formerNameSchema = z
  .object({
    nameJa: optionalText(300),
    nameEn: optionalText(300),
    fromOn: partialDate.optional(),
    untilOn: partialDate.optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.nameJa && !value.nameEn) ctx.addIssue({ code: "custom", path: ["nameJa"], message: "error.organisationNameOneLanguage" });
    if (endsBeforeStart(value.fromOn, value.untilOn)) ctx.addIssue({ code: "custom", path: ["untilOn"], message: "error.dateOrder" });
  }, whenObject);

export type FormerNameValues = z.infer<typeof formerNameSchema>;

export const removeFormerNameSchema = z.object({ formerNameId: z.string({ error: "error.required" }).min(1, "error.required").max(64) });

export const ORGANISATION_INTENTS = ["addFormerName", "removeFormerName"] as const;
export type OrganisationIntent = (typeof ORGANISATION_INTENTS)[number];

/** Former names, oldest first: by the date they were first used, then by the date they stopped. */
export function sortFormerNames<T extends { fromOn: string | null; untilOn: string | null }>(names: T[]): T[] {
  const key = (n: T) => n.fromOn ?? n.untilOn ?? "9999";
  return [...names].sort((a, b) => key(a).localeCompare(key(b)) || (a.untilOn ?? "9999").localeCompare(b.untilOn ?? "9999"));
}
