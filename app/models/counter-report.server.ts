// The counter-report composer on the database (docs/decisions/014). The composer's data is read with
// a fixed number of SQL statements whatever the number of recommendations and evidence (no query per
// section), then shaped by the pure buildOutline. Reports and sections are saved with a version check
// and an audit event (docs/decisions/005); sections are children on the report's history (009).
import { recordAudit } from "~/models/audit.server";
import {
  type ChainRow,
  type Evidence,
  type OutlineMode,
  type ReportFormValues,
  type SectionFormValues,
  buildOutline,
  docText,
  evidenceWindow,
  isOutlineMode,
  previousCycle,
  sectionWords,
} from "~/models/counter-report";
import { lastEditorName } from "~/models/organisation.server";
import { db } from "~/utils/db.server";
import { checkRichText } from "~/utils/rich-text.server";

const cycleSelect = {
  id: true,
  mechanismId: true,
  titleJa: true,
  titleEn: true,
  session: true,
  createdAt: true,
  stages: { select: { kind: true, on: true } },
  mechanism: { select: { id: true, abbreviation: true, nameJa: true, nameEn: true, committeeAbbr: true, committeeNameEn: true, committeeNameJa: true } },
} as const;

/** The live cycle a report may be started for, with its mechanism. */
export async function cycleForReport(cycleId: string) {
  return db.reviewCycle.findFirst({ where: { id: cycleId, deletedAt: null, mechanism: { deletedAt: null } }, select: { ...cycleSelect, counterReport: { select: { id: true, deletedAt: true } } } });
}

export async function reportExists(id: string) {
  return (await db.counterReport.count({ where: { id, deletedAt: null, cycle: { deletedAt: null } } })) > 0;
}

export async function getReport(id: string) {
  return db.counterReport.findFirst({ where: { id, deletedAt: null, cycle: { deletedAt: null } }, include: { cycle: { select: cycleSelect } } });
}

function reportSnapshot(r: { cycleId: string; titleEn: string; titleJa: string | null; outlineMode: string; wordLimit: number | null; version: number }) {
  return { cycleId: r.cycleId, titleEn: r.titleEn, titleJa: r.titleJa, outlineMode: r.outlineMode, wordLimit: r.wordLimit, version: r.version };
}

/** Starts the cycle's counter-report; null when the cycle has one already. */
export async function createReport(cycleId: string, values: ReportFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    if (await tx.counterReport.findUnique({ where: { cycleId }, select: { id: true } })) return null;
    const row = await tx.counterReport.create({ data: { cycleId, titleEn: values.titleEn, titleJa: values.titleJa ?? null, outlineMode: values.outlineMode, wordLimit: values.wordLimit ?? null } });
    await recordAudit(tx, { userId, action: "create", entityType: "CounterReport", entityId: row.id, after: reportSnapshot(row) });
    return row;
  });
}

export type ReportConflict = ReturnType<typeof reportSnapshot> & { updatedByName: string | null };

export async function updateReport(id: string, version: number, values: ReportFormValues, userId: string): Promise<{ ok: true } | { ok: false; notFound: true } | { ok: false; conflict: ReportConflict }> {
  return db.$transaction(async (tx) => {
    const current = await tx.counterReport.findFirst({ where: { id, deletedAt: null } });
    if (!current) return { ok: false, notFound: true };
    if (current.version !== version) return { ok: false, conflict: { ...reportSnapshot(current), updatedByName: await lastEditorName(tx, "CounterReport", id) } };
    const n = await tx.counterReport.updateMany({
      where: { id, version },
      data: { titleEn: values.titleEn, titleJa: values.titleJa ?? null, outlineMode: values.outlineMode, wordLimit: values.wordLimit ?? null, version: { increment: 1 } },
    });
    const after = await tx.counterReport.findUniqueOrThrow({ where: { id } });
    if (n.count === 0) return { ok: false, conflict: { ...reportSnapshot(after), updatedByName: await lastEditorName(tx, "CounterReport", id) } };
    await recordAudit(tx, { userId, action: "update", entityType: "CounterReport", entityId: id, before: reportSnapshot(current), after: reportSnapshot(after) });
    return { ok: true };
  });
}

