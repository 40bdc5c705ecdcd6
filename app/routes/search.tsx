import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms";
import { FilterSelect } from "~/components/list-filters";
import { Pagination } from "~/components/pagination";
import { useLocale, useT } from "~/i18n/react";
import { yearParam } from "~/models/request";
import { SEARCH_KINDS, type SearchKind, type Segment, isSearchKind } from "~/models/search";
import { searchRecords } from "~/models/search.server";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { pageFrom, queryFrom } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction = ({ matches, data }) =>
  pageTitle(matches, (t) => {
    const q = data && typeof data === "object" && "query" in data ? (data.query as { q?: string }).q : undefined;
    return q ? `${q} · ${t("search.title")}` : t("search.title");
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const params = new URL(request.url).searchParams;
  const kindParam = params.get("kind");
  const kind: SearchKind | "" = isSearchKind(kindParam) ? kindParam : "";
  const rawFrom = (params.get("from") ?? "").trim().slice(0, 10);
  const rawTo = (params.get("to") ?? "").trim().slice(0, 10);
  const from = yearParam(rawFrom);
  const to = yearParam(rawTo);
  const query = { q: queryFrom(params) ?? "", kind, from: rawFrom, to: rawTo, page: pageFrom(params) };
  const invalid = { from: Boolean(rawFrom) && !from, to: Boolean(rawTo) && !to };
  const result = query.q
    ? await searchRecords({ q: query.q, kinds: query.kind ? [query.kind] : [], from, to, page: query.page, role: user.role, locale })
    : { items: [], total: 0, pageCount: 1, shortTermsOnly: false };
  return { ...result, query, invalid };
}

function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

export default function Search() {
  const { items, total, pageCount, shortTermsOnly, query, invalid } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const kindOptions = SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kind.${k}`) }));

  return (
    <section className="search-page">
      <h1>{t("search.title")}</h1>
      <Form method="get" className="filters" role="search" aria-label={t("search.label")}>
        <Field label={t("search.label")} id="search-q" name="q" type="search" defaultValue={query.q} placeholder={t("search.placeholder")} className="search-q" />
        <FilterSelect id="search-kind" label={t("search.kind")} name="kind" value={query.kind} options={kindOptions} />
        <Field label={t("search.from")} id="search-from" name="from" inputMode="numeric" size={6} defaultValue={query.from} errors={invalid.from ? [t("search.yearInvalid")] : undefined} placeholder="2006" />
        <Field label={t("search.to")} id="search-to" name="to" inputMode="numeric" size={6} defaultValue={query.to} errors={invalid.to ? [t("search.yearInvalid")] : undefined} placeholder="2011" />
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t("search.submit")}
          </button>
        </div>
      </Form>

      {!query.q ? (
        <p className="muted">{t("search.prompt")}</p>
      ) : items.length === 0 ? (
        <p className="empty">{t("search.noResults", { q: query.q })}</p>
      ) : (
        <>
          <p className="search-summary" role="status">
            {t("search.results", { q: query.q, total })}
          </p>
          {shortTermsOnly ? <p className="field-help">{t("search.shortTerms")}</p> : null}
          <ol className="search-results">
            {items.map((hit) => (
              <li key={`${hit.kind}:${hit.recordId}`} className="search-hit">
                <div className="search-hit-head">
                  <span className="badge">{t(`search.kind.${hit.kind}`)}</span>
                  <Link to={hit.link}>{hit.label}</Link>
                  {hit.date ? <span className="muted nowrap">{formatPartialDate(hit.date, locale)}</span> : null}
                </div>
                {hit.snippet.length ? (
                  <p className="search-snippet">
                    <Highlighted segments={hit.snippet} />
                  </p>
                ) : null}
                {hit.noteSnippet.length ? (
                  <p className="search-snippet internal-note">
                    <strong>{t("search.internalNote")}: </strong>
                    <Highlighted segments={hit.noteSnippet} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          <Pagination page={query.page} pageCount={pageCount} total={total} />
        </>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
