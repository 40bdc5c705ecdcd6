import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsvLink } from "~/components/csv-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms";
import { FilterForm, FilterSelect, SearchField, isFiltered } from "~/components/list-filters";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { RequestKindBadge, RequestSenderName } from "~/components/request-parts";
import { type Locale } from "~/i18n/locales";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { REQUEST_KINDS, REQUEST_SORTS, yearParam } from "~/models/request";
import { findDemandByIdOrRef } from "~/models/demand.server";
import { listRequests, requestListOptions } from "~/models/request.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { joinList } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("requests.title"));

const FILTERS = ["q", "kind", "year", "body", "sender", "demand"];

/** The list's filters and order from the query string (also the CSV download's, routes/requests[.]csv.ts). */
export function requestListQuery(params: URLSearchParams, locale: Locale) {
  const sort = oneOf(params.get("sort"), REQUEST_SORTS, "sent");
  const kind = oneOf(params.get("kind"), ["", ...REQUEST_KINDS] as const, "");
  return {
    q: queryFrom(params),
    kind: kind === "" ? undefined : kind,
    year: yearParam(params.get("year")),
    bodyId: params.get("body")?.slice(0, 64) || undefined,
    sender: params.get("sender")?.slice(0, 80) || undefined,
    demand: params.get("demand")?.trim().slice(0, 64) || undefined,
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "sent" ? "desc" : "asc"),
    page: pageFrom(params),
    locale,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = requestListQuery(new URL(request.url).searchParams, locale);
  const demand = query.demand ? await findDemandByIdOrRef(query.demand) : null;
  const [result, options] = await Promise.all([listRequests({ ...query, demandId: demand?.id ?? query.demand }), requestListOptions(locale)]);
  return { ...result, query, demand, options, canEdit: hasRole(user.role, "staff") };
}

export default function RequestsIndex() {
  const { items, total, pageCount, query, demand, options, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, FILTERS);
  const kindOptions = REQUEST_KINDS.map((k) => ({ value: k, label: t(`requestKind.${k}`) }));

  return (
    <section>
      <div className="page-header">
        <h1>{t("requests.title")}</h1>
        <div className="form-actions">
          <CsvLink path="/requests.csv" />
          {canEdit ? (
            <Link to="/requests/new" className="button primary">
              {t("requests.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <FilterForm clearTo="/requests" filtered={filtered} sort={query.sort} dir={query.dir}>
        <SearchField id="request-q" defaultValue={query.q} placeholder={t("requests.searchPlaceholder")} />
        <FilterSelect id="request-kind" label={t("request.kind")} name="kind" value={query.kind} options={kindOptions} />
        <FilterSelect id="request-year" label={t("requests.year")} name="year" value={query.year} options={options.years} />
        <FilterSelect id="request-body" label={t("requests.bodyFilter")} name="body" value={query.bodyId} options={options.bodies} />
        <FilterSelect id="request-sender" label={t("request.sender")} name="sender" value={query.sender} options={options.senders} />
        <Field
          label={t("requests.demandFilter")}
          id="request-demand"
          name="demand"
          type="search"
          defaultValue={demand?.ref ?? query.demand ?? ""}
          placeholder="D-001"
          help={demand ? `${demand.ref} ${pick(demand.titleJa, demand.titleEn)}` : undefined}
        />
      </FilterForm>

      {items.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("requests.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("sent", query.sort, query.dir)}>
                <SortLink column="sent" label={t("request.sentOn")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("request.kind")}</th>
              <th scope="col" aria-sort={ariaSort("title", query.sort, query.dir)}>
                <SortLink column="title" label={t("request.title")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("request.sender")}</th>
              <th scope="col">{t("request.addressees")}</th>
              <th scope="col" className="numeric">
                {t("request.demandCount")}
              </th>
              <th scope="col" className="numeric">
                {t("request.roundCount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatPartialDate(r.sentOn, locale)}</td>
                <td className="nowrap">
                  <RequestKindBadge kind={r.kind} />
                </td>
                <td>
                  <Link to={`/requests/${r.id}`}>{pick(r.titleJa, r.titleEn)}</Link>
                </td>
                <td>{r.sender ? <RequestSenderName sender={r.sender} /> : "—"}</td>
                <td>{joinList(r.addressees.map(({ body }) => pick(body.shortNameJa || body.nameJa, body.shortNameEn || body.nameEn)), locale) || "—"}</td>
                <td className="numeric">{r.demandCount}</td>
                <td className="numeric">{r.roundCount}</td>
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
