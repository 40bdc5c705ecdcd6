// The negotiation rounds as filtered and sorted, every page, as CSV: /rounds.csv?<the list's parameters>.
// Internal notes only for staff (app/models/visibility.ts, through roundExtras).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { findDemandByIdOrRef } from "~/models/demand.server";
import { roundExtras } from "~/models/list-export.server";
import { isRoundKind } from "~/models/round";
import { listRounds } from "~/models/round.server";
import { roundListQuery } from "~/routes/rounds._index";
import { csvContext, csvResponse, joinCell, plainText } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, locale, t, url, name, title, staff } = await csvContext(request);
  const query = roundListQuery(url.searchParams, locale);
  const demand = query.demand ? await findDemandByIdOrRef(query.demand) : null;
  const { items } = await listRounds({ ...query, demandId: demand?.id ?? query.demand, all: true });
  const extras = await roundExtras(
    items.map((r) => r.id),
    user.role,
  );
  const header = [
    t("round.heldOn"),
    t("common.kind"),
    t("round.titleJa"),
    t("round.titleEn"),
    t("round.place"),
    t("round.bodies"),
    t("round.intermediary"),
    t("round.request"),
    t("rounds.items"),
    t("rounds.answered"),
    t("rounds.openCommitments"),
    t("round.summary"),
    ...(staff ? [t("csv.internalNote")] : []),
    t("common.updatedAt"),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = items.map((r) => {
    const x = extras.get(r.id);
    return [
      r.heldOn,
      isRoundKind(r.kind) ? t(`roundKind.${r.kind}`) : r.kind,
      r.titleJa,
      r.titleEn,
      r.place,
      joinCell(r.bodies.map(name)),
      name(x?.intermediaryBody),
      x?.request ? `${x.request.sentOn} ${title(x.request)}` : "",
      r.counts.items,
      r.counts.answered,
      r.counts.openCommitments,
      plainText(x?.summary),
      ...(staff ? [x?.internalNote] : []),
      x?.updatedAt.toISOString(),
      new URL(`/rounds/${r.id}`, url).href,
      r.id,
    ];
  });
  return csvResponse(t("csv.file.rounds"), header, rows, todayInJapan());
}
