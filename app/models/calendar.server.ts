// Gathers every dated item of the product for a date range (docs/decisions/015): consultations'
// deadlines and opening dates, negotiation rounds, commitments' follow-up dates and UN review-cycle
// stages. Four statements whatever the range (one per source table, with their joins), never an
// internal note: the same events serve members, staff, the ICS feeds and the reminders.
import {
  type CalendarEvent,
  type CalendarKind,
  CALENDAR_KINDS,
  compareEvents,
  eventDateOf,
  inRange,
  parseUid,
  partialDateBounds,
  uidOf,
} from "~/models/calendar";
import { db } from "~/utils/db.server";
import { partialDateRange } from "~/utils/partial-date";
import { translateMaybe, translator } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { flattenTree } from "~/models/body";

export type CalendarQuery = {
  from: string;
  to: string;
  kinds?: readonly CalendarKind[];
  bodyId?: string;
  networkId?: string;
  /** Without the bodies' names in the details: fewer statements, for the home screen. */
  brief?: boolean;
};

type BodyName = { nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null };
const bodyName = { select: { nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } } as const;
const shortJa = (b: BodyName) => b.shortNameJa || b.nameJa;
const shortEn = (b: BodyName) => b.shortNameEn || b.nameEn;
const ja = translator("ja");
const en = translator("en");

function join(parts: Array<string | null | undefined>) {
  const kept = parts.filter((p): p is string => Boolean(p));
  return kept.length ? kept.join(" · ") : null;
}

/** The calendar's filters (the page and its CSV download: routes/calendar._index.tsx calendarListQuery). */
export type CalendarFilters = { kind?: CalendarKind; bodyId?: string; networkId?: string; overdue: boolean };

/** The events of a period that the filters keep, by day: the page's month and list views, and the list's CSV. */
export async function filteredEvents(filters: CalendarFilters, span: { from: string; to: string }, today: string) {
  const found = await calendarEvents({ ...span, kinds: filters.kind ? [filters.kind] : undefined, bodyId: filters.bodyId, networkId: filters.networkId });
  return filters.overdue ? found.filter((e) => e.open && e.date < today) : found;
}

