// GET /api/v1/outcomes: outcomes, newest first, paged; ?demand=<id or reference>, ?degree=, ?year=.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { apiOutcomes } from "~/models/api.server";
import { findDemandByIdOrRef } from "~/models/demand.server";
import { DEGREES } from "~/models/status";
import { apiError, apiJson, apiPaging, pagingOf, requireApiUser } from "~/utils/api.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  const url = new URL(request.url);
  const p = url.searchParams;
  const paging = apiPaging(p);
  const degree = p.get("degree") || undefined;
  if (degree && !(DEGREES as readonly string[]).includes(degree)) throw apiError(400, "bad_request", `degree must be one of ${DEGREES.join(", ")}.`);
  const year = p.get("year") || undefined;
  if (year && !/^\d{4}$/.test(year)) throw apiError(400, "bad_request", "year must be four digits.");
  const demandParam = p.get("demand");
  const demand = demandParam ? await findDemandByIdOrRef(demandParam) : null;
  if (demandParam && !demand) throw apiError(404, "not_found", "No such demand.");
  const { total, items } = await apiOutcomes({ demandId: demand?.id, degree, year }, user.role, paging);
  return apiJson(user, { data: items, paging: pagingOf(url, paging, total) });
}
