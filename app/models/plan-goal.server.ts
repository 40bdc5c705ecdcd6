// A year's plan goals: list, create, update with its version, move within the section, all audited
// (decisions 005, 016). Deleting goes through the trash (trash.server.ts).
import { recordAudit } from "~/models/audit.server";
import { lastEditorName } from "~/models/organisation.server";
import { type PlanGoalValues } from "~/models/plan-goal";
import { db, type Prisma } from "~/utils/db.server";

const goalSelect = {
  id: true,
  year: true,
  section: true,
  position: true,
  goalJa: true,
  goalEn: true,
  result: true,
  resultJa: true,
  resultEn: true,
  version: true,
} as const;

/** The year's goals (not in the trash), in section and position order. A plan has tens of goals: not paged. */
export function listGoals(year: number) {
  return db.activityPlanGoal.findMany({ where: { year, deletedAt: null }, orderBy: [{ section: "asc" }, { position: "asc" }, { id: "asc" }], select: goalSelect });
}

export function getGoal(id: string) {
  return db.activityPlanGoal.findFirst({ where: { id, deletedAt: null }, select: goalSelect });
}

function data(values: PlanGoalValues) {
  return {
    section: values.section,
    goalJa: values.goalJa ?? "",
    goalEn: values.goalEn ?? "",
    result: values.result ?? null,
    // The result's words mean nothing without a result (the schema refuses them then).
    resultJa: values.result ? values.resultJa || null : null,
    resultEn: values.result ? values.resultEn || null : null,
  };
}

async function snapshot(tx: Prisma.TransactionClient, id: string) {
  const { id: _id, ...row } = await tx.activityPlanGoal.findUniqueOrThrow({ where: { id }, select: goalSelect });
  return row;
}
export type GoalSnapshot = Awaited<ReturnType<typeof snapshot>>;

/** The next free position at the end of a section (trashed goals keep theirs, so that a restore lands where it was). */
async function endOf(tx: Prisma.TransactionClient, year: number, section: string) {
  const last = await tx.activityPlanGoal.aggregate({ where: { year, section }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

export async function createGoal(year: number, values: PlanGoalValues, userId: string) {
  return db.$transaction(async (tx) => {
    const goal = await tx.activityPlanGoal.create({ data: { year, position: await endOf(tx, year, values.section), ...data(values) } });
    await recordAudit(tx, { userId, action: "create", entityType: "ActivityPlanGoal", entityId: goal.id, after: await snapshot(tx, goal.id) });
    return { id: goal.id };
  });
}

export type GoalUpdateResult = { ok: true; year: number } | { ok: false; notFound: true } | { ok: false; conflict: GoalSnapshot & { updatedByName: string | null } };

/** Saves over version `version` only (decision 005). A goal moved to another section goes to that section's end. */
export async function updateGoal(id: string, version: number, values: PlanGoalValues, userId: string): Promise<GoalUpdateResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.activityPlanGoal.findFirst({ where: { id, deletedAt: null }, select: { version: true, year: true, section: true } });
    if (!current) return { ok: false, notFound: true };
    const conflict = async () => ({ ok: false as const, conflict: { ...(await snapshot(tx, id)), updatedByName: await lastEditorName(tx, "ActivityPlanGoal", id) } });
    if (current.version !== version) return conflict();
    const before = await snapshot(tx, id);
    const position = values.section === current.section ? undefined : await endOf(tx, current.year, values.section);
    const written = await tx.activityPlanGoal.updateMany({ where: { id, version }, data: { ...data(values), ...(position === undefined ? {} : { position }), version: { increment: 1 } } });
    if (written.count === 0) return conflict();
    await recordAudit(tx, { userId, action: "update", entityType: "ActivityPlanGoal", entityId: id, before, after: await snapshot(tx, id) });
    return { ok: true, year: current.year };
  });
}

/**
 * Swaps the goal with its neighbour above or below in the same year and section. Only positions change:
 * the version stays, so that someone editing either goal's words is not sent into a conflict by it
 * (a reordering is audited like the agenda's, positions only).
 */
export async function moveGoal(year: number, id: string, direction: "up" | "down", userId: string): Promise<{ ok: boolean }> {
  return db.$transaction(async (tx) => {
    const goal = await tx.activityPlanGoal.findFirst({ where: { id, year, deletedAt: null }, select: { id: true, section: true, position: true } });
    if (!goal) return { ok: false };
    const neighbour = await tx.activityPlanGoal.findFirst({
      where: { year, section: goal.section, deletedAt: null, position: direction === "up" ? { lt: goal.position } : { gt: goal.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    // Already first or last: nothing to do, and nothing wrong.
    if (!neighbour) return { ok: true };
    await tx.activityPlanGoal.update({ where: { id: goal.id }, data: { position: neighbour.position } });
    await tx.activityPlanGoal.update({ where: { id: neighbour.id }, data: { position: goal.position } });
    for (const [row, from, to] of [
      [goal.id, goal.position, neighbour.position],
      [neighbour.id, neighbour.position, goal.position],
    ] as const) {
      await recordAudit(tx, { userId, action: "update", entityType: "ActivityPlanGoal", entityId: row, before: { position: from }, after: { position: to } });
    }
    return { ok: true };
  });
}
