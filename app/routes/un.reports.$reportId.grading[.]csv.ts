// The government-response grading table as CSV: /un/reports/<id>/grading.csv (docs/decisions/014).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { footnoteText, gradingRows, recommendationRef } from "~/models/counter-report";
import { composerData } from "~/models/counter-report.server";
import { csvContext, csvResponse } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, t } = await csvContext(request);
  const today = todayInJapan();
  const composer = await composerData(params.reportId ?? "", today);
  if (!composer) throw new Response("Not found", { status: 404 });
  const pick = (ja: string | null, en: string | null) => (locale === "ja" ? ja || en : en || ja) ?? "";
  const header = [t("report.grading.recommendation"), t("report.recommendation"), t("report.grading.claim"), t("report.claimSource"), t("report.grading.grade"), t("report.grading.note"), t("report.grading.evidence")];
  const rows = gradingRows(composer.sections).map(({ recommendation: r, evidence }) => [
    `${recommendationRef(r, t, locale)}${r.headingEn || r.headingJa ? ` ${pick(r.headingJa, r.headingEn)}` : ""}`,
    r.textEn,
    pick(r.governmentClaimJa, r.governmentClaimEn),
    r.governmentClaimSource,
    r.grade,
    r.assessmentNote,
    evidence.map((f) => `[${f.n}] ${footnoteText(f, t, locale)}`).join("\n"),
  ]);
  return csvResponse(`grading-${composer.cycle.mechanism.abbreviation}`, header, rows, today);
}
