import { flattenTree, subtreeIds } from "~/models/body";
import { recordAudit } from "~/models/audit.server";
import { type InstrumentFormValues, type InstrumentKind, type InstrumentSort } from "~/models/instrument";
import { lastEditorName } from "~/models/organisation.server";
import { type Locale } from "~/i18n/locales";
import { db, type Prisma } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";

export type FieldErrors = Record<string, string[]>;

export type InstrumentListQuery = {
  q?: string;
  kind?: InstrumentKind;
  issuerBodyId?: string;
  /** YYYY: adopted in that year */
  year?: string;
  sort: InstrumentSort;
  dir: "asc" | "desc";
  page: number;
  locale: Locale;
  /** Every row (the CSV download), not one page. */
  all?: boolean;
};

const labelIn = (locale: Locale) => (x: { nameJa: string; nameEn: string }) => (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);
const issuerSelect = { select: { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } } as const;

export async function listInstruments(query: InstrumentListQuery) {
  const where: Prisma.InstrumentWhereInput = { deletedAt: null };
  if (query.kind) where.kind = query.kind;
  if (query.year) where.adoptedOn = { startsWith: query.year };
  if (query.issuerBodyId) {
    // A ministry's documents include those of its bureaus and divisions.
    const bodies = await db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true } });
    where.issuerBodyId = { in: [...subtreeIds(bodies, query.issuerBodyId)] };
  }
  if (query.q) where.OR = [{ titleJa: { contains: query.q } }, { titleEn: { contains: query.q } }];

  const titleField = query.locale === "ja" ? "titleJa" : "titleEn";
  const orderBy: Prisma.InstrumentOrderByWithRelationInput[] =
    query.sort === "title"
      ? [{ [titleField]: query.dir }, { id: "asc" }]
      : query.sort === "updated"
        ? [{ updatedAt: query.dir }, { id: "asc" }]
        : [{ adoptedOn: { sort: query.dir, nulls: "last" } }, { [titleField]: "asc" }, { id: "asc" }];

  const [total, items] = await Promise.all([
    db.instrument.count({ where }),
    db.instrument.findMany({
      where,
      orderBy,
      ...(query.all ? {} : pageWindow(query.page)),
      select: {
        id: true,
        kind: true,
        titleJa: true,
        titleEn: true,
        draftOn: true,
        adoptedOn: true,
        effectiveOn: true,
        updatedAt: true,
        issuerBody: issuerSelect,
        _count: { select: { outcomes: { where: { deletedAt: null, demand: { deletedAt: null } } } } },
      },
    }),
  ]);
  return {
    items: items.map(({ _count, ...i }) => ({ ...i, outcomeCount: _count.outcomes })),
    total,
    pageCount: pageCount(total),
  };
}

/** The choices of the list filters: the body tree, and the years in which something was adopted. */
export async function instrumentFilterOptions(locale: Locale) {
  const [bodies, years] = await Promise.all([
    bodyOptions(locale),
    db.instrument.findMany({ where: { deletedAt: null, adoptedOn: { not: null } }, select: { adoptedOn: true }, distinct: ["adoptedOn"] }),
  ]);
  const distinctYears = [...new Set(years.map((y) => y.adoptedOn?.slice(0, 4)).filter((y): y is string => Boolean(y)))].sort().reverse();
  return { bodies, years: distinctYears.map((y) => ({ value: y, label: y })) };
}

async function bodyOptions(locale: Locale) {
  const label = labelIn(locale);
  const bodies = await db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true, nameJa: true, nameEn: true, sortOrder: true } });
  return flattenTree(bodies, label).map((b) => ({ value: b.id, label: label(b), depth: b.depth }));
}

/** What the instrument form chooses from. */
export async function instrumentFormOptions(locale: Locale) {
  return { bodies: await bodyOptions(locale) };
}

export async function getInstrument(id: string) {
  return db.instrument.findFirst({
    where: { id, deletedAt: null },
    include: {
      issuerBody: issuerSelect,
      outcomes: {
        where: { deletedAt: null, demand: { deletedAt: null } },
        orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
        select: {
          id: true,
          degree: true,
          occurredOn: true,
          quoteJa: true,
          quoteEn: true,
          demand: { select: { id: true, ref: true, titleJa: true, titleEn: true } },
        },
      },
    },
  });
}

