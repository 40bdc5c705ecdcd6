// UN treaty reporting on the database: mechanisms, review cycles with their stages, documents and
// recommendations, each created and updated with a version check and an audit event (docs/decisions/005, 010).
import { messageRef } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { recordAudit } from "~/models/audit.server";
import { inBatches } from "~/models/batches";
import { lastEditorName } from "~/models/organisation.server";
import {
  type CycleFormValues,
  type DocumentFormValues,
  type Grade,
  type MechanismFormValues,
  type RecommendationFormValues,
  type RecommendationSort,
  demandRefsFrom,
  paragraphPosition,
  reiterationChain,
  stagesFrom,
  wouldLoop,
} from "~/models/un";
import { type SplitParagraph } from "~/models/un-import";
import { withoutInternal } from "~/models/visibility";
import { db, type Prisma } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";

type Tx = Prisma.TransactionClient;
export type FieldErrors = Record<string, string[]>;
type Conflict<S> = { ok: false; conflict: S & { updatedByName: string | null } };
export type UpdateResult<S> = { ok: true } | Conflict<S> | { ok: false; notFound: true };

const pick = (locale: Locale, ja: string | null | undefined, en: string | null | undefined) => (locale === "ja" ? ja || en || "" : en || ja || "");

/**
 * The common shape of every update here: read the version, compare, write only over that version
 * (so that two saves at once cannot both pass), audit with snapshots before and after.
 */
async function versionedUpdate<S>(
  entityType: string,
  id: string,
  version: number,
  userId: string,
  ops: { current: (tx: Tx) => Promise<{ version: number } | null>; snapshot: (tx: Tx) => Promise<S>; write: (tx: Tx) => Promise<number> },
): Promise<UpdateResult<S>> {
  return db.$transaction(async (tx) => {
    const current = await ops.current(tx);
    if (!current) return { ok: false, notFound: true };
    const conflict = async (): Promise<Conflict<S>> => ({ ok: false, conflict: { ...(await ops.snapshot(tx)), updatedByName: await lastEditorName(tx, entityType, id) } });
    if (current.version !== version) return conflict();
    const before = await ops.snapshot(tx);
    if ((await ops.write(tx)) === 0) return conflict();
    await recordAudit(tx, { userId, action: "update", entityType, entityId: id, before, after: await ops.snapshot(tx) });
    return { ok: true };
  });
}

export type UnRecordType = "UnMechanism" | "ReviewCycle" | "UnDocument" | "Recommendation";

/** Whether the record exists and is not in the trash: edit actions answer 404 before they validate. */
export async function unRecordExists(type: UnRecordType, id: string) {
  const where = { id, deletedAt: null };
  switch (type) {
    case "UnMechanism":
      return (await db.unMechanism.count({ where })) > 0;
    case "ReviewCycle":
      return (await db.reviewCycle.count({ where })) > 0;
    case "UnDocument":
      return (await db.unDocument.count({ where })) > 0;
    case "Recommendation":
      return (await db.recommendation.count({ where })) > 0;
  }
}

// ───────────── Mechanisms ─────────────

/** The UN page: every mechanism with its cycles (newest first) and their stages. */
export async function unOverview() {
  return db.unMechanism.findMany({
    where: { deletedAt: null },
    orderBy: [{ sortOrder: "asc" }, { abbreviation: "asc" }],
    include: {
      cycles: {
        where: { deletedAt: null },
        orderBy: { createdAt: "desc" },
        select: { id: true, titleJa: true, titleEn: true, session: true, stages: { select: { kind: true, on: true } } },
      },
      _count: { select: { documents: { where: { deletedAt: null } } } },
    },
  });
}

export async function mechanismOptions(locale: Locale) {
  const rows = await db.unMechanism.findMany({ where: { deletedAt: null }, orderBy: [{ sortOrder: "asc" }, { abbreviation: "asc" }] });
  return rows.map((m) => ({ value: m.id, label: `${m.abbreviation} — ${pick(locale, m.nameJa, m.nameEn)}` }));
}

