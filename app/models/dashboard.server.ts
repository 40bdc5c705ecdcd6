// The dashboard's figures: each chart is one GROUP BY in SQLite, so the page costs a fixed number of
// statements whatever the size of the history (six, plus the session), and the result is kept while
// the database does not change (cache.server.ts). Only counts leave this module: nothing of an
// internal note, and only live records (not in the trash) are counted (docs/decisions/016).
import { type Locale } from "~/i18n/locales";
import { type CommitmentBucket, type DashboardFacts, TOP_BODIES, buildDashboard } from "~/models/dashboard";
import { DerivedCache, dataVersion } from "~/utils/cache.server";
import { db } from "~/utils/db.server";
import { todayInJapan } from "~/utils/partial-date";

type Count = { n: number | bigint };
const num = (v: number | bigint | null | undefined) => Number(v ?? 0);

async function loadFacts(today: string): Promise<DashboardFacts> {
  // Each statement reads one covering index (schema.prisma, decision 016); records in the trash are
  // left out through the few deleted demands or rounds, rather than a join per row. "deletedAt" > 0
  // (true for any stored date) rather than IS NOT NULL: SQLite then reads the deletedAt index even
  // before ANALYZE has run.
  const [outcomes, raised, reflected, answers, commitments, figures] = await Promise.all([
    db.$queryRaw<Array<{ year: string; degree: string } & Count>>`
      SELECT substr(o."occurredOn", 1, 4) AS "year", o."degree" AS "degree", count(*) AS "n"
      FROM "Outcome" o
      WHERE o."deletedAt" IS NULL AND o."demandId" NOT IN (SELECT "id" FROM "Demand" WHERE "deletedAt" > 0)
      GROUP BY 1, 2`,
    db.$queryRaw<Array<{ year: string | null } & Count>>`
      SELECT substr("firstRaisedOn", 1, 4) AS "year", count(*) AS "n" FROM "Demand" WHERE "deletedAt" IS NULL GROUP BY 1`,
    // The year each demand was first reflected at least partly, and first reflected in full.
    db.$queryRaw<Array<{ partlyYear: string | null; fullyYear: string | null } & Count>>`
      SELECT "partlyYear", "fullyYear", count(*) AS "n" FROM (
        SELECT min(substr(o."occurredOn", 1, 4)) AS "partlyYear",
               min(CASE WHEN o."degree" = 'reflected' THEN substr(o."occurredOn", 1, 4) END) AS "fullyYear"
        FROM "Outcome" o
        WHERE o."deletedAt" IS NULL AND o."degree" IN ('reflected', 'partially_reflected')
          AND o."demandId" NOT IN (SELECT "id" FROM "Demand" WHERE "deletedAt" > 0)
        GROUP BY o."demandId"
      ) GROUP BY 1, 2`,
    db.$queryRaw<Array<{ bodyId: string; assessment: string; nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null } & Count>>`
      SELECT sub."bodyId" AS "bodyId", sub."assessment" AS "assessment", b."nameJa" AS "nameJa", b."nameEn" AS "nameEn",
             b."shortNameJa" AS "shortNameJa", b."shortNameEn" AS "shortNameEn", sub."n" AS "n"
      FROM (
        SELECT a."bodyId" AS "bodyId", a."assessment" AS "assessment", count(*) AS "n"
        FROM "AgendaItem" a
        WHERE a."bodyId" IS NOT NULL AND a."assessment" IS NOT NULL
          AND a."roundId" NOT IN (SELECT "id" FROM "NegotiationRound" WHERE "deletedAt" > 0)
        GROUP BY a."bodyId", a."assessment"
      ) "sub" JOIN "Body" b ON b."id" = sub."bodyId"
      WHERE b."deletedAt" IS NULL`,
    // Commitments by the year of the round they were made in, counted per round first (from the
    // index alone). Partial follow-up dates count from their first day, as on the timeline
    // ("2025-03" is due on 2025-03-01).
    db.$queryRaw<Array<{ year: string; bucket: CommitmentBucket } & Count>>`
      SELECT substr(r."heldOn", 1, 4) AS "year",
        CASE
          WHEN sub."followUpStatus" = 'done' THEN 'kept'
          WHEN sub."followUpStatus" = 'dropped' THEN 'dropped'
          WHEN sub."followUpOn" IS NOT NULL AND (CASE length(sub."followUpOn") WHEN 4 THEN sub."followUpOn" || '-01-01' WHEN 7 THEN sub."followUpOn" || '-01' ELSE sub."followUpOn" END) < ${today} THEN 'overdue'
          ELSE 'pending'
        END AS "bucket",
        sum(sub."n") AS "n"
      FROM (
        SELECT a."followUpStatus" AS "followUpStatus", a."followUpOn" AS "followUpOn", a."roundId" AS "roundId", count(*) AS "n"
        FROM "AgendaItem" a
        WHERE a."followUpStatus" IS NOT NULL
        GROUP BY 1, 2, 3
      ) "sub" JOIN "NegotiationRound" r ON r."id" = sub."roundId"
      WHERE r."deletedAt" IS NULL
      GROUP BY 1, 2`,
    db.membershipFigure.findMany({ where: { deletedAt: null }, orderBy: { year: "asc" } }),
  ]);
  return {
    today,
    outcomes: outcomes.map((r) => ({ year: r.year, degree: r.degree, n: num(r.n) })),
    raised: raised.map((r) => ({ year: r.year, n: num(r.n) })),
    reflected: reflected.map((r) => ({ partlyYear: r.partlyYear, fullyYear: r.fullyYear, n: num(r.n) })),
    answers: answers.map((r) => ({
      bodyId: r.bodyId,
      assessment: r.assessment,
      nameJa: r.shortNameJa || r.nameJa || r.nameEn,
      nameEn: r.shortNameEn || r.nameEn || r.nameJa,
      n: num(r.n),
    })),
    commitments: commitments.map((r) => ({ year: r.year, bucket: r.bucket, n: num(r.n) })),
    figures: figures.map((f) => ({
      id: f.id,
      year: f.year,
      individualMembers: f.individualMembers,
      individualMemberUnits: f.individualMemberUnits,
      organisationMembers: f.organisationMembers,
      organisationMemberUnits: f.organisationMemberUnits,
      individualSubscribers: f.individualSubscribers,
      individualSubscriberUnits: f.individualSubscriberUnits,
      organisationSubscribers: f.organisationSubscribers,
      organisationSubscriberUnits: f.organisationSubscriberUnits,
    })),
  };
}

const cache = new DerivedCache(2);

/** The dashboard's facts as of today (Japan), computed once per change of the data. */
export async function dashboardFacts(today = todayInJapan()): Promise<DashboardFacts> {
  return cache.get(today, await dataVersion(), () => loadFacts(today));
}

export async function dashboard(locale: Locale, today = todayInJapan()) {
  return buildDashboard(await dashboardFacts(today), locale, TOP_BODIES);
}