export async function instrumentExists(id: string) {
  return (await db.instrument.count({ where: { id, deletedAt: null } })) > 0;
}

/** The instruments an outcome may point to, newest first, labelled with the year adopted (or drafted). */
export async function instrumentChoices(locale: Locale) {
  const rows = await db.instrument.findMany({
    where: { deletedAt: null },
    select: { id: true, kind: true, titleJa: true, titleEn: true, adoptedOn: true, draftOn: true },
    orderBy: [{ adoptedOn: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }],
  });
  return rows.map((i) => {
    const title = locale === "ja" ? i.titleJa || i.titleEn : i.titleEn || i.titleJa;
    const year = (i.adoptedOn ?? i.draftOn)?.slice(0, 4);
    return { value: i.id, label: year ? `${title} (${year})` : title, kind: i.kind };
  });
}

export async function checkInstrumentReferences(values: InstrumentFormValues): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (values.issuerBodyId) {
    const n = await db.body.count({ where: { id: values.issuerBodyId, deletedAt: null } });
    if (n === 0) errors.issuerBodyId = ["error.unknownChoice"];
  }
  return errors;
}

function scalarData(values: InstrumentFormValues) {
  return {
    kind: values.kind,
    titleJa: values.titleJa ?? "",
    titleEn: values.titleEn ?? "",
    issuerBodyId: values.issuerBodyId ?? null,
    draftOn: values.draftOn ?? null,
    adoptedOn: values.adoptedOn ?? null,
    effectiveOn: values.effectiveOn ?? null,
    url: values.url ?? null,
    notes: values.notes ?? null,
  };
}

/** The fields the audit log and the conflict view compare. */
async function snapshot(tx: Prisma.TransactionClient, id: string) {
  const i = await tx.instrument.findUniqueOrThrow({ where: { id }, include: { issuerBody: { select: { nameJa: true, nameEn: true } } } });
  return {
    kind: i.kind,
    titleJa: i.titleJa,
    titleEn: i.titleEn,
    issuerBodyId: i.issuerBodyId,
    issuerBody: i.issuerBody,
    draftOn: i.draftOn,
    adoptedOn: i.adoptedOn,
    effectiveOn: i.effectiveOn,
    url: i.url,
    notes: i.notes,
    version: i.version,
    updatedAt: i.updatedAt.toISOString(),
  };
}
export type InstrumentSnapshot = Awaited<ReturnType<typeof snapshot>>;

export async function createInstrument(values: InstrumentFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    const instrument = await tx.instrument.create({ data: scalarData(values) });
    await recordAudit(tx, { userId, action: "create", entityType: "Instrument", entityId: instrument.id, after: await snapshot(tx, instrument.id) });
    return instrument;
  });
}

export type InstrumentUpdateResult =
  | { ok: true }
  | { ok: false; conflict: InstrumentSnapshot & { updatedByName: string | null } }
  | { ok: false; notFound: true };

/** Saves over version `version` only; otherwise nothing is written and the newer version comes back. */
export async function updateInstrument(id: string, version: number, values: InstrumentFormValues, userId: string): Promise<InstrumentUpdateResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.instrument.findFirst({ where: { id, deletedAt: null }, select: { version: true } });
    if (!current) return { ok: false, notFound: true };
    const conflict = async () => ({ ok: false as const, conflict: { ...(await snapshot(tx, id)), updatedByName: await lastEditorName(tx, "Instrument", id) } });
    if (current.version !== version) return conflict();
    const before = await snapshot(tx, id);
    // The version check is repeated in the write itself, so that two saves at once cannot both pass.
    const written = await tx.instrument.updateMany({ where: { id, version }, data: { ...scalarData(values), version: { increment: 1 } } });
    if (written.count === 0) return conflict();
    await recordAudit(tx, { userId, action: "update", entityType: "Instrument", entityId: id, before, after: await snapshot(tx, id) });
    return { ok: true };
  });
}