export async function getMechanism(id: string) {
  return db.unMechanism.findFirst({
    where: { id, deletedAt: null },
    include: {
      cycles: { where: { deletedAt: null }, orderBy: { createdAt: "desc" }, select: { id: true, titleJa: true, titleEn: true, session: true } },
      documents: {
        where: { deletedAt: null },
        orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { symbol: "asc" }],
        select: { id: true, kind: true, symbol: true, titleJa: true, titleEn: true, issuedOn: true, _count: { select: { recommendations: { where: { deletedAt: null } } } } },
      },
    },
  });
}

function mechanismData(v: MechanismFormValues) {
  return {
    kind: v.kind,
    abbreviation: v.abbreviation,
    nameJa: v.nameJa ?? "",
    nameEn: v.nameEn ?? "",
    committeeAbbr: v.committeeAbbr ?? null,
    committeeNameJa: v.committeeNameJa ?? null,
    committeeNameEn: v.committeeNameEn ?? null,
    japanStatus: v.japanStatus,
    ratifiedOn: v.ratifiedOn ?? null,
    reservationsJa: v.reservationsJa ?? null,
    reservationsEn: v.reservationsEn ?? null,
    notes: v.notes ?? null,
  };
}

async function mechanismSnapshot(tx: Tx, id: string) {
  const m = await tx.unMechanism.findUniqueOrThrow({ where: { id } });
  return {
    kind: m.kind,
    abbreviation: m.abbreviation,
    nameJa: m.nameJa,
    nameEn: m.nameEn,
    committeeAbbr: m.committeeAbbr,
    committeeNameJa: m.committeeNameJa,
    committeeNameEn: m.committeeNameEn,
    japanStatus: m.japanStatus,
    ratifiedOn: m.ratifiedOn,
    reservationsJa: m.reservationsJa,
    reservationsEn: m.reservationsEn,
    notes: m.notes,
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
  };
}
export type MechanismSnapshot = Awaited<ReturnType<typeof mechanismSnapshot>>;

export async function createMechanism(values: MechanismFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.unMechanism.create({ data: mechanismData(values) });
    await recordAudit(tx, { userId, action: "create", entityType: "UnMechanism", entityId: row.id, after: await mechanismSnapshot(tx, row.id) });
    return row;
  });
}

export function updateMechanism(id: string, version: number, values: MechanismFormValues, userId: string) {
  return versionedUpdate("UnMechanism", id, version, userId, {
    current: (tx) => tx.unMechanism.findFirst({ where: { id, deletedAt: null }, select: { version: true } }),
    snapshot: (tx) => mechanismSnapshot(tx, id),
    write: async (tx) => (await tx.unMechanism.updateMany({ where: { id, version }, data: { ...mechanismData(values), version: { increment: 1 } } })).count,
  });
}

// ───────────── Review cycles ─────────────

export async function getCycle(id: string, role: string) {
  const cycle = await db.reviewCycle.findFirst({
    where: { id, deletedAt: null, mechanism: { deletedAt: null } },
    include: {
      mechanism: { select: { id: true, abbreviation: true, nameJa: true, nameEn: true, committeeAbbr: true } },
      stages: true,
      documents: {
        where: { deletedAt: null },
        orderBy: [{ issuedOn: { sort: "asc", nulls: "last" } }, { symbol: "asc" }],
        select: { id: true, kind: true, symbol: true, titleJa: true, titleEn: true, issuedOn: true, _count: { select: { recommendations: { where: { deletedAt: null } } } } },
      },
    },
  });
  return cycle ? withoutInternal(cycle, role) : null;
}

export async function cycleOptions(locale: Locale, mechanismId?: string) {
  const rows = await db.reviewCycle.findMany({
    where: { deletedAt: null, ...(mechanismId ? { mechanismId } : {}) },
    orderBy: { createdAt: "desc" },
    select: { id: true, titleJa: true, titleEn: true, mechanism: { select: { abbreviation: true } } },
  });
  return rows.map((c) => ({ value: c.id, label: `${c.mechanism.abbreviation}: ${pick(locale, c.titleJa, c.titleEn)}` }));
}

export async function checkCycleReferences(values: { mechanismId: string }): Promise<FieldErrors> {
  const n = await db.unMechanism.count({ where: { id: values.mechanismId, deletedAt: null } });
  return n ? {} : { mechanismId: ["error.unknownChoice"] };
}

