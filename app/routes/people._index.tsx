import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsvLink } from "~/components/csv-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterForm, FilterSelect, SearchField, isFiltered } from "~/components/list-filters";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { personKindLabels } from "~/components/value-labels";
import { translator } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isPersonKind, PERSON_SORTS } from "~/models/person";
import { listPeople } from "~/models/person.server";
import { hasRole } from "~/models/roles";
import { canSeeInternal } from "~/models/visibility";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? translator(data.locale)("people.title") : "" }];

/** The list's filters and order from the query string (also the CSV download's, routes/people[.]csv.ts). */
export function personListQuery(params: URLSearchParams, locale: Locale) {
  const kind = params.get("kind");
  const sort = oneOf(params.get("sort"), PERSON_SORTS, "name");
  return {
    q: queryFrom(params),
    kind: isPersonKind(kind) ? kind : undefined,
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "updated" ? "desc" : "asc"),
    page: pageFrom(params),
    locale,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const canEdit = hasRole(user.role, "staff");
  const query = personListQuery(new URL(request.url).searchParams, locale);
  const result = await listPeople({ ...query, includePrivate: canSeeInternal(user.role) });
  return { ...result, query, locale, canEdit };
}

type Place = {
  roleJa: string | null;
  roleEn: string | null;
  body: { nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null } | null;
  organisation: { nameJa: string; nameEn: string; shortName: string | null } | null;
  projectNetwork: { nameJa: string; nameEn: string } | null;
};

export default function PeopleIndex() {
  const { items, emails, total, pageCount, query, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, ["q", "kind"]);
  const kinds = personKindLabels(t);

  // An organisation's short name is in one language only (移住連, ERD-Net): used where it can be read.
  const organisationName = (o: { nameJa: string; nameEn: string; shortName: string | null }) =>
    o.shortName && (locale === "ja" || /^[\x20-\x7e]+$/.test(o.shortName)) ? o.shortName : pick(o.nameJa, o.nameEn);
  const placeName = (a: Place) =>
    a.body
      ? pick(a.body.shortNameJa || a.body.nameJa, a.body.shortNameEn || a.body.nameEn)
      : a.organisation
        ? organisationName(a.organisation)
        : a.projectNetwork
          ? pick(a.projectNetwork.nameJa, a.projectNetwork.nameEn)
          : "";
  const roleAt = (a: Place) => {
    const role = pick(a.roleJa, a.roleEn);
    const place = placeName(a);
    return role ? t("people.roleAt", { role, place }) : place;
  };

  return (
    <section>
      <div className="page-header">
        <h1>{t("people.title")}</h1>
        <div className="form-actions">
          <CsvLink path="/people.csv" />
          {canEdit ? (
            <Link to="/people/new" className="button primary">
              {t("people.new")}
            </Link>
          ) : null}
        </div>
      </div>
      <FilterForm clearTo="/people" filtered={filtered} sort={query.sort} dir={query.dir}>
        <SearchField
          id="person-q"
          defaultValue={query.q}
          placeholder={canEdit ? t("people.searchPlaceholderStaff") : t("people.searchPlaceholder")}
        />
        <FilterSelect id="person-kind" label={t("common.kind")} name="kind" value={query.kind} options={kinds.options} />
      </FilterForm>

      {items.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("people.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("name", query.sort, query.dir)}>
                <SortLink column="name" label={t("person.name")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col" aria-sort={ariaSort("kind", query.sort, query.dir)}>
                <SortLink column="kind" label={t("common.kind")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("people.currentAffiliations")}</th>
              {emails ? <th scope="col">{t("person.email")}</th> : null}
              <th scope="col" aria-sort={ariaSort("updated", query.sort, query.dir)}>
                <SortLink column="updated" label={t("common.updatedAt")} current={query.sort} dir={query.dir} />
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/people/${p.id}`}>{pick(p.nameJa, p.nameEn)}</Link>
                  {p.nameJa && p.nameEn ? (
                    <div className="muted" lang={locale === "ja" ? "en" : "ja"}>
                      {locale === "ja" ? p.nameEn : p.nameJa}
                    </div>
                  ) : null}
                </td>
                <td className="nowrap">{kinds.label(p.kind)}</td>
                <td>
                  {p.current.length ? (
                    <ul className="plain-list">
                      {p.current.map((a) => (
                        <li key={a.id}>{roleAt(a)}</li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  )}
                </td>
                {emails ? <td>{emails[p.id] ? <a href={`mailto:${emails[p.id]}`}>{emails[p.id]}</a> : "—"}</td> : null}
                <td className="nowrap">{formatDate(p.updatedAt, locale)}</td>
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
