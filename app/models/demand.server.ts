import { flattenTree, subtreeIds } from "~/models/body";
import { recordAudit } from "~/models/audit.server";
import { type DemandFormValues, type DemandSort, type DemandState } from "~/models/demand";
import { type Locale } from "~/i18n/locales";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";
import { checkRichText } from "~/utils/rich-text.server";

export type DemandListQuery = {
  q?: string;
  themeId?: string;
  networkId?: string;
  bodyId?: string;
  state: DemandState;
  /** only the demands shown on the public page (docs/decisions/018) */
  publicOnly?: boolean;
  sort: DemandSort;
  dir: "asc" | "desc";
  page: number;
  locale: Locale;
  /** every matching demand, not a page (the CSV export) */
  all?: boolean;
};

async function bodySubtree(bodyId: string) {
  const bodies = await db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true } });
  return [...subtreeIds(bodies, bodyId)];
}

const listSelect = {
  id: true,
  ref: true,
  titleJa: true,
  titleEn: true,
  summaryJa: true,
  summaryEn: true,
  firstRaisedOn: true,
  archived: true,
  isPublic: true,
  updatedAt: true,
  projectNetwork: { select: { id: true, nameJa: true, nameEn: true } },
  themes: { select: { theme: { select: { id: true, slug: true, nameJa: true, nameEn: true } } } },
  targets: { where: { body: { deletedAt: null } }, select: { body: { select: { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } } } },
} satisfies Prisma.DemandSelect;

export async function listDemands(query: DemandListQuery) {
  const where: Prisma.DemandWhereInput = { deletedAt: null };
  if (query.state === "active") where.archived = false;
  if (query.state === "archived") where.archived = true;
  if (query.publicOnly) where.isPublic = true;
  if (query.q) {
    where.OR = [
      { ref: { contains: query.q } },
      { titleJa: { contains: query.q } },
      { titleEn: { contains: query.q } },
      { summaryJa: { contains: query.q } },
      { summaryEn: { contains: query.q } },
    ];
  }
  if (query.networkId) where.projectNetworkId = query.networkId;
  if ((query.themeId || query.bodyId) && !query.q) return listFiltered(query);
  if (query.themeId) where.themes = { some: { themeId: query.themeId } };
  if (query.bodyId) where.targets = { some: { bodyId: { in: await bodySubtree(query.bodyId) } } };

  const titleField = query.locale === "ja" ? "titleJa" : "titleEn";
  const orderBy: Prisma.DemandOrderByWithRelationInput[] =
    query.sort === "title"
      ? [{ [titleField]: query.dir }, { ref: "asc" }]
      : query.sort === "raised"
        ? [{ firstRaisedOn: { sort: query.dir, nulls: "last" } }, { ref: "asc" }]
        : query.sort === "ref"
          ? [{ ref: query.dir }]
          : [{ updatedAt: query.dir }, { ref: "asc" }];

  const [total, items] = await Promise.all([db.demand.count({ where }), db.demand.findMany({ where, orderBy, ...(query.all ? {} : pageWindow(query.page)), select: listSelect })]);
  return { items, total, pageCount: pageCount(total) };
}

type KeySql = {
  id: string;
  ref: string;
  titleJa: string;
  titleEn: string;
  firstRaisedOn: string | null;
  updatedAt: Date | string;
  archived: boolean | number | bigint;
  isPublic: boolean | number | bigint;
  deletedAt: Date | string | null;
  projectNetworkId: string | null;
};

/**
 * The list under a theme or body filter, which leaves a known set of demands (a few thousand at
 * most): their sort keys are read in one statement driven by the join tables, filtered, sorted and
 * paged here, and only the page is read in full. As EXISTS subqueries, or as `id IN (…)` beside
 * deletedAt and archived, SQLite chose the demand's own indexes instead and read every demand (25 to
 * 50 ms at 10,000; docs/decisions/008-performance-budgets.md). The order is the SQL one: text by code
 * unit (the same as SQLite's for Japanese and English), dates undated last, ties by reference.
 */