function cycleData(v: CycleFormValues) {
  return { mechanismId: v.mechanismId, titleJa: v.titleJa ?? "", titleEn: v.titleEn ?? "", session: v.session ?? null, notes: v.notes ?? null, internalNote: v.internalNote ?? null };
}

async function cycleSnapshot(tx: Tx, id: string) {
  const c = await tx.reviewCycle.findUniqueOrThrow({ where: { id }, include: { stages: { orderBy: { on: "asc" } }, mechanism: { select: { abbreviation: true } } } });
  return {
    mechanismId: c.mechanismId,
    mechanism: c.mechanism.abbreviation,
    titleJa: c.titleJa,
    titleEn: c.titleEn,
    session: c.session,
    notes: c.notes,
    internalNote: c.internalNote,
    stages: c.stages.map((s) => ({ kind: s.kind, on: s.on })),
    version: c.version,
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type CycleSnapshot = Awaited<ReturnType<typeof cycleSnapshot>>;

async function writeStages(tx: Tx, cycleId: string, values: CycleFormValues) {
  await tx.reviewStage.deleteMany({ where: { cycleId } });
  const stages = stagesFrom(values);
  if (stages.length) await tx.reviewStage.createMany({ data: stages.map((s) => ({ cycleId, kind: s.kind, on: s.on })) });
}

export async function createCycle(values: CycleFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.reviewCycle.create({ data: cycleData(values) });
    await writeStages(tx, row.id, values);
    await recordAudit(tx, { userId, action: "create", entityType: "ReviewCycle", entityId: row.id, after: await cycleSnapshot(tx, row.id) });
    return row;
  });
}

export function updateCycle(id: string, version: number, values: CycleFormValues, userId: string) {
  return versionedUpdate("ReviewCycle", id, version, userId, {
    current: (tx) => tx.reviewCycle.findFirst({ where: { id, deletedAt: null }, select: { version: true } }),
    snapshot: (tx) => cycleSnapshot(tx, id),
    write: async (tx) => {
      const n = (await tx.reviewCycle.updateMany({ where: { id, version }, data: { ...cycleData(values), version: { increment: 1 } } })).count;
      if (n) await writeStages(tx, id, values);
      return n;
    },
  });
}

/** Stages dated from `from` on (YYYY-MM-DD), soonest first: what the calendar and the home page show as due. */
export async function upcomingStages(from: string, take = 10) {
  const rows = await db.reviewStage.findMany({
    where: { on: { gte: from.slice(0, 4) }, cycle: { deletedAt: null, mechanism: { deletedAt: null } } },
    orderBy: { on: "asc" },
    take: take * 3,
    select: { kind: true, on: true, cycle: { select: { id: true, titleJa: true, titleEn: true, mechanism: { select: { abbreviation: true } } } } },
  });
  // A partial date is due until its period has ended ("2026-12" is still due on 2026-12-02).
  return rows.filter((s) => s.on.localeCompare(from.slice(0, s.on.length)) >= 0).slice(0, take);
}

// ───────────── Documents ─────────────

export async function getDocument(id: string) {
  return db.unDocument.findFirst({
    where: { id, deletedAt: null, mechanism: { deletedAt: null } },
    include: {
      mechanism: { select: { id: true, abbreviation: true, nameJa: true, nameEn: true } },
      cycle: { select: { id: true, titleJa: true, titleEn: true, deletedAt: true } },
      recommendations: {
        where: { deletedAt: null },
        orderBy: [{ position: "asc" }, { paragraph: "asc" }],
        select: { id: true, paragraph: true, headingEn: true, headingJa: true, followUp: true, grade: true, _count: { select: { demands: { where: { demand: { deletedAt: null } } } } } },
      },
    },
  });
}

export async function documentOptions(locale: Locale) {
  const rows = await db.unDocument.findMany({
    where: { deletedAt: null, mechanism: { deletedAt: null } },
    orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { symbol: "asc" }],
    select: { id: true, symbol: true, titleJa: true, titleEn: true, issuedOn: true },
  });
  return rows.map((d) => ({ value: d.id, label: [d.symbol, pick(locale, d.titleJa, d.titleEn), d.issuedOn?.slice(0, 4)].filter(Boolean).join(" · ") }));
}

