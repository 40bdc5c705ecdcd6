import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/forms";
import { FilterForm, FilterSelect, SearchField, isFiltered } from "~/components/list-filters";
import { Pagination, SortLink, ariaSort } from "~/components/pagination";
import { roleLabels, userLocaleLabels } from "~/components/value-labels";
import { useLocale, useT } from "~/i18n/react";
import { isRole } from "~/models/roles";
import { USER_SORTS, USER_STATES, isLocked } from "~/models/user";
import { listUsers } from "~/models/user.server";
import { requireAdmin } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("users.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const sort = oneOf(params.get("sort"), USER_SORTS, "name");
  const role = params.get("role");
  const query = {
    q: queryFrom(params),
    role: isRole(role) ? role : undefined,
    state: oneOf(params.get("state"), USER_STATES, "all"),
    sort,
    dir: oneOf(params.get("dir"), ["asc", "desc"] as const, sort === "created" ? "desc" : "asc"),
    page: pageFrom(params),
  };
  const now = new Date();
  const result = await listUsers(query, now);
  return {
    items: result.items.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      locale: u.locale,
      active: u.active,
      locked: isLocked(u.lockedUntil, now),
      noPassword: u.noPassword,
      createdAt: u.createdAt.toISOString(),
      isSelf: u.id === user.id,
    })),
    total: result.total,
    pageCount: result.pageCount,
    query,
  };
}

export default function UsersIndex() {
  const { items, total, pageCount, query } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, ["q", "role", "state"]);
  const roles = roleLabels(t);
  const locales = userLocaleLabels(t);

  return (
    <section>
      <div className="page-header">
        <h1>{t("users.title")}</h1>
        <div className="form-actions">
          <Link to="/admin/trash" className="button">
            {t("trash.title")}
          </Link>
          <Link to="/admin/data" className="button">
            {t("data.link")}
          </Link>
          <Link to="/admin/users/new" className="button primary">
            {t("users.new")}
          </Link>
        </div>
      </div>
      <FilterForm clearTo="/admin/users" filtered={filtered} sort={query.sort} dir={query.dir}>
        <SearchField id="user-q" defaultValue={query.q} placeholder={t("users.searchPlaceholder")} />
        <FilterSelect id="user-role" label={t("user.role")} name="role" value={query.role} options={roles.options} />
        <SelectField
          label={t("users.state")}
          id="user-state"
          name="state"
          defaultValue={query.state}
          options={USER_STATES.map((s) => ({ value: s, label: t(`users.state.${s}`) }))}
        />
      </FilterForm>

      {items.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("users.empty")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort("name", query.sort, query.dir)}>
                <SortLink column="name" label={t("user.name")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col" aria-sort={ariaSort("email", query.sort, query.dir)}>
                <SortLink column="email" label={t("user.email")} current={query.sort} dir={query.dir} />
              </th>
              <th scope="col">{t("user.role")}</th>
              <th scope="col">{t("user.locale")}</th>
              <th scope="col">{t("user.status")}</th>
              <th scope="col" aria-sort={ariaSort("created", query.sort, query.dir)}>
                <SortLink column="created" label={t("user.createdAt")} current={query.sort} dir={query.dir} />
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                  {u.isSelf ? <span className="badge">{t("users.you")}</span> : null}
                </td>
                <td>{u.email}</td>
                <td className="nowrap">{roles.label(u.role)}</td>
                <td className="nowrap">{locales.label(u.locale)}</td>
                <td className="nowrap">
                  {u.active ? t("user.active") : <span className="badge">{t("user.deactivated")}</span>}
                  {u.locked ? <span className="badge badge-status">{t("user.locked")}</span> : null}
                  {u.noPassword ? <span className="badge badge-status">{t("user.noPassword")}</span> : null}
                </td>
                <td className="nowrap">{formatDate(u.createdAt, locale)}</td>
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
