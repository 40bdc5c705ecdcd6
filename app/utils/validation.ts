// Zod pieces shared by the forms. Messages are catalog keys, translated where they are shown.
import { z } from "zod";
import { normalizePartialDate } from "~/utils/partial-date";

/**
 * Zod's own messages ("Invalid input: expected string, received array") are for programmers: any
 * check without a message of its own answers with a catalog key, which the form shows translated next
 * to the field. Applies to every schema once this module is loaded (the root route imports it).
 */
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return "error.required";
    if (issue.code === "too_big") return issue.origin === "string" ? "error.tooLong" : issue.origin === "array" || issue.origin === "set" ? "error.tooMany" : "error.outOfRange";
    if (issue.code === "too_small") return issue.origin === "string" && issue.minimum === 1 ? "error.required" : issue.origin === "number" || issue.origin === "bigint" ? "error.outOfRange" : "error.invalidValue";
    if (issue.code === "invalid_value") return "error.unknownChoice";
    return "error.invalidValue";
  },
});

/**
 * Control characters other than tab and line breaks: pasted from other programs, invisible on the page,
 * and trouble in exports (CSV, DOCX, XML). Dropped from typed text before it is checked and stored.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
export const withoutControlCharacters = (value: string) => value.replace(CONTROL_CHARACTERS, "");

/** Typed text: control characters dropped, then trimmed. */
export const text = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(withoutControlCharacters).trim();

export const optionalText = (max: number) => text().max(max, "error.tooLong").optional();
export const requiredText = (max: number) => text({ error: "error.required" }).min(1, "error.required").max(max, "error.tooLong");

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
