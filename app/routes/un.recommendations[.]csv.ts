// The UN recommendations as filtered and sorted, every page, as CSV: /un/recommendations.csv?<the list's parameters>.
// Internal notes only for staff (app/models/visibility.ts, through recommendationExtras).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { recommendationExtras } from "~/models/list-export.server";
import { isGrade } from "~/models/un";
import { listRecommendations } from "~/models/un.server";
import { recommendationListQuery } from "~/routes/un.recommendations._index";
import { csvContext, csvResponse, joinCell } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, t, url, name, title, staff } = await csvContext(request);
  const query = recommendationListQuery(url.searchParams);
  const { items } = await listRecommendations({ ...query, all: true });
  const extras = await recommendationExtras(
    items.map((r) => r.id),
    user.role,
  );
  const header = [
    t("csv.mechanism"),
    t("csv.documentSymbol"),
    t("csv.documentTitle"),
    t("csv.issuedOn"),
    t("un.rec.paragraph"),
    t("un.rec.headingJa"),
    t("un.rec.headingEn"),
    t("un.rec.textEn"),
    t("un.rec.textJa"),
    t("un.rec.articles"),
    t("un.rec.themes"),
    t("un.rec.followUp"),
    t("un.rec.reiterates"),
    t("csv.demands"),
    t("un.rec.governmentClaimJa"),
    t("un.rec.governmentClaimEn"),
    t("un.rec.grade"),
    t("un.rec.assessmentNote"),
    ...(staff ? [t("csv.internalNote")] : []),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = items.map((r) => {
    const x = extras.get(r.id);
    return [
      r.document.mechanism.abbreviation,
      r.document.symbol,
      title(r.document),
      r.document.issuedOn,
      r.paragraph,
      r.headingJa,
      r.headingEn,
      r.textEn,
      x?.textJa,
      x?.articles,
      joinCell(x?.themes.map(({ theme }) => name(theme)) ?? []),
      r.followUp ? t("common.yes") : "",
      x?.reiterates ? `${x.reiterates.document.symbol ?? ""} ¶${x.reiterates.paragraph}`.trim() : "",
      joinCell(x?.demands.map(({ demand }) => demand.ref) ?? []),
      x?.governmentClaimJa,
      x?.governmentClaimEn,
      isGrade(r.grade) ? t(`grade.${r.grade}`) : (r.grade ?? ""),
      x?.assessmentNote,
      ...(staff ? [x?.internalNote] : []),
      new URL(`/un/recommendations/${r.id}`, url).href,
      r.id,
    ];
  });
  return csvResponse(t("csv.file.recommendations"), header, rows, todayInJapan());
}
