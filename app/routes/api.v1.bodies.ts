// GET /api/v1/bodies: government bodies, with their parent, paged (?q= filters by name).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { apiBodies } from "~/models/api.server";
import { apiJson, apiPaging, pagingOf, requireApiUser } from "~/utils/api.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  const url = new URL(request.url);
  const paging = apiPaging(url.searchParams);
  const { total, items } = await apiBodies(url.searchParams.get("q") || undefined, paging);
  return apiJson(user, { data: items, paging: pagingOf(url, paging, total) });
}
