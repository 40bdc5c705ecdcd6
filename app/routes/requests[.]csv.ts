// The request list as filtered and sorted, every page, as CSV: /requests.csv?<the list's parameters>.
// No internal notes: the list's columns only (app/models/visibility.ts decides those are for staff).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { findDemandByIdOrRef } from "~/models/demand.server";
import { listRequests } from "~/models/request.server";
import { REQUEST_KINDS, type RequestKind } from "~/models/request";
import { requestListQuery } from "~/routes/requests._index";
import { csvContext, csvResponse } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t, url, name } = await csvContext(request);
  const query = requestListQuery(url.searchParams, locale);
  const demand = query.demand ? await findDemandByIdOrRef(query.demand) : null;
  const { items } = await listRequests({ ...query, demandId: demand?.id ?? query.demand, all: true });
  const header = [t("request.sentOn"), t("request.kind"), t("export.titleJa"), t("export.titleEn"), t("request.sender"), t("request.addressees"), t("request.demandCount"), t("request.roundCount"), t("export.link"), t("csv.id")];
  const rows = items.map((r) => [
    r.sentOn,
    (REQUEST_KINDS as readonly string[]).includes(r.kind) ? t(`requestKind.${r.kind as RequestKind}`) : r.kind,
    r.titleJa,
    r.titleEn,
    r.sender ? name(r.sender) : "",
    r.addressees.map(({ body }) => name(body)).join("; "),
    r.demandCount,
    r.roundCount,
    new URL(`/requests/${r.id}`, url).href,
    r.id,
  ]);
  return csvResponse(t("export.fileRequests"), header, rows, todayInJapan());
}
