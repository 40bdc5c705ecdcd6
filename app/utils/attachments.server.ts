// Attachments (PDF and Word files) are stored on disk under config.attachmentsDir, named by their
// SHA-256 checksum (so a file uploaded twice is stored once), and described by an Attachment row.
// The type is decided by the file's first bytes and its extension, never by what the browser claims.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { config } from "~/utils/env.server";

export const ATTACHMENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
} as const;
export const ATTACHMENT_ACCEPT = ".pdf,.doc,.docx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The content type of a PDF or Word file, or null when it is neither (whatever its name says). */
export function detectAttachmentType(fileName: string, bytes: Uint8Array): string | null {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === ".pdf" && startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ATTACHMENT_TYPES.pdf; // %PDF-
  if (ext === ".docx" && startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return ATTACHMENT_TYPES.docx; // zip
  if (ext === ".doc" && startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return ATTACHMENT_TYPES.doc; // OLE2
  return null;
}

/** A file name safe to store and to send back: no folders, no control characters, bounded length. */
export function cleanFileName(name: string) {
  // eslint-disable-next-line no-control-regex
  const base = path.basename(name.replace(/\\/g, "/")).replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_").trim();
  return (base || "file").slice(-180);
}

export type AttachmentCheck =
  | { ok: true; file: { fileName: string; contentType: string; size: number; sha256: string; bytes: Uint8Array } }
  | { ok: false; error: "error.attachmentTooLarge" | "error.attachmentType" | "error.attachmentEmpty" };

export async function checkAttachment(file: File): Promise<AttachmentCheck> {
  if (file.size === 0) return { ok: false, error: "error.attachmentEmpty" };
  if (file.size > config.attachmentMaxBytes) return { ok: false, error: "error.attachmentTooLarge" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = cleanFileName(file.name);
  const contentType = detectAttachmentType(fileName, bytes);
  if (!contentType) return { ok: false, error: "error.attachmentType" };
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  return { ok: true, file: { fileName, contentType, size: bytes.byteLength, sha256, bytes } };
}

/** Writes the bytes (once per checksum) and returns the path to record, relative to the attachments folder. */
export async function storeAttachmentBytes(sha256: string, bytes: Uint8Array) {
  const storagePath = path.join(sha256.slice(0, 2), sha256);
  const full = path.join(config.attachmentsDir, storagePath);
  await fs.mkdir(path.dirname(full), { recursive: true });
  try {
    await fs.access(full);
  } catch {
    const temporary = `${full}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, full);
  }
  return storagePath;
}

export function attachmentFullPath(storagePath: string) {
  const full = path.resolve(config.attachmentsDir, storagePath);
  if (!full.startsWith(path.resolve(config.attachmentsDir) + path.sep)) throw new Error("attachment path outside its folder");
  return full;
}

/**
 * Reads a multipart form with files kept in memory up to the size limit (plus a little, so that an
 * oversized file is reported as too large rather than failing the whole request). Returns null for
 * the form when the body is far over the limit.
 */
export async function readMultipartForm(request: Request): Promise<{ formData: FormData | null; tooLarge: boolean }> {
  const uploadHandler = composeUploadHandlers(createMemoryUploadHandler({ maxPartSize: config.attachmentMaxBytes + 1 }));
  try {
    return { formData: await parseMultipartFormData(request, uploadHandler), tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: null, tooLarge: true };
    throw error;
  }
}

/** The uploaded files of a form field, without the empty part a file input sends when nothing was chosen. */
export function filesOf(formData: FormData, name: string): File[] {
  return formData.getAll(name).filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v && v.size > 0);
}
