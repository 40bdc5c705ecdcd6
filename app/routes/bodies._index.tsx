import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { translator } from "~/i18n";
import { useBilingual, useT } from "~/i18n/react";
import { BODY_KINDS, BODY_SORTS, isBodyKind } from "~/models/body";
import { listBodies } from "~/models/body.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? translator(data.locale)("bodies.title") : "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind");
  const sort = oneOf(params.get("sort"), BODY_SORTS, "name");
  const query = {
    q: queryFrom(params),
    kind: isBodyKind(kind) ? kind : undefined,
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "people" || sort === "demands" ? "desc" : "asc"),
    page: pageFrom(params),
    locale,
  };
  const result = await listBodies(query);
  return { ...result, query, locale, canEdit: hasRole(user.role, "staff") };
}

function depthClass(depth: number) {
  return depth > 0 ? `tree-depth-${Math.min(depth, 5)}` : undefined;
}

export default function BodiesIndex() {
  const { mode, rows, items, total, pageCount, query, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const pick = useBilingual();
  const submit = useSubmit();
  const [params] = useSearchParams();
  const filtered = ["q", "kind"].some((k) => params.get(k));
  type Names = { nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null };
  const shortName = (b: Names) => pick(b.shortNameJa || b.nameJa, b.shortNameEn || b.nameEn);
  /** The short name, when there is one that says something the full name does not. */
  const extraShortName = (b: Names) => {
    const short = pick(b.shortNameJa, b.shortNameEn);
    return short && short !== pick(b.nameJa, b.nameEn) ? <span className="muted"> ({short})</span> : null;
  };

  return (
    <section>
      <div className="page-header">
        <h1>{t("bodies.title")}</h1>
        {canEdit ? (
          <Link to="/bodies/new" className="button primary">
            {t("bodies.new")}
          </Link>
        ) : null}
      </div>
      <Form
        method="get"
        className="filters"
        role="search"
        onChange={(e) => {
          if (e.target instanceof HTMLSelectElement) submit(e.currentTarget, { replace: true });
        }}
      >
        <div className="field">
          <label htmlFor="body-q">{t("list.search")}</label>
          <input id="body-q" type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("bodies.searchPlaceholder")} />
        </div>
        <div className="field">
          <label htmlFor="body-kind">{t("common.kind")}</label>
          <select id="body-kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">{t("list.all")}</option>
            {BODY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`bodyKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {mode === "list" ? (
          <>
            <input type="hidden" name="sort" value={query.sort} />
            <input type="hidden" name="dir" value={query.dir} />
          </>
        ) : null}
        <div className="filter-actions">
          <button type="submit">{t("list.apply")}</button>
          {filtered ? <Link to="/bodies">{t("list.clear")}</Link> : null}
        </div>
      </Form>

      {mode === "tree" ? (
        rows.length === 0 ? (
          <p className="empty">{t("bodies.empty")}</p>
        ) : (
          <>
            <p className="muted">{t("bodies.treeIntro")}</p>
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t("body.name")}</th>
                  <th scope="col">{t("common.kind")}</th>
                  <th scope="col" className="numeric">
                    {t("bodies.people")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("bodies.activeDemands")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((b) => (
                  <tr key={b.id} className={depthClass(b.depth)}>
                    <td>
                      <Link to={`/bodies/${b.id}`}>{pick(b.nameJa, b.nameEn)}</Link>
                      {extraShortName(b)}
                    </td>
                    <td className="nowrap">{isBodyKind(b.kind) ? t(`bodyKind.${b.kind}`) : b.kind}</td>
                    <td className="numeric">{b.people}</td>
                    <td className="numeric">{b.demands ? <Link to={`/demands?body=${b.id}`}>{b.demands}</Link> : 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )
      ) : items.length === 0 ? (
        <p className="empty">{t("list.noMatches")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("name", query.sort, query.dir)}>
                <SortLink column="name" label={t("body.name")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("bodies.partOf")}</th>
              <th scope="col" aria-sort={ariaSort("kind", query.sort, query.dir)}>
                <SortLink column="kind" label={t("common.kind")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col" className="numeric" aria-sort={ariaSort("people", query.sort, query.dir)}>
                <SortLink column="people" label={t("bodies.people")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col" className="numeric" aria-sort={ariaSort("demands", query.sort, query.dir)}>
                <SortLink column="demands" label={t("bodies.activeDemands")} current={query.sort} dir={query.dir} />
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link to={`/bodies/${b.id}`}>{pick(b.nameJa, b.nameEn)}</Link>
                  {extraShortName(b)}
                </td>
                <td>
                  {b.path.length
                    ? b.path.map((p, i) => (
                        <span key={p.id}>
                          {i > 0 ? " › " : null}
                          <Link to={`/bodies/${p.id}`}>{shortName(p)}</Link>
                        </span>
                      ))
                    : "—"}
                </td>
                <td className="nowrap">{isBodyKind(b.kind) ? t(`bodyKind.${b.kind}`) : b.kind}</td>
                <td className="numeric">{b.people}</td>
                <td className="numeric">{b.demands ? <Link to={`/demands?body=${b.id}`}>{b.demands}</Link> : 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mode === "list" ? <Pagination page={query.page} pageCount={pageCount} total={total} /> : <p className="muted">{t("list.total", { total })}</p>}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
