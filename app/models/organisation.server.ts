import { recordAudit } from "~/models/audit.server";
import { currentPhase } from "~/models/network";
import {
  type FormerNameValues,
  type OrganisationFormValues,
  type OrganisationKind,
  type OrganisationSort,
  sortFormerNames,
} from "~/models/organisation";
import { type Locale } from "~/i18n/locales";
import { db, type Prisma } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";

export type OrganisationListQuery = {
  q?: string;
  kind?: OrganisationKind;
  sort: OrganisationSort;
  dir: "asc" | "desc";
  page: number;
  locale: Locale;
  /** Every row (the CSV download), not one page. */
  all?: boolean;
};

const formerNameSelect = { id: true, nameJa: true, nameEn: true, fromOn: true, untilOn: true } as const;

export async function listOrganisations(query: OrganisationListQuery) {
  const where: Prisma.OrganisationWhereInput = { deletedAt: null };
  if (query.kind) where.kind = query.kind;
  if (query.q) {
    where.OR = [
      { nameJa: { contains: query.q } },
      { nameEn: { contains: query.q } },
      { shortName: { contains: query.q } },
      { formerNames: { some: { OR: [{ nameJa: { contains: query.q } }, { nameEn: { contains: query.q } }] } } },
    ];
  }
  const nameField = query.locale === "ja" ? "nameJa" : "nameEn";
  const orderBy: Prisma.OrganisationOrderByWithRelationInput[] =
    query.sort === "founded"
      ? [{ foundedOn: { sort: query.dir, nulls: "last" } }, { [nameField]: "asc" }, { id: "asc" }]
      : [{ [nameField]: query.dir }, { id: "asc" }];

  const [total, items] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.findMany({
      where,
      orderBy,
      ...(query.all ? {} : pageWindow(query.page)),
      select: {
        id: true,
        kind: true,
        nameJa: true,
        nameEn: true,
        shortName: true,
        foundedOn: true,
        dissolvedOn: true,
        formerNames: { select: formerNameSelect },
      },
    }),
  ]);
  return {
    items: items.map((o) => ({ ...o, formerNames: sortFormerNames(o.formerNames) })),
    total,
    pageCount: pageCount(total),
  };
}

export async function getOrganisation(id: string) {
  const organisation = await db.organisation.findFirst({
    where: { id, deletedAt: null },
    include: {
      formerNames: { select: formerNameSelect },
      projectNetworks: {
        where: { deletedAt: null },
        select: {
          id: true,
          nameJa: true,
          nameEn: true,
          phases: { select: { id: true, status: true, nameJa: true, nameEn: true, fromOn: true }, orderBy: { fromOn: "asc" } },
        },
      },
      affiliations: {
        where: { person: { deletedAt: null } },
        select: {
          id: true,
          roleJa: true,
          roleEn: true,
          startOn: true,
          endOn: true,
          person: { select: { id: true, nameJa: true, nameEn: true, kind: true } },
        },
        orderBy: [{ startOn: { sort: "asc", nulls: "first" } }, { person: { nameEn: "asc" } }],
      },
    },
  });
  if (!organisation) return null;
  const { projectNetworks, formerNames, ...rest } = organisation;
  return {
    ...rest,
    formerNames: sortFormerNames(formerNames),
    projectNetworks: projectNetworks.map(({ phases, ...n }) => {
      const current = currentPhase(phases);
      return {
        ...n,
        nameJa: current?.nameJa ?? n.nameJa,
        nameEn: current?.nameEn ?? n.nameEn,
        status: current?.status ?? null,
        since: current?.fromOn ?? null,
      };
    }),
  };
}

/** The organisations a form chooses from (the project network's independent organisation). */
export async function organisationOptions(locale: Locale) {
  const label = (x: { nameJa: string; nameEn: string }) => (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);
  const rows = await db.organisation.findMany({ where: { deletedAt: null }, select: { id: true, nameJa: true, nameEn: true } });
  return rows.map((o) => ({ value: o.id, label: label(o) })).sort((a, b) => a.label.localeCompare(b.label, locale));
}

