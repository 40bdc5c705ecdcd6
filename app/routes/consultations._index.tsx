import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ConsultationStateBadge } from "~/components/consultation-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CsvLink } from "~/components/csv-link";
import { FilterForm, FilterSelect, SearchField, isFiltered } from "~/components/list-filters";
import { Pagination } from "~/components/pagination";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { CONSULTATION_STATES, consultationState } from "~/models/consultation";
import { consultationListOptions, listConsultations } from "~/models/consultation.server";
import { yearParam } from "~/models/request";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";
import { formatPartialDate, todayInJapan } from "~/utils/partial-date";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("consultations.title"));

const FILTERS = ["q", "state", "year", "body"];

/** The list's filters from the query string (also the CSV download's, routes/consultations[.]csv.ts). */
export function consultationListQuery(params: URLSearchParams) {
  const state = oneOf(params.get("state"), ["", ...CONSULTATION_STATES] as const, "");
  const today = todayInJapan();
  return {
    q: queryFrom(params),
    state: state === "" ? undefined : state,
    year: yearParam(params.get("year")),
    bodyId: params.get("body")?.slice(0, 64) || undefined,
    page: pageFrom(params),
    today,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = consultationListQuery(new URL(request.url).searchParams);
  const today = query.today;
  const [result, options] = await Promise.all([listConsultations(query), consultationListOptions(locale)]);
  return { ...result, query, options, today, canEdit: hasRole(user.role, "staff") };
}

export default function ConsultationsIndex() {
  const { items, total, pageCount, query, options, today, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, FILTERS);
  const stateOptions = CONSULTATION_STATES.map((s) => ({ value: s, label: t(`consultationState.${s}`) }));
  return (
    <section>
      <div className="page-header">
        <h1>{t("consultations.title")}</h1>
        <div className="form-actions">
          <CsvLink path="/consultations.csv" />
          {canEdit ? (
            <Link to="/consultations/new" className="button primary">
              {t("consultations.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <FilterForm clearTo="/consultations" filtered={filtered}>
        <SearchField id="consultation-q" defaultValue={query.q} placeholder={t("consultations.searchPlaceholder")} />
        <FilterSelect id="consultation-state" label={t("consultations.state")} name="state" value={query.state} options={stateOptions} />
        <FilterSelect id="consultation-year" label={t("consultations.year")} name="year" value={query.year} options={options.years} />
        <FilterSelect id="consultation-body" label={t("consultations.bodyFilter")} name="body" value={query.bodyId} options={options.bodies} />
      </FilterForm>
      {items.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("consultations.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("consultation.closesOn")}</th>
              <th scope="col">{t("consultations.state")}</th>
              <th scope="col">{t("consultation.title")}</th>
              <th scope="col">{t("consultation.issuerBodyId")}</th>
              <th scope="col">{t("consultation.caseNumber")}</th>
              <th scope="col" className="numeric">
                {t("consultation.submissionCount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td className="nowrap">{formatPartialDate(c.closesOn, locale)}</td>
                <td className="nowrap">
                  <ConsultationStateBadge state={consultationState(c.deadlineOn, today)} deadlineOn={c.deadlineOn} today={today} />
                </td>
                <td>
                  <Link to={`/consultations/${c.id}`}>{pick(c.titleJa, c.titleEn)}</Link>
                </td>
                <td>{c.issuerBody ? pick(c.issuerBody.shortNameJa || c.issuerBody.nameJa, c.issuerBody.shortNameEn || c.issuerBody.nameEn) : "—"}</td>
                <td className="nowrap">{c.caseNumber ?? "—"}</td>
                <td className="numeric">{c.submissionCount}</td>
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
