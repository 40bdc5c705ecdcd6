// Membership and subscription figures by year (year-end counts, each with its units, 口数), as the
// activity reports give them; entered by staff once a year (docs/decisions/016).
import { z } from "zod";
import { optionalText, versionField } from "~/utils/validation";

/** The counted groups, in the order the reports list them; each has a count and its units. */
export const MEMBERSHIP_FIELDS = [
  "individualMembers",
  "organisationMembers",
  "individualSubscribers",
  "organisationSubscribers",
] as const;
export type MembershipField = (typeof MEMBERSHIP_FIELDS)[number];
const UNITS = {
  individualMembers: "individualMemberUnits",
  organisationMembers: "organisationMemberUnits",
  individualSubscribers: "individualSubscriberUnits",
  organisationSubscribers: "organisationSubscriberUnits",
} as const;
export type UnitsField = (typeof UNITS)[MembershipField];
export const unitsField = (field: MembershipField): UnitsField => UNITS[field];

/** One year's figures as stored. */
export type MembershipFigureData = { year: number; note?: string | null } & Partial<Record<MembershipField | UnitsField, number | null>>;

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** Typed numbers: full-width digits and thousands separators are accepted ("１，３３０" is 1330). */
function typedNumber(value: unknown) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") return value;
  const plain = value.trim().replace(/[,，]/g, "").replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return plain === "" ? undefined : Number(plain);
}

/** A count: empty means "not known", otherwise a whole number from 0. */
const count = z.preprocess(typedNumber, z.number({ error: "error.wholeNumber" }).int("error.wholeNumber").min(0, "error.wholeNumber").max(1_000_000, "error.outOfRange").optional());

const figureShape = {
  year: z.preprocess(
    typedNumber,
    z.number({ error: (issue) => (issue.input === undefined ? "error.required" : "error.year") }).int("error.year").min(MIN_YEAR, "error.year").max(MAX_YEAR, "error.year"),
  ),
  individualMembers: count,
  individualMemberUnits: count,
  organisationMembers: count,
  organisationMemberUnits: count,
  individualSubscribers: count,
  individualSubscriberUnits: count,
  organisationSubscribers: count,
  organisationSubscriberUnits: count,
  note: optionalText(2000),
};

/** Units are at least the count (a member holds one unit or more). */
function unitsCoverCounts(values: Partial<Record<MembershipField | UnitsField, number | undefined>>, ctx: z.RefinementCtx) {
  for (const field of MEMBERSHIP_FIELDS) {
    const n = values[field];
    const units = values[unitsField(field)];
    if (typeof n === "number" && typeof units === "number" && units < n) ctx.addIssue({ code: "custom", path: [unitsField(field)], message: "error.unitsBelowCount" });
  }
}

export const membershipFigureSchema = z.object(figureShape).superRefine(unitsCoverCounts);
export const membershipFigureUpdateSchema = z.object({ ...figureShape, version: versionField }).superRefine(unitsCoverCounts);
export type MembershipFigureValues = z.infer<typeof membershipFigureSchema>;

/** Members in all (individuals and organisations) and subscribers in all; null when neither is known. */
export function totals(f: MembershipFigureData) {
  const sum = (a: number | null | undefined, b: number | null | undefined) => (a == null && b == null ? null : (a ?? 0) + (b ?? 0));
  return { members: sum(f.individualMembers, f.organisationMembers), subscribers: sum(f.individualSubscribers, f.organisationSubscribers) };
}

const CATEGORY_FIELDS: Record<string, MembershipField> = {
  individual_member: "individualMembers",
  organisational_member: "organisationMembers",
  individual_subscriber: "individualSubscribers",
  organisational_subscriber: "organisationSubscribers",
};

/** The demo data's per-category counts (prisma/demo/membership.json) as one figure a year. */
export function membershipFigures(rows: Array<{ year: number; category: string; count: number; units?: number }>, notes: Array<{ year: number; note: string }> = []): MembershipFigureData[] {
  const byYear = new Map<number, MembershipFigureData>();
  for (const row of rows) {
    const field = CATEGORY_FIELDS[row.category];
    if (!field) throw new Error(`unknown membership category ${row.category}`);
    const figure = byYear.get(row.year) ?? { year: row.year };
    figure[field] = row.count;
    figure[unitsField(field)] = row.units ?? null;
    byYear.set(row.year, figure);
  }
  for (const n of notes) {
    const figure = byYear.get(n.year);
    if (figure) figure.note = n.note;
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
