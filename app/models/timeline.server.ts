// Loads one demand's timeline. The number of queries is fixed (seven Prisma calls, run together),
// whatever the number of requests, rounds and outcomes: the events are then merged in memory by
// the pure buildTimeline (app/models/timeline.ts). test/integration/timeline.test.ts counts them.
// The list of events is paged (TIMELINE_PAGE_SIZE) and only the page's answers are rendered; the
// picture gets its marks precomputed (timeline-picture.ts), not the events themselves.
import { type Locale } from "~/i18n/locales";
import { flattenTree, subtreeIds } from "~/models/body";
import { buildTimeline, TIMELINE_PAGE_SIZE, type TimelineChannel } from "~/models/timeline";
import { timelinePicture } from "~/models/timeline-picture";
import { canSeeInternal, withoutInternal } from "~/models/visibility";
import { DerivedCache, dataVersion } from "~/utils/cache.server";
import { db, type Db } from "~/utils/db.server";
import { pageCount } from "~/utils/paging";
import { todayInJapan } from "~/utils/partial-date";
import { renderRichText } from "~/utils/rich-text.server";

/** The part of the Prisma client the timeline reads; tests pass a client that counts its queries. */
export type TimelineClient = Pick<Db, "demand" | "demandStatusOverride" | "body" | "$queryRaw">;

export type TimelineQuery = {
  demandId: string;
  role: string;
  locale: Locale;
  channels?: TimelineChannel[];
  bodyId?: string | null;
  order?: "asc" | "desc";
  /** of the list of events, from 1 */
  page?: number;
  /** YYYY-MM-DD in Japan; today by default */
  today?: string;
};


const bodyRef = { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } as const;

type RequestItemSql = {
  id: string;
  position: number | bigint;
  wordingJa: string | null;
  wordingEn: string | null;
  requestId: string;
  kind: string;
  titleJa: string;
  titleEn: string;
  sentOn: string;
  internalNote: string | null;
  /** the addressed bodies' ids, comma-separated (ids are cuids, without commas) */
  addresseeIds: string | null;
};
type AgendaItemSql = {
  id: string;
  position: number | bigint;
  questionJa: string | null;
  questionEn: string | null;
  answer: string | null;
  answerText: string | null;
  assessment: string | null;
  commitmentJa: string | null;
  commitmentEn: string | null;
  followUpOn: string | null;
  followUpStatus: string | null;
  followUpNote: string | null;
  internalNote: string | null;
  bodyId: string | null;
  roundId: string;
  roundKind: string;
  roundTitleJa: string;
  roundTitleEn: string;
  roundHeldOn: string;
  roundInternalNote: string | null;
};
type OutcomeSql = {
  id: string;
  degree: string;
  occurredOn: string;
  quoteJa: string | null;
  quoteEn: string | null;
  sourceUrl: string | null;
  note: string | null;
  internalNote: string | null;
  createdAt: Date | string;
  instrumentId: string | null;
  instrumentKind: string | null;
  instrumentTitleJa: string | null;
  instrumentTitleEn: string | null;
  issuerBodyId: string | null;
  recommendationsJson: string | null;
};

type CommentSql = {
  id: string;
  textJa: string | null;
  textEn: string | null;
  responseSummary: string | null;
  responseAnswer: string | null;
  responseKind: string | null;
  submissionId: string;
  submittedOn: string;
  consultationId: string;
  titleJa: string;
  titleEn: string;
  caseNumber: string | null;
  finalTextChanged: string | null;
  issuerBodyId: string | null;
};

type RecommendationSql = {
  id: string;
  paragraph: string;
  headingJa: string | null;
  headingEn: string | null;
  textEn: string;
  grade: string | null;
  followUp: number | boolean | bigint;
  documentId: string;
  documentKind: string;
  symbol: string | null;
  documentTitleJa: string;
  documentTitleEn: string;
  issuedOn: string | null;
  mechanism: string;
};

type OutcomeRecommendation = { id: string; paragraph: string; symbol: string | null; titleJa: string; titleEn: string };

