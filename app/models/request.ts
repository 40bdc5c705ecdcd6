// Requests (要望書): a written submission to one or more bodies listing demands, in order, with the
// wording used in that request. Kinds, the form schema shared by the editor (client) and its action
// (server), and small pure helpers.
import { z } from "zod";
import { whenObject } from "~/models/organisation";
import { idList, optionalText, partialDate, versionField } from "~/utils/validation";

export const REQUEST_KINDS = ["regular", "individual", "emergency", "petition"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === "string" && (REQUEST_KINDS as readonly string[]).includes(value);
}

export const REQUEST_SORTS = ["sent", "title"] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

/** How many demands one request may list, and how many files one save may bring. */
export const MAX_REQUEST_ITEMS = 200;
export const MAX_FILES_PER_SAVE = 10;

// ───────────── The sender: our network (an organisation) or one of its project networks ─────────────

export type SenderRef = { organisationId: string; networkId: null } | { organisationId: null; networkId: string };

const SENDER = /^(org|net):([A-Za-z0-9_-]{1,64})$/;

/** The value of the sender select: "org:<id>" or "net:<id>", or "" for no sender. */
export function senderValue(request: { senderOrganisationId: string | null; senderNetworkId: string | null }): string {
  if (request.senderOrganisationId) return `org:${request.senderOrganisationId}`;
  if (request.senderNetworkId) return `net:${request.senderNetworkId}`;
  return "";
}

export function parseSender(value: string | null | undefined): SenderRef | null {
  const match = SENDER.exec(value ?? "");
  if (!match) return null;
  return match[1] === "org" ? { organisationId: match[2], networkId: null } : { organisationId: null, networkId: match[2] };
}

// ───────────── The form ─────────────

const kindField = z.enum(REQUEST_KINDS, {
  error: (issue) => (issue.input === undefined || issue.input === "" ? "error.required" : "error.unknownChoice"),
});

const requiredDate = z.string({ error: "error.required" }).pipe(partialDate);

const itemSchema = z.object({
  demandId: z.string().max(64, "error.unknownChoice").optional(),
  wordingJa: optionalText(4000),
  wordingEn: optionalText(4000),
});

type FileLike = { name: string; size: number };
const isFileLike = (v: unknown): v is FileLike =>
  typeof v === "object" && v !== null && typeof (v as FileLike).size === "number" && typeof (v as FileLike).name === "string";

/**
 * The request form. The attachment size limit is the server's setting, handed to the page by its
 * loader, so that the browser refuses a file that is too large before uploading it; the server
 * checks it again, and checks the file's content (see checkAttachment).
 */
export function requestFormSchema(attachmentMaxBytes: number) {
  return z
    .object({
      kind: kindField,
      titleJa: optionalText(500),
      titleEn: optionalText(500),
      sentOn: requiredDate,
      sender: z
        .string()
        .refine((v) => parseSender(v) !== null, "error.unknownChoice")
        .optional(),
      cosignerIds: idList,
      addresseeIds: idList,
      items: z.array(itemSchema).max(MAX_REQUEST_ITEMS, "error.requestTooManyItems").default([]),
      body: z.string().max(200_000, "error.richTextTooLong").optional(),
      internalNote: optionalText(10_000),
      attachments: z.array(z.file()).default([]),
      removeAttachmentIds: idList,
    })
    .superRefine((value, ctx) => {
      if (!value.titleJa && !value.titleEn) ctx.addIssue({ code: "custom", path: ["titleJa"], message: "error.requestTitle" });
      // The rows: each names a demand, and no demand comes twice (the error goes on the later row).
      const items: unknown[] = Array.isArray(value.items) ? value.items : [];
      const seen = new Set<string>();
      items.forEach((item, index) => {
        const demandId = typeof item === "object" && item !== null ? (item as { demandId?: unknown }).demandId : undefined;
        if (typeof demandId !== "string" || demandId === "") {
          ctx.addIssue({ code: "custom", path: ["items", index, "demandId"], message: "error.requestItemDemand" });
        } else if (seen.has(demandId)) {
          ctx.addIssue({ code: "custom", path: ["items", index, "demandId"], message: "error.requestDuplicateDemand" });
        } else {
          seen.add(demandId);
        }
      });
      const files: unknown[] = Array.isArray(value.attachments) ? value.attachments : [];
      if (files.length > MAX_FILES_PER_SAVE) ctx.addIssue({ code: "custom", path: ["attachments"], message: "error.requestTooManyFiles" });
      else if (files.some((f) => isFileLike(f) && f.size > attachmentMaxBytes)) {
        ctx.addIssue({ code: "custom", path: ["attachments"], message: "error.attachmentTooLarge" });
      }
    }, whenObject);
}

export function requestUpdateSchema(attachmentMaxBytes: number) {
  return requestFormSchema(attachmentMaxBytes).and(z.object({ version: versionField }));
}

export type RequestFormValues = z.infer<ReturnType<typeof requestFormSchema>>;

// ───────────── Display helpers ─────────────

/** 1536 → "1.5 KB"; sizes in binary units, as file managers show them. */
export function formatFileSize(bytes: number, locale: "ja" | "en"): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = value.toLocaleString(locale === "ja" ? "ja-JP" : "en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return `${number} ${units[unit]}`;
}

/** The year of a partial date ("2011-10-03" → "2011"), or null. */
export function yearOf(partial: string | null | undefined): string | null {
  const match = /^(\d{4})/.exec(partial ?? "");
  return match ? match[1] : null;
}

/** A year filter value: four digits in a sane range, or undefined. */
export function yearParam(value: string | null): string | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return year >= 1900 && year <= 2200 ? value : undefined;
}

/** Short label of a stored content type, for the attachment lists. */
export function fileKindLabel(contentType: string): string {
  if (contentType === "application/pdf") return "PDF";
  if (contentType.includes("word")) return "Word";
  return contentType;
}
