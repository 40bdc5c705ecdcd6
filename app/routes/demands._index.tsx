import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsvLink } from "~/components/csv-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/forms";
import { FilterForm, FilterSelect, SearchField, isFiltered } from "~/components/list-filters";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { type Locale } from "~/i18n/locales";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { DEMAND_SORTS, DEMAND_STATES } from "~/models/demand";
import { demandListOptions, listDemands } from "~/models/demand.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";
import { formatDate, joinList } from "~/utils/format";
import { formatPartialDate } from "~/utils/partial-date";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("demands.title"));

/** The list's query from the URL (shared with its CSV export, demands[.]csv.ts). */
export function demandListQuery(params: URLSearchParams, locale: Locale) {
  const sort = oneOf(params.get("sort"), DEMAND_SORTS, "updated");
  return {
    q: queryFrom(params),
    themeId: params.get("theme") || undefined,
    networkId: params.get("network") || undefined,
    bodyId: params.get("body") || undefined,
    state: oneOf(params.get("state"), DEMAND_STATES, "active"),
    publicOnly: params.get("public") === "1",
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "updated" ? "desc" : "asc"),
    page: pageFrom(params),
    locale,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = demandListQuery(new URL(request.url).searchParams, locale);
  const [result, options] = await Promise.all([listDemands(query), demandListOptions(locale)]);
  return { ...result, query, options, canEdit: hasRole(user.role, "staff") };
}

export default function DemandsIndex() {
  const { items, total, pageCount, query, options, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, ["q", "theme", "network", "body", "state", "public"]);

  return (
    <section>
      <div className="page-header">
        <h1>{t("demands.title")}</h1>
        <div className="page-actions">
          <CsvLink path="/demands.csv" hint={t("demands.exportCsvHint")} />
          {canEdit ? (
            <Link to="/demands/new" className="button primary">
              {t("demands.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <FilterForm clearTo="/demands" filtered={filtered} sort={query.sort} dir={query.dir}>
        <SearchField id="demand-q" defaultValue={query.q} placeholder={t("demands.searchPlaceholder")} />
        <FilterSelect id="demand-theme" label={t("demand.themes")} name="theme" value={query.themeId} options={options.themes} />
        <FilterSelect id="demand-network" label={t("demand.projectNetwork")} name="network" value={query.networkId} options={options.networks} />
        <FilterSelect id="demand-body" label={t("demand.targets")} name="body" value={query.bodyId} options={options.bodies} />
        <SelectField
          label={t("demands.state")}
          id="demand-state"
          name="state"
          defaultValue={query.state}
          options={DEMAND_STATES.map((s) => ({ value: s, label: t(`demands.state.${s}`) }))}
        />
        <FilterSelect
          id="demand-public"
          label={t("public.filterLabel")}
          name="public"
          value={query.publicOnly ? "1" : ""}
          allLabel={t("public.filterAll")}
          options={[{ value: "1", label: t("public.filterOnly") }]}
        />
      </FilterForm>

      {items.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("demands.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("ref", query.sort, query.dir)}>
                <SortLink column="ref" label={t("demand.ref")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col" aria-sort={ariaSort("title", query.sort, query.dir)}>
                <SortLink column="title" label={t("demand.title")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("demand.projectNetwork")}</th>
              <th scope="col">{t("demand.targets")}</th>
              <th scope="col" aria-sort={ariaSort("raised", query.sort, query.dir)}>
                <SortLink column="raised" label={t("demand.firstRaisedOn")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col" aria-sort={ariaSort("updated", query.sort, query.dir)}>
                <SortLink column="updated" label={t("common.updatedAt")} current={query.sort} dir={query.dir} />
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td className="nowrap">{d.ref}</td>
                <td>
                  <Link to={`/demands/${d.id}`}>{pick(d.titleJa, d.titleEn)}</Link>
                  {d.archived ? <span className="badge">{t("demand.archived")}</span> : null}
                  {d.isPublic ? <span className="badge badge-public">{t("public.badge")}</span> : null}
                  {d.themes.length ? (
                    <div className="tags">
                      {d.themes.map(({ theme }) => (
                        <span key={theme.id} className="tag">
                          {pick(theme.nameJa, theme.nameEn)}
                        </span>
                      ))}
                    </div>
                  ) : null}
                </td>
                <td>{d.projectNetwork ? pick(d.projectNetwork.nameJa, d.projectNetwork.nameEn) : "—"}</td>
                <td>{joinList(d.targets.map(({ body }) => pick(body.shortNameJa || body.nameJa, body.shortNameEn || body.nameEn)), locale) || "—"}</td>
                <td className="nowrap">{formatPartialDate(d.firstRaisedOn, locale) || "—"}</td>
                <td className="nowrap">{formatDate(d.updatedAt, locale)}</td>
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
