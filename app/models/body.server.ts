import { type Locale } from "~/i18n/locales";
import { recordAudit } from "~/models/audit.server";
import { ancestry, BODY_KINDS, type BodyFormValues, type BodyKind, type BodySort, flattenTree, subtreeIds } from "~/models/body";
import { compareAffiliations, isCurrentAffiliation, todayInJapan } from "~/models/person";
import { db, type Prisma } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";

export type BodyListQuery = {
  q?: string;
  kind?: BodyKind;
  sort: BodySort;
  dir: "asc" | "desc";
  page: number;
  locale: Locale;
  /** Every row (the CSV download), not one page. */
  all?: boolean;
};

type Named = { nameJa: string; nameEn: string };
const labelIn = (locale: Locale) => (x: Named) => (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);

/** Lower case, full-width letters and digits folded: what a search compares. */
const fold = (value: string) => value.normalize("NFKC").toLowerCase();

const listSelect = {
  id: true,
  kind: true,
  nameJa: true,
  nameEn: true,
  shortNameJa: true,
  shortNameEn: true,
  parentId: true,
  sortOrder: true,
} satisfies Prisma.BodySelect;

/** Per body: the people ever affiliated with it, and the active demands addressed to it. */
async function bodyCounts() {
  const [people, demands] = await Promise.all([
    db.affiliation.groupBy({ by: ["bodyId", "personId"], where: { bodyId: { not: null }, person: { deletedAt: null } } }),
    db.demandTarget.groupBy({ by: ["bodyId"], where: { demand: { deletedAt: null, archived: false } }, _count: { _all: true } }),
  ]);
  const peopleByBody = new Map<string, number>();
  for (const row of people) if (row.bodyId) peopleByBody.set(row.bodyId, (peopleByBody.get(row.bodyId) ?? 0) + 1);
  return { people: peopleByBody, demands: new Map(demands.map((row) => [row.bodyId, row._count._all])) };
}

/**
 * Without a search or filter: the whole tree, in order, with depths. With one: the matching bodies
 * as a flat, sorted, paged list, each with the path of bodies above it.
 */
export async function listBodies(query: BodyListQuery) {
  const [all, counts] = await Promise.all([db.body.findMany({ where: { deletedAt: null }, select: listSelect }), bodyCounts()]);
  const label = labelIn(query.locale);
  const withCounts = <T extends { id: string }>(b: T) => ({ ...b, people: counts.people.get(b.id) ?? 0, demands: counts.demands.get(b.id) ?? 0 });

  if (!query.q && !query.kind) {
    return { mode: "tree" as const, rows: flattenTree(all, label).map(withCounts), items: [], total: all.length, pageCount: 1 };
  }

  const needle = query.q ? fold(query.q) : null;
  const matches = all
    .filter((b) => !query.kind || b.kind === query.kind)
    .filter((b) => !needle || [b.nameJa, b.nameEn, b.shortNameJa, b.shortNameEn].some((v) => v && fold(v).includes(needle)))
    .map(withCounts);
  const byName = (a: Named, b: Named) => label(a).localeCompare(label(b), query.locale);
  const sign = query.dir === "asc" ? 1 : -1;
  matches.sort((a, b) => {
    const primary =
      query.sort === "kind"
        ? BODY_KINDS.indexOf(a.kind as BodyKind) - BODY_KINDS.indexOf(b.kind as BodyKind)
        : query.sort === "people"
          ? a.people - b.people
          : query.sort === "demands"
            ? a.demands - b.demands
            : byName(a, b);
    return sign * primary || byName(a, b);
  });
  const { skip, take } = query.all ? { skip: 0, take: matches.length } : pageWindow(query.page);
  const items = matches.slice(skip, skip + take).map((b) => ({
    ...b,
    path: ancestry(all, b.id)
      .slice(0, -1)
      .map((p) => ({ id: p.id, nameJa: p.nameJa, nameEn: p.nameEn, shortNameJa: p.shortNameJa, shortNameEn: p.shortNameEn })),
  }));
  return { mode: "list" as const, rows: [], items, total: matches.length, pageCount: pageCount(matches.length) };
}

/** The record as stored (for the editor); null when unknown or in the trash. */
export function findBody(id: string) {
  return db.body.findFirst({ where: { id, deletedAt: null } });
}

/** How many demands the body page shows before pointing to the demand list. */
export const BODY_DEMANDS_SHOWN = 20;

export async function getBody(id: string, locale: Locale) {
  const body = await findBody(id);
  if (!body) return null;
  const all = await db.body.findMany({ where: { deletedAt: null }, select: listSelect });
  const label = labelIn(locale);
  const trail = ancestry(all, id).slice(0, -1);
  const children = flattenTree(
    all.filter((b) => b.parentId === id),
    label,
  );
  const subtree = [...subtreeIds(all, id)];
  const demandWhere: Prisma.DemandWhereInput = { deletedAt: null, archived: false, targets: { some: { bodyId: { in: subtree } } } };
  const [affiliations, demandTotal, demands] = await Promise.all([
    db.affiliation.findMany({
      where: { bodyId: id, person: { deletedAt: null } },
      select: {
        id: true,
        roleJa: true,
        roleEn: true,
        startOn: true,
        endOn: true,
        person: { select: { id: true, kind: true, nameJa: true, nameEn: true } },
      },
    }),
    db.demand.count({ where: demandWhere }),
    db.demand.findMany({
      where: demandWhere,
      orderBy: [{ updatedAt: "desc" }, { ref: "asc" }],
      take: BODY_DEMANDS_SHOWN,
      select: {
        id: true,
        ref: true,
        titleJa: true,
        titleEn: true,
        firstRaisedOn: true,
        targets: {
          where: { bodyId: { in: subtree } },
          select: { body: { select: { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } } },
        },
      },
    }),
  ]);
  const today = todayInJapan();
  const sorted = [...affiliations].sort(compareAffiliations);
  return {
    body,
    trail,
    children,
    currentPeople: sorted.filter((a) => isCurrentAffiliation(a, today)),
    pastPeople: sorted.filter((a) => !isCurrentAffiliation(a, today)),
    demands,
    demandTotal,
  };
}

