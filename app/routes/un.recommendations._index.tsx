import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CsvLink } from "~/components/csv-link";
import { FilterForm, FilterSelect, SearchField, isFiltered } from "~/components/list-filters";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { GradeBadge } from "~/components/un-parts";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { hasRole } from "~/models/roles";
import { GRADES, RECOMMENDATION_SORTS, isGrade } from "~/models/un";
import { listRecommendations, recommendationFilterOptions } from "~/models/un.server";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("un.recommendations"));

const FILTERS = ["q", "mechanism", "grade", "followUp", "theme"];

/** The list's filters and order from the query string (also the CSV download's, routes/un.recommendations[.]csv.ts). */
export function recommendationListQuery(params: URLSearchParams) {
  const grade = params.get("grade");
  const sort = oneOf(params.get("sort"), RECOMMENDATION_SORTS, "issued");
  return {
    q: queryFrom(params),
    mechanismId: (params.get("mechanism") ?? "").slice(0, 64) || undefined,
    grade: isGrade(grade) ? grade : grade === "none" ? ("none" as const) : undefined,
    followUp: params.get("followUp") === "1" || undefined,
    themeId: (params.get("theme") ?? "").slice(0, 64) || undefined,
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "paragraph" ? "asc" : "desc"),
    page: pageFrom(params),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = recommendationListQuery(new URL(request.url).searchParams);
  const [result, options] = await Promise.all([listRecommendations(query), recommendationFilterOptions(locale)]);
  return { ...result, query, options, canEdit: hasRole(user.role, "staff") };
}

export default function RecommendationsIndex() {
  const { items, total, pageCount, query, options, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, FILTERS);
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
      </nav>
      <div className="page-header">
        <h1>{t("un.recommendations")}</h1>
        <div className="form-actions">
          <CsvLink path="/un/recommendations.csv" />
          {canEdit ? (
            <Link to="/un/recommendations/new" className="button primary">
              {t("un.newRecommendation")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">{t("un.recommendationsIntro")}</p>
      <FilterForm clearTo="/un/recommendations" filtered={filtered} sort={query.sort} dir={query.dir}>
        <SearchField id="rec-q" defaultValue={query.q} placeholder={t("un.searchPlaceholder")} />
        <FilterSelect id="rec-mechanism" label={t("un.mechanism")} name="mechanism" value={query.mechanismId} options={options.mechanisms} />
        <FilterSelect
          id="rec-grade"
          label={t("un.rec.grade")}
          name="grade"
          value={query.grade}
          options={[...GRADES.map((g) => ({ value: g, label: t(`grade.${g}`) })), { value: "none", label: t("un.filter.ungraded") }]}
        />
        <FilterSelect id="rec-theme" label={t("un.rec.themes")} name="theme" value={query.themeId} options={options.themes} />
        <FilterSelect id="rec-followup" label={t("un.rec.followUp")} name="followUp" value={query.followUp ? "1" : undefined} options={[{ value: "1", label: t("un.filter.followUpOnly") }]} />
      </FilterForm>

      {items.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("un.recommendationsEmpty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("issued", query.sort, query.dir)}>
                <SortLink column="issued" label={t("un.rec.document")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col" aria-sort={ariaSort("paragraph", query.sort, query.dir)}>
                <SortLink column="paragraph" label={t("un.rec.paragraph")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("un.rec.heading")}</th>
              <th scope="col">{t("un.rec.followUp")}</th>
              <th scope="col">{t("un.rec.grade")}</th>
              <th scope="col" className="numeric">
                {t("un.demandCount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  <span className="nowrap">
                    {r.document.mechanism.abbreviation} {r.document.symbol ? <code lang="en">{r.document.symbol}</code> : pick(r.document.titleJa, r.document.titleEn)}
                  </span>
                  {r.document.issuedOn ? <div className="muted">{formatPartialDate(r.document.issuedOn, locale)}</div> : null}
                </td>
                <td className="nowrap">
                  <Link to={`/un/recommendations/${r.id}`}>{t("un.paragraphShort", { n: r.paragraph })}</Link>
                </td>
                <td>
                  {pick(r.headingJa, r.headingEn) || (
                    <span lang="en" className="muted">
                      {r.textEn.slice(0, 90)}
                      {r.textEn.length > 90 ? "…" : ""}
                    </span>
                  )}
                </td>
                <td>{r.followUp ? t("common.yes") : ""}</td>
                <td>
                  <GradeBadge grade={r.grade} />
                </td>
                <td className="numeric">{r.demandCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={query.page} pageCount={pageCount} total={total} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
