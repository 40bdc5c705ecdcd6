// The year's records for the activity report draft (activity-report.ts builds the draft), and the
// stored report: create, edit with its version, regenerate (docs/decisions/016). Only what members
// may see goes into the draft: titles, dates, degrees and the outcome's public note, never an
// internal note.
import { untrashed } from "~/models/trash";
import { type Locale } from "~/i18n/locales";
import {
  type ReportFacts,
  type ReportSection,
  type SectionDocs,
  REPORT_SECTIONS,
  buildDraft,
  mergeRegenerated,
  parseSections,
} from "~/models/activity-report";
import { recordAudit } from "~/models/audit.server";
import { lastEditorName } from "~/models/organisation.server";
import { db, type Prisma } from "~/utils/db.server";
import { EMPTY_DOC } from "~/utils/rich-text";
import { checkRichText } from "~/utils/rich-text.server";

const EMPTY_SECTION = JSON.stringify(EMPTY_DOC);

const named = { select: { nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } } as const;
const inYear = (year: number) => ({ startsWith: String(year) });

/** The year's requests, rounds, outcomes, public comments, network changes, UN documents, plan and figures. */
export async function reportFacts(year: number): Promise<ReportFacts> {
  const y = String(year);
  const [requests, rounds, submissions, outcomes, phases, documents, plan, figures] = await Promise.all([
    db.request.findMany({
      where: { deletedAt: null, sentOn: inYear(year) },
      select: { id: true, kind: true, titleJa: true, titleEn: true, sentOn: true, addressees: { select: { body: named } }, _count: { select: { items: true } } },
      orderBy: [{ sentOn: "asc" }, { titleJa: "asc" }],
    }),
    db.negotiationRound.findMany({
      where: { deletedAt: null, heldOn: inYear(year) },
      select: { id: true, kind: true, titleJa: true, titleEn: true, heldOn: true, bodies: { select: { body: named } }, _count: { select: { items: true } } },
      orderBy: [{ heldOn: "asc" }, { titleJa: "asc" }],
    }),
    db.commentSubmission.findMany({
      where: { deletedAt: null, submittedOn: inYear(year), consultation: { deletedAt: null } },
      select: { id: true, submittedOn: true, consultation: { select: { id: true, titleJa: true, titleEn: true, caseNumber: true } }, _count: { select: { points: true } } },
      orderBy: { submittedOn: "asc" },
    }),
    // The year's outcomes, and later ones that answered the year's requests, rounds or comments
    // (the 2007 report gives the DV Basic Policy of January 2008 as a result of 2007's work).
    db.outcome.findMany({
      where: {
        deletedAt: null,
        demand: { deletedAt: null },
        OR: [
          { occurredOn: inYear(year) },
          {
            occurredOn: { gt: y },
            channels: {
              some: {
                OR: [
                  { request: { sentOn: inYear(year), deletedAt: null } },
                  { round: { heldOn: inYear(year), deletedAt: null } },
                  { commentPoint: { submission: { submittedOn: inYear(year), deletedAt: null } } },
                ],
              },
            },
          },
        ],
      },
      select: {
        id: true,
        degree: true,
        occurredOn: true,
        demand: { select: { id: true, ref: true, titleJa: true, titleEn: true } },
        instrument: { select: { id: true, titleJa: true, titleEn: true, deletedAt: true } },
      },
      orderBy: [{ occurredOn: "asc" }],
    }),
    db.projectNetworkPhase.findMany({
      where: { fromOn: inYear(year), projectNetwork: { deletedAt: null } },
      select: { status: true, nameJa: true, nameEn: true, fromOn: true, projectNetworkId: true },
      orderBy: { fromOn: "asc" },
    }),
    db.unDocument.findMany({
      where: { deletedAt: null, issuedOn: inYear(year) },
      select: { id: true, kind: true, symbol: true, titleJa: true, titleEn: true, issuedOn: true, _count: { select: { recommendations: { where: { deletedAt: null } } } } },
      orderBy: { issuedOn: "asc" },
    }),
    db.activityPlanGoal.findMany({ where: { year, deletedAt: null }, orderBy: [{ section: "asc" }, { position: "asc" }] }),
    db.membershipFigure.findMany({ where: { deletedAt: null, year: { in: [year - 1, year] } } }),
  ]);
  const bodyName = (b: { nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null }) => ({ ja: b.shortNameJa || b.nameJa, en: b.shortNameEn || b.nameEn });
  return {
    year,
    requests: requests.map((r) => ({ id: r.id, kind: r.kind, titleJa: r.titleJa, titleEn: r.titleEn, on: r.sentOn, bodies: r.addressees.map((a) => bodyName(a.body)), items: r._count.items })),
    rounds: rounds.map((r) => ({ id: r.id, kind: r.kind, titleJa: r.titleJa, titleEn: r.titleEn, on: r.heldOn, bodies: r.bodies.map((b) => bodyName(b.body)), items: r._count.items })),
    submissions: submissions.map((s) => ({ id: s.id, consultationId: s.consultation.id, titleJa: s.consultation.titleJa, titleEn: s.consultation.titleEn, caseNumber: s.consultation.caseNumber, on: s.submittedOn, points: s._count.points })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      degree: o.degree,
      on: o.occurredOn,
      demand: o.demand,
      instrument: untrashed(o.instrument),
    })),
    phases: phases.map((p) => ({ networkId: p.projectNetworkId, status: p.status, nameJa: p.nameJa, nameEn: p.nameEn, on: p.fromOn })),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, symbol: d.symbol, titleJa: d.titleJa, titleEn: d.titleEn, on: d.issuedOn ?? y, recommendations: d._count.recommendations })),
    plan: plan.flatMap((g) => (REPORT_SECTIONS.includes(g.section as ReportSection) ? [{ section: g.section as ReportSection, goalJa: g.goalJa, goalEn: g.goalEn, result: g.result, resultJa: g.resultJa, resultEn: g.resultEn }] : [])),
    figure: figures.find((f) => f.year === year) ?? null,
    previousFigure: figures.find((f) => f.year === year - 1) ?? null,
  };
}

