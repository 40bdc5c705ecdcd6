// Membership figures by year: list, create, update with its version, all audited (decisions 005, 016).
// Deleting goes through the trash (trash.server.ts).
import { recordAudit } from "~/models/audit.server";
import { type MembershipFigureValues } from "~/models/membership";
import { lastEditorName } from "~/models/organisation.server";
import { db, type Prisma } from "~/utils/db.server";

export type FieldErrors = Record<string, string[]>;

const figureSelect = {
  id: true,
  year: true,
  individualMembers: true,
  individualMemberUnits: true,
  organisationMembers: true,
  organisationMemberUnits: true,
  individualSubscribers: true,
  individualSubscriberUnits: true,
  organisationSubscribers: true,
  organisationSubscriberUnits: true,
  note: true,
  version: true,
} as const;

export function listFigures() {
  return db.membershipFigure.findMany({ where: { deletedAt: null }, orderBy: { year: "desc" }, select: figureSelect });
}

export function getFigure(id: string) {
  return db.membershipFigure.findFirst({ where: { id, deletedAt: null }, select: figureSelect });
}

export async function figureForYear(year: number, client: Pick<Prisma.TransactionClient, "membershipFigure"> = db) {
  return client.membershipFigure.findFirst({ where: { year, deletedAt: null }, select: figureSelect });
}

/** A year has one row, in the trash or not: a clash is a field error on the year. */
async function yearErrors(tx: Prisma.TransactionClient, year: number, exceptId?: string): Promise<FieldErrors> {
  const other = await tx.membershipFigure.findFirst({ where: { year, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { deletedAt: true } });
  if (!other) return {};
  return { year: [other.deletedAt ? "error.yearInTrash" : "error.yearTaken"] };
}

function data(values: MembershipFigureValues) {
  return {
    year: values.year,
    individualMembers: values.individualMembers ?? null,
    individualMemberUnits: values.individualMemberUnits ?? null,
    organisationMembers: values.organisationMembers ?? null,
    organisationMemberUnits: values.organisationMemberUnits ?? null,
    individualSubscribers: values.individualSubscribers ?? null,
    individualSubscriberUnits: values.individualSubscriberUnits ?? null,
    organisationSubscribers: values.organisationSubscribers ?? null,
    organisationSubscriberUnits: values.organisationSubscriberUnits ?? null,
    note: values.note || null,
  };
}

async function snapshot(tx: Prisma.TransactionClient, id: string) {
  const { id: _id, ...row } = await tx.membershipFigure.findUniqueOrThrow({ where: { id }, select: figureSelect });
  return row;
}
export type FigureSnapshot = Awaited<ReturnType<typeof snapshot>>;

export async function createFigure(values: MembershipFigureValues, userId: string): Promise<{ ok: true; id: string } | { ok: false; fieldErrors: FieldErrors }> {
  return db.$transaction(async (tx) => {
    const fieldErrors = await yearErrors(tx, values.year);
    if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
    const figure = await tx.membershipFigure.create({ data: data(values) });
    await recordAudit(tx, { userId, action: "create", entityType: "MembershipFigure", entityId: figure.id, after: await snapshot(tx, figure.id) });
    return { ok: true, id: figure.id };
  });
}

export type FigureUpdateResult =
  | { ok: true }
  | { ok: false; notFound: true }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; conflict: FigureSnapshot & { updatedByName: string | null } };

/** Saves over version `version` only (decision 005). */
export async function updateFigure(id: string, version: number, values: MembershipFigureValues, userId: string): Promise<FigureUpdateResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.membershipFigure.findFirst({ where: { id, deletedAt: null }, select: { version: true } });
    if (!current) return { ok: false, notFound: true };
    const conflict = async () => ({ ok: false as const, conflict: { ...(await snapshot(tx, id)), updatedByName: await lastEditorName(tx, "MembershipFigure", id) } });
    if (current.version !== version) return conflict();
    const fieldErrors = await yearErrors(tx, values.year, id);
    if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
    const before = await snapshot(tx, id);
    const written = await tx.membershipFigure.updateMany({ where: { id, version }, data: { ...data(values), version: { increment: 1 } } });
    if (written.count === 0) return conflict();
    await recordAudit(tx, { userId, action: "update", entityType: "MembershipFigure", entityId: id, before, after: await snapshot(tx, id) });
    return { ok: true };
  });
}
