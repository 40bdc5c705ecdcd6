// The public comments (consultations) as filtered, every page, as CSV: /consultations.csv?<the list's parameters>.
// Internal notes only for staff (app/models/visibility.ts, through consultationExtras).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { consultationState } from "~/models/consultation";
import { listConsultations } from "~/models/consultation.server";
import { consultationExtras } from "~/models/list-export.server";
import { consultationListQuery } from "~/routes/consultations._index";
import { csvContext, csvResponse } from "~/utils/csv.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, t, url, name, title, staff } = await csvContext(request);
  const query = consultationListQuery(url.searchParams);
  const { items } = await listConsultations({ ...query, all: true });
  const extras = await consultationExtras(
    items.map((c) => c.id),
    user.role,
  );
  const finalText = (value: string | null) => (value === "changed" || value === "unchanged" ? t(`finalText.${value}`) : (value ?? ""));
  const header = [
    t("consultation.closesOn"),
    t("consultations.state"),
    t("consultation.titleJa"),
    t("consultation.titleEn"),
    t("consultation.issuerBodyId"),
    t("consultation.caseNumber"),
    t("consultation.openedOn"),
    t("consultation.submissionCount"),
    t("csv.instrument"),
    t("consultation.url"),
    t("consultation.note"),
    t("consultation.resultOn"),
    t("consultation.finalTextChanged"),
    t("consultation.resultNote"),
    ...(staff ? [t("csv.internalNote")] : []),
    t("common.updatedAt"),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = items.map((c) => {
    const x = extras.get(c.id);
    return [
      c.closesOn,
      t(`consultationState.${consultationState(c.deadlineOn, query.today)}`),
      c.titleJa,
      c.titleEn,
      name(c.issuerBody),
      c.caseNumber,
      c.openedOn,
      c.submissionCount,
      title(x?.instrument),
      x?.url,
      x?.note,
      x?.resultOn,
      finalText(c.finalTextChanged),
      x?.resultNote,
      ...(staff ? [x?.internalNote] : []),
      x?.updatedAt.toISOString(),
      new URL(`/consultations/${c.id}`, url).href,
      c.id,
    ];
  });
  return csvResponse(t("csv.file.consultations"), header, rows, query.today);
}