/** The recommendations an outcome was reached through, read in its own statement as a JSON array (decision 010). */
function outcomeRecommendations(json: string | null): OutcomeRecommendation[] {
  const parsed: unknown = JSON.parse(json ?? "[]");
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter((r): r is OutcomeRecommendation => Boolean(r) && typeof r === "object" && typeof r.id === "string" && typeof r.paragraph === "string")
    .sort((a, b) => (a.symbol ?? "").localeCompare(b.symbol ?? "") || a.paragraph.localeCompare(b.paragraph, "en", { numeric: true }));
}

/**
 * The requests, agenda items and outcomes are read with one plain SQL statement each, their bodies
 * taken from the body list the page loads anyway: through Prisma's nested selects, compiling the
 * queries and assembling 500 rows cost 20 ms of a 500-event timeline (docs/decisions/008).
 */
async function buildAll(query: TimelineQuery, today: string, client: TimelineClient) {
  const role = query.role;
  const demandId = query.demandId;
  const [demand, requestRows, agendaRows, outcomeRows, commentRows, overrides, bodies, recommendationRows] = await Promise.all([
    client.demand.findFirst({
      where: { id: demandId, deletedAt: null },
      select: { id: true, ref: true, titleJa: true, titleEn: true, firstRaisedOn: true, archived: true },
    }),
    client.$queryRaw<RequestItemSql[]>`
      SELECT i."id", i."position", i."wordingJa", i."wordingEn", q."id" AS "requestId", q."kind", q."titleJa", q."titleEn", q."sentOn", q."internalNote",
        (SELECT GROUP_CONCAT(a."bodyId") FROM "RequestAddressee" a WHERE a."requestId" = q."id") AS "addresseeIds"
      FROM "RequestItem" i JOIN "Request" q ON q."id" = i."requestId" AND q."deletedAt" IS NULL
      WHERE i."demandId" = ${demandId}`,
    client.$queryRaw<AgendaItemSql[]>`
      SELECT a."id", a."position", a."questionJa", a."questionEn", a."answer", a."answerText", a."assessment", a."commitmentJa", a."commitmentEn",
        a."followUpOn", a."followUpStatus", a."followUpNote", a."internalNote", a."bodyId",
        r."id" AS "roundId", r."kind" AS "roundKind", r."titleJa" AS "roundTitleJa", r."titleEn" AS "roundTitleEn", r."heldOn" AS "roundHeldOn", r."internalNote" AS "roundInternalNote"
      FROM "AgendaItem" a JOIN "NegotiationRound" r ON r."id" = a."roundId" AND r."deletedAt" IS NULL
      WHERE a."demandId" = ${demandId}`,
    client.$queryRaw<OutcomeSql[]>`
      SELECT o."id", o."degree", o."occurredOn", o."quoteJa", o."quoteEn", o."sourceUrl", o."note", o."internalNote", o."createdAt",
        n."id" AS "instrumentId", n."kind" AS "instrumentKind", n."titleJa" AS "instrumentTitleJa", n."titleEn" AS "instrumentTitleEn", n."issuerBodyId",
        (SELECT json_group_array(json_object('id', r."id", 'paragraph', r."paragraph", 'symbol', d."symbol", 'titleJa', d."titleJa", 'titleEn', d."titleEn"))
          FROM "OutcomeChannel" c JOIN "Recommendation" r ON r."id" = c."recommendationId" AND r."deletedAt" IS NULL
            JOIN "UnDocument" d ON d."id" = r."documentId" AND d."deletedAt" IS NULL
          WHERE c."outcomeId" = o."id") AS "recommendationsJson"
      FROM "Outcome" o LEFT JOIN "Instrument" n ON n."id" = o."instrumentId" AND n."deletedAt" IS NULL
      WHERE o."demandId" = ${demandId} AND o."deletedAt" IS NULL`,
    // Points of public comments (docs/decisions/011); no internal notes are read.
    client.$queryRaw<CommentSql[]>`
      SELECT p."id", p."textJa", p."textEn", p."responseSummary", p."responseAnswer", p."responseKind",
        s."id" AS "submissionId", s."submittedOn", c."id" AS "consultationId", c."titleJa", c."titleEn", c."caseNumber", c."finalTextChanged", c."issuerBodyId"
      FROM "CommentPoint" p JOIN "CommentSubmission" s ON s."id" = p."submissionId" AND s."deletedAt" IS NULL
        JOIN "Consultation" c ON c."id" = s."consultationId" AND c."deletedAt" IS NULL
      WHERE p."demandId" = ${demandId}`,
    client.demandStatusOverride.findMany({
      where: { demandId },
      select: { id: true, status: true, reason: true, fromOn: true, clearedAt: true, createdAt: true },
    }),
    client.body.findMany({ select: { ...bodyRef, parentId: true, sortOrder: true, deletedAt: true } }),
    // UN recommendations linked to the demand: members see them, and nothing internal is read.
    client.$queryRaw<RecommendationSql[]>`
      SELECT r."id", r."paragraph", r."headingJa", r."headingEn", r."textEn", r."grade", r."followUp",
        d."id" AS "documentId", d."kind" AS "documentKind", d."symbol", d."titleJa" AS "documentTitleJa", d."titleEn" AS "documentTitleEn", d."issuedOn",
        m."abbreviation" AS "mechanism"
      FROM "RecommendationDemand" l
        JOIN "Recommendation" r ON r."id" = l."recommendationId" AND r."deletedAt" IS NULL
        JOIN "UnDocument" d ON d."id" = r."documentId" AND d."deletedAt" IS NULL
        JOIN "UnMechanism" m ON m."id" = d."mechanismId" AND m."deletedAt" IS NULL
      WHERE l."demandId" = ${demandId}`,
  ]);
  if (!demand) return null;

  const bodyById = new Map(bodies.map((b) => [b.id, { id: b.id, nameJa: b.nameJa, nameEn: b.nameEn, shortNameJa: b.shortNameJa, shortNameEn: b.shortNameEn }]));
  const bodyOf = (id: string | null) => (id ? (bodyById.get(id) ?? null) : null);
  const requestItems = requestRows.map((r) => ({
    id: r.id,
    position: Number(r.position),
    wordingJa: r.wordingJa,
    wordingEn: r.wordingEn,
    request: {
      id: r.requestId,
      kind: r.kind,
      titleJa: r.titleJa,
      titleEn: r.titleEn,
      sentOn: r.sentOn,
      internalNote: r.internalNote,
      addressees: (r.addresseeIds ?? "").split(",").flatMap((id) => bodyOf(id) ?? []),
    },
  }));
  const agendaItems = agendaRows.map(({ roundId, roundKind, roundTitleJa, roundTitleEn, roundHeldOn, roundInternalNote, bodyId, position, ...row }) => ({
    ...row,
    position: Number(position),
    body: bodyOf(bodyId),
    round: { id: roundId, kind: roundKind, titleJa: roundTitleJa, titleEn: roundTitleEn, heldOn: roundHeldOn, internalNote: roundInternalNote },
  }));
  const outcomes = outcomeRows.map(({ instrumentId, instrumentKind, instrumentTitleJa, instrumentTitleEn, issuerBodyId, recommendationsJson, ...row }) => ({
    ...row,
    recommendations: outcomeRecommendations(recommendationsJson),
    instrument: instrumentId
      ? { id: instrumentId, kind: instrumentKind ?? "", titleJa: instrumentTitleJa ?? "", titleEn: instrumentTitleEn ?? "", issuerBody: bodyOf(issuerBodyId) }
      : null,
  }));

  const comments = commentRows.map((r) => ({
    id: r.id,
    textJa: r.textJa,
    textEn: r.textEn,
    responseSummary: r.responseSummary,
    responseAnswer: r.responseAnswer,
    responseKind: r.responseKind,
    submission: { id: r.submissionId, submittedOn: r.submittedOn },
    consultation: { id: r.consultationId, titleJa: r.titleJa, titleEn: r.titleEn, caseNumber: r.caseNumber, finalTextChanged: r.finalTextChanged, issuerBody: bodyOf(r.issuerBodyId) },
  }));

  // Internal notes leave the server only for staff (app/models/visibility.ts).
  const input = {
    firstRaisedOn: demand.firstRaisedOn,
    today,
    requestItems: requestItems.map((row) => ({
      ...row,
      request: withoutInternal(row.request, role),
    })),
    // Answers are rendered below, for the page's events only.
    agendaItems: agendaItems.map(({ answer: _answer, ...row }) => ({
      ...withoutInternal(row, role),
      answerHtml: "",
      round: withoutInternal(row.round, role),
    })),
    outcomes: outcomes.map((row) => withoutInternal(row, role)),
    comments,
    overrides: overrides.map((o) => ({ ...o, clearedAt: o.clearedAt ? o.clearedAt.toISOString() : null, createdAt: o.createdAt.toISOString() })),
    recommendations: recommendationRows.map((r) => ({
      id: r.id,
      paragraph: r.paragraph,
      headingJa: r.headingJa,
      headingEn: r.headingEn,
      textEn: r.textEn,
      grade: r.grade,
      followUp: Boolean(Number(r.followUp)),
      document: { id: r.documentId, kind: r.documentKind, symbol: r.symbol, titleJa: r.documentTitleJa, titleEn: r.documentTitleEn, issuedOn: r.issuedOn, mechanism: r.mechanism },
    })),
  };

  // The body filter offers the bodies this demand met, with the bodies above them.
  const involved = new Set<string>();
  for (const row of input.requestItems) for (const b of row.request.addressees) involved.add(b.id);
  for (const row of input.agendaItems) if (row.body) involved.add(row.body.id);
  for (const row of input.outcomes) if (row.instrument?.issuerBody) involved.add(row.instrument.issuerBody.id);
  for (const row of comments) if (row.consultation.issuerBody) involved.add(row.consultation.issuerBody.id);
  const offered = new Set<string>();
  const parentOf = new Map(bodies.map((b) => [b.id, b.parentId]));
  for (const id of involved) {
    // Up the tree (ancestry() builds its index on every call: 2 ms for a 500-event timeline).
    for (let at: string | null | undefined = id; at && !offered.has(at); at = parentOf.get(at)) offered.add(at);
  }
  const label = (b: { nameJa: string; nameEn: string }) => (query.locale === "ja" ? b.nameJa || b.nameEn : b.nameEn || b.nameJa);
  const bodyOptions = flattenTree(
    bodies.filter((b) => offered.has(b.id)),
    label,
  ).map((b) => ({ value: b.id, label: label(b), depth: b.depth }));

  const bodyId = query.bodyId && bodies.some((b) => b.id === query.bodyId) ? query.bodyId : null;
  const timeline = buildTimeline(input, {
    channels: query.channels ?? [],
    bodyIds: bodyId ? subtreeIds(bodies, bodyId) : null,
    order: query.order ?? "asc",
  });

  return {
    demand,
    timeline,
    answers: new Map(agendaItems.map((row) => [row.id, row.answer])),
    picture: timelinePicture(timeline.events, timeline.history, today, query.locale),
    bodyId,
    bodyOptions,
  };
}