/**
 * A fresh draft of the year, in the language asked for, in the editor's canonical JSON (so that a
 * section saved unchanged still compares equal to its draft).
 */
export async function draftReport(year: number, locale: Locale): Promise<SectionDocs> {
  const draft = buildDraft(await reportFacts(year), locale);
  const canonical = (json: string) => {
    const checked = checkRichText(json);
    return checked.ok ? (checked.json ?? EMPTY_SECTION) : EMPTY_SECTION;
  };
  return Object.fromEntries(REPORT_SECTIONS.map((s) => [s, canonical(draft[s])])) as SectionDocs;
}

export async function getReport(year: number) {
  const report = await db.activityReport.findUnique({ where: { year } });
  if (!report) return null;
  return { id: report.id, year: report.year, version: report.version, generatedAt: report.generatedAt, updatedAt: report.updatedAt, sections: parseSections(report.sections), generated: parseSections(report.generated) };
}

export function listReports() {
  return db.activityReport.findMany({ orderBy: { year: "desc" }, select: { id: true, year: true, updatedAt: true, generatedAt: true, version: true } });
}

async function snapshot(tx: Prisma.TransactionClient, id: string) {
  const r = await tx.activityReport.findUniqueOrThrow({ where: { id } });
  return { year: r.year, sections: parseSections(r.sections), generatedAt: r.generatedAt.toISOString(), version: r.version };
}
export type ReportSnapshot = Awaited<ReturnType<typeof snapshot>>;

/**
 * Stores a fresh draft of the year. A section nobody edited since the last draft takes the new one;
 * an edited section keeps its text unless `replaceEdits` (the sections kept are returned).
 */
export async function regenerateReport(year: number, locale: Locale, userId: string, { replaceEdits = false } = {}) {
  const fresh = await draftReport(year, locale);
  return db.$transaction(async (tx) => {
    const current = await tx.activityReport.findUnique({ where: { year } });
    const now = new Date();
    if (!current) {
      const created = await tx.activityReport.create({
        data: { year, sections: JSON.stringify(fresh), generated: JSON.stringify(fresh), generatedAt: now, createdById: userId, updatedById: userId },
      });
      await recordAudit(tx, { userId, action: "create", entityType: "ActivityReport", entityId: created.id, after: await snapshot(tx, created.id) });
      return { id: created.id, kept: [] as ReportSection[] };
    }
    const { sections, kept } = mergeRegenerated(parseSections(current.sections), parseSections(current.generated), fresh, replaceEdits);
    const before = await snapshot(tx, current.id);
    await tx.activityReport.update({
      where: { id: current.id },
      data: { sections: JSON.stringify(sections), generated: JSON.stringify(fresh), generatedAt: now, updatedById: userId, version: { increment: 1 } },
    });
    await recordAudit(tx, { userId, action: "update", entityType: "ActivityReport", entityId: current.id, before, after: await snapshot(tx, current.id) });
    return { id: current.id, kept };
  });
}

export type ReportUpdateResult = { ok: true } | { ok: false; notFound: true } | { ok: false; conflict: ReportSnapshot & { updatedByName: string | null } };

/** Saves the edited sections over version `version` only (decision 005). */
export async function updateReport(year: number, version: number, sections: SectionDocs, userId: string): Promise<ReportUpdateResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.activityReport.findUnique({ where: { year }, select: { id: true, version: true } });
    if (!current) return { ok: false, notFound: true };
    const conflict = async () => ({ ok: false as const, conflict: { ...(await snapshot(tx, current.id)), updatedByName: await lastEditorName(tx, "ActivityReport", current.id) } });
    if (current.version !== version) return conflict();
    const before = await snapshot(tx, current.id);
    const written = await tx.activityReport.updateMany({ where: { id: current.id, version }, data: { sections: JSON.stringify(sections), updatedById: userId, version: { increment: 1 } } });
    if (written.count === 0) return conflict();
    await recordAudit(tx, { userId, action: "update", entityType: "ActivityReport", entityId: current.id, before, after: await snapshot(tx, current.id) });
    return { ok: true };
  });
}