const sectionFields = { id: true, reportId: true, key: true, analysisEn: true, analysisJa: true, proposalsEn: true, proposalsJa: true, assigneeId: true, done: true, wordCount: true, version: true, updatedAt: true } as const;

function sectionSnapshot(s: { reportId: string; key: string; analysisEn: string | null; analysisJa: string | null; proposalsEn: string | null; proposalsJa: string | null; assigneeId: string | null; done: boolean; version: number }) {
  return { reportId: s.reportId, key: s.key, analysisEn: s.analysisEn, analysisJa: s.analysisJa, proposalsEn: s.proposalsEn, proposalsJa: s.proposalsJa, assigneeId: s.assigneeId, done: s.done, version: s.version };
}

export type SectionConflict = ReturnType<typeof sectionSnapshot> & { updatedByName: string | null; assigneeName: string | null };
export type CheckedSection = Omit<SectionFormValues, "version" | "analysisEn" | "analysisJa" | "proposalsEn" | "proposalsJa"> & {
  analysisEn: string | null;
  analysisJa: string | null;
  proposalsEn: string | null;
  proposalsJa: string | null;
};

/**
 * Saves a section over the version the form was opened on: 0 for a section never saved (it is created,
 * unless someone created it meanwhile: a conflict like any other).
 */
export async function saveSection(
  reportId: string,
  key: string,
  version: number,
  values: CheckedSection,
  userId: string,
): Promise<{ ok: true } | { ok: false; conflict: SectionConflict }> {
  const data = {
    analysisEn: values.analysisEn,
    analysisJa: values.analysisJa,
    proposalsEn: values.proposalsEn,
    proposalsJa: values.proposalsJa,
    assigneeId: values.assigneeId || null,
    done: values.done,
    wordCount: sectionWords(values),
    updatedById: userId,
  };
  return db.$transaction(async (tx) => {
    const current = await tx.counterReportSection.findUnique({ where: { reportId_key: { reportId, key } }, select: { ...sectionFields, assignee: { select: { name: true } } } });
    const conflict = async (row: NonNullable<typeof current>) => ({
      ok: false as const,
      conflict: { ...sectionSnapshot(row), assigneeName: row.assignee?.name ?? null, updatedByName: await lastEditorName(tx, "CounterReportSection", row.id) },
    });
    if (!current) {
      if (version !== 0) return { ok: false, conflict: { ...sectionSnapshot({ reportId, key, analysisEn: null, analysisJa: null, proposalsEn: null, proposalsJa: null, assigneeId: null, done: false, version: 0 }), assigneeName: null, updatedByName: null } };
      const row = await tx.counterReportSection.create({ data: { reportId, key, ...data } });
      await recordAudit(tx, { userId, action: "create", entityType: "CounterReportSection", entityId: row.id, after: sectionSnapshot(row) });
      return { ok: true };
    }
    if (current.version !== version) return conflict(current);
    const n = await tx.counterReportSection.updateMany({ where: { id: current.id, version }, data: { ...data, version: { increment: 1 } } });
    if (n.count === 0) return conflict(current);
    const after = await tx.counterReportSection.findUniqueOrThrow({ where: { id: current.id } });
    await recordAudit(tx, { userId, action: "update", entityType: "CounterReportSection", entityId: current.id, before: sectionSnapshot(current), after: sectionSnapshot(after) });
    return { ok: true };
  });
}

