// The project networks as filtered and sorted, every row, as CSV: /networks.csv?<the list's parameters>.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { networkStatusLabels } from "~/components/value-labels";
import { networkExtras } from "~/models/list-export.server";
import { listNetworks } from "~/models/network.server";
import { networkListQuery } from "~/routes/networks._index";
import { csvContext, csvResponse, joinCell } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t, url, name } = await csvContext(request);
  const query = networkListQuery(url.searchParams, locale);
  const { items } = await listNetworks({ ...query, all: true });
  const extras = await networkExtras(items.map((n) => n.id));
  const statuses = networkStatusLabels(t);
  const header = [
    t("network.nameJa"),
    t("network.nameEn"),
    t("network.status"),
    t("network.since"),
    t("network.formerNames"),
    t("network.activeDemands"),
    t("network.organisation"),
    t("network.descriptionJa"),
    t("network.descriptionEn"),
    t("common.updatedAt"),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = items.map((n) => {
    const x = extras.get(n.id);
    return [
      n.nameJa,
      n.nameEn,
      n.status ? statuses.label(n.status) : "",
      n.since,
      joinCell(n.formerNames.map(name)),
      n.activeDemandCount,
      name(x?.organisation),
      x?.descriptionJa,
      x?.descriptionEn,
      x?.updatedAt.toISOString(),
      new URL(`/networks/${n.id}`, url).href,
      n.id,
    ];
  });
  return csvResponse(t("csv.file.networks"), header, rows, todayInJapan());
}
