// Government documents that change (laws, bills, basic policies, plans, guidelines, notices, systems,
// budgets): kinds, the form schema and small pure helpers shared by the screens and the server.
import { z } from "zod";
import { endsBeforeStart, whenObject } from "~/models/organisation";
import { optionalText, optionalUrl, partialDate, versionField } from "~/utils/validation";

export const INSTRUMENT_KINDS = ["law", "bill", "basic_policy", "plan", "guideline", "notice", "system", "budget", "other"] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export function isInstrumentKind(value: unknown): value is InstrumentKind {
  return typeof value === "string" && (INSTRUMENT_KINDS as readonly string[]).includes(value);
}

export const INSTRUMENT_SORTS = ["adopted", "title", "updated"] as const;
export type InstrumentSort = (typeof INSTRUMENT_SORTS)[number];

/** A year typed in a list filter ("2008"), or undefined. */
export function yearFrom(value: string | null | undefined): string | undefined {
  return value && /^\d{4}$/.test(value) ? value : undefined;
}

/** A date that parsed: the refinement below also runs when some field failed, leaving its value unusable. */
const dateOf = (value: unknown) => (typeof value === "string" ? value : undefined);

const kindField = z.enum(INSTRUMENT_KINDS, {
  error: (issue) => (issue.input === undefined || issue.input === "" ? "error.required" : "error.unknownChoice"),
});

export const instrumentFormSchema = z
  .object({
    kind: kindField,
    titleJa: optionalText(500),
    titleEn: optionalText(500),
    issuerBodyId: z.string().max(64).optional(),
    draftOn: partialDate.optional(),
    adoptedOn: partialDate.optional(),
    effectiveOn: partialDate.optional(),
    url: optionalUrl,
    notes: optionalText(4000),
  })
  .superRefine((value, ctx) => {
    if (!value.titleJa && !value.titleEn) ctx.addIssue({ code: "custom", path: ["titleJa"], message: "error.titleOneLanguage" });
    // Adopted not before the draft; in force not before adoption (or the draft when adoption is not known).
    const [draftOn, adoptedOn, effectiveOn] = [dateOf(value.draftOn), dateOf(value.adoptedOn), dateOf(value.effectiveOn)];
    if (endsBeforeStart(draftOn, adoptedOn)) ctx.addIssue({ code: "custom", path: ["adoptedOn"], message: "error.dateOrder" });
    if (endsBeforeStart(adoptedOn ?? draftOn, effectiveOn)) {
      ctx.addIssue({ code: "custom", path: ["effectiveOn"], message: "error.dateOrder" });
    }
  }, whenObject);

export const instrumentUpdateSchema = instrumentFormSchema.and(z.object({ version: versionField }));

export type InstrumentFormValues = z.infer<typeof instrumentFormSchema>;
