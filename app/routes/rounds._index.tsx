import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CsvLink } from "~/components/csv-link";
import { Field } from "~/components/forms";
import { FilterForm, FilterSelect, isFiltered, SearchField } from "~/components/list-filters";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { RoundKindBadge } from "~/components/round-badges";
import { type Locale } from "~/i18n/locales";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isRoundKind, ROUND_KINDS, ROUND_SORTS } from "~/models/round";
import { findDemandByIdOrRef } from "~/models/demand.server";
import { listRounds, roundListOptions } from "~/models/round.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { joinList } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("rounds.title"));

const FILTERS = ["q", "kind", "year", "body", "demand"];

/** The list's filters and order from the query string (also the CSV download's, routes/rounds[.]csv.ts). */
export function roundListQuery(params: URLSearchParams, locale: Locale) {
  const sort = oneOf(params.get("sort"), ROUND_SORTS, "date");
  const kind = params.get("kind");
  const year = params.get("year") ?? "";
  return {
    q: queryFrom(params),
    kind: isRoundKind(kind) ? kind : undefined,
    year: /^\d{4}$/.test(year) ? year : undefined,
    bodyId: params.get("body")?.slice(0, 64) || undefined,
    demand: params.get("demand")?.trim().slice(0, 64) || undefined,
    sort,
    // Newest first by default; names A→Z.
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "date" ? "desc" : "asc"),
    page: pageFrom(params),
    locale,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = roundListQuery(new URL(request.url).searchParams, locale);
  const demand = query.demand ? await findDemandByIdOrRef(query.demand) : null;
  const [result, options] = await Promise.all([listRounds({ ...query, demandId: demand?.id ?? query.demand }), roundListOptions(locale)]);
  return { ...result, query, demand, options, canEdit: hasRole(user.role, "staff") };
}

export default function RoundsIndex() {
  const { items, total, pageCount, query, demand, options, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, FILTERS);

  return (
    <section>
      <div className="page-header">
        <h1>{t("rounds.title")}</h1>
        <div className="form-actions">
          <CsvLink path="/rounds.csv" />
          {canEdit ? (
            <Link to="/rounds/new" className="button primary">
              {t("rounds.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <FilterForm clearTo="/rounds" filtered={filtered} sort={query.sort} dir={query.dir}>
        <SearchField id="round-q" defaultValue={query.q} placeholder={t("rounds.searchPlaceholder")} />
        <FilterSelect
          id="round-kind"
          label={t("common.kind")}
          name="kind"
          value={query.kind}
          options={ROUND_KINDS.map((k) => ({ value: k, label: t(`roundKind.${k}`) }))}
        />
        <FilterSelect id="round-year" label={t("rounds.year")} name="year" value={query.year} options={options.years} />
        <FilterSelect id="round-body" label={t("rounds.bodyPresent")} name="body" value={query.bodyId} options={options.bodies} />
        <Field
          label={t("rounds.demandDiscussed")}
          id="round-demand"
          name="demand"
          type="search"
          defaultValue={demand?.ref ?? query.demand ?? ""}
          placeholder="D-001"
          help={demand ? `${demand.ref} ${pick(demand.titleJa, demand.titleEn)}` : undefined}
        />
      </FilterForm>

      {items.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("rounds.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("date", query.sort, query.dir)}>
                <SortLink column="date" label={t("round.heldOn")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col" aria-sort={ariaSort("kind", query.sort, query.dir)}>
                <SortLink column="kind" label={t("common.kind")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col" aria-sort={ariaSort("title", query.sort, query.dir)}>
                <SortLink column="title" label={t("round.title")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("round.bodies")}</th>
              <th scope="col" className="numeric">
                {t("rounds.items")}
              </th>
              <th scope="col" className="numeric">
                {t("rounds.answered")}
              </th>
              <th scope="col" className="numeric">
                {t("rounds.openCommitments")}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatPartialDate(r.heldOn, locale)}</td>
                <td>
                  <RoundKindBadge kind={r.kind} />
                </td>
                <td>
                  <Link to={`/rounds/${r.id}`}>{pick(r.titleJa, r.titleEn)}</Link>
                  {r.place ? <div className="muted">{r.place}</div> : null}
                </td>
                <td>{joinList(r.bodies.map((b) => pick(b.shortNameJa || b.nameJa, b.shortNameEn || b.nameEn)), locale) || "—"}</td>
                <td className="numeric">{r.counts.items}</td>
                <td className="numeric">{r.counts.items ? t("rounds.answeredOf", { answered: r.counts.answered, items: r.counts.items }) : "—"}</td>
                <td className="numeric">{r.counts.openCommitments || "—"}</td>
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
