import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterForm, FilterSelect, isFiltered } from "~/components/list-filters";
import { Pagination } from "~/components/pagination";
import { translateMaybe } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { entityLabel, historyPath, isHistoryType } from "~/models/history";
import { isTrashType, TRASH_TYPES } from "~/models/trash";
import { listTrash, restoreFromTrash } from "~/models/trash.server";
import { requireAdmin } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { pageFrom } from "~/utils/paging";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("trash.title"));

const restoreSchema = z.object({ intent: z.literal("restore"), type: z.enum(TRASH_TYPES), id: z.string().min(1).max(100) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAdmin(request);
  const params = new URL(request.url).searchParams;
  const type = params.get("type");
  const query = { type: isTrashType(type) ? type : undefined, page: pageFrom(params), locale: await getLocale(request, user) };
  const result = await listTrash(query);
  return {
    ...result,
    items: result.items.map((item) => ({ ...item, historyTo: isHistoryType(item.type) ? historyPath(item.type, item.id) : null })),
    query: { type: query.type ?? null, page: query.page },
    types: TRASH_TYPES,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const formData = await request.formData();
  const parsed = restoreSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const result = await restoreFromTrash(parsed.data.type, parsed.data.id, user.id, await getLocale(request, user));
  if (!result.ok && "notFound" in result) return data({ id: parsed.data.id, problem: { error: "error.restoreNotInTrash", vars: {} } }, { status: 404 });
  if (!result.ok) return data({ id: parsed.data.id, problem: result.problem }, { status: 409 });
  const url = new URL(request.url);
  return redirectWithToast(`${url.pathname}${url.search}`, { message: "toast.restored", vars: { name: result.name } });
}

export default function Trash() {
  const { items, total, pageCount, query, types } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const restoringId = navigation.state === "submitting" ? navigation.formData?.get("id") : null;
  const problem = actionData?.problem ?? null;

  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/admin/users">{t("users.title")}</Link>
      </nav>
      <div className="page-header">
        <h1>{t("trash.title")}</h1>
      </div>
      <p className="muted">{t("trash.intro")}</p>
      <FilterForm clearTo="/admin/trash" filtered={isFiltered(params, ["type"])}>
        <FilterSelect id="trash-type" label={t("trash.type")} name="type" value={query.type} options={types.map((type) => ({ value: type, label: entityLabel(t, type) }))} />
      </FilterForm>

      {problem ? (
        <div className="form-errors" role="alert">
          <p>{translateMaybe(t, problem.error, problem.vars)}</p>
        </div>
      ) : null}

      {items.length === 0 ? (
        <p className="empty">{query.type ? t("list.noMatches") : t("trash.empty")}</p>
      ) : (
        <table className="data-table trash-table">
          <thead>
            <tr>
              <th scope="col">{t("trash.type")}</th>
              <th scope="col">{t("trash.record")}</th>
              <th scope="col">{t("trash.deletedAt")}</th>
              <th scope="col">{t("trash.deletedBy")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.type}-${item.id}`}>
                <td className="nowrap">{entityLabel(t, item.type)}</td>
                <td>
                  {item.historyTo ? <Link to={item.historyTo}>{item.name}</Link> : item.name}
                  {item.owner ? <div className="muted">{t("trash.attachedTo", { name: item.owner })}</div> : null}
                  {actionData?.id === item.id && problem ? <p className="field-errors">{translateMaybe(t, problem.error, problem.vars)}</p> : null}
                </td>
                <td className="nowrap">{formatDateTime(item.deletedAt, locale)}</td>
                <td>{item.deletedByName ?? t("trash.unknownUser")}</td>
                <td className="nowrap">
                  <Form method="post">
                    <input type="hidden" name="intent" value="restore" />
                    <input type="hidden" name="type" value={item.type} />
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" className="button" aria-label={t("trash.restoreLabel", { name: item.name })} disabled={restoringId === item.id}>
                      {restoringId === item.id ? t("trash.restoring") : t("trash.restore")}
                    </button>
                  </Form>
                </td>
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
