// Reads what app/models/status.ts needs from the database and derives a demand's status in memory
// (docs/decisions/006-demand-status.md). Lists ask for many demands at once: demandStatuses() makes
// the same few queries whatever the number of demands, never one per demand: one for the outcomes
// (plus the one in which Prisma loads their instruments' titles), one for the overrides, one for the
// demands' first-raised dates. test/integration/status.test.ts counts them.
import { untrashed } from "~/models/trash";
import { recordAudit } from "~/models/audit.server";
import { type StatusOverrideValues } from "~/models/outcome";
import { type OutcomeFact, type OverrideFact, type Status, type StatusAsOf, type StatusPoint, statusAsOf, statusHistory } from "~/models/status";
import { db } from "~/utils/db.server";
import { partialDateRange, todayInJapan } from "~/utils/partial-date";

const outcomeSelect = {
  id: true,
  demandId: true,
  degree: true,
  occurredOn: true,
  instrumentId: true,
  createdAt: true,
  instrument: { select: { id: true, kind: true, titleJa: true, titleEn: true, deletedAt: true } },
} as const;

/** The outcomes that count for these demands; a government document in the trash is not named (docs/decisions/009), the outcome still counts. */
async function countingOutcomeRows(demandIds: string[]): Promise<OutcomeRow[]> {
  const rows = await db.outcome.findMany({ where: countingOutcomes(demandIds), select: outcomeSelect });
  return rows.map((row) => ({ ...row, instrument: untrashed(row.instrument) }));
}

const overrideSelect = { id: true, demandId: true, status: true, reason: true, fromOn: true, clearedAt: true, createdAt: true, createdById: true } as const;

/** The outcome behind a status: its instrument's title, its degree and its date. */
export type StatusOutcome = {
  id: string;
  degree: string;
  occurredOn: string;
  instrument: { id: string; kind: string; titleJa: string; titleEn: string } | null;
};

export type DemandStatus = StatusAsOf & {
  demandId: string;
  /**
   * `since` as precisely as the evidence gives it: the partial date of the outcome, override or
   * first raising that changed the status ("2008-01", not "2008-01-01"), else the exact day.
   */
  sinceOn: string | null;
  /** the day asked about (YYYY-MM-DD or a partial date) */
  asOf: string;
  /** the outcome that set the derived status, if any */
  outcome: StatusOutcome | null;
};

type OutcomeRow = OutcomeFact & StatusOutcome & { demandId: string; createdAt: Date };
type OverrideRow = OverrideFact & { demandId: string; createdAt: Date; createdById: string | null; clearedAt: Date | null };

function outcomeOf(row: OutcomeRow | undefined): StatusOutcome | null {
  if (!row) return null;
  return { id: row.id, degree: row.degree, occurredOn: row.occurredOn, instrument: row.instrument };
}

const startOf = (partial: string | null | undefined) => (partial ? (partialDateRange(partial)?.start ?? null) : null);

/** The partial date behind a change of status on `day` (YYYY-MM-DD), preferring what set the status. */
function preciseDay(
  day: string | null,
  cause: { override: { fromOn: string } | null; outcome: { occurredOn: string } | null },
  outcomes: Array<{ occurredOn: string }>,
  firstRaisedOn: string | null,
): string | null {
  if (!day) return null;
  if (cause.override && startOf(cause.override.fromOn) === day) return cause.override.fromOn;
  if (cause.outcome && startOf(cause.outcome.occurredOn) === day) return cause.outcome.occurredOn;
  if (!cause.override && firstRaisedOn && startOf(firstRaisedOn) === day) return firstRaisedOn;
  return outcomes.find((o) => startOf(o.occurredOn) === day)?.occurredOn ?? day;
}

function groupBy<T extends { demandId: string }>(rows: T[]) {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.demandId) ?? [];
    list.push(row);
    map.set(row.demandId, list);
  }
  return map;
}

/** Outcomes that count: not deleted (a deleted outcome no longer says anything about the status). */
const countingOutcomes = (demandIds: string[]) => ({ demandId: { in: demandIds }, deletedAt: null });

