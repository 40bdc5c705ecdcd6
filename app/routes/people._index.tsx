import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams, useSubmit } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { translator } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isPersonKind, PERSON_KINDS, PERSON_SORTS } from "~/models/person";
import { listPeople } from "~/models/person.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? translator(data.locale)("people.title") : "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const canEdit = hasRole(user.role, "staff");
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind");
  const sort = oneOf(params.get("sort"), PERSON_SORTS, "name");
  const query = {
    q: queryFrom(params),
    kind: isPersonKind(kind) ? kind : undefined,
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "updated" ? "desc" : "asc"),
    page: pageFrom(params),
    locale,
  };
  const result = await listPeople({ ...query, includePrivate: canEdit });
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
  const submit = useSubmit();
  const [params] = useSearchParams();
  const filtered = ["q", "kind"].some((k) => params.get(k));

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
        {canEdit ? (
          <Link to="/people/new" className="button primary">
            {t("people.new")}
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
          <label htmlFor="person-q">{t("list.search")}</label>
          <input
            id="person-q"
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            placeholder={canEdit ? t("people.searchPlaceholderStaff") : t("people.searchPlaceholder")}
          />
        </div>
        <div className="field">
          <label htmlFor="person-kind">{t("common.kind")}</label>
          <select id="person-kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">{t("list.all")}</option>
            {PERSON_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`personKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="filter-actions">
          <button type="submit">{t("list.apply")}</button>
          {filtered ? <Link to="/people">{t("list.clear")}</Link> : null}
        </div>
      </Form>

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
                <td className="nowrap">{isPersonKind(p.kind) ? t(`personKind.${p.kind}`) : p.kind}</td>
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
