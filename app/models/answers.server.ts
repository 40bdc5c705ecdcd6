// A body's answers across negotiation rounds: the list by round, a count by assessment, the
// demand × round matrix, and stock answers (app/models/similarity.ts). Two queries whatever the
// number of answers: the bodies (for the tree) and the agenda items of the body and its sub-bodies.
import { type Locale } from "~/i18n/locales";
import { ancestry, subtreeIds } from "~/models/body";
import { findStockAnswers } from "~/models/similarity";
import { type Assessment, type AssessmentFilter, ASSESSMENTS, isAssessment } from "~/models/timeline";
import { withoutInternal, canSeeInternal } from "~/models/visibility";
import { db, type Db } from "~/utils/db.server";
import { pageCount } from "~/utils/paging";
import { renderRichText } from "~/utils/rich-text.server";

export const ROUNDS_PER_PAGE = 10;

export type AnswersQuery = {
  bodyId: string;
  role: string;
  locale: Locale;
  /** also the answers of the bodies below it */
  includeSubBodies: boolean;
  q?: string;
  demandId?: string;
  assessment?: AssessmentFilter;
  stockOnly?: boolean;
  page: number;
};

const fold = (value: string) => value.normalize("NFKC").toLowerCase();

export async function bodyAnswers(query: AnswersQuery, client: Pick<Db, "body" | "agendaItem"> = db) {
  const bodies = await client.body.findMany({
    select: { id: true, parentId: true, kind: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true, deletedAt: true },
  });
  const body = bodies.find((b) => b.id === query.bodyId && b.deletedAt === null);
  if (!body) return null;
  const family = subtreeIds(bodies, body.id);

  const rows = await client.agendaItem.findMany({
    where: { bodyId: { in: [...family] }, round: { deletedAt: null }, demand: { deletedAt: null } },
    select: {
      id: true,
      position: true,
      questionJa: true,
      questionEn: true,
      answer: true,
      answerText: true,
      assessment: true,
      commitmentJa: true,
      commitmentEn: true,
      followUpOn: true,
      followUpStatus: true,
      internalNote: true,
      bodyId: true,
      demand: { select: { id: true, ref: true, titleJa: true, titleEn: true } },
      round: { select: { id: true, kind: true, titleJa: true, titleEn: true, heldOn: true } },
    },
  });

  // Stock answers: an answer repeats one given in an earlier round by this body or one of its
  // sub-bodies (the page's family), whether or not the sub-bodies' answers are listed.
  const stock = findStockAnswers(rows.map((r) => ({ id: r.id, roundId: r.round.id, heldOn: r.round.heldOn, bodyId: r.bodyId, text: r.answerText })));
  const roundsById = new Map(rows.map((r) => [r.round.id, r.round]));
  const bodiesById = new Map(bodies.map((b) => [b.id, b]));

  const inScope = rows.filter((r) => query.includeSubBodies || r.bodyId === body.id);
  const isStock = (id: string) => stock.has(id);

  // Summary: answers by assessment, over the whole scope.
  const byAssessment = Object.fromEntries([...ASSESSMENTS, "none"].map((a) => [a, 0])) as Record<AssessmentFilter, number>;
  for (const r of inScope) byAssessment[isAssessment(r.assessment) ? r.assessment : "none"] += 1;
  const summary = { total: inScope.length, stock: inScope.filter((r) => isStock(r.id)).length, byAssessment };

  // The matrix: demands (by reference) × rounds (in date order), over the whole scope.
  const demandMap = new Map(inScope.map((r) => [r.demand.id, r.demand]));
  const matrixDemands = [...demandMap.values()].sort((a, b) => a.ref.localeCompare(b.ref, "en", { numeric: true }));
  const roundMap = new Map(inScope.map((r) => [r.round.id, r.round]));
  const matrixRounds = [...roundMap.values()].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
  const cells: Record<string, Array<{ itemId: string; roundId: string; assessment: Assessment | null; stock: boolean }>> = {};
  for (const r of [...inScope].sort((a, b) => a.position - b.position)) {
    const key = `${r.demand.id}:${r.round.id}`;
    (cells[key] ??= []).push({ itemId: r.id, roundId: r.round.id, assessment: isAssessment(r.assessment) ? r.assessment : null, stock: isStock(r.id) });
  }

  // The list: filtered, grouped by round (newest first), paged by round.
  const needle = query.q ? fold(query.q) : null;
  const listed = inScope.filter((r) => {
    if (query.demandId && r.demand.id !== query.demandId) return false;
    if (query.assessment === "none" ? isAssessment(r.assessment) : query.assessment && r.assessment !== query.assessment) return false;
    if (query.stockOnly && !isStock(r.id)) return false;
    if (needle) {
      const haystack = [r.questionJa, r.questionEn, r.answerText, r.demand.ref, r.demand.titleJa, r.demand.titleEn].filter(Boolean).join("\n");
      if (!fold(haystack).includes(needle)) return false;
    }
    return true;
  });
  const groups = new Map<string, typeof listed>();
  for (const r of listed) groups.set(r.round.id, [...(groups.get(r.round.id) ?? []), r]);
  const roundOrder = [...groups.keys()]
    .map((id) => roundsById.get(id)!)
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id.localeCompare(a.id));
  const pages = pageCount(roundOrder.length, ROUNDS_PER_PAGE);
  const page = Math.min(query.page, pages);
  const shownRounds = roundOrder.slice((page - 1) * ROUNDS_PER_PAGE, page * ROUNDS_PER_PAGE);

  const label = (b: { nameJa: string; nameEn: string }) => (query.locale === "ja" ? b.nameJa || b.nameEn : b.nameEn || b.nameJa);
  const rounds = shownRounds.map((round) => ({
    round,
    items: (groups.get(round.id) ?? [])
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
      .map(({ answer, bodyId, round: _round, ...r }) => {
        const match = stock.get(r.id);
        const earlier = match ? roundsById.get(match.roundId) : undefined;
        const answeredBy = bodyId ? bodiesById.get(bodyId) : undefined;
        return {
          ...withoutInternal(r, query.role),
          answerHtml: renderRichText(answer),
          body: answeredBy ? { id: answeredBy.id, nameJa: answeredBy.nameJa, nameEn: answeredBy.nameEn, shortNameJa: answeredBy.shortNameJa, shortNameEn: answeredBy.shortNameEn } : null,
          stock: match && earlier ? { ...match, round: { id: earlier.id, titleJa: earlier.titleJa, titleEn: earlier.titleEn, heldOn: earlier.heldOn } } : null,
        };
      }),
  }));

  return {
    body: { id: body.id, kind: body.kind, nameJa: body.nameJa, nameEn: body.nameEn, shortNameJa: body.shortNameJa, shortNameEn: body.shortNameEn },
    trail: ancestry(bodies, body.id)
      .slice(0, -1)
      .map((b) => ({ id: b.id, nameJa: b.nameJa, nameEn: b.nameEn, shortNameJa: b.shortNameJa, shortNameEn: b.shortNameEn })),
    hasSubBodies: family.size > 1,
    /** answers of the sub-bodies alone (to suggest the checkbox when the body itself has none) */
    subBodyAnswers: rows.length - rows.filter((r) => r.bodyId === body.id).length,
    summary,
    matrix: { demands: matrixDemands, rounds: matrixRounds, cells },
    rounds,
    listedCount: listed.length,
    page,
    pageCount: pages,
    roundCount: roundOrder.length,
    demandOptions: matrixDemands.map((d) => ({ value: d.id, label: `${d.ref} ${query.locale === "ja" ? d.titleJa || d.titleEn : d.titleEn || d.titleJa}` })),
    bodyLabel: label(body),
    showsInternal: canSeeInternal(query.role),
  };
}

export type BodyAnswers = NonNullable<Awaited<ReturnType<typeof bodyAnswers>>>;
