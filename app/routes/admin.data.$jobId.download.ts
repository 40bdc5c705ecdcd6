// /admin/data/<job>/download: a finished export's JSON file, streamed (administrators only).
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { type LoaderFunctionArgs } from "@remix-run/node";
import { exportsDir } from "~/models/data-export.server";
import { requireAdmin } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const job = await db.dataJob.findUnique({ where: { id: params.jobId ?? "" } });
  if (!job || job.kind !== "export" || job.status !== "done" || !job.fileName) throw new Response("Not found", { status: 404 });
  const full = path.join(exportsDir(), path.basename(job.fileName));
  const stat = await fs.stat(full).catch(() => null);
  if (!stat) throw new Response("Not found", { status: 404 });
  return new Response(Readable.toWeb(createReadStream(full)) as ReadableStream, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": String(stat.size),
      "Content-Disposition": `attachment; filename="${path.basename(job.fileName)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
