// Deleting puts a record in the trash (deletedAt is set; nothing else changes, so its links and
// children stay as they were) and restoring takes it out again. Both are audited. The trash lists
// what is deleted, of every type, with who deleted it and when from the audit log.
import { type Locale } from "~/i18n/locales";
import { recordAudit } from "~/models/audit.server";
import { labelledRecords, type Labelled } from "~/models/history.server";
import { TRASH_TYPES, type TrashType } from "~/models/trash";
import { db, type Prisma } from "~/utils/db.server";
import { PAGE_SIZE, pageCount } from "~/utils/paging";

type Tx = Prisma.TransactionClient;

/** Sets or clears deletedAt; the number of rows changed (0 when it was already so, or there is no such row). */
async function setDeletedAt(tx: Tx, type: TrashType, id: string, value: Date | null) {
  const where = { id, deletedAt: value ? null : { not: null } };
  const data = { deletedAt: value };
  switch (type) {
    case "Demand":
      return (await tx.demand.updateMany({ where, data })).count;
    case "Request":
      return (await tx.request.updateMany({ where, data })).count;
    case "NegotiationRound":
      return (await tx.negotiationRound.updateMany({ where, data })).count;
    case "Consultation":
      return (await tx.consultation.updateMany({ where, data })).count;
    case "CommentSubmission":
      return (await tx.commentSubmission.updateMany({ where, data })).count;
    case "Outcome":
      return (await tx.outcome.updateMany({ where, data })).count;
    case "Instrument":
      return (await tx.instrument.updateMany({ where, data })).count;
    case "Body":
      return (await tx.body.updateMany({ where, data })).count;
    case "Organisation":
      return (await tx.organisation.updateMany({ where, data })).count;
    case "ProjectNetwork":
      return (await tx.projectNetwork.updateMany({ where, data })).count;
    case "Person":
      return (await tx.person.updateMany({ where, data })).count;
    case "Attachment":
      return (await tx.attachment.updateMany({ where, data })).count;
    case "UnMechanism":
      return (await tx.unMechanism.updateMany({ where, data })).count;
    case "ReviewCycle":
      return (await tx.reviewCycle.updateMany({ where, data })).count;
    case "UnDocument":
      return (await tx.unDocument.updateMany({ where, data })).count;
    case "Recommendation":
      return (await tx.recommendation.updateMany({ where, data })).count;
    case "MembershipFigure":
      return (await tx.membershipFigure.updateMany({ where, data })).count;
    case "ActivityPlanGoal":
      return (await tx.activityPlanGoal.updateMany({ where, data })).count;
  }
}

export type TrashProblem = { error: "delete.hasChildren" | "error.restoreParentInTrash" | "error.restoreRefTaken" | "error.restoreConflict"; vars: Record<string, string | number> };
export type TrashResult = { ok: true; name: string } | { ok: false; notFound: true } | { ok: false; problem: TrashProblem };

const nameIn = (record: { ja: string; en: string }, locale: Locale) => record[locale];

/** The record as the delete confirmation names it; null when there is none, or it is already in the trash. */
export async function liveRecord(type: TrashType, id: string, locale: Locale, client: Tx = db) {
  const [record] = await labelledRecords(type, { id }, client);
  return record && !record.deletedAt ? { id: record.id, name: nameIn(record, locale) } : null;
}

/** What stops a deletion: bodies and demands with live ones under them would be left hanging. */
async function deleteProblem(tx: Tx, type: TrashType, id: string, name: string): Promise<TrashProblem | null> {
  const count =
    type === "Body"
      ? await tx.body.count({ where: { parentId: id, deletedAt: null } })
      : type === "Demand"
        ? await tx.demand.count({ where: { parentId: id, deletedAt: null } })
        : type === "UnMechanism"
          ? (await tx.reviewCycle.count({ where: { mechanismId: id, deletedAt: null } })) + (await tx.unDocument.count({ where: { mechanismId: id, deletedAt: null } }))
          : type === "UnDocument"
            ? await tx.recommendation.count({ where: { documentId: id, deletedAt: null } })
            : 0;
  return count ? { error: "delete.hasChildren", vars: { name, count } } : null;
}

/** Puts the record in the trash, with an audit event "delete". */
export async function moveToTrash(type: TrashType, id: string, userId: string, locale: Locale): Promise<TrashResult> {
  return db.$transaction(async (tx) => {
    const record = await liveRecord(type, id, locale, tx);
    if (!record) return { ok: false, notFound: true };
    const problem = await deleteProblem(tx, type, id, record.name);
    if (problem) return { ok: false, problem };
    const now = new Date();
    if ((await setDeletedAt(tx, type, id, now)) !== 1) return { ok: false, notFound: true };
    await recordAudit(tx, { userId, action: "delete", entityType: type, entityId: id, before: { deletedAt: null }, after: { deletedAt: now.toISOString() } });
    return { ok: true, name: record.name };
  });
}

