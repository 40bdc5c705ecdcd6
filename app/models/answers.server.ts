// A body's answers across negotiation rounds: the list by round, a count by assessment, the
// demand × round matrix, and stock answers (app/models/similarity.ts). A fixed number of queries
// whatever the number of answers (see bodyAnswers).
import { type Locale } from "~/i18n/locales";
import { ancestry, subtreeIds } from "~/models/body";
import { findStockAnswers } from "~/models/similarity";
import { type Assessment, type AssessmentFilter, ASSESSMENTS, isAssessment } from "~/models/timeline";
import { withoutInternal, canSeeInternal } from "~/models/visibility";
import { Prisma } from "~/generated/prisma/client";
import { DerivedCache, dataVersion } from "~/utils/cache.server";
import { db, type Db } from "~/utils/db.server";
import { renderRichText } from "~/utils/rich-text.server";

/**
 * The list is paged by round, about this many answers a page (a round is never split): the busiest
 * body answers some twenty questions a round, and ten rounds a page made an 800 KB page.
 */
export const ANSWERS_PER_PAGE = 25;

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
  /** Every round's answers, not one page (the CSV download), each with its plain text. */
  all?: boolean;
};

const fold = (value: string) => value.normalize("NFKC").toLowerCase();

type IndexSql = {
  id: string;
  position: number | bigint;
  bodyId: string | null;
  assessment: string | null;
  questionJa: string | null;
  questionEn: string | null;
  answerText: string | null;
  demandId: string;
  demandRef: string;
  demandTitleJa: string;
  demandTitleEn: string;
  roundId: string;
  roundKind: string;
  roundTitleJa: string;
  roundTitleEn: string;
  roundHeldOn: string;
};

/**
 * Every answer of a body's family (the body and the bodies below it), without the documents, and
 * its stock answers: what the summary, the filters and the paging work from. One SQL statement.
 */
async function familyIndex(family: string[], client: Pick<Db, "$queryRaw">) {
  const rows = await client.$queryRaw<IndexSql[]>`
    SELECT a."id", a."position", a."bodyId", a."assessment", a."questionJa", a."questionEn", a."answerText",
      d."id" AS "demandId", d."ref" AS "demandRef", d."titleJa" AS "demandTitleJa", d."titleEn" AS "demandTitleEn",
      r."id" AS "roundId", r."kind" AS "roundKind", r."titleJa" AS "roundTitleJa", r."titleEn" AS "roundTitleEn", r."heldOn" AS "roundHeldOn"
    FROM "AgendaItem" a
    JOIN "NegotiationRound" r ON r."id" = a."roundId" AND r."deletedAt" IS NULL
    JOIN "Demand" d ON d."id" = a."demandId" AND d."deletedAt" IS NULL
    WHERE a."bodyId" IN (${Prisma.join(family)})`;
  const items = rows.map((r) => ({
    id: r.id,
    position: Number(r.position),
    bodyId: r.bodyId,
    assessment: r.assessment,
    questionJa: r.questionJa,
    questionEn: r.questionEn,
    answerText: r.answerText,
    demand: { id: r.demandId, ref: r.demandRef, titleJa: r.demandTitleJa, titleEn: r.demandTitleEn },
    round: { id: r.roundId, kind: r.roundKind, titleJa: r.roundTitleJa, titleEn: r.roundTitleEn, heldOn: r.roundHeldOn },
  }));
  // Stock answers: an answer repeats one given in an earlier round by this body or one of its
  // sub-bodies (the page's family), whether or not the sub-bodies' answers are listed.
  const stock = findStockAnswers(items.map((r) => ({ id: r.id, roundId: r.round.id, heldOn: r.round.heldOn, bodyId: r.bodyId, text: r.answerText })));
  return { items, stock };
}

/**
 * Families' answers and stock answers while the database does not change: for the busiest body of
 * a large network (3,000 answers) reading them and finding the stock answers takes about a second,
 * every request (docs/decisions/008-performance-budgets.md). Eight families at most: the largest
 * take some 5 MB.
 */
const families = new DerivedCache(8);

/**
 * A body's answers page. Its summary counts every answer in scope; its list and its demand × round
 * matrix show the rounds of one page (ANSWERS_PER_PAGE), whose answers alone are read in full.
 * Queries: the bodies, the family's answers (cached), the page's answers.
 */
