// GET /api/v1/demands/<id or reference>: one demand, its status history and the timeline the token's
// user may see (?page= pages the timeline's events, ?lang=ja|en the labels it carries).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n/locales";
import { apiDemand } from "~/models/api.server";
import { apiError, apiJson, apiPaging, requireApiUser } from "~/utils/api.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  const p = new URL(request.url).searchParams;
  const lang = p.get("lang") ?? user.locale;
  const { page } = apiPaging(p);
  const found = await apiDemand(params.demandId ?? "", user.role, isLocale(lang) ? lang : "ja", page);
  if (!found) throw apiError(404, "not_found", "No such demand.");
  return apiJson(user, { data: found });
}