/** Who a section may be assigned to: active staff and administrators. */
export async function assigneeOptions() {
  const users = await db.user.findMany({ where: { active: true, role: { in: ["staff", "admin"] } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return users.map((u) => ({ value: u.id, label: u.name }));
}

/**
 * Everything the composer, its exports and the grading table show for a report: the outline with its
 * pre-filled recommendations, claims and footnoted evidence, and what staff wrote per section.
 * Fixed number of statements: the report (2), the mechanism's cycles (2), the earlier recommendations (2),
 * the mechanism's chain rows (2), demand links (1), demands (1), answers (3), outcomes (2), comment points (3),
 * stored sections (2).
 */
/** A text filter on partial dates for the years of the window: from its first year to the end of its last. */
function yearsOf(window: { from: string | null; to: string }) {
  return { ...(window.from ? { gte: window.from.slice(0, 4) } : {}), lt: String(Number(window.to.slice(0, 4)) + 1) };
}

export async function composerData(reportId: string, today: string) {
  const report = await getReport(reportId);
  if (!report) return null;
  const cycle = report.cycle;
  const cycles = await db.reviewCycle.findMany({ where: { mechanismId: cycle.mechanismId, deletedAt: null }, select: { id: true, mechanismId: true, createdAt: true, titleEn: true, titleJa: true, stages: { select: { kind: true, on: true } } } });
  const previous = previousCycle(cycle, cycles);
  const window = evidenceWindow(cycle, previous, today);
  const mode: OutlineMode = isOutlineMode(report.outlineMode) ? report.outlineMode : "recommendations";

  const [recommendations, chainRaw, storedRows] = await Promise.all([
    previous
      ? db.recommendation.findMany({
          where: { deletedAt: null, document: { cycleId: previous.id, deletedAt: null } },
          select: {
            id: true,
            paragraph: true,
            position: true,
            headingEn: true,
            headingJa: true,
            textEn: true,
            textJa: true,
            articles: true,
            followUp: true,
            reiteratesId: true,
            governmentClaimEn: true,
            governmentClaimJa: true,
            governmentClaimSource: true,
            grade: true,
            assessmentNote: true,
            document: { select: { symbol: true, titleEn: true, titleJa: true, issuedOn: true } },
          },
        })
      : [],
    db.recommendation.findMany({
      where: { deletedAt: null, document: { deletedAt: null, mechanismId: cycle.mechanismId } },
      select: { id: true, reiteratesId: true, paragraph: true, document: { select: { symbol: true, issuedOn: true } } },
    }),
    db.counterReportSection.findMany({ where: { reportId }, select: { ...sectionFields, assignee: { select: { name: true } } } }),
  ]);
  const chainRows: ChainRow[] = chainRaw.map((r) => ({ id: r.id, reiteratesId: r.reiteratesId, paragraph: r.paragraph, symbol: r.document.symbol, issuedOn: r.document.issuedOn }));

  // Demands linked to the earlier recommendations or anything they reiterate (the mechanism's rows hold the chain).
  const links = recommendations.length
    ? await db.recommendationDemand.findMany({ where: { recommendationId: { in: chainRows.map((r) => r.id) }, demand: { deletedAt: null } }, select: { recommendationId: true, demandId: true } })
    : [];
  const demandIds = [...new Set(links.map((l) => l.demandId))];
  const none = demandIds.length === 0;
  // Outcomes that name a recommendation of the chain as their channel are evidence whatever their demand.
  const chainIds = recommendations.length ? chainRows.map((r) => r.id) : [];
  const outcomeWhere = [...(none ? [] : [{ demandId: { in: demandIds } }]), ...(chainIds.length ? [{ channels: { some: { recommendationId: { in: chainIds } } } }] : [])];
  const [demands, answers, outcomes, points] = await Promise.all([
    none ? [] : db.demand.findMany({ where: { id: { in: demandIds } }, select: { id: true, ref: true, titleEn: true, titleJa: true } }),
    none
      ? []
      : db.agendaItem.findMany({
          // Only the window's years (partial dates compare as text; buildOutline applies the exact window).
          where: { demandId: { in: demandIds }, answerText: { not: null }, round: { deletedAt: null, heldOn: yearsOf(window) } },
          select: {
            id: true,
            demandId: true,
            questionEn: true,
            questionJa: true,
            answerText: true,
            assessment: true,
            round: { select: { id: true, titleEn: true, titleJa: true, heldOn: true } },
            body: { select: { nameEn: true, nameJa: true } },
          },
        }),
    outcomeWhere.length === 0
      ? []
      : db.outcome.findMany({
          where: { OR: outcomeWhere, deletedAt: null, demand: { deletedAt: null }, occurredOn: yearsOf(window) },
          select: {
            id: true,
            demandId: true,
            occurredOn: true,
            degree: true,
            quoteEn: true,
            quoteJa: true,
            sourceUrl: true,
            instrument: { select: { titleEn: true, titleJa: true, deletedAt: true } },
            channels: { where: { recommendationId: { not: null } }, select: { recommendationId: true } },
          },
        }),
    none
      ? []
      : db.commentPoint.findMany({
          where: { demandId: { in: demandIds }, submission: { deletedAt: null, consultation: { deletedAt: null } } },
          select: {
            id: true,
            demandId: true,
            textEn: true,
            textJa: true,
            responseAnswer: true,
            responseKind: true,
            submission: { select: { submittedOn: true, consultation: { select: { id: true, titleEn: true, titleJa: true } } } },
          },
        }),
  ]);
  const evidence: Evidence[] = [
    ...answers.flatMap((a): Evidence[] =>
      a.answerText
        ? [
            {
              kind: "answer",
              id: a.id,
              demandId: a.demandId,
              on: a.round.heldOn,
              roundId: a.round.id,
              roundTitleEn: a.round.titleEn || a.round.titleJa,
              roundTitleJa: a.round.titleJa || a.round.titleEn,
              bodyEn: a.body ? a.body.nameEn || a.body.nameJa : null,
              bodyJa: a.body ? a.body.nameJa || a.body.nameEn : null,
              questionEn: a.questionEn,
              questionJa: a.questionJa,
              answer: a.answerText,
              assessment: a.assessment,
            },
          ]
        : [],
    ),
    ...outcomes.map(
      (o): Evidence => ({
        kind: "outcome",
        id: o.id,
        demandId: o.demandId,
        on: o.occurredOn,
        degree: o.degree,
        instrumentEn: o.instrument && !o.instrument.deletedAt ? o.instrument.titleEn || o.instrument.titleJa : null,
        instrumentJa: o.instrument && !o.instrument.deletedAt ? o.instrument.titleJa || o.instrument.titleEn : null,
        quoteEn: o.quoteEn,
        quoteJa: o.quoteJa,
        sourceUrl: o.sourceUrl,
        recommendationIds: o.channels.flatMap((c) => (c.recommendationId ? [c.recommendationId] : [])),
      }),
    ),
    ...points.flatMap((p): Evidence[] =>
      p.demandId
        ? [
            {
              kind: "comment",
              id: p.id,
              demandId: p.demandId,
              on: p.submission.submittedOn,
              consultationId: p.submission.consultation.id,
              consultationEn: p.submission.consultation.titleEn || p.submission.consultation.titleJa,
              consultationJa: p.submission.consultation.titleJa || p.submission.consultation.titleEn,
              textEn: p.textEn,
              textJa: p.textJa,
              responseAnswer: p.responseAnswer,
              responseKind: p.responseKind,
            },
          ]
        : [],
    ),
  ];

  const sections = buildOutline({ mode, recommendations, chainRows, links, demands, evidence, window });
  const stored = new Map(storedRows.map((s) => [s.key, { ...s, assigneeName: s.assignee?.name ?? null }]));
  return { report, cycle, previous: previous ? { id: previous.id, titleEn: previous.titleEn, titleJa: previous.titleJa } : null, window, mode, sections, stored };
}
export type ComposerData = NonNullable<Awaited<ReturnType<typeof composerData>>>;
export type StoredSection = ComposerData["stored"] extends Map<string, infer S> ? S : never;

/** The plain words of a stored rich text (for the grading table and CSV). */
export const plainOf = (json: string | null | undefined) => docText(json);


/** The section form's values checked against the editor's schema and the users: field errors, or what to save. */
export async function checkSection(values: SectionFormValues): Promise<{ errors: Record<string, string[]>; checked: CheckedSection }> {
  const errors: Record<string, string[]> = {};
  const rich = (field: "analysisEn" | "analysisJa" | "proposalsEn" | "proposalsJa") => {
    const r = checkRichText(values[field]);
    if (!r.ok) {
      errors[field] = [r.error];
      return null;
    }
    return r.json;
  };
  const checked: CheckedSection = {
    analysisEn: rich("analysisEn"),
    analysisJa: rich("analysisJa"),
    proposalsEn: rich("proposalsEn"),
    proposalsJa: rich("proposalsJa"),
    assigneeId: values.assigneeId || undefined,
    done: values.done,
  };
  if (checked.assigneeId && (await db.user.count({ where: { id: checked.assigneeId, active: true, role: { in: ["staff", "admin"] } } })) === 0) errors.assigneeId = ["error.unknownChoice"];
  return { errors, checked };
}
