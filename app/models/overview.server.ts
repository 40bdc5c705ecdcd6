// What the home page shows of the whole network: counts, demands per project network, the latest
// changes, commitments due. Aggregates over the whole history, so kept while the database does not
// change (about 25 ms at 10,000 demands and 100,000 answers, four floors; docs/decisions/008).
import { commitmentsDue } from "~/models/commitment.server";
import { DerivedCache, dataVersion } from "~/utils/cache.server";
import { db } from "~/utils/db.server";
import { todayInJapan } from "~/utils/partial-date";

async function loadOverview(today: string) {
  const [byState, bodies, networks, recent, byNetwork, commitments] = await Promise.all([
    db.demand.groupBy({ by: ["archived"], where: { deletedAt: null }, _count: { _all: true } }),
    db.body.count({ where: { deletedAt: null } }),
    db.projectNetwork.findMany({ where: { deletedAt: null }, select: { id: true, nameJa: true, nameEn: true } }),
    db.demand.findMany({
      where: { deletedAt: null },
      orderBy: { updatedAt: "desc" },
      take: 6,
      select: { id: true, ref: true, titleJa: true, titleEn: true, updatedAt: true },
    }),
    db.demand.groupBy({ by: ["projectNetworkId"], where: { deletedAt: null, archived: false }, _count: { _all: true } }),
    commitmentsDue({ today }),
  ]);
  const counts = new Map(byNetwork.map((g) => [g.projectNetworkId, g._count._all]));
  const inState = (archived: boolean) => byState.find((g) => g.archived === archived)?._count._all ?? 0;
  return {
    stats: { activeDemands: inState(false), archivedDemands: inState(true), bodies },
    networks: networks.map((n) => ({ ...n, demands: counts.get(n.id) ?? 0 })).sort((a, b) => b.demands - a.demands),
    unassigned: counts.get(null) ?? 0,
    recent,
    commitments,
  };
}

const overviews = new DerivedCache(2);

export async function overview(today = todayInJapan()) {
  return overviews.get(today, await dataVersion(), () => loadOverview(today));
}