/** The parents a body may be put under: the tree without the body itself and what is below it. */
export async function bodyFormOptions(locale: Locale, excludeBodyId?: string) {
  const label = labelIn(locale);
  const all = await db.body.findMany({ where: { deletedAt: null }, select: listSelect });
  const excluded = excludeBodyId ? subtreeIds(all, excludeBodyId) : new Set<string>();
  return {
    parents: flattenTree(
      all.filter((b) => !excluded.has(b.id)),
      label,
    ).map((b) => ({ value: b.id, label: label(b), depth: b.depth })),
  };
}

export type FieldErrors = Record<string, string[]>;

/** The parent exists and does not make a loop (the body under itself or under one of its sub-bodies). */
async function parentProblem(tx: Prisma.TransactionClient | typeof db, parentId: string | undefined, bodyId?: string) {
  if (!parentId) return null;
  if (parentId === bodyId) return "error.bodyParentSelf";
  const all = await tx.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true } });
  if (!all.some((b) => b.id === parentId)) return "error.unknownChoice";
  if (bodyId && subtreeIds(all, bodyId).has(parentId)) return "error.bodyParentLoop";
  return null;
}

export async function checkBodyReferences(values: BodyFormValues, bodyId?: string): Promise<FieldErrors> {
  const problem = await parentProblem(db, values.parentId, bodyId);
  return problem ? { parentId: [problem] } : {};
}

function scalarData(values: BodyFormValues) {
  return {
    kind: values.kind,
    nameJa: values.nameJa ?? "",
    nameEn: values.nameEn ?? "",
    shortNameJa: values.shortNameJa ?? null,
    shortNameEn: values.shortNameEn ?? null,
    parentId: values.parentId ?? null,
    website: values.website ?? null,
    notes: values.notes ?? null,
    sortOrder: values.sortOrder,
  };
}

/** The fields the audit log and the conflict view compare. */
async function snapshot(tx: Prisma.TransactionClient, id: string) {
  const b = await tx.body.findUniqueOrThrow({ where: { id } });
  return {
    kind: b.kind,
    nameJa: b.nameJa,
    nameEn: b.nameEn,
    shortNameJa: b.shortNameJa,
    shortNameEn: b.shortNameEn,
    parentId: b.parentId,
    website: b.website,
    notes: b.notes,
    sortOrder: b.sortOrder,
    version: b.version,
    updatedAt: b.updatedAt.toISOString(),
  };
}
export type BodySnapshot = Awaited<ReturnType<typeof snapshot>>;

export async function createBody(values: BodyFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    const body = await tx.body.create({ data: scalarData(values) });
    await recordAudit(tx, { userId, action: "create", entityType: "Body", entityId: body.id, after: await snapshot(tx, body.id) });
    return body;
  });
}

/** Who saved a record last, by the audit log (bodies and people keep no updatedBy of their own). */
export async function lastEditorName(tx: Prisma.TransactionClient | typeof db, entityType: string, entityId: string) {
  const event = await tx.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: { at: "desc" },
    select: { user: { select: { name: true } } },
  });
  return event?.user?.name ?? null;
}

export type BodyConflict = BodySnapshot & { updatedByName: string | null; parent: Named | null };

export type BodyUpdateResult =
  | { ok: true }
  | { ok: false; conflict: BodyConflict }
  | { ok: false; notFound: true }
  | { ok: false; fieldErrors: FieldErrors };

/**
 * Saves over version `version` only: when someone saved in between, nothing is written and the
 * newer version comes back so that the editor can see both and merge. The parent is checked again
 * inside the transaction, so that two edits at once cannot make a loop.
 */
export async function updateBody(id: string, version: number, values: BodyFormValues, userId: string): Promise<BodyUpdateResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.body.findFirst({ where: { id, deletedAt: null }, select: { version: true } });
    if (!current) return { ok: false, notFound: true };
    if (current.version !== version) {
      const saved = await snapshot(tx, id);
      const parent = saved.parentId ? await tx.body.findUnique({ where: { id: saved.parentId }, select: { nameJa: true, nameEn: true } }) : null;
      return { ok: false, conflict: { ...saved, parent, updatedByName: await lastEditorName(tx, "Body", id) } };
    }
    const problem = await parentProblem(tx, values.parentId, id);
    if (problem) return { ok: false, fieldErrors: { parentId: [problem] } };
    const before = await snapshot(tx, id);
    const { count } = await tx.body.updateMany({ where: { id, version }, data: { ...scalarData(values), version: { increment: 1 } } });
    if (count !== 1) return { ok: false, notFound: true };
    await recordAudit(tx, { userId, action: "update", entityType: "Body", entityId: id, before, after: await snapshot(tx, id) });
    return { ok: true };
  });
}
