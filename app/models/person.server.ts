import { type Locale } from "~/i18n/locales";
import { recordAudit } from "~/models/audit.server";
import { flattenTree } from "~/models/body";
import { lastEditorName } from "~/models/body.server";
import {
  type AffiliationFormValues,
  compareAffiliations,
  isCurrentAffiliation,
  PERSON_KINDS,
  type PersonFormValues,
  type PersonKind,
  type PersonSort,
  todayInJapan,
} from "~/models/person";
import { db, type Prisma } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";

export type PersonListQuery = {
  q?: string;
  kind?: PersonKind;
  sort: PersonSort;
  dir: "asc" | "desc";
  page: number;
  locale: Locale;
  /** Staff may search by email and see it; members never get it. */
  includePrivate: boolean;
  /** Every row (the CSV download), not one page. */
  all?: boolean;
};

type Named = { nameJa: string; nameEn: string };
const labelIn = (locale: Locale) => (x: Named) => (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);

/** Affiliations whose body, organisation or network has not been deleted. */
const liveTarget: Prisma.AffiliationWhereInput = {
  OR: [{ body: { deletedAt: null } }, { organisation: { deletedAt: null } }, { projectNetwork: { deletedAt: null } }],
};

const affiliationSelect = {
  id: true,
  roleJa: true,
  roleEn: true,
  startOn: true,
  endOn: true,
  body: { select: { id: true, kind: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } },
  organisation: { select: { id: true, nameJa: true, nameEn: true, shortName: true } },
  projectNetwork: { select: { id: true, nameJa: true, nameEn: true } },
} satisfies Prisma.AffiliationSelect;

/**
 * People matching the search, sorted and paged, each with their current affiliations. Contact
 * details are not part of the answer; staff get the emails of the page in `emails`.
 */
export async function listPeople(query: PersonListQuery) {
  const where: Prisma.PersonWhereInput = { deletedAt: null };
  if (query.kind) where.kind = query.kind;
  if (query.q) {
    where.OR = [
      { nameJa: { contains: query.q } },
      { nameEn: { contains: query.q } },
      ...(query.includePrivate ? [{ email: { contains: query.q } }] : []),
    ];
  }
  // Sorted here rather than in SQL so that a name missing in one language falls back to the other.
  const candidates = await db.person.findMany({ where, select: { id: true, kind: true, nameJa: true, nameEn: true, updatedAt: true } });
  const label = labelIn(query.locale);
  const byName = (a: Named, b: Named) => label(a).localeCompare(label(b), query.locale);
  const sign = query.dir === "asc" ? 1 : -1;
  candidates.sort((a, b) => {
    const primary =
      query.sort === "kind"
        ? PERSON_KINDS.indexOf(a.kind as PersonKind) - PERSON_KINDS.indexOf(b.kind as PersonKind)
        : query.sort === "updated"
          ? a.updatedAt.getTime() - b.updatedAt.getTime()
          : byName(a, b);
    return sign * primary || byName(a, b) || a.id.localeCompare(b.id);
  });
  const { skip, take } = query.all ? { skip: 0, take: candidates.length } : pageWindow(query.page);
  const ids = candidates.slice(skip, skip + take).map((p) => p.id);
  const [details, contacts] = await Promise.all([
    db.person.findMany({
      where: { id: { in: ids } },
      select: { id: true, kind: true, nameJa: true, nameEn: true, updatedAt: true, affiliations: { where: liveTarget, select: affiliationSelect } },
    }),
    query.includePrivate ? db.person.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : Promise.resolve(null),
  ]);
  const today = todayInJapan();
  const byId = new Map(details.map((p) => [p.id, p]));
  const items = ids
    .map((id) => byId.get(id))
    .filter((p) => p !== undefined)
    .map(({ affiliations, ...p }) => ({
      ...p,
      current: affiliations.filter((a) => isCurrentAffiliation(a, today)).sort(compareAffiliations),
    }));
  const emails = contacts ? Object.fromEntries(contacts.filter((c) => c.email).map((c) => [c.id, c.email as string])) : null;
  return { items, emails, total: candidates.length, pageCount: pageCount(candidates.length) };
}

/** A person as everyone may see them: no email, phone or notes (see getPersonPrivate). */
export async function getPerson(id: string) {
  const person = await db.person.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      kind: true,
      nameJa: true,
      nameEn: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      affiliations: { where: liveTarget, select: affiliationSelect },
    },
  });
  if (!person) return null;
  const today = todayInJapan();
  return {
    ...person,
    affiliations: [...person.affiliations].sort(compareAffiliations).map((a) => ({ ...a, current: isCurrentAffiliation(a, today) })),
  };
}

/** The whole record, contact details included: for the staff-only editor. */
export function findPerson(id: string) {
  return db.person.findFirst({ where: { id, deletedAt: null } });
}

/** Contact details and notes: for staff only. */
export async function getPersonPrivate(id: string) {
  return db.person.findFirst({ where: { id, deletedAt: null }, select: { email: true, phone: true, notes: true } });
}

