// What the read API (/api/v1) answers: demands with their status and timeline, bodies, outcomes.
// Field lists are explicit (a new column is not published until named here), and staff-only fields
// go through app/models/visibility.ts with the token's user's role.
import { untrashed } from "~/models/trash";
import { type Locale } from "~/i18n/locales";
import { filterBoard } from "~/models/board";
import { boardFacts } from "~/models/board.server";
import { type Status } from "~/models/status";
import { loadTimeline } from "~/models/timeline.server";
import { redact } from "~/models/visibility";
import { db } from "~/utils/db.server";

type Paging = { page: number; perPage: number; skip: number };

export type DemandFilter = { q?: string; status?: Status; networkId?: string; themeId?: string; bodyId?: string; year?: string; state: "active" | "archived" | "all" };

const demandFields = {
  id: true,
  ref: true,
  titleJa: true,
  titleEn: true,
  summaryJa: true,
  summaryEn: true,
  firstRaisedOn: true,
  archived: true,
  parentId: true,
  updatedAt: true,
  projectNetwork: { select: { id: true, nameJa: true, nameEn: true } },
  themes: { select: { theme: { select: { id: true, slug: true, nameJa: true, nameEn: true } } } },
  targets: { select: { body: { select: { id: true, nameJa: true, nameEn: true } } } },
} as const;

type DemandRow = Awaited<ReturnType<typeof readDemands>>[number];
const readDemands = (ids: string[]) => db.demand.findMany({ where: { id: { in: ids } }, select: demandFields });

function demandJson(d: DemandRow, fact: { status: string; sinceOn: string | null; lastActivityOn: string | null } | undefined) {
  const { projectNetwork, themes, targets, ...rest } = d;
  return {
    ...rest,
    status: fact?.status ?? "open",
    statusSince: fact?.sinceOn ?? null,
    lastActivityOn: fact?.lastActivityOn ?? null,
    network: projectNetwork,
    themes: themes.map((t) => t.theme),
    targetBodies: targets.map((t) => t.body),
  };
}

/** Demands in reference order, filtered on the status board's facts (one derivation for both). */
export async function apiDemands(filter: DemandFilter, paging: Paging) {
  const facts = await boardFacts();
  const q = filter.q?.toLowerCase();
  // The board's own filter (a body filter here is that body alone, not the bodies under it).
  const bodyIds = filter.bodyId ? new Set([filter.bodyId]) : undefined;
  const kept = filterBoard(facts, { state: filter.state, status: filter.status, themeId: filter.themeId, networkId: filter.networkId, bodyIds, year: filter.year })
    .filter((f) => !q || f.ref.toLowerCase().includes(q) || f.titleJa.toLowerCase().includes(q) || f.titleEn.toLowerCase().includes(q))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const page = kept.slice(paging.skip, paging.skip + paging.perPage);
  const rows = await readDemands(page.map((f) => f.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total: kept.length, items: page.flatMap((f) => (byId.has(f.id) ? [demandJson(byId.get(f.id) as DemandRow, f)] : [])) };
}


/** One demand (by id or reference) with its status and the timeline the role may see, or null. */
export async function apiDemand(idOrRef: string, role: string, locale: Locale, page: number) {
  const found = await db.demand.findFirst({ where: { deletedAt: null, OR: [{ id: idOrRef }, { ref: idOrRef.toUpperCase() }] }, select: { id: true } });
  if (!found) return null;
  const [rows, facts, timeline] = await Promise.all([readDemands([found.id]), boardFacts(), loadTimeline({ demandId: found.id, role, locale, page })]);
  if (!rows[0] || !timeline) return null;
  const fact = facts.find((f) => f.id === found.id);
  return {
    demand: demandJson(rows[0], fact),
    statusHistory: timeline.history,
    timeline: { events: timeline.events, counts: timeline.counts, total: timeline.shown, page: timeline.page, pageCount: timeline.pageCount },
  };
}

/** Live bodies in their order, with their parent. */
export async function apiBodies(q: string | undefined, paging: Paging) {
  const where = { deletedAt: null, ...(q ? { OR: [{ nameJa: { contains: q } }, { nameEn: { contains: q } }, { shortNameJa: { contains: q } }, { shortNameEn: { contains: q } }] } : {}) };
  const [total, items] = await Promise.all([
    db.body.count({ where }),
    db.body.findMany({
      where,
      orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }, { id: "asc" }],
      skip: paging.skip,
      take: paging.perPage,
      select: { id: true, kind: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true, parentId: true, website: true, updatedAt: true },
    }),
  ]);
  return { total, items };
}

export type OutcomeFilter = { demandId?: string; degree?: string; year?: string };

/** Live outcomes of live demands, newest first, with the staff-only note only for staff. */
export async function apiOutcomes(filter: OutcomeFilter, role: string, paging: Paging) {
  const where = {
    deletedAt: null,
    demand: { deletedAt: null },
    ...(filter.demandId ? { demandId: filter.demandId } : {}),
    ...(filter.degree ? { degree: filter.degree } : {}),
    ...(filter.year ? { occurredOn: { startsWith: filter.year } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.outcome.count({ where }),
    db.outcome.findMany({
      where,
      orderBy: [{ occurredOn: "desc" }, { id: "asc" }],
      skip: paging.skip,
      take: paging.perPage,
      select: {
        id: true,
        degree: true,
        occurredOn: true,
        quoteJa: true,
        quoteEn: true,
        sourceUrl: true,
        note: true,
        internalNote: true,
        updatedAt: true,
        demand: { select: { id: true, ref: true, titleJa: true, titleEn: true } },
        instrument: { select: { id: true, kind: true, titleJa: true, titleEn: true, deletedAt: true } },
      },
    }),
  ]);
  // A document in the trash is not named (docs/decisions/009).
  const live = rows.map(({ instrument, ...o }) => ({ ...o, instrument: untrashed(instrument) }));
  return { total, items: live.map((o) => redact("Outcome", o, role)) };
}
