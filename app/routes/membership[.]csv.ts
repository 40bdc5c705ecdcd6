// The membership figures, every year (newest first, as the list), as CSV: /membership.csv. Staff only,
// like the list.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { MEMBERSHIP_FIELDS, unitsField } from "~/models/membership";
import { listFigures } from "~/models/membership.server";
import { csvContext, csvResponse } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, url } = await csvContext(request, "staff");
  const figures = await listFigures();
  const header = [
    t("membership.year"),
    ...MEMBERSHIP_FIELDS.flatMap((field) => [t(`membership.${field}`), t("membership.units", { label: t(`membership.${field}`) })]),
    t("membership.note"),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = figures.map((f) => [
    f.year,
    ...MEMBERSHIP_FIELDS.flatMap((field) => [f[field], f[unitsField(field)]]),
    f.note,
    new URL(`/membership/${f.id}/edit`, url).href,
    f.id,
  ]);
  return csvResponse(t("csv.file.membership"), header, rows, todayInJapan());
}
