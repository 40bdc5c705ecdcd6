import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { DEMAND_SORTS, DEMAND_STATES } from "~/models/demand";
import { demandFormOptions, listDemands } from "~/models/demand.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";
import { formatDate, joinList } from "~/utils/format";
import { formatPartialDate } from "~/utils/partial-date";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("demands.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const params = new URL(request.url).searchParams;
  const sort = oneOf(params.get("sort"), DEMAND_SORTS, "updated");
  const query = {
    q: queryFrom(params),
    themeId: params.get("theme") || undefined,
    networkId: params.get("network") || undefined,
    bodyId: params.get("body") || undefined,
    state: oneOf(params.get("state"), DEMAND_STATES, "active"),
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "updated" ? "desc" : "asc"),
    page: pageFrom(params),
    locale,
  };
  const [result, options] = await Promise.all([listDemands(query), demandFormOptions(locale)]);
  return { ...result, query, options, canEdit: hasRole(user.role, "staff") };
}

export default function DemandsIndex() {
  const { items, total, pageCount, query, options, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const submit = useSubmit();
  const [params] = useSearchParams();
  const filtered = ["q", "theme", "network", "body", "state"].some((k) => params.get(k));

  return (
    <section>
      <div className="page-header">
        <h1>{t("demands.title")}</h1>
        {canEdit ? (
          <Link to="/demands/new" className="button primary">
            {t("demands.new")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search" onChange={(e) => {
          if (e.target instanceof HTMLSelectElement) submit(e.currentTarget, { replace: true });
        }}>
        <div className="field">
          <label htmlFor="demand-q">{t("list.search")}</label>
          <input id="demand-q" type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("demands.searchPlaceholder")} />
        </div>
        <div className="field">
          <label htmlFor="demand-theme">{t("demand.themes")}</label>
          <select id="demand-theme" name="theme" defaultValue={query.themeId ?? ""}>
            <option value="">{t("list.all")}</option>
            {options.themes.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="demand-network">{t("demand.projectNetwork")}</label>
          <select id="demand-network" name="network" defaultValue={query.networkId ?? ""}>
            <option value="">{t("list.all")}</option>
            {options.networks.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="demand-body">{t("demand.targets")}</label>
          <select id="demand-body" name="body" defaultValue={query.bodyId ?? ""}>
            <option value="">{t("list.all")}</option>
            {options.bodies.map((o) => (
              <option key={o.value} value={o.value}>
                {"\u3000".repeat(o.depth ?? 0)}
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="demand-state">{t("demands.state")}</label>
          <select id="demand-state" name="state" defaultValue={query.state}>
            {DEMAND_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`demands.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="filter-actions">
          <button type="submit">{t("list.apply")}</button>
          {filtered ? <Link to="/demands">{t("list.clear")}</Link> : null}
        </div>
      </Form>

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
