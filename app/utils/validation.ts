// Zod pieces shared by the forms. Messages are catalog keys, translated where they are shown.
import { z } from "zod";
import { normalizePartialDate } from "~/utils/partial-date";

export const optionalText = (max: number) => z.string().trim().max(max, "error.tooLong").optional();
export const requiredText = (max: number) =>
  z.string({ error: "error.required" }).trim().min(1, "error.required").max(max, "error.tooLong");

/** "2008", "2008-01", "2008/1/15", "2008年1月" → canonical partial ISO date. */
export const partialDate = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const normalized = normalizePartialDate(value);
    if (!normalized) {
      ctx.addIssue({ code: "custom", message: "error.partialDate" });
      return z.NEVER;
    }
    return normalized;
  });

export const optionalUrl = z
  .string()
  .trim()
  .max(2000, "error.tooLong")
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), "error.url")
  .optional();

export const idList = z.array(z.string().max(64)).max(500).default([]);

/** The hidden field of optimistic locking: the version the form was opened on. */
export const versionField = z.coerce.number({ error: "error.required" }).int().min(1);
