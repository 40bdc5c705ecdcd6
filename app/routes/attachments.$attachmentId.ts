import fs from "node:fs";
import { type LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { attachmentFullPath } from "~/utils/attachments.server";
import { requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

/** Sends a stored attachment as a download, with its checked type and no sniffing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const attachment = await db.attachment.findFirst({
    where: { id: params.attachmentId ?? "", deletedAt: null },
    include: {
      request: { select: { deletedAt: true } },
      round: { select: { deletedAt: true } },
      outcome: { select: { deletedAt: true } },
      consultation: { select: { deletedAt: true } },
      submission: { select: { deletedAt: true, consultation: { select: { deletedAt: true } } } },
    },
  });
  // A file goes to the trash with the record it belongs to: gone until an administrator restores it.
  const parents = attachment ? [attachment.request, attachment.round, attachment.outcome, attachment.consultation, attachment.submission, attachment.submission?.consultation] : [];
  if (!attachment || parents.some((parent) => parent?.deletedAt)) throw new Response("Not found", { status: 404 });
  const full = attachmentFullPath(attachment.storagePath);
  if (!fs.existsSync(full)) throw new Response("Not found", { status: 404 });
  const ascii = attachment.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(createReadableStreamFromReadable(fs.createReadStream(full)), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