export async function bodyAnswers(query: AnswersQuery, client: Pick<Db, "body" | "agendaItem" | "$queryRaw"> = db) {
  const bodies = await client.body.findMany({
    select: { id: true, parentId: true, kind: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true, deletedAt: true },
  });
  const body = bodies.find((b) => b.id === query.bodyId && b.deletedAt === null);
  if (!body) return null;
  const family = subtreeIds(bodies, body.id);
  const load = () => familyIndex([...family], client);
  // A client passed in (tests counting queries) always reads.
  const { items: rows, stock } = client === db ? await families.get(body.id, await dataVersion(), load) : await load();

  const roundsById = new Map(rows.map((r) => [r.round.id, r.round]));
  const bodiesById = new Map(bodies.map((b) => [b.id, b]));
  const inScope = rows.filter((r) => query.includeSubBodies || r.bodyId === body.id);
  const isStock = (id: string) => stock.has(id);

  // Summary: answers by assessment, over the whole scope.
  const byAssessment = Object.fromEntries([...ASSESSMENTS, "none"].map((a) => [a, 0])) as Record<AssessmentFilter, number>;
  for (const r of inScope) byAssessment[isAssessment(r.assessment) ? r.assessment : "none"] += 1;
  const summary = { total: inScope.length, stock: inScope.filter((r) => isStock(r.id)).length, byAssessment };

  // The demand filter: an id (from links) or a reference typed in.
  const wanted = query.demandId?.trim();
  const demand = wanted ? (inScope.find((r) => r.demand.id === wanted || r.demand.ref === wanted.toUpperCase())?.demand ?? null) : null;

  // The list: filtered, grouped by round (newest first), paged by round.
  const needle = query.q ? fold(query.q) : null;
  const listed = inScope.filter((r) => {
    if (wanted && r.demand.id !== demand?.id) return false;
    if (query.assessment === "none" ? isAssessment(r.assessment) : query.assessment && r.assessment !== query.assessment) return false;
    if (query.stockOnly && !isStock(r.id)) return false;
    if (needle) {
      const haystack = [r.questionJa, r.questionEn, r.answerText, r.demand.ref, r.demand.titleJa, r.demand.titleEn].filter(Boolean).join("\n");
      if (!fold(haystack).includes(needle)) return false;
    }
    return true;
  });
  const groups = new Map<string, typeof listed>();
  for (const r of listed) {
    const group = groups.get(r.round.id);
    if (group) group.push(r);
    else groups.set(r.round.id, [r]);
  }
  const roundOrder = [...groups.keys()]
    .map((id) => roundsById.get(id)!)
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id.localeCompare(a.id));
  const pagesOfRounds: Array<typeof roundOrder> = [];
  let filling = 0;
  for (const round of roundOrder) {
    const count = groups.get(round.id)?.length ?? 0;
    const last = pagesOfRounds[pagesOfRounds.length - 1];
    if (last && filling + count <= ANSWERS_PER_PAGE) {
      last.push(round);
      filling += count;
    } else {
      pagesOfRounds.push([round]);
      filling = count;
    }
  }
  const pages = Math.max(1, pagesOfRounds.length);
  const page = Math.min(query.page, pages);
  const shownRounds = query.all ? roundOrder : (pagesOfRounds[page - 1] ?? []);

  // The page's answers in full.
  const shownItems = shownRounds.flatMap((round) => groups.get(round.id) ?? []);
  const details = shownItems.length
    ? await client.agendaItem.findMany({
        where: { id: { in: shownItems.map((r) => r.id) } },
        select: { id: true, answer: true, commitmentJa: true, commitmentEn: true, followUpOn: true, followUpStatus: true, internalNote: true },
      })
    : [];
  const detailsById = new Map(details.map((d) => [d.id, d]));

  // The matrix: demands (by reference) × the page's rounds (in date order), over the whole scope.
  const shownRoundIds = new Set(shownRounds.map((r) => r.id));
  const inMatrix = inScope.filter((r) => shownRoundIds.has(r.round.id));
  const matrixDemands = [...new Map(inMatrix.map((r) => [r.demand.id, r.demand])).values()].sort((a, b) => a.ref.localeCompare(b.ref, "en", { numeric: true }));
  const matrixRounds = [...shownRounds].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
  const cells: Record<string, Array<{ itemId: string; roundId: string; assessment: Assessment | null; stock: boolean }>> = {};
  for (const r of [...inMatrix].sort((a, b) => a.position - b.position)) {
    const key = `${r.demand.id}:${r.round.id}`;
    (cells[key] ??= []).push({ itemId: r.id, roundId: r.round.id, assessment: isAssessment(r.assessment) ? r.assessment : null, stock: isStock(r.id) });
  }

  const label = (b: { nameJa: string; nameEn: string }) => (query.locale === "ja" ? b.nameJa || b.nameEn : b.nameEn || b.nameJa);
  const rounds = shownRounds.map((round) => ({
    round,
    items: (groups.get(round.id) ?? [])
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
      .map(({ bodyId, round: _round, answerText, ...r }) => {
        const { answer, ...detail } = detailsById.get(r.id) ?? { answer: null, commitmentJa: null, commitmentEn: null, followUpOn: null, followUpStatus: null, internalNote: null };
        const match = stock.get(r.id);
        const earlier = match ? roundsById.get(match.roundId) : undefined;
        const answeredBy = bodyId ? bodiesById.get(bodyId) : undefined;
        const answerHtml = renderRichText(answer);
        return {
          ...withoutInternal({ ...r, ...detail, answerText: answerHtml && !query.all ? null : answerText }, query.role),
          answerHtml,
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
    /** the demand the list is filtered by, when it is known */
    demand,
    bodyLabel: label(body),
    showsInternal: canSeeInternal(query.role),
  };
}

export type BodyAnswers = NonNullable<Awaited<ReturnType<typeof bodyAnswers>>>;
