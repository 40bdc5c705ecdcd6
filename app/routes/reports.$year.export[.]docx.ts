// The activity report of a year as Word (DOCX): the stored report, or the draft when none is stored.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { reportYear } from "~/models/activity-report";
import { reportDocx } from "~/models/activity-report-export.server";
import { draftReport, getReport } from "~/models/activity-report.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const year = reportYear(params.year);
  if (!year) throw new Response("Not found", { status: 404 });
  const locale = await getLocale(request, user);
  const sections = (await getReport(year))?.sections ?? (await draftReport(year, locale));
  const bytes = await reportDocx(year, sections, locale, new URL(request.url).origin);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="activity-report-${year}.docx"`,
      "Cache-Control": "no-store",
    },
  });
}