async function listFiltered(query: DemandListQuery) {
  const bodyIds = query.bodyId ? await bodySubtree(query.bodyId) : null;
  const rows = await db.$queryRaw<KeySql[]>`
    SELECT d."id", d."ref", d."titleJa", d."titleEn", d."firstRaisedOn", d."updatedAt", d."archived", d."isPublic", d."deletedAt", d."projectNetworkId"
    FROM "Demand" d
    WHERE ${query.themeId ? Prisma.sql`d."id" IN (SELECT "demandId" FROM "DemandTheme" WHERE "themeId" = ${query.themeId})` : Prisma.sql`1`}
      AND ${bodyIds ? Prisma.sql`d."id" IN (SELECT "demandId" FROM "DemandTarget" WHERE "bodyId" IN (SELECT "value" FROM json_each(${JSON.stringify(bodyIds)})))` : Prisma.sql`1`}`;
  const keys = rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt), archived: Boolean(Number(r.archived)) }));
  type Key = (typeof keys)[number];
  const kept = keys.filter(
    (d) =>
      d.deletedAt === null &&
      (query.state === "all" || d.archived === (query.state === "archived")) &&
      (!query.publicOnly || Boolean(Number(d.isPublic))) &&
      (!query.networkId || d.projectNetworkId === query.networkId),
  );
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sign = query.dir === "asc" ? 1 : -1;
  const byRef = (a: Key, b: Key) => text(a.ref, b.ref);
  const compare: (a: Key, b: Key) => number =
    query.sort === "title"
      ? (a, b) => sign * (query.locale === "ja" ? text(a.titleJa, b.titleJa) : text(a.titleEn, b.titleEn)) || byRef(a, b)
      : query.sort === "raised"
        ? (a, b) =>
            (a.firstRaisedOn === null ? 1 : 0) - (b.firstRaisedOn === null ? 1 : 0) || sign * text(a.firstRaisedOn ?? "", b.firstRaisedOn ?? "") || byRef(a, b)
        : query.sort === "ref"
          ? (a, b) => sign * byRef(a, b)
          : (a, b) => sign * (a.updatedAt.getTime() - b.updatedAt.getTime()) || byRef(a, b);
  kept.sort(compare);
  const { skip, take } = query.all ? { skip: 0, take: kept.length } : pageWindow(query.page);
  const pageIds = kept.slice(skip, skip + take).map((d) => d.id);
  const page = pageIds.length ? await db.demand.findMany({ where: { id: { in: pageIds } }, select: listSelect }) : [];
  const byId = new Map(page.map((r) => [r.id, r]));
  return { items: pageIds.flatMap((id) => byId.get(id) ?? []), total: kept.length, pageCount: pageCount(kept.length) };
}

/**
 * The demand a list filter names: by id (links from a demand's page) or by the reference typed in
 * ("D-012", "d-012"). Lists filter by a typed reference rather than a select of every demand, which
 * at 10,000 demands made the request and negotiation lists 2 MB pages (bench/, decision 008).
 */
export function findDemandByIdOrRef(value: string) {
  const v = value.trim();
  return db.demand.findFirst({ where: { deletedAt: null, OR: [{ id: v }, { ref: v.toUpperCase() }] }, select: { id: true, ref: true, titleJa: true, titleEn: true } });
}

export async function getDemand(id: string) {
  return db.demand.findFirst({
    where: { id, deletedAt: null },
    include: {
      parent: { select: { id: true, ref: true, titleJa: true, titleEn: true } },
      children: { where: { deletedAt: null }, select: { id: true, ref: true, titleJa: true, titleEn: true, archived: true }, orderBy: { ref: "asc" } },
      projectNetwork: { select: { id: true, nameJa: true, nameEn: true } },
      themes: { select: { theme: true }, orderBy: { theme: { slug: "asc" } } },
      targets: { where: { body: { deletedAt: null } }, select: { body: { select: { id: true, nameJa: true, nameEn: true, kind: true } } } },
      createdBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
    },
  });
}

/** What the demand list's filters choose from: themes, project networks, bodies (not the demands themselves). */
export async function demandListOptions(locale: Locale) {
  const label = (x: { nameJa: string; nameEn: string }) => (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);
  const [themes, networks, bodies] = await Promise.all([
    db.theme.findMany({ orderBy: { slug: "asc" } }),
    db.projectNetwork.findMany({ where: { deletedAt: null }, select: { id: true, nameJa: true, nameEn: true } }),
    db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true, nameJa: true, nameEn: true, sortOrder: true } }),
  ]);
  return {
    themes: themes.map((t) => ({ value: t.id, label: label(t), slug: t.slug })),
    networks: networks.map((n) => ({ value: n.id, label: label(n) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    bodies: flattenTree(bodies, label).map((b) => ({ value: b.id, label: label(b), depth: b.depth })),
  };
}

/** Everything the demand form chooses from: the list's options and the demands it may sit under. */
export async function demandFormOptions(locale: Locale, excludeDemandId?: string) {
  const [listOptions, demands] = await Promise.all([
    demandListOptions(locale),
    db.demand.findMany({
      where: { deletedAt: null, ...(excludeDemandId ? { id: { not: excludeDemandId } } : {}) },
      select: { id: true, ref: true, titleJa: true, titleEn: true, parentId: true },
      orderBy: { ref: "asc" },
    }),
  ]);
  let parentChoices = demands;
  if (excludeDemandId) {
    // A demand cannot sit under itself or under one of its own sub-demands.
    const below = subtreeIds([...demands, { id: excludeDemandId, parentId: null }], excludeDemandId);
    parentChoices = demands.filter((d) => !below.has(d.id));
  }
  return {
    ...listOptions,
    parents: parentChoices.map((d) => ({
      value: d.id,
      label: `${d.ref} ${locale === "ja" ? d.titleJa || d.titleEn : d.titleEn || d.titleJa}`,
    })),
  };
}

export type FieldErrors = Record<string, string[]>;

/** Checks what only the database can tell: referenced records exist, the parent makes no loop, the body is valid rich text. */
export async function checkDemandReferences(values: DemandFormValues, demandId?: string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const rich = checkRichText(values.body);
  if (!rich.ok) errors.body = [rich.error];
  if (values.parentId) {
    if (values.parentId === demandId) errors.parentId = ["error.parentSelf"];
    else {
      const all = await db.demand.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true } });
      if (!all.some((d) => d.id === values.parentId)) errors.parentId = ["error.unknownChoice"];
      else if (demandId && subtreeIds(all, demandId).has(values.parentId)) errors.parentId = ["error.parentLoop"];
    }
  }
  if (values.projectNetworkId) {
    const n = await db.projectNetwork.count({ where: { id: values.projectNetworkId, deletedAt: null } });
    if (n === 0) errors.projectNetworkId = ["error.unknownChoice"];
  }
  if (values.themeIds.length) {
    const n = await db.theme.count({ where: { id: { in: values.themeIds } } });
    if (n !== new Set(values.themeIds).size) errors.themeIds = ["error.unknownChoice"];
  }
  if (values.targetIds.length) {
    const n = await db.body.count({ where: { id: { in: values.targetIds }, deletedAt: null } });
    if (n !== new Set(values.targetIds).size) errors.targetIds = ["error.unknownChoice"];
  }
  return errors;
}

