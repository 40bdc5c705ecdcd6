import { type Prisma } from "~/utils/db.server";

type Tx = Prisma.TransactionClient;

/** Records who changed what, with the values before and after. Call inside the same transaction. */
export function recordAudit(
  tx: Tx,
  event: { userId: string | null; action: "create" | "update" | "delete" | "restore"; entityType: string; entityId: string; before?: unknown; after?: unknown },
) {
  return tx.auditEvent.create({
    data: {
      userId: event.userId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    },
  });
}

/** Records many events in one statement (a batch of an import); the same rows recordAudit writes. */
export function recordAudits(
  tx: Tx,
  events: Array<{ userId: string | null; action: "create" | "update" | "delete" | "restore"; entityType: string; entityId: string; before?: unknown; after?: unknown }>,
) {
  return tx.auditEvent.createMany({
    data: events.map((event) => ({
      userId: event.userId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    })),
  });
}
