import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsvLink } from "~/components/csv-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterForm, FilterSelect, SearchField, isFiltered } from "~/components/list-filters";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { networkStatusLabels } from "~/components/value-labels";
import { translator } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { NETWORK_SORTS, isNetworkStatus } from "~/models/network";
import { listNetworks } from "~/models/network.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { joinList } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? translator(data.query.locale)("networks.title") : "" }];

/** The list's filters and order from the query string (also the CSV download's, routes/networks[.]csv.ts). */
export function networkListQuery(params: URLSearchParams, locale: Locale) {
  const status = params.get("status");
  const sort = oneOf(params.get("sort"), NETWORK_SORTS, "name");
  return {
    q: queryFrom(params),
    status: isNetworkStatus(status) ? status : undefined,
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "demands" ? "desc" : "asc"),
    page: pageFrom(params),
    locale,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = networkListQuery(new URL(request.url).searchParams, locale);
  const result = await listNetworks(query);
  return { ...result, query, canEdit: hasRole(user.role, "staff") };
}

export default function NetworksIndex() {
  const { items, total, pageCount, query, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, ["q", "status"]);
  const statuses = networkStatusLabels(t);

  return (
    <section>
      <div className="page-header">
        <h1>{t("networks.title")}</h1>
        <div className="form-actions">
          <CsvLink path="/networks.csv" />
          {canEdit ? (
            <Link to="/networks/new" className="button primary">
              {t("networks.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <FilterForm clearTo="/networks" filtered={filtered} sort={query.sort} dir={query.dir}>
        <SearchField id="network-q" defaultValue={query.q} placeholder={t("networks.searchPlaceholder")} />
        <FilterSelect id="network-status" label={t("networks.statusFilter")} name="status" value={query.status} options={statuses.options} />
      </FilterForm>

      {items.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("networks.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("name", query.sort, query.dir)}>
                <SortLink column="name" label={t("network.name")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("network.status")}</th>
              <th scope="col" aria-sort={ariaSort("since", query.sort, query.dir)}>
                <SortLink column="since" label={t("network.since")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("network.formerNames")}</th>
              <th scope="col" className="numeric" aria-sort={ariaSort("demands", query.sort, query.dir)}>
                <SortLink column="demands" label={t("network.activeDemands")} current={query.sort} dir={query.dir} />
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((n) => (
              <tr key={n.id}>
                <td>
                  <Link to={`/networks/${n.id}`}>{pick(n.nameJa, n.nameEn)}</Link>
                </td>
                <td className="nowrap">
                  {n.status ? (
                    <span className="badge badge-status">{statuses.label(n.status)}</span>
                  ) : (
                    <span className="muted">{t("network.status.none")}</span>
                  )}
                </td>
                <td className="nowrap">{formatPartialDate(n.since, locale) || "—"}</td>
                <td>{joinList(n.formerNames.map((f) => pick(f.nameJa, f.nameEn)), locale) || "—"}</td>
                <td className="numeric">
                  {n.activeDemandCount > 0 ? <Link to={`/demands?network=${n.id}`}>{n.activeDemandCount}</Link> : 0}
                </td>
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
