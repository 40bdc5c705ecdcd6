// Loads one demand's timeline. The number of queries is fixed (six Prisma calls, run together),
// whatever the number of requests, rounds and outcomes: the events are then merged in memory by
// the pure buildTimeline (app/models/timeline.ts). test/integration/timeline.test.ts counts them.
import { type Locale } from "~/i18n/locales";
import { ancestry, flattenTree, subtreeIds } from "~/models/body";
import { buildTimeline, type TimelineChannel } from "~/models/timeline";
import { canSeeInternal, withoutInternal } from "~/models/visibility";
import { db, type Db } from "~/utils/db.server";
import { todayInJapan } from "~/utils/partial-date";
import { renderRichText } from "~/utils/rich-text.server";

/** The part of the Prisma client the timeline reads; tests pass a client that counts its queries. */
export type TimelineClient = Pick<Db, "demand" | "requestItem" | "agendaItem" | "outcome" | "demandStatusOverride" | "body">;

export type TimelineQuery = {
  demandId: string;
  role: string;
  locale: Locale;
  channels?: TimelineChannel[];
  bodyId?: string | null;
  order?: "asc" | "desc";
  /** YYYY-MM-DD in Japan; today by default */
  today?: string;
};

const bodyRef = { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } as const;

export async function loadTimeline(query: TimelineQuery, client: TimelineClient = db) {
  const today = query.today ?? todayInJapan();
  const role = query.role;
  const [demand, requestItems, agendaItems, outcomes, overrides, bodies] = await Promise.all([
    client.demand.findFirst({
      where: { id: query.demandId, deletedAt: null },
      select: { id: true, ref: true, titleJa: true, titleEn: true, firstRaisedOn: true, archived: true },
    }),
    client.requestItem.findMany({
      where: { demandId: query.demandId, request: { deletedAt: null } },
      select: {
        id: true,
        position: true,
        wordingJa: true,
        wordingEn: true,
        request: {
          select: {
            id: true,
            kind: true,
            titleJa: true,
            titleEn: true,
            sentOn: true,
            internalNote: true,
            addressees: { select: { body: { select: bodyRef } } },
          },
        },
      },
    }),
    client.agendaItem.findMany({
      where: { demandId: query.demandId, round: { deletedAt: null } },
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
        followUpNote: true,
        internalNote: true,
        body: { select: bodyRef },
        round: { select: { id: true, kind: true, titleJa: true, titleEn: true, heldOn: true, internalNote: true } },
      },
    }),
    client.outcome.findMany({
      where: { demandId: query.demandId, deletedAt: null },
      select: {
        id: true,
        degree: true,
        occurredOn: true,
        quoteJa: true,
        quoteEn: true,
        sourceUrl: true,
        note: true,
        internalNote: true,
        createdAt: true,
        instrument: { select: { id: true, kind: true, titleJa: true, titleEn: true, issuerBody: { select: bodyRef } } },
      },
    }),
    client.demandStatusOverride.findMany({
      where: { demandId: query.demandId },
      select: { id: true, status: true, reason: true, fromOn: true, clearedAt: true, createdAt: true },
    }),
    client.body.findMany({ select: { ...bodyRef, parentId: true, sortOrder: true, deletedAt: true } }),
  ]);
  if (!demand) return null;

  // Internal notes leave the server only for staff (app/models/visibility.ts).
  const input = {
    firstRaisedOn: demand.firstRaisedOn,
    today,
    requestItems: requestItems.map((row) => ({
      ...row,
      request: { ...withoutInternal(row.request, role), addressees: row.request.addressees.map((a) => a.body) },
    })),
    agendaItems: agendaItems.map(({ answer, ...row }) => ({
      ...withoutInternal(row, role),
      answerHtml: renderRichText(answer),
      round: withoutInternal(row.round, role),
    })),
    outcomes: outcomes.map((row) => withoutInternal(row, role)),
    overrides: overrides.map((o) => ({ ...o, clearedAt: o.clearedAt ? o.clearedAt.toISOString() : null, createdAt: o.createdAt.toISOString() })),
  };

  // The body filter offers the bodies this demand met, with the bodies above them.
  const involved = new Set<string>();
  for (const row of input.requestItems) for (const b of row.request.addressees) involved.add(b.id);
  for (const row of input.agendaItems) if (row.body) involved.add(row.body.id);
  for (const row of input.outcomes) if (row.instrument?.issuerBody) involved.add(row.instrument.issuerBody.id);
  const offered = new Set<string>();
  for (const id of involved) for (const b of ancestry(bodies, id)) offered.add(b.id);
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
    ...timeline,
    today,
    filter: { channels: query.channels ?? [], bodyId, order: query.order ?? "asc" },
    bodyOptions,
    showsInternal: canSeeInternal(role),
  };
}

export type TimelineData = NonNullable<Awaited<ReturnType<typeof loadTimeline>>>;
