import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsvLink } from "~/components/csv-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterForm, FilterSelect, SearchField, isFiltered } from "~/components/list-filters";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { type Locale } from "~/i18n/locales";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { INSTRUMENT_KINDS, INSTRUMENT_SORTS, isInstrumentKind, yearFrom } from "~/models/instrument";
import { instrumentFilterOptions, listInstruments } from "~/models/instrument.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("instruments.title"));

const FILTERS = ["q", "kind", "body", "year"];

/** The list's filters and order from the query string (also the CSV download's, routes/instruments[.]csv.ts). */
export function instrumentListQuery(params: URLSearchParams, locale: Locale) {
  const kind = params.get("kind");
  const sort = oneOf(params.get("sort"), INSTRUMENT_SORTS, "adopted");
  return {
    q: queryFrom(params),
    kind: isInstrumentKind(kind) ? kind : undefined,
    issuerBodyId: (params.get("body") ?? "").slice(0, 64) || undefined,
    year: yearFrom(params.get("year")),
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "title" ? "asc" : "desc"),
    page: pageFrom(params),
    locale,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = instrumentListQuery(new URL(request.url).searchParams, locale);
  const [result, options] = await Promise.all([listInstruments(query), instrumentFilterOptions(locale)]);
  return { ...result, query, options, canEdit: hasRole(user.role, "staff") };
}

export default function InstrumentsIndex() {
  const { items, total, pageCount, query, options, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, FILTERS);

  return (
    <section>
      <div className="page-header">
        <h1>{t("instruments.title")}</h1>
        <div className="form-actions">
          <CsvLink path="/instruments.csv" />
          {canEdit ? (
            <Link to="/instruments/new" className="button primary">
              {t("instruments.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">{t("instruments.intro")}</p>
      <FilterForm clearTo="/instruments" filtered={filtered} sort={query.sort} dir={query.dir}>
        <SearchField id="instrument-q" defaultValue={query.q} placeholder={t("instruments.searchPlaceholder")} />
        <FilterSelect
          id="instrument-kind"
          label={t("common.kind")}
          name="kind"
          value={query.kind}
          options={INSTRUMENT_KINDS.map((k) => ({ value: k, label: t(`instrumentKind.${k}`) }))}
        />
        <FilterSelect id="instrument-body" label={t("instrument.issuerBody")} name="body" value={query.issuerBodyId} options={options.bodies} />
        <FilterSelect id="instrument-year" label={t("instruments.yearAdopted")} name="year" value={query.year} options={options.years} />
      </FilterForm>

      {items.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("instruments.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("title", query.sort, query.dir)}>
                <SortLink column="title" label={t("instrument.title")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("common.kind")}</th>
              <th scope="col">{t("instrument.issuerBody")}</th>
              <th scope="col" aria-sort={ariaSort("adopted", query.sort, query.dir)}>
                <SortLink column="adopted" label={t("instrument.adoptedOn")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("instrument.effectiveOn")}</th>
              <th scope="col" className="numeric">
                {t("instruments.outcomeCount")}
              </th>
              <th scope="col" aria-sort={ariaSort("updated", query.sort, query.dir)}>
                <SortLink column="updated" label={t("common.updatedAt")} current={query.sort} dir={query.dir} />
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/instruments/${i.id}`}>{pick(i.titleJa, i.titleEn)}</Link>
                  {i.draftOn && !i.adoptedOn ? <div className="muted">{t("instrument.draftOnShort", { date: formatPartialDate(i.draftOn, locale) })}</div> : null}
                </td>
                <td className="nowrap">{isInstrumentKind(i.kind) ? t(`instrumentKind.${i.kind}`) : i.kind}</td>
                <td>{i.issuerBody ? pick(i.issuerBody.shortNameJa || i.issuerBody.nameJa, i.issuerBody.shortNameEn || i.issuerBody.nameEn) : "—"}</td>
                <td className="nowrap">{formatPartialDate(i.adoptedOn, locale) || "—"}</td>
                <td className="nowrap">{formatPartialDate(i.effectiveOn, locale) || "—"}</td>
                <td className="numeric">{i.outcomeCount}</td>
                <td className="nowrap">{formatDate(i.updatedAt, locale)}</td>
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
