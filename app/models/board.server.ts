// Reads the status board's facts (board.ts) for every demand: a fixed number of statements whatever
// the number of demands (the statuses through status.server.ts, the activity dates in one statement),
// kept while the database does not change (cache.server.ts), since the board derives the status of
// every demand (about 10,000 in a large history; docs/decisions/008 and 012).
import { type Locale } from "~/i18n/locales";
import { flattenTree, subtreeIds } from "~/models/body";
import { type BoardFact, type BoardFilter, type BoardGroup, type BoardRow, type BoardState, STATUS_GROUP_ORDER, activeYears, byActivity, countByGroup, countByStatus, filterBoard, groupBoard } from "~/models/board";
import { type Status } from "~/models/status";
import { liveDemandStatuses } from "~/models/status.server";
import { DerivedCache, dataVersion } from "~/utils/cache.server";
import { db } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";
import { todayInJapan } from "~/utils/partial-date";

type ActivityRow = { demandId: string; dates: string | null };
type LinkRow = { demandId: string; otherId: string };

async function loadFacts(today: string): Promise<{ facts: BoardFact[]; years: string[] }> {
  const demands = await db.demand.findMany({
    where: { deletedAt: null },
    select: { id: true, ref: true, titleJa: true, titleEn: true, archived: true, isPublic: true, projectNetworkId: true },
  });
  const [statuses, themes, targets, activity] = await Promise.all([
    liveDemandStatuses(today),
    db.$queryRaw<LinkRow[]>`SELECT t."demandId", t."themeId" AS "otherId" FROM "DemandTheme" t JOIN "Demand" d ON d."id" = t."demandId" AND d."deletedAt" IS NULL`,
    db.$queryRaw<LinkRow[]>`SELECT t."demandId", t."bodyId" AS "otherId" FROM "DemandTarget" t JOIN "Demand" d ON d."id" = t."demandId" AND d."deletedAt" IS NULL`,
    // The dates of each demand's live requests, rounds and outcomes, driven by the demand (a correlated
    // subquery per demand on covering indexes: 0.5 s at 10,000 demands, where a join driven by the
    // agenda items took 5 to 9 s).
    db.$queryRaw<ActivityRow[]>`
      SELECT d."id" AS "demandId", (
        SELECT group_concat(DISTINCT "on") FROM (
          SELECT q."sentOn" AS "on" FROM "RequestItem" i JOIN "Request" q ON q."id" = i."requestId" WHERE i."demandId" = d."id" AND q."deletedAt" IS NULL
          UNION ALL
          SELECT r."heldOn" FROM "AgendaItem" a JOIN "NegotiationRound" r ON r."id" = a."roundId" WHERE a."demandId" = d."id" AND r."deletedAt" IS NULL
          UNION ALL
          SELECT o."occurredOn" FROM "Outcome" o WHERE o."demandId" = d."id" AND o."deletedAt" IS NULL
        )) AS "dates"
      FROM "Demand" d WHERE d."deletedAt" IS NULL`,
  ]);
  const collect = (rows: LinkRow[]) => {
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.demandId, [...(map.get(r.demandId) ?? []), r.otherId]);
    return map;
  };
  const themesOf = collect(themes);
  const targetsOf = collect(targets);
  const activityOf = new Map(activity.map((a) => [a.demandId, a]));
  const facts = demands.map((d): BoardFact => {
    const s = statuses[d.id];
    const act = activityOf.get(d.id);
    const dates = (act?.dates ?? "").split(",").filter(Boolean).sort();
    const years = new Set(dates.map((on) => on.slice(0, 4)));
    // The year the status last changed counts as a year something happened.
    if (s?.sinceOn && s.override) years.add(s.sinceOn.slice(0, 4));
    return {
      id: d.id,
      ref: d.ref,
      titleJa: d.titleJa,
      titleEn: d.titleEn,
      archived: d.archived,
      isPublic: d.isPublic,
      networkId: d.projectNetworkId,
      themeIds: themesOf.get(d.id) ?? [],
      bodyIds: targetsOf.get(d.id) ?? [],
      status: s?.status ?? "open",
      sinceOn: s?.sinceOn ?? null,
      overrideReason: s?.override?.reason ?? null,
      lastActivityOn: dates.length ? dates[dates.length - 1] : null,
      activeYears: [...years].sort(),
    };
  });
  // Kept in the board's order, so that a request's filter keeps it and its grouping needs no sort.
  facts.sort(byActivity);
  return { facts, years: activeYears(facts) };
}

const boards = new DerivedCache(2);

/** Every live demand's board facts as of today (Japan), newest activity first, with their active years; computed once per change of the data. */
async function boardData(today = todayInJapan()) {
  return boards.get(today, await dataVersion(), () => loadFacts(today));
}

/** Every live demand's board facts as of today (Japan), newest activity first. */
export async function boardFacts(today = todayInJapan()): Promise<BoardFact[]> {
  return (await boardData(today)).facts;
}