/** Every event whose day is in [from, to], sorted by day. */
export async function calendarEvents(query: CalendarQuery): Promise<CalendarEvent[]> {
  const kinds = new Set(query.kinds?.length ? query.kinds : CALENDAR_KINDS);
  const { from, to, bodyId, networkId } = query;
  const bounds = partialDateBounds(from, to);
  const wantConsultations = kinds.has("consultation_deadline") || kinds.has("consultation_opened");
  // UN stages belong to no body or project network: a filter by either leaves them out.
  const wantStages = kinds.has("un_stage") && !bodyId && !networkId;

  const [consultations, rounds, commitments, stages] = await Promise.all([
    wantConsultations
      ? db.consultation.findMany({
          where: {
            deletedAt: null,
            OR: [
              ...(kinds.has("consultation_deadline") ? [{ deadlineOn: { gte: from, lte: to } }] : []),
              ...(kinds.has("consultation_opened") ? [{ openedOn: bounds }] : []),
            ],
            ...(bodyId ? { issuerBodyId: bodyId } : {}),
            ...(networkId
              ? {
                  submissions: {
                    some: {
                      deletedAt: null,
                      OR: [{ senderNetworkId: networkId }, { points: { some: { demand: { projectNetworkId: networkId } } } }],
                    },
                  },
                }
              : {}),
          },
          select: { id: true, titleJa: true, titleEn: true, closesOn: true, deadlineOn: true, openedOn: true, caseNumber: true, ...(query.brief ? {} : { issuerBody: bodyName }) },
        })
      : [],
    kinds.has("round") ? roundRows(bounds, { bodyId, networkId, brief: query.brief }) : [],
    kinds.has("commitment") ? commitmentRows(bounds, bodyId, networkId) : [],
    wantStages ? stageRows(bounds) : [],
  ]);

  const events: CalendarEvent[] = [];
  const push = (event: Omit<CalendarEvent, "date" | "precision">) => {
    const at = eventDateOf(event.on);
    if (at && inRange(at.date, from, to)) events.push({ ...event, ...at });
  };

  for (const c of consultations) {
    const issuer = "issuerBody" in c ? c.issuerBody : null;
    const base = { titleJa: c.titleJa, titleEn: c.titleEn, href: `/consultations/${c.id}`, open: false, roundId: null };
    if (kinds.has("consultation_deadline")) {
      // deadlineOn is the last day of closesOn (decision 011); keep the precision the staff gave.
      push({ ...base, uid: uidOf("consultation_deadline", c.id), kind: "consultation_deadline", on: c.closesOn, detailJa: join([issuer && shortJa(issuer), c.caseNumber]), detailEn: join([issuer && shortEn(issuer), c.caseNumber]) });
    }
    if (kinds.has("consultation_opened") && c.openedOn) {
      push({ ...base, uid: uidOf("consultation_opened", c.id), kind: "consultation_opened", on: c.openedOn, detailJa: join([issuer && shortJa(issuer)]), detailEn: join([issuer && shortEn(issuer)]) });
    }
  }
  for (const r of rounds) {
    push({
      uid: uidOf("round", r.id),
      kind: "round",
      on: r.heldOn,
      titleJa: r.titleJa,
      titleEn: r.titleEn,
      detailJa: join([r.bodies.map((b) => shortJa(b.body)).join("、"), r.place]),
      detailEn: join([r.bodies.map((b) => shortEn(b.body)).join(", "), r.place]),
      href: `/rounds/${r.id}`,
      open: false,
      roundId: r.id,
    });
  }
  for (const item of commitments) {
    const body = item.bodyNameJa ? { nameJa: item.bodyNameJa, nameEn: item.bodyNameEn ?? "", shortNameJa: item.bodyShortJa, shortNameEn: item.bodyShortEn } : null;
    push({
      uid: uidOf("commitment", item.id),
      kind: "commitment",
      on: item.followUpOn,
      titleJa: item.commitmentJa || item.commitmentEn || item.demandTitleJa,
      titleEn: item.commitmentEn || item.commitmentJa || item.demandTitleEn,
      detailJa: join([body && shortJa(body), `${item.demandRef} ${item.demandTitleJa}`, translateMaybe(ja, `followUp.${item.followUpStatus}`)]),
      detailEn: join([body && shortEn(body), `${item.demandRef} ${item.demandTitleEn}`, translateMaybe(en, `followUp.${item.followUpStatus}`)]),
      href: `/rounds/${item.roundId}#item-${item.id}`,
      open: item.followUpStatus === "open",
      roundId: item.roundId,
    });
  }
  for (const s of stages) {
    const who = s.committeeAbbr || s.abbreviation;
    push({
      uid: uidOf("un_stage", s.id),
      kind: "un_stage",
      on: s.on,
      titleJa: `${who}: ${translateMaybe(ja, `stage.${s.kind}`)}`,
      titleEn: `${who}: ${translateMaybe(en, `stage.${s.kind}`)}`,
      detailJa: join([s.cycleTitleJa, s.session]),
      detailEn: join([s.cycleTitleEn, s.session]),
      href: `/un/cycles/${s.cycleId}`,
      open: false,
      roundId: null,
    });
  }
  return events.sort(compareEvents);
}

async function roundRows(bounds: { gte: string; lte: string }, { bodyId, networkId, brief }: { bodyId?: string; networkId?: string; brief?: boolean }) {
  const where = {
    deletedAt: null,
    heldOn: bounds,
    ...(bodyId ? { bodies: { some: { bodyId } } } : {}),
    ...(networkId ? { items: { some: { demand: { projectNetworkId: networkId } } } } : {}),
  };
  const select = { id: true, titleJa: true, titleEn: true, heldOn: true, place: true } as const;
  if (brief) return (await db.negotiationRound.findMany({ where, select })).map((r) => ({ ...r, bodies: [] as Array<{ body: BodyName }> }));
  return db.negotiationRound.findMany({ where, select: { ...select, bodies: { select: { body: bodyName } } } });
}

type CommitmentRow = {
  id: string;
  roundId: string;
  commitmentJa: string | null;
  commitmentEn: string | null;
  followUpOn: string;
  followUpStatus: string;
  demandRef: string;
  demandTitleJa: string;
  demandTitleEn: string;
  bodyNameJa: string | null;
  bodyNameEn: string | null;
  bodyShortJa: string | null;
  bodyShortEn: string | null;
};