/** The record this one belongs to, when that one is in the trash: it must come back first. */
async function parentInTrash(tx: Tx, type: TrashType, id: string, locale: Locale): Promise<string | null> {
  const deleted = async (parentType: TrashType, parentId: string | null | undefined) => {
    if (!parentId) return null;
    const [parent] = await labelledRecords(parentType, { id: parentId }, tx);
    return parent?.deletedAt ? nameIn(parent, locale) : null;
  };
  switch (type) {
    case "Demand": {
      const row = await tx.demand.findUnique({ where: { id }, select: { parentId: true } });
      return deleted("Demand", row?.parentId);
    }
    case "Body": {
      const row = await tx.body.findUnique({ where: { id }, select: { parentId: true } });
      return deleted("Body", row?.parentId);
    }
    case "Outcome": {
      const row = await tx.outcome.findUnique({ where: { id }, select: { demandId: true, instrumentId: true } });
      return (await deleted("Demand", row?.demandId)) ?? (await deleted("Instrument", row?.instrumentId));
    }
    case "Attachment": {
      const row = await tx.attachment.findUnique({ where: { id }, select: { requestId: true, roundId: true, outcomeId: true, consultationId: true, submissionId: true } });
      return (
        (await deleted("Request", row?.requestId)) ??
        (await deleted("NegotiationRound", row?.roundId)) ??
        (await deleted("Outcome", row?.outcomeId)) ??
        (await deleted("Consultation", row?.consultationId)) ??
        (await deleted("CommentSubmission", row?.submissionId))
      );
    }
    case "CommentSubmission": {
      const row = await tx.commentSubmission.findUnique({ where: { id }, select: { consultationId: true } });
      return deleted("Consultation", row?.consultationId);
    }
    case "ReviewCycle": {
      const row = await tx.reviewCycle.findUnique({ where: { id }, select: { mechanismId: true } });
      return deleted("UnMechanism", row?.mechanismId);
    }
    case "UnDocument": {
      const row = await tx.unDocument.findUnique({ where: { id }, select: { mechanismId: true } });
      return deleted("UnMechanism", row?.mechanismId);
    }
    case "Recommendation": {
      const row = await tx.recommendation.findUnique({ where: { id }, select: { documentId: true } });
      return deleted("UnDocument", row?.documentId);
    }
    default:
      return null;
  }
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && "code" in error && (error as { code?: unknown }).code === "P2002";
}

/**
 * Takes the record out of the trash, with an audit event "restore". Refused, with the reason, when
 * what it belongs to is still in the trash or when it would clash with a record that exists now
 * (a demand's number taken by another demand).
 */
export async function restoreFromTrash(type: TrashType, id: string, userId: string, locale: Locale): Promise<TrashResult> {
  const [record] = await labelledRecords(type, { id });
  if (!record || !record.deletedAt) return { ok: false, notFound: true };
  const name = nameIn(record, locale);
  try {
    return await db.$transaction(async (tx): Promise<TrashResult> => {
      const parent = await parentInTrash(tx, type, id, locale);
      if (parent) return { ok: false, problem: { error: "error.restoreParentInTrash", vars: { name, parent } } };
      if (type === "Demand") {
        const { ref } = await tx.demand.findUniqueOrThrow({ where: { id }, select: { ref: true } });
        const taken = await tx.demand.count({ where: { ref, id: { not: id }, deletedAt: null } });
        if (taken) return { ok: false, problem: { error: "error.restoreRefTaken", vars: { name, ref } } };
      }
      const deletedAt = record.deletedAt?.toISOString() ?? null;
      if ((await setDeletedAt(tx, type, id, null)) !== 1) return { ok: false, notFound: true };
      await recordAudit(tx, { userId, action: "restore", entityType: type, entityId: id, before: { deletedAt }, after: { deletedAt: null } });
      return { ok: true, name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: { error: "error.restoreConflict", vars: { name } } };
    throw error;
  }
}

export type TrashQuery = { type?: TrashType; page: number; locale: Locale };

/**
 * What is in the trash, most recently deleted first, paged. The trash is small (deleting is rare), so
 * every type's deleted rows are read and merged here.
 */
export async function listTrash(query: TrashQuery) {
  const types = query.type ? [query.type] : TRASH_TYPES;
  const perType = await Promise.all(types.map(async (type) => (await labelledRecords(type, { deletedAt: { not: null } })).map((r) => ({ type, ...r }))));
  const all: Array<Labelled & { type: TrashType }> = perType.flat();
  all.sort((a, b) => (b.deletedAt?.getTime() ?? 0) - (a.deletedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
  const start = (query.page - 1) * PAGE_SIZE;
  const page = all.slice(start, start + PAGE_SIZE);
  const events = page.length
    ? await db.auditEvent.findMany({
        where: { action: "delete", OR: page.map((r) => ({ entityType: r.type, entityId: r.id })) },
        orderBy: { at: "desc" },
        select: { entityType: true, entityId: true, at: true, user: { select: { name: true } } },
      })
    : [];
  const items = page.map((r) => {
    // The latest deletion (a record may have been deleted, restored and deleted again).
    const event = events.find((e) => e.entityType === r.type && e.entityId === r.id);
    return {
      type: r.type,
      id: r.id,
      name: nameIn(r, query.locale),
      owner: r.owner ? nameIn(r.owner, query.locale) : null,
      deletedAt: (r.deletedAt ?? event?.at ?? new Date(0)).toISOString(),
      deletedByName: event?.user?.name ?? null,
    };
  });
  return { items, total: all.length, pageCount: pageCount(all.length) };
}