export type BoardQuery = {
  state: BoardState;
  status?: Status;
  themeId?: string;
  networkId?: string;
  bodyId?: string;
  year?: string;
  publicOnly?: boolean;
  group: BoardGroup;
  page: number;
  locale: Locale;
};

const optionCache = new DerivedCache(2);

/** What the board's filters and group headings name: themes, networks, the body tree (per language, once per change of the data). */
export async function boardOptions(locale: Locale) {
  return optionCache.get(locale, await dataVersion(), () => loadOptions(locale));
}

async function loadOptions(locale: Locale) {
  const label = (x: { nameJa: string; nameEn: string }) => (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);
  const [themes, networks, bodies] = await Promise.all([
    db.theme.findMany({ orderBy: { slug: "asc" }, select: { id: true, nameJa: true, nameEn: true } }),
    db.projectNetwork.findMany({ where: { deletedAt: null }, select: { id: true, nameJa: true, nameEn: true } }),
    db.body.findMany({
      where: { deletedAt: null },
      select: { id: true, parentId: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true, sortOrder: true },
    }),
  ]);
  const tree = flattenTree(bodies, label);
  return {
    themes: themes.map((t) => ({ value: t.id, label: label(t) })),
    networks: networks.map((n) => ({ value: n.id, label: label(n) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    bodies: tree.map((b) => ({ value: b.id, label: label(b), depth: b.depth })),
    bodyNames: new Map(bodies.map((b) => [b.id, locale === "ja" ? b.shortNameJa || b.nameJa || b.nameEn : b.shortNameEn || b.nameEn || b.nameJa])),
    bodyTree: bodies.map((b) => ({ id: b.id, parentId: b.parentId })),
  };
}

export type BoardOptions = Awaited<ReturnType<typeof boardOptions>>;

/** The board's rows under the query's filters, grouped, in order (all of them: the page and the CSV export cut them). */
export async function boardRows(query: BoardQuery, options: BoardOptions): Promise<{ rows: BoardRow[]; facts: BoardFact[]; years: string[] }> {
  const { facts: all, years } = await boardData();
  const bodyIds = query.bodyId ? subtreeIds(options.bodyTree, query.bodyId) : undefined;
  const filter: BoardFilter = { state: query.state, status: query.status, themeId: query.themeId, networkId: query.networkId, bodyIds, year: query.year, publicOnly: query.publicOnly };
  const facts = filterBoard(all, filter);
  const order =
    query.group === "status"
      ? STATUS_GROUP_ORDER
      : query.group === "theme"
        ? options.themes.map((t) => t.value)
        : query.group === "network"
          ? options.networks.map((n) => n.value)
          : options.bodies.map((b) => b.value);
  return { rows: groupBoard(facts, query.group, order, bodyIds), facts, years };
}

const views = new DerivedCache(16);

/**
 * The board under a query's filters and grouping, with its counts: kept per query (less the page)
 * while the data does not change, because grouping 10,000 demands again for each page turned was
 * most of the page's time (bench, large scale).
 */
async function boardView(query: BoardQuery, options: BoardOptions) {
  const { page: _page, ...key } = query;
  return views.get(JSON.stringify(key), await dataVersion(), async () => {
    const { rows, facts, years } = await boardRows(query, options);
    const groupCounts: Record<string, number> = {};
    for (const [k, v] of countByGroup(rows)) groupCounts[k ?? ""] = v;
    return { rows, demands: facts.length, byStatus: countByStatus(facts), groupCounts, years };
  });
}

/** One page of the board, with the counts its summary and group headings show. */
export async function statusBoard(query: BoardQuery) {
  const options = await boardOptions(query.locale);
  const { rows, demands, byStatus, groupCounts, years } = await boardView(query, options);
  const { skip, take } = pageWindow(query.page);
  const page = rows.slice(skip, skip + take);
  // Names of what the page shows only (a large history has hundreds of bodies).
  const pick = (ids: Iterable<string>, name: (id: string) => string | undefined) => {
    const names: Record<string, string> = {};
    for (const id of ids) names[id] = name(id) ?? "";
    return names;
  };
  const groupIds = page.flatMap((r) => (r.group ? [r.group] : []));
  const themeNames = new Map(options.themes.map((t) => [t.value, t.label]));
  const networkNames = new Map(options.networks.map((n) => [n.value, n.label]));
  return {
    rows: page,
    total: rows.length,
    demands,
    pageCount: pageCount(rows.length),
    byStatus,
    groupCounts,
    options: { themes: options.themes, networks: options.networks, bodies: options.bodies, years: years.map((y) => ({ value: y, label: y })) },
    names: {
      themes: pick(new Set([...page.flatMap((r) => r.fact.themeIds), ...(query.group === "theme" ? groupIds : [])]), (id) => themeNames.get(id)),
      networks: pick(new Set([...page.flatMap((r) => (r.fact.networkId ? [r.fact.networkId] : [])), ...(query.group === "network" ? groupIds : [])]), (id) => networkNames.get(id)),
      bodies: pick(new Set([...page.flatMap((r) => r.fact.bodyIds), ...(query.group === "body" ? groupIds : [])]), (id) => options.bodyNames.get(id)),
    },
  };
}