/** Commitments with a follow-up date in the bounds, with their demand and body: one statement, on the (followUpStatus, followUpOn) index. */
function commitmentRows(bounds: { gte: string; lte: string }, bodyId?: string, networkId?: string) {
  return db.$queryRaw<CommitmentRow[]>`
    SELECT a."id", a."roundId", a."commitmentJa", a."commitmentEn", a."followUpOn", a."followUpStatus",
           d."ref" AS "demandRef", d."titleJa" AS "demandTitleJa", d."titleEn" AS "demandTitleEn",
           b."nameJa" AS "bodyNameJa", b."nameEn" AS "bodyNameEn", b."shortNameJa" AS "bodyShortJa", b."shortNameEn" AS "bodyShortEn"
    FROM "AgendaItem" a
    JOIN "NegotiationRound" r ON r."id" = a."roundId" AND r."deletedAt" IS NULL
    JOIN "Demand" d ON d."id" = a."demandId" AND d."deletedAt" IS NULL
    LEFT JOIN "Body" b ON b."id" = a."bodyId"
    WHERE a."followUpStatus" IN ('open', 'done', 'dropped') AND a."followUpOn" >= ${bounds.gte} AND a."followUpOn" <= ${bounds.lte}
      AND (${bodyId ?? null} IS NULL OR a."bodyId" = ${bodyId ?? null})
      AND (${networkId ?? null} IS NULL OR d."projectNetworkId" = ${networkId ?? null})`;
}

type StageRow = {
  id: string;
  kind: string;
  on: string;
  cycleId: string;
  cycleTitleJa: string;
  cycleTitleEn: string;
  session: string | null;
  abbreviation: string;
  committeeAbbr: string | null;
};

/** UN review stages dated in the bounds, with their cycle and mechanism: one statement, on the index of "on". */
function stageRows(bounds: { gte: string; lte: string }) {
  return db.$queryRaw<StageRow[]>`
    SELECT s."id", s."kind", s."on", c."id" AS "cycleId", c."titleJa" AS "cycleTitleJa", c."titleEn" AS "cycleTitleEn", c."session",
           m."abbreviation", m."committeeAbbr"
    FROM "ReviewStage" s
    JOIN "ReviewCycle" c ON c."id" = s."cycleId" AND c."deletedAt" IS NULL
    JOIN "UnMechanism" m ON m."id" = c."mechanismId" AND m."deletedAt" IS NULL
    WHERE s."on" >= ${bounds.gte} AND s."on" <= ${bounds.lte}`;
}

/** One event by its UID (the single-event .ics download), or null when its record is gone or has no such date. */
export async function calendarEventByUid(uid: string): Promise<CalendarEvent | null> {
  const parsed = parseUid(uid);
  if (!parsed) return null;
  const on = await dateOfRecord(parsed.kind, parsed.id);
  const range = on ? partialDateRange(on) : null;
  if (!range) return null;
  const events = await calendarEvents({ from: range.end, to: range.end, kinds: [parsed.kind] });
  return events.find((e) => e.uid === uid) ?? null;
}

async function dateOfRecord(kind: CalendarKind, id: string): Promise<string | null> {
  switch (kind) {
    case "consultation_deadline":
      return (await db.consultation.findFirst({ where: { id, deletedAt: null }, select: { closesOn: true } }))?.closesOn ?? null;
    case "consultation_opened":
      return (await db.consultation.findFirst({ where: { id, deletedAt: null }, select: { openedOn: true } }))?.openedOn ?? null;
    case "round":
      return (await db.negotiationRound.findFirst({ where: { id, deletedAt: null }, select: { heldOn: true } }))?.heldOn ?? null;
    case "commitment":
      return (await db.agendaItem.findFirst({ where: { id }, select: { followUpOn: true } }))?.followUpOn ?? null;
    case "un_stage":
      return (await db.reviewStage.findFirst({ where: { id }, select: { on: true } }))?.on ?? null;
  }
}

/** The bodies (as a tree) and project networks the filters offer. */
export async function calendarFilterOptions(locale: Locale) {
  const label = (x: { nameJa: string; nameEn: string }) => (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);
  const [bodies, networks] = await Promise.all([
    db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true, nameJa: true, nameEn: true, sortOrder: true } }),
    db.projectNetwork.findMany({ where: { deletedAt: null }, select: { id: true, nameJa: true, nameEn: true } }),
  ]);
  return {
    bodies: flattenTree(bodies, label).map((b) => ({ value: b.id, label: label(b), depth: b.depth })),
    networks: networks.map((n) => ({ value: n.id, label: label(n) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
  };
}
