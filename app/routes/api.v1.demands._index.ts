// GET /api/v1/demands: demands with their status, filtered and paged (README, "Read API").
import { type LoaderFunctionArgs } from "@remix-run/node";
import { apiDemands, type DemandFilter } from "~/models/api.server";
import { isStatus } from "~/models/status";
import { apiError, apiJson, apiPaging, pagingOf, requireApiUser } from "~/utils/api.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  const url = new URL(request.url);
  const p = url.searchParams;
  const paging = apiPaging(p);
  const status = p.get("status") || undefined;
  if (status !== undefined && !isStatus(status)) throw apiError(400, "bad_request", "status must be one of open, not_reflected, mentioned, partially_reflected, reflected, regressed.");
  const state = p.get("state") || "active";
  if (state !== "active" && state !== "archived" && state !== "all") throw apiError(400, "bad_request", "state must be active, archived or all.");
  const year = p.get("year") || undefined;
  if (year && !/^\d{4}$/.test(year)) throw apiError(400, "bad_request", "year must be four digits.");
  const filter: DemandFilter = { q: p.get("q") || undefined, status, networkId: p.get("network") || undefined, themeId: p.get("theme") || undefined, bodyId: p.get("body") || undefined, year, state };
  const { total, items } = await apiDemands(filter, paging);
  return apiJson(user, { data: items, paging: pagingOf(url, paging, total) });
}