function scalarData(values: OrganisationFormValues) {
  return {
    kind: values.kind,
    nameJa: values.nameJa ?? "",
    nameEn: values.nameEn ?? "",
    shortName: values.shortName ?? null,
    website: values.website ?? null,
    foundedOn: values.foundedOn ?? null,
    dissolvedOn: values.dissolvedOn ?? null,
    notesJa: values.notesJa ?? null,
    notesEn: values.notesEn ?? null,
  };
}

/** The fields the audit log and the conflict view compare. */
async function snapshot(tx: Prisma.TransactionClient, id: string) {
  const o = await tx.organisation.findUniqueOrThrow({ where: { id } });
  return {
    kind: o.kind,
    nameJa: o.nameJa,
    nameEn: o.nameEn,
    shortName: o.shortName,
    website: o.website,
    foundedOn: o.foundedOn,
    dissolvedOn: o.dissolvedOn,
    notesJa: o.notesJa,
    notesEn: o.notesEn,
    version: o.version,
    updatedAt: o.updatedAt.toISOString(),
  };
}
export type OrganisationSnapshot = Awaited<ReturnType<typeof snapshot>>;

export async function createOrganisation(values: OrganisationFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({ data: scalarData(values) });
    await recordAudit(tx, { userId, action: "create", entityType: "Organisation", entityId: organisation.id, after: await snapshot(tx, organisation.id) });
    return organisation;
  });
}

/** Who saved the version in the way, from the audit log (these records keep no updatedBy). */
export async function lastEditorName(tx: Prisma.TransactionClient, entityType: string, id: string) {
  const event = await tx.auditEvent.findFirst({
    where: { entityType, entityId: id },
    orderBy: { at: "desc" },
    select: { user: { select: { name: true } } },
  });
  return event?.user?.name ?? null;
}

export type OrganisationUpdateResult =
  | { ok: true }
  | { ok: false; conflict: OrganisationSnapshot & { updatedByName: string | null } }
  | { ok: false; notFound: true };

/** Saves over version `version` only; otherwise nothing is written and the newer version comes back. */
export async function updateOrganisation(id: string, version: number, values: OrganisationFormValues, userId: string): Promise<OrganisationUpdateResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.organisation.findFirst({ where: { id, deletedAt: null }, select: { version: true } });
    if (!current) return { ok: false, notFound: true };
    if (current.version !== version) {
      return { ok: false, conflict: { ...(await snapshot(tx, id)), updatedByName: await lastEditorName(tx, "Organisation", id) } };
    }
    const before = await snapshot(tx, id);
    // The version check is repeated in the write itself, so that two saves at once cannot both pass.
    const written = await tx.organisation.updateMany({ where: { id, version }, data: { ...scalarData(values), version: { increment: 1 } } });
    if (written.count === 0) {
      return { ok: false, conflict: { ...(await snapshot(tx, id)), updatedByName: await lastEditorName(tx, "Organisation", id) } };
    }
    await recordAudit(tx, { userId, action: "update", entityType: "Organisation", entityId: id, before, after: await snapshot(tx, id) });
    return { ok: true };
  });
}

export async function organisationExists(id: string) {
  return (await db.organisation.count({ where: { id, deletedAt: null } })) > 0;
}

function formerNameSnapshot(n: { organisationId: string; nameJa: string; nameEn: string; fromOn: string | null; untilOn: string | null }) {
  return { organisationId: n.organisationId, nameJa: n.nameJa, nameEn: n.nameEn, fromOn: n.fromOn, untilOn: n.untilOn };
}

export async function addFormerName(organisationId: string, values: FormerNameValues, userId: string) {
  return db.$transaction(async (tx) => {
    const name = await tx.organisationName.create({
      data: {
        organisationId,
        nameJa: values.nameJa ?? "",
        nameEn: values.nameEn ?? "",
        fromOn: values.fromOn ?? null,
        untilOn: values.untilOn ?? null,
      },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "OrganisationName", entityId: name.id, after: formerNameSnapshot(name) });
    return name;
  });
}

/** Removes a former name of this organisation; false when there is no such name (already removed). */
export async function removeFormerName(organisationId: string, formerNameId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const name = await tx.organisationName.findFirst({ where: { id: formerNameId, organisationId } });
    if (!name) return false;
    await tx.organisationName.delete({ where: { id: name.id } });
    await recordAudit(tx, { userId, action: "delete", entityType: "OrganisationName", entityId: name.id, before: formerNameSnapshot(name) });
    return true;
  });
}
