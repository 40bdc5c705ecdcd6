import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsvLink } from "~/components/csv-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterForm, FilterSelect, SearchField, isFiltered } from "~/components/list-filters";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { bodyKindLabels } from "~/components/value-labels";
import { translator } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { useBilingual, useT } from "~/i18n/react";
import { BODY_SORTS, isBodyKind } from "~/models/body";
import { listBodies } from "~/models/body.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? translator(data.locale)("bodies.title") : "" }];

/** The list's filters and order from the query string (also the CSV download's, routes/bodies[.]csv.ts). */
export function bodyListQuery(params: URLSearchParams, locale: Locale) {
  const kind = params.get("kind");
  const sort = oneOf(params.get("sort"), BODY_SORTS, "name");
  return {
    q: queryFrom(params),
    kind: isBodyKind(kind) ? kind : undefined,
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "people" || sort === "demands" ? "desc" : "asc"),
    page: pageFrom(params),
    locale,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = bodyListQuery(new URL(request.url).searchParams, locale);
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
  const [params] = useSearchParams();
  const filtered = isFiltered(params, ["q", "kind"]);
  const kinds = bodyKindLabels(t);
  type Names = { nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null };
  const shortName = (b: Names) => pick(b.shortNameJa || b.nameJa, b.shortNameEn || b.nameEn);
  type Row = Names & { id: string; kind: string; people: number; demands: number };
  /** The name, and the short name when there is one that says something the full name does not. */
  const nameCell = (b: Row) => {
    const name = pick(b.nameJa, b.nameEn);
    const short = pick(b.shortNameJa, b.shortNameEn);
    return (
      <td>
        <Link to={`/bodies/${b.id}`}>{name}</Link>
        {short && short !== name ? <span className="muted"> ({short})</span> : null}
      </td>
    );
  };
  /** The cells that follow the name (and, in the list, the path) in both views. */
  const figureCells = (b: Row) => (
    <>
      <td className="nowrap">{kinds.label(b.kind)}</td>
      <td className="numeric">{b.people}</td>
      <td className="numeric">{b.demands ? <Link to={`/demands?body=${b.id}`}>{b.demands}</Link> : 0}</td>
    </>
  );

  return (
    <section>
      <div className="page-header">
        <h1>{t("bodies.title")}</h1>
        <div className="form-actions">
          <CsvLink path="/bodies.csv" />
          {canEdit ? (
            <Link to="/bodies/new" className="button primary">
              {t("bodies.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <FilterForm
        clearTo="/bodies"
        filtered={filtered}
        sort={mode === "list" ? query.sort : undefined}
        dir={mode === "list" ? query.dir : undefined}
      >
        <SearchField id="body-q" defaultValue={query.q} placeholder={t("bodies.searchPlaceholder")} />
        <FilterSelect id="body-kind" label={t("common.kind")} name="kind" value={query.kind} options={kinds.options} />
      </FilterForm>

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
                    {nameCell(b)}
                    {figureCells(b)}
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
                {nameCell(b)}
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
                {figureCells(b)}
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