/**
 * Built timelines (20 at most, a few MB) while the database does not change: building one of 500
 * events cost about 30 ms, five floors (docs/decisions/008). Only the page's answers are rendered
 * per request.
 */
const built = new DerivedCache(20);

export async function loadTimeline(query: TimelineQuery, client: TimelineClient = db) {
  const today = query.today ?? todayInJapan();
  const role = query.role;
  // A client passed in (tests counting queries) always builds.
  const key = JSON.stringify([query.demandId, canSeeInternal(role), query.locale, query.channels ?? [], query.bodyId ?? null, query.order ?? "asc", today]);
  const all = client === db ? await built.get(key, await dataVersion(), () => buildAll(query, today, client)) : await buildAll(query, today, client);
  if (!all) return null;
  const { demand, timeline, answers, picture, bodyId, bodyOptions } = all;

  const pages = pageCount(timeline.events.length, TIMELINE_PAGE_SIZE);
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  const events = timeline.events
    .slice((page - 1) * TIMELINE_PAGE_SIZE, page * TIMELINE_PAGE_SIZE)
    .map((e) => {
      if (e.channel !== "round") return e;
      const answerHtml = renderRichText(answers.get(e.item.id));
      // The plain text is shown only when there is no document; it need not travel twice.
      return { ...e, item: { ...e.item, answerHtml, answerText: answerHtml ? null : e.item.answerText } };
    });

  return {
    demand,
    events,
    history: timeline.history,
    counts: timeline.counts,
    /** events after the filters, on every page */
    shown: timeline.events.length,
    page,
    pageCount: pages,
    picture,
    today,
    filter: { channels: query.channels ?? [], bodyId, order: query.order ?? "asc" },
    bodyOptions,
    showsInternal: canSeeInternal(role),
  };
}

export type TimelineData = NonNullable<Awaited<ReturnType<typeof loadTimeline>>>;
