// Project networks (our working groups): their name and standing change over time, recorded as
// phases, each starting at a partial date (fromOn) and lasting until the next one starts.
import { z } from "zod";
import { whenObject } from "~/models/organisation";
import { optionalText, partialDate, requiredText, versionField } from "~/utils/validation";

export const NETWORK_STATUSES = ["sub_network", "independent", "dormant", "dissolved"] as const;
export type NetworkStatus = (typeof NETWORK_STATUSES)[number];

export function isNetworkStatus(value: unknown): value is NetworkStatus {
  return typeof value === "string" && (NETWORK_STATUSES as readonly string[]).includes(value);
}

export const NETWORK_SORTS = ["name", "since", "demands"] as const;
export type NetworkSort = (typeof NETWORK_SORTS)[number];

export type PhaseLike = { fromOn: string };

/** Oldest first. Partial dates sort as text: "2007" < "2007-06" < "2007-06-11" < "2008". */
export function sortPhases<T extends PhaseLike>(phases: readonly T[]): T[] {
  return [...phases].sort((a, b) => (a.fromOn < b.fromOn ? -1 : a.fromOn > b.fromOn ? 1 : 0));
}

/**
 * The phase in force on `isoDate`: the latest phase whose fromOn ≤ the date, comparing partial dates
 * as text (so a phase from "2007" is in force on "2007-03", one from "2007-06" is not yet).
 * Before the first phase, or with no phases, null.
 */
export function phaseAsOf<T extends PhaseLike>(phases: readonly T[], isoDate: string): T | null {
  let found: T | null = null;
  for (const phase of sortPhases(phases)) {
    if (phase.fromOn <= isoDate) found = phase;
    else break;
  }
  return found;
}

/** Today's date in Japan, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The phase in force today (or on `today`). */
export function currentPhase<T extends PhaseLike>(phases: readonly T[], today: string = todayIso()): T | null {
  return phaseAsOf(phases, today);
}

type NamedPhase = PhaseLike & { nameJa: string; nameEn: string };

/** The names a network went by before its current phase, most recent first, without repeats or the current name. */
export function formerNames<T extends NamedPhase>(phases: readonly T[], current: NamedPhase | null): Array<{ nameJa: string; nameEn: string }> {
  const earlier = sortPhases(phases)
    .filter((p) => current !== null && p.fromOn < current.fromOn)
    .reverse();
  const seen = new Set<string>(current ? [`${current.nameJa}\u0000${current.nameEn}`] : []);
  const out: Array<{ nameJa: string; nameEn: string }> = [];
  for (const p of earlier) {
    const key = `${p.nameJa}\u0000${p.nameEn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ nameJa: p.nameJa, nameEn: p.nameEn });
  }
  return out;
}

/** Each phase, oldest first, with the date the next one took over (null for the last). */
export function phaseTimeline<T extends PhaseLike>(phases: readonly T[]): Array<T & { untilOn: string | null }> {
  const sorted = sortPhases(phases);
  return sorted.map((p, i) => ({ ...p, untilOn: sorted[i + 1]?.fromOn ?? null }));
}

const statusField = z.enum(NETWORK_STATUSES, {
  error: (issue) => (issue.input === undefined || issue.input === "" ? "error.required" : "error.unknownChoice"),
});

const requiredDate = z.string({ error: "error.required" }).pipe(partialDate);

const networkFields = {
  nameJa: optionalText(300),
  nameEn: optionalText(300),
  descriptionJa: optionalText(4000),
  descriptionEn: optionalText(4000),
  organisationId: z.string().max(64).optional(),
};

function nameInOneLanguage(value: { nameJa?: string; nameEn?: string }, ctx: z.RefinementCtx) {
  if (!value.nameJa && !value.nameEn) ctx.addIssue({ code: "custom", path: ["nameJa"], message: "error.networkNameOneLanguage" });
}

/** The edit form: names (the name it goes by now), descriptions, the organisation it became. */
export const networkFormSchema = z.object(networkFields).superRefine(nameInOneLanguage, whenObject);
export const networkUpdateSchema = networkFormSchema.and(z.object({ version: versionField }));
export type NetworkFormValues = z.infer<typeof networkFormSchema>;

/** The new-network form also sets the first phase: its status now and since when. */
export const networkCreateSchema = z
  .object({ ...networkFields, status: statusField, fromOn: requiredDate })
  .superRefine(nameInOneLanguage, whenObject);
export type NetworkCreateValues = z.infer<typeof networkCreateSchema>;

/** The small form on a network's page that adds a phase to its history. */
export const phaseFormSchema = z.object({
  status: statusField,
  nameJa: requiredText(300),
  nameEn: requiredText(300),
  fromOn: requiredDate,
  noteJa: optionalText(2000),
  noteEn: optionalText(2000),
});
export type PhaseFormValues = z.infer<typeof phaseFormSchema>;

export const removePhaseSchema = z.object({ phaseId: z.string({ error: "error.required" }).min(1, "error.required").max(64) });

export const NETWORK_INTENTS = ["addPhase", "removePhase"] as const;
export type NetworkIntent = (typeof NETWORK_INTENTS)[number];
