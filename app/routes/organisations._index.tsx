import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsvLink } from "~/components/csv-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterForm, FilterSelect, SearchField, isFiltered } from "~/components/list-filters";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { organisationKindLabels } from "~/components/value-labels";
import { translator } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { ORGANISATION_SORTS, isOrganisationKind } from "~/models/organisation";
import { listOrganisations } from "~/models/organisation.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { joinList } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? translator(data.query.locale)("organisations.title") : "" }];

/** The list's filters and order from the query string (also the CSV download's, routes/organisations[.]csv.ts). */
export function organisationListQuery(params: URLSearchParams, locale: Locale) {
  const kind = params.get("kind");
  return {
    q: queryFrom(params),
    kind: isOrganisationKind(kind) ? kind : undefined,
    sort: oneOf(params.get("sort"), ORGANISATION_SORTS, "name"),
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, "asc"),
    page: pageFrom(params),
    locale,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = organisationListQuery(new URL(request.url).searchParams, locale);
  const result = await listOrganisations(query);
  return { ...result, query, canEdit: hasRole(user.role, "staff") };
}

export default function OrganisationsIndex() {
  const { items, total, pageCount, query, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, ["q", "kind"]);
  const kinds = organisationKindLabels(t);

  return (
    <section>
      <div className="page-header">
        <h1>{t("organisations.title")}</h1>
        <div className="form-actions">
          <CsvLink path="/organisations.csv" />
          {canEdit ? (
            <Link to="/organisations/new" className="button primary">
              {t("organisations.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <FilterForm clearTo="/organisations" filtered={filtered} sort={query.sort} dir={query.dir}>
        <SearchField id="organisation-q" defaultValue={query.q} placeholder={t("organisations.searchPlaceholder")} />
        <FilterSelect id="organisation-kind" label={t("common.kind")} name="kind" value={query.kind} options={kinds.options} />
      </FilterForm>

      {items.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("organisations.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("name", query.sort, query.dir)}>
                <SortLink column="name" label={t("organisation.name")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("organisation.shortName")}</th>
              <th scope="col">{t("common.kind")}</th>
              <th scope="col" aria-sort={ariaSort("founded", query.sort, query.dir)}>
                <SortLink column="founded" label={t("organisation.foundedOn")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("organisation.dissolvedOn")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link to={`/organisations/${o.id}`}>{pick(o.nameJa, o.nameEn)}</Link>
                  {o.dissolvedOn ? <span className="badge">{t("organisation.dissolved")}</span> : null}
                  {o.formerNames.length ? (
                    <div className="muted">
                      {t("organisation.formerly", { names: joinList(o.formerNames.map((n) => pick(n.nameJa, n.nameEn)), locale) })}
                    </div>
                  ) : null}
                </td>
                <td>{o.shortName || "—"}</td>
                <td className="nowrap">{kinds.label(o.kind)}</td>
                <td className="nowrap">{formatPartialDate(o.foundedOn, locale) || "—"}</td>
                <td className="nowrap">{formatPartialDate(o.dissolvedOn, locale) || "—"}</td>
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
