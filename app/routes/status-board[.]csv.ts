// The status board as filtered (and grouped), as CSV: /status-board.csv?<the board's parameters>.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { boardOptions, boardRows } from "~/models/board.server";
import { isStatus } from "~/models/status";
import { boardQueryFrom } from "~/routes/status-board";
import { csvContext, csvResponse } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t, url } = await csvContext(request);
  const query = { ...boardQueryFrom(url.searchParams), locale };
  const options = await boardOptions(locale);
  const { rows } = await boardRows(query, options);
  const themes = new Map(options.themes.map((o) => [o.value, o.label]));
  const networks = new Map(options.networks.map((o) => [o.value, o.label]));
  const groupName = (key: string | null) => {
    if (key === null) return t("board.noGroup");
    if (query.group === "status") return isStatus(key) ? t(`status.${key}`) : key;
    if (query.group === "theme") return themes.get(key) ?? key;
    if (query.group === "network") return networks.get(key) ?? key;
    return options.bodyNames.get(key) ?? key;
  };
  const grouped = query.group !== "none";
  const header = [
    ...(grouped ? [t("export.group")] : []),
    t("demand.ref"),
    t("export.titleJa"),
    t("export.titleEn"),
    t("board.status"),
    t("board.since"),
    t("export.manualReason"),
    t("board.lastActivity"),
    t("demand.projectNetwork"),
    t("demand.themes"),
    t("demand.targets"),
    t("demand.archived"),
    t("export.link"),
    t("csv.id"),
  ];
  const list = (ids: string[], names: (id: string) => string | undefined) => ids.map((id) => names(id) ?? "").join("; ");
  const cells = rows.map(({ group, fact }) => [
    ...(grouped ? [groupName(group)] : []),
    fact.ref,
    fact.titleJa,
    fact.titleEn,
    t(`status.${fact.status}`),
    fact.sinceOn,
    fact.overrideReason,
    fact.lastActivityOn,
    fact.networkId ? networks.get(fact.networkId) : "",
    list(fact.themeIds, (id) => themes.get(id)),
    list(fact.bodyIds, (id) => options.bodyNames.get(id)),
    fact.archived ? t("demand.archived") : "",
    new URL(`/demands/${fact.id}`, url).href,
    fact.id,
  ]);
  return csvResponse(t("export.fileBoard"), header, cells, todayInJapan());
}