function deriveStatuses(
  ids: string[],
  outcomes: OutcomeRow[],
  overrides: OverrideRow[],
  raised: Map<string, string | null>,
  asOf: string,
): Record<string, DemandStatus> {
  const result: Record<string, DemandStatus> = {};
  const outcomesOf = groupBy<OutcomeRow>(outcomes);
  const overridesOf = groupBy<OverrideRow>(overrides);
  for (const id of ids) {
    const own = outcomesOf.get(id) ?? [];
    const firstRaisedOn = raised.get(id) ?? null;
    const status = statusAsOf(own, overridesOf.get(id) ?? [], asOf, firstRaisedOn);
    const outcome = outcomeOf(own.find((o) => o.id === status.outcomeId));
    const sinceOn = preciseDay(status.since, { override: status.override, outcome: status.override ? null : outcome }, status.override ? [] : own, firstRaisedOn);
    result[id] = { ...status, demandId: id, asOf, sinceOn, outcome };
  }
  return result;
}

/**
 * The status of each demand on `asOf` (default: today in Japan), keyed by demand id. Unknown ids
 * come back as open with no date. Four SQL statements in all, whatever the number of demands.
 */
export async function demandStatuses(demandIds: string[], asOf: string = todayInJapan()): Promise<Record<string, DemandStatus>> {
  const ids = [...new Set(demandIds)];
  if (ids.length === 0) return {};
  const [outcomes, overrides, demands] = await Promise.all([
    countingOutcomeRows(ids),
    db.demandStatusOverride.findMany({ where: { demandId: { in: ids } }, select: overrideSelect }),
    db.demand.findMany({ where: { id: { in: ids } }, select: { id: true, firstRaisedOn: true } }),
  ]);
  return deriveStatuses(ids, outcomes, overrides, new Map(demands.map((d) => [d.id, d.firstRaisedOn])), asOf);
}

type RawOutcomeRow = Omit<OutcomeRow, "instrument"> & { kind: string | null; titleJa: string | null; titleEn: string | null };

/**
 * The status of every live demand on `asOf`, as demandStatuses() derives it, read by joining on the
 * demands rather than by a list of their ids: the status board asks for all of them, and Prisma's
 * `IN` lists of 10,000 ids took 1.6 of the board's 3.4 s (bench, large scale). Three statements.
 */
export async function liveDemandStatuses(asOf: string = todayInJapan()): Promise<Record<string, DemandStatus>> {
  const [rawOutcomes, overrides, demands] = await Promise.all([
    db.$queryRaw<RawOutcomeRow[]>`
      SELECT o."id", o."demandId", o."degree", o."occurredOn", o."instrumentId", o."createdAt", i."kind", i."titleJa", i."titleEn"
      FROM "Outcome" o
      JOIN "Demand" d ON d."id" = o."demandId" AND d."deletedAt" IS NULL
      LEFT JOIN "Instrument" i ON i."id" = o."instrumentId" AND i."deletedAt" IS NULL
      WHERE o."deletedAt" IS NULL`,
    db.$queryRaw<OverrideRow[]>`
      SELECT s."id", s."demandId", s."status", s."reason", s."fromOn", s."clearedAt", s."createdAt", s."createdById"
      FROM "DemandStatusOverride" s JOIN "Demand" d ON d."id" = s."demandId" AND d."deletedAt" IS NULL`,
    db.demand.findMany({ where: { deletedAt: null }, select: { id: true, firstRaisedOn: true } }),
  ]);
  const outcomes: OutcomeRow[] = rawOutcomes.map(({ kind, titleJa, titleEn, ...o }) => ({
    ...o,
    instrument: o.instrumentId && kind !== null ? { id: o.instrumentId, kind, titleJa: titleJa ?? "", titleEn: titleEn ?? "" } : null,
  }));
  return deriveStatuses(
    demands.map((d) => d.id),
    outcomes,
    overrides,
    new Map(demands.map((d) => [d.id, d.firstRaisedOn])),
    asOf,
  );
}

/** The status of one demand on `asOf` (default: today in Japan). */
export async function demandStatus(demandId: string, asOf?: string): Promise<DemandStatus> {
  return (await demandStatuses([demandId], asOf))[demandId];
}

export type StatusOverrideRecord = {
  id: string;
  status: string;
  reason: string;
  fromOn: string;
  clearedAt: Date | null;
  createdAt: Date;
  createdByName: string | null;
};

/** Why the status took its value at a point of the history. */
export type StatusCause = "raised" | "outcome" | "override" | "overrideLifted";

