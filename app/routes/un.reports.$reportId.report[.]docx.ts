// The counter-report as a Word document: /un/reports/<id>/report.docx (docs/decisions/014).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { counterReportDocx } from "~/models/counter-report-docx.server";
import { composerData } from "~/models/counter-report.server";
import { requireUser } from "~/utils/auth.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const today = todayInJapan();
  const composer = await composerData(params.reportId ?? "", today);
  if (!composer) throw new Response("Not found", { status: 404 });
  const bytes = await counterReportDocx(composer, today);
  const fileName = `counter-report-${composer.cycle.mechanism.abbreviation}-${today}.docx`.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