/** What the affiliation form chooses from. */
export async function affiliationFormOptions(locale: Locale) {
  const label = labelIn(locale);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  const [bodies, organisations, networks] = await Promise.all([
    db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true, nameJa: true, nameEn: true, sortOrder: true } }),
    db.organisation.findMany({ where: { deletedAt: null }, select: { id: true, nameJa: true, nameEn: true } }),
    db.projectNetwork.findMany({ where: { deletedAt: null }, select: { id: true, nameJa: true, nameEn: true } }),
  ]);
  return {
    bodies: flattenTree(bodies, label).map((b) => ({ value: b.id, label: label(b), depth: b.depth })),
    organisations: organisations.map((o) => ({ value: o.id, label: label(o) })).sort(byLabel),
    networks: networks.map((n) => ({ value: n.id, label: label(n) })).sort(byLabel),
  };
}

export type FieldErrors = Record<string, string[]>;

/** The chosen body, organisation or network exists (and is not in the trash). */
export async function checkAffiliationReferences(values: AffiliationFormValues): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const [body, organisation, network] = await Promise.all([
    values.bodyId ? db.body.count({ where: { id: values.bodyId, deletedAt: null } }) : 1,
    values.organisationId ? db.organisation.count({ where: { id: values.organisationId, deletedAt: null } }) : 1,
    values.projectNetworkId ? db.projectNetwork.count({ where: { id: values.projectNetworkId, deletedAt: null } }) : 1,
  ]);
  if (body === 0) errors.bodyId = ["error.unknownChoice"];
  if (organisation === 0) errors.organisationId = ["error.unknownChoice"];
  if (network === 0) errors.projectNetworkId = ["error.unknownChoice"];
  return errors;
}

function scalarData(values: PersonFormValues) {
  return {
    kind: values.kind,
    nameJa: values.nameJa ?? "",
    nameEn: values.nameEn ?? "",
    email: values.email ?? null,
    phone: values.phone ?? null,
    notes: values.notes ?? null,
  };
}

/** The fields the audit log and the conflict view compare. */
async function snapshot(tx: Prisma.TransactionClient, id: string) {
  const p = await tx.person.findUniqueOrThrow({ where: { id } });
  return {
    kind: p.kind,
    nameJa: p.nameJa,
    nameEn: p.nameEn,
    email: p.email,
    phone: p.phone,
    notes: p.notes,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type PersonSnapshot = Awaited<ReturnType<typeof snapshot>>;

export async function createPerson(values: PersonFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    const person = await tx.person.create({ data: scalarData(values) });
    await recordAudit(tx, { userId, action: "create", entityType: "Person", entityId: person.id, after: await snapshot(tx, person.id) });
    return person;
  });
}

export type PersonUpdateResult =
  | { ok: true }
  | { ok: false; conflict: PersonSnapshot & { updatedByName: string | null } }
  | { ok: false; notFound: true };

/** Saves over version `version` only; otherwise nothing is written and the newer version comes back. */
export async function updatePerson(id: string, version: number, values: PersonFormValues, userId: string): Promise<PersonUpdateResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.person.findFirst({ where: { id, deletedAt: null }, select: { version: true } });
    if (!current) return { ok: false, notFound: true };
    if (current.version !== version) {
      return { ok: false, conflict: { ...(await snapshot(tx, id)), updatedByName: await lastEditorName(tx, "Person", id) } };
    }
    const before = await snapshot(tx, id);
    const { count } = await tx.person.updateMany({ where: { id, version }, data: { ...scalarData(values), version: { increment: 1 } } });
    if (count !== 1) return { ok: false, notFound: true };
    await recordAudit(tx, { userId, action: "update", entityType: "Person", entityId: id, before, after: await snapshot(tx, id) });
    return { ok: true };
  });
}

function affiliationSnapshot(a: {
  personId: string;
  bodyId: string | null;
  organisationId: string | null;
  projectNetworkId: string | null;
  roleJa: string | null;
  roleEn: string | null;
  startOn: string | null;
  endOn: string | null;
}) {
  return {
    personId: a.personId,
    bodyId: a.bodyId,
    organisationId: a.organisationId,
    projectNetworkId: a.projectNetworkId,
    roleJa: a.roleJa,
    roleEn: a.roleEn,
    startOn: a.startOn,
    endOn: a.endOn,
  };
}

/** Adds an affiliation to a person (who must exist); null when the person does not. */
export async function addAffiliation(personId: string, values: AffiliationFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    const person = await tx.person.count({ where: { id: personId, deletedAt: null } });
    if (person === 0) return null;
    const affiliation = await tx.affiliation.create({
      data: {
        personId,
        bodyId: values.bodyId ?? null,
        organisationId: values.organisationId ?? null,
        projectNetworkId: values.projectNetworkId ?? null,
        roleJa: values.roleJa ?? null,
        roleEn: values.roleEn ?? null,
        startOn: values.startOn ?? null,
        endOn: values.endOn ?? null,
      },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "Affiliation", entityId: affiliation.id, after: affiliationSnapshot(affiliation) });
    return affiliation;
  });
}

/** Removes one of the person's affiliations; false when there is no such affiliation of that person. */
export async function removeAffiliation(personId: string, affiliationId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const affiliation = await tx.affiliation.findFirst({ where: { id: affiliationId, personId, person: { deletedAt: null } } });
    if (!affiliation) return false;
    await tx.affiliation.delete({ where: { id: affiliationId } });
    await recordAudit(tx, { userId, action: "delete", entityType: "Affiliation", entityId: affiliationId, before: affiliationSnapshot(affiliation) });
    return true;
  });
}