export type StatusHistoryPoint = StatusPoint & {
  cause: StatusCause;
  /** `on` as precisely as the evidence gives it (see DemandStatus.sinceOn) */
  onPartial: string;
  outcome: StatusOutcome | null;
};

/**
 * Every change of a demand's status, oldest first, each with the outcome or the override behind it,
 * and every override ever set (lifted ones too), newest first.
 */
export async function demandStatusHistory(demandId: string) {
  const [outcomes, overrides, demand] = await Promise.all([
    countingOutcomeRows([demandId]),
    db.demandStatusOverride.findMany({ where: { demandId }, select: overrideSelect, orderBy: { createdAt: "desc" } }),
    db.demand.findUnique({ where: { id: demandId }, select: { firstRaisedOn: true } }),
  ]);
  const byId = new Map<string, OutcomeRow>(outcomes.map((o) => [o.id, o]));
  const points = statusHistory(outcomes, overrides, demand?.firstRaisedOn ?? null);
  const history: StatusHistoryPoint[] = points.map((point, i) => {
    const previous = i > 0 ? points[i - 1] : null;
    // A point is only added where the status or the override changes (status.ts).
    const cause: StatusCause = point.override
      ? "override"
      : previous?.override
        ? "overrideLifted"
        : point.outcomeId
          ? "outcome"
          : "raised";
    const outcome = outcomeOf(point.outcomeId ? byId.get(point.outcomeId) : undefined);
    const onPartial =
      cause === "overrideLifted"
        ? point.on
        : (preciseDay(point.on, { override: cause === "override" ? point.override : null, outcome: cause === "outcome" ? outcome : null }, cause === "outcome" ? outcomes : [], demand?.firstRaisedOn ?? null) ?? point.on);
    return { ...point, cause, onPartial, outcome };
  });
  const userIds = [...new Set(overrides.map((o) => o.createdById).filter((id): id is string => Boolean(id)))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const overrideRecords: StatusOverrideRecord[] = overrides.map(({ demandId: _d, createdById, ...o }) => ({
    ...o,
    createdByName: createdById ? (names.get(createdById) ?? null) : null,
  }));
  return { history, overrides: overrideRecords, active: overrideRecords.find((o) => o.clearedAt === null) ?? null };
}

function overrideSnapshot(o: { demandId: string; status: string; reason: string; fromOn: string; clearedAt: Date | null }) {
  return { demandId: o.demandId, status: o.status, reason: o.reason, fromOn: o.fromOn, clearedAt: o.clearedAt?.toISOString() ?? null };
}

/**
 * Sets the status of a demand by hand from a date, with the reason. An override still in force is
 * lifted at the same moment, so that one override at most is active. Audited.
 */
export async function setStatusOverride(demandId: string, values: StatusOverrideValues, userId: string) {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const active = await tx.demandStatusOverride.findMany({ where: { demandId, clearedAt: null } });
    for (const o of active) {
      const lifted = await tx.demandStatusOverride.update({ where: { id: o.id }, data: { clearedAt: now } });
      await recordAudit(tx, { userId, action: "update", entityType: "DemandStatusOverride", entityId: o.id, before: overrideSnapshot(o), after: overrideSnapshot(lifted) });
    }
    const created = await tx.demandStatusOverride.create({
      data: { demandId, status: values.status satisfies Status, reason: values.reason, fromOn: values.fromOn, createdById: userId },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "DemandStatusOverride", entityId: created.id, after: overrideSnapshot(created) });
    return created;
  });
}

/** Lifts an override of this demand (the derived status holds again from today); false when there is none in force. */
export async function liftStatusOverride(demandId: string, overrideId: string, userId: string) {
  return db.$transaction(async (tx) => {
    const o = await tx.demandStatusOverride.findFirst({ where: { id: overrideId, demandId, clearedAt: null } });
    if (!o) return false;
    const lifted = await tx.demandStatusOverride.update({ where: { id: o.id }, data: { clearedAt: new Date() } });
    await recordAudit(tx, { userId, action: "update", entityType: "DemandStatusOverride", entityId: o.id, before: overrideSnapshot(o), after: overrideSnapshot(lifted) });
    return true;
  });
}

/** The demand a status page is about (null when there is none, or it is in the trash). */
export async function statusPageDemand(demandId: string) {
  return db.demand.findFirst({ where: { id: demandId, deletedAt: null }, select: { id: true, ref: true, titleJa: true, titleEn: true, firstRaisedOn: true } });
}