function scalarData(values: DemandFormValues) {
  const rich = checkRichText(values.body);
  return {
    titleJa: values.titleJa ?? "",
    titleEn: values.titleEn ?? "",
    summaryJa: values.summaryJa ?? null,
    summaryEn: values.summaryEn ?? null,
    body: rich.ok ? rich.json : null,
    parentId: values.parentId ?? null,
    projectNetworkId: values.projectNetworkId ?? null,
    firstRaisedOn: values.firstRaisedOn ?? null,
    archived: values.archived,
    isPublic: values.isPublic,
  };
}

/** The fields the audit log and the conflict view compare. */
async function snapshot(tx: Prisma.TransactionClient, id: string) {
  const d = await tx.demand.findUniqueOrThrow({
    where: { id },
    include: { themes: { select: { themeId: true } }, targets: { select: { bodyId: true } } },
  });
  return {
    ref: d.ref,
    titleJa: d.titleJa,
    titleEn: d.titleEn,
    summaryJa: d.summaryJa,
    summaryEn: d.summaryEn,
    body: d.body,
    parentId: d.parentId,
    projectNetworkId: d.projectNetworkId,
    firstRaisedOn: d.firstRaisedOn,
    archived: d.archived,
    isPublic: d.isPublic,
    themeIds: d.themes.map((t) => t.themeId).sort(),
    targetIds: d.targets.map((t) => t.bodyId).sort(),
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  };
}
export type DemandSnapshot = Awaited<ReturnType<typeof snapshot>>;

async function nextRef(tx: Prisma.TransactionClient) {
  const refs = await tx.demand.findMany({ select: { ref: true } });
  const max = refs.reduce((m, r) => Math.max(m, Number(/^D-(\d+)$/.exec(r.ref)?.[1] ?? 0)), 0);
  return `D-${String(max + 1).padStart(3, "0")}`;
}

export async function createDemand(values: DemandFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    const demand = await tx.demand.create({
      data: {
        ...scalarData(values),
        ref: await nextRef(tx),
        createdById: userId,
        updatedById: userId,
        themes: { create: [...new Set(values.themeIds)].map((themeId) => ({ themeId })) },
        targets: { create: [...new Set(values.targetIds)].map((bodyId) => ({ bodyId })) },
      },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "Demand", entityId: demand.id, after: await snapshot(tx, demand.id) });
    return demand;
  });
}

export type UpdateResult = { ok: true } | { ok: false; conflict: DemandSnapshot & { updatedByName: string | null } } | { ok: false; notFound: true };

/**
 * Saves over version `version` only: when someone saved in between, nothing is written and the
 * newer version comes back so that the editor can see both and merge.
 */
export async function updateDemand(id: string, version: number, values: DemandFormValues, userId: string): Promise<UpdateResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.demand.findFirst({ where: { id, deletedAt: null }, select: { version: true, updatedBy: { select: { name: true } } } });
    if (!current) return { ok: false, notFound: true };
    if (current.version !== version) {
      return { ok: false, conflict: { ...(await snapshot(tx, id)), updatedByName: current.updatedBy?.name ?? null } };
    }
    const before = await snapshot(tx, id);
    await tx.demand.update({
      where: { id },
      data: {
        ...scalarData(values),
        updatedById: userId,
        version: { increment: 1 },
        themes: { deleteMany: {}, create: [...new Set(values.themeIds)].map((themeId) => ({ themeId })) },
        targets: { deleteMany: {}, create: [...new Set(values.targetIds)].map((bodyId) => ({ bodyId })) },
      },
    });
    await recordAudit(tx, { userId, action: "update", entityType: "Demand", entityId: id, before, after: await snapshot(tx, id) });
    return { ok: true };
  });
}
