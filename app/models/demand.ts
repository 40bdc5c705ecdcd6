import { z } from "zod";
import { idList, optionalText, partialDate, versionField } from "~/utils/validation";

/** The demand form, used by the editor page (client validation) and its action (server). */
export const demandFormSchema = z
  .object({
    titleJa: optionalText(300),
    titleEn: optionalText(300),
    summaryJa: optionalText(4000),
    summaryEn: optionalText(4000),
    body: z.string().max(200_000, "error.richTextTooLong").optional(),
    parentId: z.string().max(64).optional(),
    projectNetworkId: z.string().max(64).optional(),
    firstRaisedOn: partialDate.optional(),
    themeIds: idList,
    targetIds: idList,
    archived: z.boolean().default(false),
    isPublic: z.boolean().default(false),
  })
  .refine((value) => Boolean(value.titleJa || value.titleEn), {
    path: ["titleJa"],
    message: "error.titleOneLanguage",
    // Checked even when other fields have errors, so that all messages show at once.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });

export const demandUpdateSchema = demandFormSchema.and(z.object({ version: versionField }));

export type DemandFormValues = z.infer<typeof demandFormSchema>;

export const DEMAND_SORTS = ["updated", "raised", "title", "ref"] as const;
export type DemandSort = (typeof DEMAND_SORTS)[number];
export const DEMAND_STATES = ["active", "archived", "all"] as const;
export type DemandState = (typeof DEMAND_STATES)[number];