export async function checkDocumentReferences(values: DocumentFormValues, id?: string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if ((await db.unMechanism.count({ where: { id: values.mechanismId, deletedAt: null } })) === 0) errors.mechanismId = ["error.unknownChoice"];
  if (values.cycleId) {
    const cycle = await db.reviewCycle.findFirst({ where: { id: values.cycleId, deletedAt: null }, select: { mechanismId: true } });
    if (!cycle) errors.cycleId = ["error.unknownChoice"];
    else if (cycle.mechanismId !== values.mechanismId) errors.cycleId = ["un.error.cycleOfOtherMechanism"];
  }
  if (values.symbol) {
    const taken = await db.unDocument.findFirst({ where: { symbol: values.symbol, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
    if (taken) errors.symbol = ["un.error.symbolTaken"];
  }
  return errors;
}

function documentData(v: DocumentFormValues) {
  return {
    mechanismId: v.mechanismId,
    cycleId: v.cycleId || null,
    kind: v.kind,
    symbol: v.symbol || null,
    titleJa: v.titleJa ?? "",
    titleEn: v.titleEn ?? "",
    issuedOn: v.issuedOn ?? null,
    languages: v.languages.length ? v.languages.join(",") : null,
    url: v.url ?? null,
    notes: v.notes ?? null,
  };
}

async function documentSnapshot(tx: Tx, id: string) {
  const d = await tx.unDocument.findUniqueOrThrow({ where: { id } });
  return {
    mechanismId: d.mechanismId,
    cycleId: d.cycleId,
    kind: d.kind,
    symbol: d.symbol,
    titleJa: d.titleJa,
    titleEn: d.titleEn,
    issuedOn: d.issuedOn,
    languages: d.languages,
    url: d.url,
    notes: d.notes,
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  };
}
export type DocumentSnapshot = Awaited<ReturnType<typeof documentSnapshot>>;

export async function createDocument(values: DocumentFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.unDocument.create({ data: documentData(values) });
    await recordAudit(tx, { userId, action: "create", entityType: "UnDocument", entityId: row.id, after: await documentSnapshot(tx, row.id) });
    return row;
  });
}

export function updateDocument(id: string, version: number, values: DocumentFormValues, userId: string) {
  return versionedUpdate("UnDocument", id, version, userId, {
    current: (tx) => tx.unDocument.findFirst({ where: { id, deletedAt: null }, select: { version: true } }),
    snapshot: (tx) => documentSnapshot(tx, id),
    write: async (tx) => (await tx.unDocument.updateMany({ where: { id, version }, data: { ...documentData(values), version: { increment: 1 } } })).count,
  });
}

// ───────────── Recommendations ─────────────

export type RecommendationListQuery = {
  q?: string;
  mechanismId?: string;
  documentId?: string;
  grade?: Grade | "none";
  followUp?: boolean;
  themeId?: string;
  sort: RecommendationSort;
  dir: "asc" | "desc";
  page: number;
  /** Every row (the CSV download), not one page. */
  all?: boolean;
};

const docLabelSelect = { select: { id: true, symbol: true, titleJa: true, titleEn: true, issuedOn: true, mechanism: { select: { id: true, abbreviation: true } } } } as const;

export async function listRecommendations(query: RecommendationListQuery) {
  const where: Prisma.RecommendationWhereInput = { deletedAt: null, document: { deletedAt: null, mechanism: { deletedAt: null } } };
  if (query.documentId) where.documentId = query.documentId;
  if (query.mechanismId) where.document = { deletedAt: null, mechanismId: query.mechanismId };
  if (query.grade) where.grade = query.grade === "none" ? null : query.grade;
  if (query.followUp) where.followUp = true;
  if (query.themeId) where.themes = { some: { themeId: query.themeId } };
  if (query.q) where.OR = [{ textEn: { contains: query.q } }, { textJa: { contains: query.q } }, { headingEn: { contains: query.q } }, { headingJa: { contains: query.q } }];
  const orderBy: Prisma.RecommendationOrderByWithRelationInput[] =
    query.sort === "updated"
      ? [{ updatedAt: query.dir }, { id: "asc" }]
      : query.sort === "issued"
        ? [{ document: { issuedOn: query.dir } }, { documentId: "asc" }, { position: "asc" }, { paragraph: "asc" }]
        : [{ documentId: "asc" }, { position: query.dir }, { paragraph: query.dir }];
  const [total, items] = await Promise.all([
    db.recommendation.count({ where }),
    db.recommendation.findMany({
      where,
      orderBy,
      ...(query.all ? {} : pageWindow(query.page)),
      select: {
        id: true,
        paragraph: true,
        headingEn: true,
        headingJa: true,
        textEn: true,
        followUp: true,
        grade: true,
        reiteratesId: true,
        document: docLabelSelect,
        _count: { select: { demands: { where: { demand: { deletedAt: null } } } } },
      },
    }),
  ]);
  return { items: items.map(({ _count, ...r }) => ({ ...r, demandCount: _count.demands })), total, pageCount: pageCount(total) };
}

export async function recommendationFilterOptions(locale: Locale) {
  const [mechanisms, themes] = await Promise.all([mechanismOptions(locale), db.theme.findMany({ orderBy: { slug: "asc" } })]);
  return { mechanisms, themes: themes.map((t) => ({ value: t.id, label: pick(locale, t.nameJa, t.nameEn) })) };
}

/** What the recommendation form chooses from: documents, themes, and the recommendations one may reiterate. */
export async function recommendationFormOptions(locale: Locale, selfId?: string) {
  const [documents, themes, earlier] = await Promise.all([
    documentOptions(locale),
    db.theme.findMany({ orderBy: { slug: "asc" } }),
    db.recommendation.findMany({
      where: { deletedAt: null, document: { deletedAt: null }, ...(selfId ? { id: { not: selfId } } : {}) },
      orderBy: [{ document: { issuedOn: "desc" } }, { position: "asc" }],
      select: { id: true, paragraph: true, headingEn: true, headingJa: true, document: { select: { symbol: true, titleEn: true, titleJa: true } } },
    }),
  ]);
  return {
    documents,
    themes: themes.map((t) => ({ value: t.id, label: pick(locale, t.nameJa, t.nameEn) })),
    recommendations: earlier.map((r) => ({
      value: r.id,
      label: `${r.document.symbol || pick(locale, r.document.titleJa, r.document.titleEn)} ¶${r.paragraph}${r.headingEn || r.headingJa ? ` ${pick(locale, r.headingJa, r.headingEn)}` : ""}`,
    })),
  };
}

/** The recommendation's page: its document, themes, linked demands and the chain across cycles; without the internal note for members. */
export async function getRecommendation(id: string, role: string) {
  const r = await db.recommendation.findFirst({
    where: { id, deletedAt: null, document: { deletedAt: null } },
    include: {
      document: { select: { id: true, kind: true, symbol: true, titleJa: true, titleEn: true, issuedOn: true, mechanism: { select: { id: true, abbreviation: true, nameJa: true, nameEn: true } }, cycle: { select: { id: true, titleJa: true, titleEn: true } } } },
      themes: { select: { theme: { select: { id: true, nameJa: true, nameEn: true } } }, orderBy: { theme: { slug: "asc" } } },
      demands: { where: { demand: { deletedAt: null } }, select: { demand: { select: { id: true, ref: true, titleJa: true, titleEn: true } } }, orderBy: { demand: { ref: "asc" } } },
    },
  });
  if (!r) return null;
  return { ...withoutInternal(r, role), chain: await chainOf(r.id) };
}

/**
 * The recommendations reiterated by this one and reiterating it, oldest first. The links are read by
 * walking: a chain is a handful of cycles long, so this is a few small queries.
 */
export async function chainOf(id: string) {
  const rows = new Map<string, { id: string; reiteratesId: string | null }>();
  const visited = new Set<string>([id]);
  let frontier = [id];
  // Each step reads the rows of the frontier and those that reiterate them; a chain is a few cycles long.
  for (let depth = 0; frontier.length && depth < 20; depth++) {
    const found = await db.recommendation.findMany({
      where: { deletedAt: null, OR: [{ id: { in: frontier } }, { reiteratesId: { in: frontier } }] },
      select: { id: true, reiteratesId: true },
    });
    const next: string[] = [];
    for (const f of found) {
      rows.set(f.id, f);
      for (const x of [f.id, f.reiteratesId]) {
        if (!x || visited.has(x)) continue;
        visited.add(x);
        next.push(x);
      }
    }
    frontier = next;
  }
  const ids = reiterationChain(id, [...rows.values()]);
  if (ids.length < 2) return [];
  const labelled = await db.recommendation.findMany({
    where: { id: { in: ids } },
    select: { id: true, paragraph: true, headingEn: true, headingJa: true, grade: true, document: { select: { symbol: true, titleJa: true, titleEn: true, issuedOn: true } } },
  });
  return ids.flatMap((x) => labelled.filter((l) => l.id === x));
}

export async function checkRecommendationReferences(values: RecommendationFormValues, id?: string): Promise<{ errors: FieldErrors; demandIds: string[] }> {
  const errors: FieldErrors = {};
  if ((await db.unDocument.count({ where: { id: values.documentId, deletedAt: null } })) === 0) errors.documentId = ["error.unknownChoice"];
  const clash = await db.recommendation.findFirst({ where: { documentId: values.documentId, paragraph: values.paragraph, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
  if (clash) errors.paragraph = ["un.error.paragraphTaken"];
  if (values.reiteratesId) {
    const exists = await db.recommendation.count({ where: { id: values.reiteratesId, deletedAt: null } });
    if (!exists) errors.reiteratesId = ["error.unknownChoice"];
    else if (id) {
      const rows = await db.recommendation.findMany({ where: { reiteratesId: { not: null } }, select: { id: true, reiteratesId: true } });
      if (wouldLoop(id, values.reiteratesId, rows)) errors.reiteratesId = ["un.error.reiterationLoop"];
    }
  }
  if (values.themeIds.length) {
    const n = await db.theme.count({ where: { id: { in: values.themeIds } } });
    if (n !== new Set(values.themeIds).size) errors.themeIds = ["error.unknownChoice"];
  }
  const refs = demandRefsFrom(values.demandRefs);
  const demands = refs.length ? await db.demand.findMany({ where: { ref: { in: refs }, deletedAt: null }, select: { id: true, ref: true } }) : [];
  const unknown = refs.filter((ref) => !demands.some((d) => d.ref === ref));
  if (unknown.length) errors.demandRefs = [messageRef("un.error.unknownDemands", { refs: unknown.join(", ") })];
  return { errors, demandIds: refs.flatMap((ref) => demands.filter((d) => d.ref === ref).map((d) => d.id)) };
}

function recommendationData(v: RecommendationFormValues) {
  return {
    documentId: v.documentId,
    paragraph: v.paragraph,
    position: paragraphPosition(v.paragraph),
    headingEn: v.headingEn ?? null,
    headingJa: v.headingJa ?? null,
    textEn: v.textEn,
    textJa: v.textJa ?? null,
    articles: v.articles ?? null,
    followUp: v.followUp,
    reiteratesId: v.reiteratesId || null,
    governmentClaimJa: v.governmentClaimJa ?? null,
    governmentClaimEn: v.governmentClaimEn ?? null,
    governmentClaimSource: v.governmentClaimSource ?? null,
    grade: v.grade ?? null,
    assessmentNote: v.assessmentNote ?? null,
    internalNote: v.internalNote ?? null,
  };
}

const snapshotInclude = { themes: { select: { themeId: true } }, demands: { select: { demand: { select: { id: true, ref: true } } } } } as const;

function snapshotOf(r: Prisma.RecommendationGetPayload<{ include: typeof snapshotInclude }>) {
  const { themes, demands, createdAt, ...rest } = r;
  void createdAt;
  return {
    ...rest,
    deletedAt: rest.deletedAt?.toISOString() ?? null,
    updatedAt: rest.updatedAt.toISOString(),
    themeIds: themes.map((t) => t.themeId).sort(),
    demandIds: demands.map((d) => d.demand.id),
    demandRefs: demands.map((d) => d.demand.ref).sort(),
  };
}

export async function recommendationSnapshot(tx: Tx, id: string) {
  return snapshotOf(await tx.recommendation.findUniqueOrThrow({ where: { id }, include: snapshotInclude }));
}

/** The snapshots of many recommendations in one read (a batch of an import), by id. */
export async function recommendationSnapshots(tx: Tx, ids: string[]) {
  const rows = ids.length ? await tx.recommendation.findMany({ where: { id: { in: ids } }, include: snapshotInclude }) : [];
  return new Map(rows.map((r) => [r.id, snapshotOf(r)]));
}
export type RecommendationSnapshot = Awaited<ReturnType<typeof recommendationSnapshot>>;

async function writeLinks(tx: Tx, id: string, themeIds: string[], demandIds: string[]) {
  await tx.recommendationTheme.deleteMany({ where: { recommendationId: id } });
  await tx.recommendationDemand.deleteMany({ where: { recommendationId: id } });
  if (themeIds.length) await tx.recommendationTheme.createMany({ data: [...new Set(themeIds)].map((themeId) => ({ recommendationId: id, themeId })) });
  if (demandIds.length) await tx.recommendationDemand.createMany({ data: [...new Set(demandIds)].map((demandId) => ({ recommendationId: id, demandId })) });
}

export async function createRecommendation(values: RecommendationFormValues, demandIds: string[], userId: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.recommendation.create({ data: recommendationData(values) });
    await writeLinks(tx, row.id, values.themeIds, demandIds);
    await recordAudit(tx, { userId, action: "create", entityType: "Recommendation", entityId: row.id, after: await recommendationSnapshot(tx, row.id) });
    return row;
  });
}

export function updateRecommendation(id: string, version: number, values: RecommendationFormValues, demandIds: string[], userId: string) {
  return versionedUpdate("Recommendation", id, version, userId, {
    current: (tx) => tx.recommendation.findFirst({ where: { id, deletedAt: null }, select: { version: true } }),
    snapshot: (tx) => recommendationSnapshot(tx, id),
    write: async (tx) => {
      const n = (await tx.recommendation.updateMany({ where: { id, version }, data: { ...recommendationData(values), version: { increment: 1 } } })).count;
      if (n) await writeLinks(tx, id, values.themeIds, demandIds);
      return n;
    },
  });
}

/** The recommendations linked to a demand, newest document first (the demand's page). */
export async function recommendationsOfDemand(demandId: string) {
  const rows = await db.recommendationDemand.findMany({
    where: { demandId, recommendation: { deletedAt: null, document: { deletedAt: null } } },
    select: {
      recommendation: {
        select: { id: true, paragraph: true, headingEn: true, headingJa: true, grade: true, followUp: true, document: docLabelSelect },
      },
    },
  });
  return rows
    .map((r) => r.recommendation)
    .sort((a, b) => (b.document.issuedOn ?? "").localeCompare(a.document.issuedOn ?? "") || paragraphPosition(a.paragraph) - paragraphPosition(b.paragraph) || a.paragraph.localeCompare(b.paragraph));
}

// ───────────── Import of concluding observations ─────────────

export type ImportPlan = Array<SplitParagraph & { state: "new" | "changed" | "same"; reiteratesId: string | null; version: number | null }>;

/** The version of each paragraph on record when the preview was made (null: none), sent back with "Save". */
export type ImportVersions = Record<string, number | null>;
export const importVersionsOf = (plan: ImportPlan): ImportVersions => Object.fromEntries(plan.map((p) => [p.paragraph, p.version]));

/**
 * What saving the split paragraphs would do to the document: a paragraph number it already has is
 * updated (its text, heading and follow-up; the grade, claim, links and notes stay), a new one added.
 * A cited earlier recommendation that is on record becomes what it reiterates. Each paragraph carries
 * the version on record (of a trashed one too), for the save to tell a change made since the preview.
 */
export async function planImport(documentId: string, paragraphs: SplitParagraph[]): Promise<ImportPlan> {
  const [existing, cited] = await Promise.all([
    db.recommendation.findMany({ where: { documentId }, select: { paragraph: true, textEn: true, headingEn: true, followUp: true, version: true, deletedAt: true } }),
    paragraphs.some((p) => p.cites.length)
      ? db.recommendation.findMany({
          where: { deletedAt: null, document: { deletedAt: null, symbol: { in: [...new Set(paragraphs.flatMap((p) => p.cites.map((c) => c.symbol)))] } } },
          select: { id: true, paragraph: true, document: { select: { symbol: true } } },
        })
      : [],
  ]);
  return paragraphs.map((p) => {
    const row = existing.find((e) => e.paragraph === p.paragraph);
    const before = row && !row.deletedAt ? row : undefined;
    const state = !before ? "new" : before.textEn === p.text && (before.headingEn ?? null) === p.heading && before.followUp === p.followUp ? "same" : "changed";
    const earlier = p.cites.map((c) => cited.find((r) => r.document.symbol === c.symbol && r.paragraph === c.paragraph)).find(Boolean);
    return { ...p, state, reiteratesId: earlier?.id ?? null, version: row?.version ?? null };
  });
}

/** A paragraph to be written was changed (or added) by someone else after the preview. */
class ImportConflict extends Error {
  constructor(readonly paragraphs: string[]) {
    super(`changed since the preview: ${paragraphs.join(", ")}`);
  }
}

export type ImportSaved = {
  created: number;
  updated: number;
  unchanged: number;
  /** the plan's paragraphs saved (or found unchanged), in order */
  saved: string[];
  /** those not saved: the failed batch and all after it */
  notSaved: string[];
  /** in the failed batch, the paragraphs someone else changed after the preview */
  conflicts: string[];
};

/**
 * Saves an import plan in batches (`inBatches`, IMPORT_BATCH paragraphs a transaction), each paragraph
 * audited; re-importing the same text changes nothing. With `versions` (from the preview), a paragraph
 * to be written whose version on record is no longer the one previewed stops the save before its batch:
 * the batches before it stay saved, and the result names what was and was not. Saving the same text
 * again after a stop finishes the rest without duplicates (paragraphs are found by number).
 */
export async function saveImport(documentId: string, plan: ImportPlan, userId: string, { versions, progress }: { versions?: ImportVersions; progress?: (done: number, total: number) => void } = {}): Promise<ImportSaved> {
  let created = 0;
  let updated = 0;
  let done = 0;
  try {
    await inBatches(
      plan,
      (batch) =>
        db.$transaction(
          async (tx) => {
            const rows = await tx.recommendation.findMany({ where: { documentId, paragraph: { in: batch.map((p) => p.paragraph) } }, select: { id: true, paragraph: true, reiteratesId: true, deletedAt: true, version: true } });
            const rowOf = new Map(rows.map((r) => [r.paragraph, r]));
            const writes = (p: ImportPlan[number]) => {
              const row = rowOf.get(p.paragraph);
              return !row || p.state !== "same" || Boolean(row.deletedAt);
            };
            if (versions) {
              const conflicts = batch.filter((p) => writes(p) && (rowOf.get(p.paragraph)?.version ?? null) !== (versions[p.paragraph] ?? null)).map((p) => p.paragraph);
              if (conflicts.length) throw new ImportConflict(conflicts);
            }
            let made = 0;
            let changed = 0;
            for (const p of batch) {
              const row = rowOf.get(p.paragraph);
              const data = { textEn: p.text, headingEn: p.heading, followUp: p.followUp, position: p.position };
              if (!row) {
                const r = await tx.recommendation.create({ data: { documentId, paragraph: p.paragraph, ...data, reiteratesId: p.reiteratesId } });
                await recordAudit(tx, { userId, action: "create", entityType: "Recommendation", entityId: r.id, after: await recommendationSnapshot(tx, r.id) });
                made += 1;
              } else if (writes(p)) {
                const before = await recommendationSnapshot(tx, row.id);
                await tx.recommendation.update({ where: { id: row.id }, data: { ...data, reiteratesId: row.reiteratesId ?? p.reiteratesId, deletedAt: null, version: { increment: 1 } } });
                await recordAudit(tx, { userId, action: "update", entityType: "Recommendation", entityId: row.id, before, after: await recommendationSnapshot(tx, row.id) });
                changed += 1;
              }
            }
            created += made;
            updated += changed;
          },
          { timeout: 60_000 },
        ),
      (n, total) => {
        done = n;
        progress?.(n, total);
      },
    );
  } catch (error) {
    if (!(error instanceof ImportConflict)) throw error;
    const paragraphs = plan.map((p) => p.paragraph);
    return { created, updated, unchanged: done - created - updated, saved: paragraphs.slice(0, done), notSaved: paragraphs.slice(done), conflicts: error.paragraphs };
  }
  return { created, updated, unchanged: plan.length - created - updated, saved: plan.map((p) => p.paragraph), notSaved: [], conflicts: [] };
}
