// The demand list as filtered and sorted, every page, as CSV: /demands.csv?<the list's parameters>.
// With each demand's status from the status board's facts (read once per change of the data).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { boardFacts } from "~/models/board.server";
import { listDemands } from "~/models/demand.server";
import { demandListQuery } from "~/routes/demands._index";
import { csvContext, csvResponse } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t, url, name } = await csvContext(request);
  const query = { ...demandListQuery(url.searchParams, locale), all: true };
  const [{ items }, facts] = await Promise.all([listDemands(query), boardFacts()]);
  const statusOf = new Map(facts.map((f) => [f.id, f]));
  const header = [
    t("demand.ref"),
    t("export.titleJa"),
    t("export.titleEn"),
    t("board.status"),
    t("board.since"),
    t("demand.projectNetwork"),
    t("demand.themes"),
    t("demand.targets"),
    t("demand.firstRaisedOn"),
    t("common.updatedAt"),
    t("demand.archived"),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = items.map((d) => {
    const fact = statusOf.get(d.id);
    return [
      d.ref,
      d.titleJa,
      d.titleEn,
      fact ? t(`status.${fact.status}`) : "",
      fact?.sinceOn,
      d.projectNetwork ? name(d.projectNetwork) : "",
      d.themes.map(({ theme }) => name(theme)).join("; "),
      d.targets.map(({ body }) => name(body)).join("; "),
      d.firstRaisedOn,
      d.updatedAt.toISOString(),
      d.archived ? t("demand.archived") : "",
      new URL(`/demands/${d.id}`, url).href,
      d.id,
    ];
  });
  return csvResponse(t("export.fileDemands"), header, rows, todayInJapan());
}
