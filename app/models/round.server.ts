// Negotiation rounds and their agenda on the server: lists, the record, the forms' choices and
// checks, and every change inside one transaction with its audit event.
import { type SubmissionResult } from "@conform-to/react";
import { type Locale } from "~/i18n/locales";
import { recordAudit } from "~/models/audit.server";
import { flattenTree, subtreeIds } from "~/models/body";
import { lastEditorName } from "~/models/body.server";
import { isCurrentAffiliation, todayInJapan } from "~/models/person";
import {
  type AgendaItemFormValues,
  type agendaCounts,
  followUpOf,
  itemsToCarryForward,
  moveInOrder,
  OFFICIAL_PERSON_KINDS,
  OUR_PERSON_KINDS,
  previousRoundFor,
  type RoundFormValues,
  type RoundKind,
  type RoundSort,
} from "~/models/round";
import { listWithoutInternal, withoutInternal } from "~/models/visibility";
import { checkAttachment, filesOf, readMultipartForm, storeAttachmentBytes } from "~/utils/attachments.server";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";
import { checkRichText } from "~/utils/rich-text.server";

type Tx = Prisma.TransactionClient;
type Named = { nameJa: string; nameEn: string };
export type FieldErrors = Record<string, string[]>;

const labelIn = (locale: Locale) => (x: Named) => (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);
const titleIn = (locale: Locale) => (x: { titleJa: string; titleEn: string }) => (locale === "ja" ? x.titleJa || x.titleEn : x.titleEn || x.titleJa);

const bodySelect = { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } satisfies Prisma.BodySelect;
const demandSelect = { id: true, ref: true, titleJa: true, titleEn: true } satisfies Prisma.DemandSelect;

// ───────────── The list ─────────────

export type RoundListQuery = {
  q?: string;
  kind?: RoundKind;
  year?: string;
  bodyId?: string;
  demandId?: string;
  sort: RoundSort;
  dir: "asc" | "desc";
  page: number;
  locale: Locale;
  /** Every row (the CSV download), not one page. */
  all?: boolean;
};

async function bodySubtree(bodyId: string) {
  const bodies = await db.body.findMany({ select: { id: true, parentId: true } });
  return [...subtreeIds(bodies, bodyId)];
}

/** Rounds matching the search and filters, sorted and paged, each with its agenda counts. */
export async function listRounds(query: RoundListQuery) {
  const where: Prisma.NegotiationRoundWhereInput = { deletedAt: null };
  if (query.q) {
    where.OR = [{ titleJa: { contains: query.q } }, { titleEn: { contains: query.q } }, { place: { contains: query.q } }];
  }
  if (query.kind) where.kind = query.kind;
  if (query.year) where.heldOn = { startsWith: query.year };
  if (query.bodyId) where.bodies = { some: { bodyId: { in: await bodySubtree(query.bodyId) } } };
  if (query.demandId) where.items = { some: { demandId: query.demandId } };

  const titleField = query.locale === "ja" ? "titleJa" : "titleEn";
  const orderBy: Prisma.NegotiationRoundOrderByWithRelationInput[] =
    query.sort === "title"
      ? [{ [titleField]: query.dir }, { heldOn: "desc" }]
      : query.sort === "kind"
        ? [{ kind: query.dir }, { heldOn: "desc" }, { createdAt: "desc" }]
        : [{ heldOn: query.dir }, { createdAt: query.dir }];

  const [total, rounds] = await Promise.all([
    db.negotiationRound.count({ where }),
    db.negotiationRound.findMany({
      where,
      orderBy,
      ...(query.all ? {} : pageWindow(query.page)),
      select: {
        id: true,
        kind: true,
        titleJa: true,
        titleEn: true,
        heldOn: true,
        place: true,
        bodies: { where: { body: { deletedAt: null } }, select: { body: { select: bodySelect } } },
      },
    }),
  ]);
  const counts = await agendaCountsOf(rounds.map((r) => r.id));
  const items = rounds.map(({ bodies, ...round }) => ({
    ...round,
    bodies: bodies.map((b) => b.body),
    counts: counts.get(round.id) ?? { items: 0, answered: 0, openCommitments: 0 },
  }));
  return { items, total, pageCount: pageCount(total) };
}

/** Body tree options (with depth), in the reader's language. */
async function bodyOptions(locale: Locale) {
  const label = labelIn(locale);
  const bodies = await db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true, nameJa: true, nameEn: true, sortOrder: true } });
  return flattenTree(bodies, label).map((b) => ({ value: b.id, label: label(b), depth: b.depth }));
}

async function demandOptions(locale: Locale) {
  const title = titleIn(locale);
  const demands = await db.demand.findMany({ where: { deletedAt: null }, select: demandSelect, orderBy: { ref: "asc" } });
  return demands.map((d) => ({ value: d.id, label: `${d.ref} ${title(d)}` }));
}

/**
 * agendaCounts (app/models/round.ts) of several rounds, counted by SQLite: loading the items themselves
 * read every answer of a page of rounds (1,250 documents at 50 items a round) to count them. The
 * conditions are hasAnswer's: some answer text or document, not assessed as "no answer".
 */
async function agendaCountsOf(roundIds: string[]) {
  const counts = new Map<string, ReturnType<typeof agendaCounts>>();
  if (roundIds.length === 0) return counts;
  const rows = await db.$queryRaw<Array<{ roundId: string; items: number | bigint; answered: number | bigint; openCommitments: number | bigint }>>`
    SELECT "roundId",
      COUNT(*) AS "items",
      SUM(CASE WHEN (TRIM(COALESCE("answerText", '')) <> '' OR TRIM(COALESCE("answer", '')) <> '') AND COALESCE("assessment", '') <> 'no_answer' THEN 1 ELSE 0 END) AS "answered",
      SUM(CASE WHEN "followUpStatus" = 'open' THEN 1 ELSE 0 END) AS "openCommitments"
    FROM "AgendaItem" WHERE "roundId" IN (${Prisma.join(roundIds)}) GROUP BY "roundId"`;
  for (const r of rows) counts.set(r.roundId, { items: Number(r.items), answered: Number(r.answered), openCommitments: Number(r.openCommitments) });
  return counts;
}

/** What the list filters choose from. */
export async function roundListOptions(locale: Locale) {
  // The demand is typed in by its reference (findDemandByIdOrRef): a select of every demand does not scale.
  const [bodies, dates] = await Promise.all([
    bodyOptions(locale),
    // From the index on heldOn, not the rounds themselves.
    db.$queryRaw<Array<{ year: string }>>`SELECT DISTINCT SUBSTR("heldOn", 1, 4) AS "year" FROM "NegotiationRound" WHERE "deletedAt" IS NULL`,
  ]);
  const years = dates.map((d) => d.year).filter((y) => /^\d{4}$/.test(y)).sort().reverse();
  return { bodies, years: years.map((y) => ({ value: y, label: y })) };
}

// ───────────── One round ─────────────

export function findRound(id: string) {
  return db.negotiationRound.findFirst({ where: { id, deletedAt: null } });
}

/** The round as its editor starts from (staff only: the internal note included). */
export async function getRoundForEdit(id: string) {
  const round = await db.negotiationRound.findFirst({
    where: { id, deletedAt: null },
    include: {
      bodies: { select: { bodyId: true } },
      participants: { select: { personId: true, side: true } },
      attachments: { where: { deletedAt: null }, select: { id: true, fileName: true, size: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!round) return null;
  return {
    id: round.id,
    version: round.version,
    kind: round.kind,
    titleJa: round.titleJa,
    titleEn: round.titleEn,
    heldOn: round.heldOn,
    place: round.place,
    requestId: round.requestId,
    intermediaryBodyId: round.intermediaryBodyId,
    summary: round.summary,
    internalNote: round.internalNote,
    bodyIds: round.bodies.map((b) => b.bodyId),
    officialIds: round.participants.filter((p) => p.side === "official").map((p) => p.personId),
    ourIds: round.participants.filter((p) => p.side === "ours").map((p) => p.personId),
    attachments: round.attachments,
  };
}

const personSelect = {
  id: true,
  kind: true,
  nameJa: true,
  nameEn: true,
  affiliations: {
    where: { bodyId: { not: null } },
    select: { roleJa: true, roleEn: true, endOn: true, body: { select: bodySelect } },
  },
} satisfies Prisma.PersonSelect;

/** A person with their current place in a body, if any (for labels). */
function withCurrentBody<T extends { affiliations: Array<{ endOn: string | null; roleJa: string | null; roleEn: string | null; body: unknown }> }>(person: T) {
  const today = todayInJapan();
  const { affiliations, ...rest } = person;
  const current = affiliations.find((a) => isCurrentAffiliation(a, today)) ?? null;
  return { ...rest, place: current as T["affiliations"][number] | null };
}

/**
 * The round as `role` may see it: the record, its bodies and people, attachments, and the agenda in
 * order. Internal notes (the round's and each item's) are removed for members.
 */
export async function getRound(id: string, role: string) {
  const round = await db.negotiationRound.findFirst({
    where: { id, deletedAt: null },
    include: {
      request: { select: { id: true, kind: true, titleJa: true, titleEn: true, sentOn: true, deletedAt: true } },
      intermediaryBody: { select: bodySelect },
      bodies: { where: { body: { deletedAt: null } }, select: { body: { select: { ...bodySelect, parentId: true, sortOrder: true } } } },
      participants: { where: { person: { deletedAt: null } }, select: { side: true, person: { select: personSelect } } },
      attachments: { where: { deletedAt: null }, select: { id: true, fileName: true, contentType: true, size: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      items: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        include: {
          demand: { select: demandSelect },
          body: { select: bodySelect },
          carriedFrom: { select: { id: true, round: { select: { id: true, titleJa: true, titleEn: true, heldOn: true, deletedAt: true } } } },
          _count: { select: { outcomeChannels: true } },
        },
      },
    },
  });
  if (!round) return null;
  const users = await db.user.findMany({
    where: { id: { in: [round.createdById, round.updatedById].filter((x): x is string => Boolean(x)) } },
    select: { id: true, name: true },
  });
  const nameOf = (userId: string | null) => users.find((u) => u.id === userId)?.name ?? null;
  const { request, bodies, participants, items, createdById, updatedById, ...rest } = round;
  const people = participants.map((p) => ({ side: p.side, ...withCurrentBody(p.person) }));
  const byName = (a: Named, b: Named) => (a.nameJa || a.nameEn).localeCompare(b.nameJa || b.nameEn, "ja");
  return withoutInternal(
    {
      ...rest,
      request: request && !request.deletedAt ? { id: request.id, kind: request.kind, titleJa: request.titleJa, titleEn: request.titleEn, sentOn: request.sentOn } : null,
      bodies: flattenTree(
        bodies.map((b) => b.body),
        (b) => b.nameJa,
      ).map(({ parentId: _p, sortOrder: _s, depth: _d, ...b }) => b),
      officials: people.filter((p) => p.side === "official").sort(byName),
      ours: people.filter((p) => p.side === "ours").sort(byName),
      items: listWithoutInternal(
        items.map(({ carriedFrom, _count, ...item }) => ({
          ...item,
          outcomeCount: _count.outcomeChannels,
          carriedFrom: carriedFrom && !carriedFrom.round.deletedAt ? { id: carriedFrom.id, round: carriedFrom.round } : null,
        })),
        role,
      ),
      createdByName: nameOf(createdById),
      updatedByName: nameOf(updatedById),
    },
    role,
  );
}

// ───────────── The round form ─────────────

/**
 * Everything the round form chooses from. People already recorded at the round (`keep`) stay
 * choices on their side even if they have since left the list or changed kind.
 */
export async function roundFormOptions(locale: Locale, keep: { officialIds: string[]; ourIds: string[] } = { officialIds: [], ourIds: [] }) {
  const label = labelIn(locale);
  const title = titleIn(locale);
  const [bodies, requests, people] = await Promise.all([
    bodyOptions(locale),
    db.request.findMany({ where: { deletedAt: null }, select: { id: true, titleJa: true, titleEn: true, sentOn: true }, orderBy: [{ sentOn: "desc" }, { createdAt: "desc" }] }),
    db.person.findMany({
      where: {
        OR: [{ deletedAt: null, kind: { in: [...OFFICIAL_PERSON_KINDS, ...OUR_PERSON_KINDS] } }, { id: { in: [...keep.officialIds, ...keep.ourIds] } }],
      },
      select: personSelect,
    }),
  ]);
  const withPlaces = people.map(withCurrentBody);
  const personOption = (p: (typeof withPlaces)[number]) => {
    const body = p.place?.body;
    const place = body ? label({ nameJa: body.shortNameJa || body.nameJa, nameEn: body.shortNameEn || body.nameEn }) : null;
    return { value: p.id, label: place ? `${label(p)}（${place}）` : label(p) };
  };
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  const official = (p: (typeof withPlaces)[number]) =>
    keep.officialIds.includes(p.id) || (!keep.ourIds.includes(p.id) && (OFFICIAL_PERSON_KINDS as readonly string[]).includes(p.kind));
  const ours = (p: (typeof withPlaces)[number]) =>
    keep.ourIds.includes(p.id) || (!keep.officialIds.includes(p.id) && (OUR_PERSON_KINDS as readonly string[]).includes(p.kind));
  return {
    bodies,
    requests: requests.map((r) => ({ value: r.id, label: `${formatPartialDate(r.sentOn, locale)} ${title(r)}` })),
    officials: withPlaces.filter(official).map(personOption).sort(byLabel),
    ours: withPlaces.filter(ours).map(personOption).sort(byLabel),
  };
}

/** The form's starting values when a round is started from a request; null when there is no such request. */
export async function roundDefaultsFromRequest(requestId: string) {
  const request = await db.request.findFirst({
    where: { id: requestId, deletedAt: null },
    select: { id: true, titleJa: true, titleEn: true, addressees: { where: { body: { deletedAt: null } }, select: { bodyId: true } }, _count: { select: { items: true } } },
  });
  if (!request) return null;
  return {
    kind: "ministry_round" as const,
    titleJa: request.titleJa,
    titleEn: request.titleEn,
    requestId: request.id,
    bodyIds: request.addressees.map((a) => a.bodyId),
    agendaFromRequest: true,
    requestItemCount: request._count.items,
  };
}

/** A form that may carry files: multipart from the browser, URL-encoded when it has none. */
export async function readRoundForm(request: Request): Promise<{ formData: FormData | null; tooLarge: boolean }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (type.toLowerCase().startsWith("multipart/form-data")) return readMultipartForm(request);
  return { formData: await request.formData(), tooLarge: false };
}

/** The answer when the upload was far over the size limit and the form could not be read at all. */
export function filesTooLargeReply(): SubmissionResult<string[]> {
  return { status: "error", initialValue: null, error: { attachments: ["error.attachmentTooLarge"] } };
}

/** The form without its files, for the schema (files are checked by checkRoundFiles). */
export function withoutFiles(formData: FormData) {
  const copy = new FormData();
  for (const [key, value] of formData.entries()) if (typeof value === "string") copy.append(key, value);
  return copy;
}

export type CheckedFile = Extract<Awaited<ReturnType<typeof checkAttachment>>, { ok: true }>["file"];

/** The uploaded files, checked; the errors (catalog keys) of those refused. */
export async function checkRoundFiles(formData: FormData): Promise<{ files: CheckedFile[]; errors: string[] }> {
  const files: CheckedFile[] = [];
  const errors = new Set<string>();
  for (const file of filesOf(formData, "attachments")) {
    const checked = await checkAttachment(file);
    if (checked.ok) files.push(checked.file);
    else errors.add(checked.error);
  }
  return { files, errors: [...errors] };
}

/** Checks what only the database can tell: referenced records exist, people are on the right side, the summary is valid rich text. */
export async function checkRoundReferences(values: RoundFormValues, roundId?: string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const rich = checkRichText(values.summary);
  if (!rich.ok) errors.summary = [rich.error];
  if (values.requestId && (await db.request.count({ where: { id: values.requestId, deletedAt: null } })) === 0) errors.requestId = ["error.unknownChoice"];
  if (values.intermediaryBodyId && (await db.body.count({ where: { id: values.intermediaryBodyId, deletedAt: null } })) === 0) {
    errors.intermediaryBodyId = ["error.unknownChoice"];
  }
  const bodyIds = [...new Set(values.bodyIds)];
  if (bodyIds.length && (await db.body.count({ where: { id: { in: bodyIds }, deletedAt: null } })) !== bodyIds.length) errors.bodyIds = ["error.unknownChoice"];
  // People already recorded at this round stay valid even if they have since changed kind.
  const already = roundId ? (await db.roundParticipant.findMany({ where: { roundId }, select: { personId: true, side: true } })) : [];
  const checkPeople = async (ids: string[], kinds: readonly string[], side: string) => {
    const unique = [...new Set(ids)];
    if (!unique.length) return true;
    const found = await db.person.findMany({ where: { id: { in: unique } }, select: { id: true, kind: true, deletedAt: true } });
    return unique.every((id) => {
      const p = found.find((f) => f.id === id);
      if (!p) return false;
      if (already.some((a) => a.personId === id && a.side === side)) return true;
      return !p.deletedAt && kinds.includes(p.kind);
    });
  };
  if (!(await checkPeople(values.officialIds, OFFICIAL_PERSON_KINDS, "official"))) errors.officialIds = ["error.unknownChoice"];
  if (!(await checkPeople(values.ourIds, OUR_PERSON_KINDS, "ours"))) errors.ourIds = ["error.unknownChoice"];
  if (values.officialIds.some((id) => values.ourIds.includes(id))) errors.ourIds = ["error.roundPersonBothSides"];
  if (roundId && values.removeAttachmentIds.length) {
    const n = await db.attachment.count({ where: { id: { in: values.removeAttachmentIds }, roundId, deletedAt: null } });
    if (n !== new Set(values.removeAttachmentIds).size) errors.removeAttachmentIds = ["error.unknownChoice"];
  }
  return errors;
}

function roundScalars(values: RoundFormValues) {
  const rich = checkRichText(values.summary);
  return {
    kind: values.kind,
    titleJa: values.titleJa ?? "",
    titleEn: values.titleEn ?? "",
    heldOn: values.heldOn,
    place: values.place ?? null,
    requestId: values.requestId ?? null,
    intermediaryBodyId: values.intermediaryBodyId ?? null,
    summary: rich.ok ? rich.json : null,
    internalNote: values.internalNote ?? null,
  };
}

function participantRows(values: RoundFormValues) {
  const officials = [...new Set(values.officialIds)].map((personId) => ({ personId, side: "official" }));
  const ours = [...new Set(values.ourIds)].filter((id) => !values.officialIds.includes(id)).map((personId) => ({ personId, side: "ours" }));
  return [...officials, ...ours];
}

/** The fields the audit log and the conflict view compare. */
async function roundSnapshot(tx: Tx, id: string) {
  const r = await tx.negotiationRound.findUniqueOrThrow({
    where: { id },
    include: {
      bodies: { select: { bodyId: true } },
      participants: { select: { personId: true, side: true } },
      attachments: { where: { deletedAt: null }, select: { id: true, fileName: true } },
    },
  });
  return {
    kind: r.kind,
    titleJa: r.titleJa,
    titleEn: r.titleEn,
    heldOn: r.heldOn,
    place: r.place,
    requestId: r.requestId,
    intermediaryBodyId: r.intermediaryBodyId,
    summary: r.summary,
    internalNote: r.internalNote,
    bodyIds: r.bodies.map((b) => b.bodyId).sort(),
    officialIds: r.participants.filter((p) => p.side === "official").map((p) => p.personId).sort(),
    ourIds: r.participants.filter((p) => p.side === "ours").map((p) => p.personId).sort(),
    attachments: r.attachments.map((a) => a.fileName).sort(),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type RoundSnapshot = Awaited<ReturnType<typeof roundSnapshot>>;

async function storeFiles(files: CheckedFile[]) {
  const stored: Array<Omit<CheckedFile, "bytes"> & { storagePath: string }> = [];
  for (const { bytes, ...file } of files) stored.push({ ...file, storagePath: await storeAttachmentBytes(file.sha256, bytes) });
  return stored;
}

/** The agenda a round starts with when it answers a request: each request item, in order, for each addressed body. */
async function agendaFromRequest(tx: Tx, requestId: string) {
  const request = await tx.request.findFirst({
    where: { id: requestId, deletedAt: null },
    select: {
      addressees: { where: { body: { deletedAt: null } }, select: { body: { select: { id: true, parentId: true, nameJa: true, sortOrder: true } } } },
      items: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, demandId: true, wordingJa: true, wordingEn: true } },
    },
  });
  if (!request) return [];
  const bodies = flattenTree(
    request.addressees.map((a) => a.body),
    (b) => b.nameJa,
  ).map((b) => b.id);
  const bodyIds: Array<string | null> = bodies.length ? bodies : [null];
  return request.items.flatMap((item) =>
    bodyIds.map((bodyId) => ({ requestItemId: item.id, demandId: item.demandId, bodyId, questionJa: item.wordingJa, questionEn: item.wordingEn })),
  );
}

export async function createRound(values: RoundFormValues, files: CheckedFile[], userId: string) {
  const stored = await storeFiles(files);
  return db.$transaction(async (tx) => {
    const round = await tx.negotiationRound.create({
      data: {
        ...roundScalars(values),
        createdById: userId,
        updatedById: userId,
        bodies: { create: [...new Set(values.bodyIds)].map((bodyId) => ({ bodyId })) },
        participants: { create: participantRows(values) },
        attachments: { create: stored.map((f) => ({ ...f, uploadedById: userId })) },
      },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "NegotiationRound", entityId: round.id, after: await roundSnapshot(tx, round.id) });
    let itemCount = 0;
    if (values.agendaFromRequest && values.requestId) {
      const agenda = await agendaFromRequest(tx, values.requestId);
      for (const [index, item] of agenda.entries()) {
        const created = await tx.agendaItem.create({ data: { ...item, roundId: round.id, position: index + 1 } });
        await recordAudit(tx, { userId, action: "create", entityType: "AgendaItem", entityId: created.id, after: itemSnapshot(created) });
      }
      itemCount = agenda.length;
    }
    return { ...round, itemCount };
  });
}

export type RoundConflict = RoundSnapshot & { updatedByName: string | null; bodies: Named[] };
export type RoundUpdateResult = { ok: true } | { ok: false; conflict: RoundConflict } | { ok: false; notFound: true };

/** Saves over version `version` only; otherwise nothing is written and the newer version comes back. */
export async function updateRound(id: string, version: number, values: RoundFormValues, files: CheckedFile[], userId: string): Promise<RoundUpdateResult> {
  const current = await db.negotiationRound.findFirst({ where: { id, deletedAt: null }, select: { version: true } });
  if (!current) return { ok: false, notFound: true };
  // Files are stored (by checksum, once) only when the save can go ahead.
  const stored = current.version === version ? await storeFiles(files) : [];
  return db.$transaction(async (tx) => {
    const now = await tx.negotiationRound.findFirst({ where: { id, deletedAt: null }, select: { version: true, updatedById: true } });
    if (!now) return { ok: false, notFound: true };
    if (now.version !== version) {
      const saved = await roundSnapshot(tx, id);
      const [bodies, editor] = await Promise.all([
        tx.body.findMany({ where: { id: { in: saved.bodyIds } }, select: { nameJa: true, nameEn: true } }),
        now.updatedById ? tx.user.findUnique({ where: { id: now.updatedById }, select: { name: true } }) : null,
      ]);
      return { ok: false, conflict: { ...saved, bodies, updatedByName: editor?.name ?? null } };
    }
    const before = await roundSnapshot(tx, id);
    const { count } = await tx.negotiationRound.updateMany({ where: { id, version }, data: { ...roundScalars(values), updatedById: userId, version: { increment: 1 } } });
    if (count !== 1) return { ok: false, notFound: true };
    await tx.roundBody.deleteMany({ where: { roundId: id } });
    await tx.roundBody.createMany({ data: [...new Set(values.bodyIds)].map((bodyId) => ({ roundId: id, bodyId })) });
    await tx.roundParticipant.deleteMany({ where: { roundId: id } });
    await tx.roundParticipant.createMany({ data: participantRows(values).map((p) => ({ ...p, roundId: id })) });
    if (values.removeAttachmentIds.length) {
      await tx.attachment.updateMany({ where: { id: { in: values.removeAttachmentIds }, roundId: id, deletedAt: null }, data: { deletedAt: new Date() } });
    }
    if (stored.length) await tx.attachment.createMany({ data: stored.map((f) => ({ ...f, roundId: id, uploadedById: userId })) });
    await recordAudit(tx, { userId, action: "update", entityType: "NegotiationRound", entityId: id, before, after: await roundSnapshot(tx, id) });
    return { ok: true };
  });
}

// ───────────── Agenda items ─────────────

type ItemRow = Prisma.AgendaItemGetPayload<object>;

function itemSnapshot(item: ItemRow) {
  return {
    roundId: item.roundId,
    position: item.position,
    demandId: item.demandId,
    bodyId: item.bodyId,
    requestItemId: item.requestItemId,
    carriedFromId: item.carriedFromId,
    questionJa: item.questionJa,
    questionEn: item.questionEn,
    answer: item.answer,
    answerText: item.answerText,
    assessment: item.assessment,
    commitmentJa: item.commitmentJa,
    commitmentEn: item.commitmentEn,
    followUpOn: item.followUpOn,
    followUpStatus: item.followUpStatus,
    followUpNote: item.followUpNote,
    internalNote: item.internalNote,
    version: item.version,
    updatedAt: item.updatedAt.toISOString(),
  };
}
export type AgendaItemSnapshot = ReturnType<typeof itemSnapshot>;

export function getAgendaItem(roundId: string, itemId: string) {
  return db.agendaItem.findFirst({
    where: { id: itemId, roundId, round: { deletedAt: null } },
    include: { demand: { select: demandSelect }, body: { select: bodySelect } },
  });
}

/**
 * What the agenda item form chooses from: the demands, and the bodies with those present at the
 * round first, then all of them.
 */
export async function agendaFormOptions(roundId: string, locale: Locale) {
  const label = labelIn(locale);
  const [demands, bodies, present] = await Promise.all([
    demandOptions(locale),
    bodyOptions(locale),
    db.roundBody.findMany({ where: { roundId, body: { deletedAt: null } }, select: { body: { select: { id: true, parentId: true, nameJa: true, nameEn: true, sortOrder: true } } } }),
  ]);
  const atRound = flattenTree(
    present.map((p) => p.body),
    label,
  ).map((b) => ({ value: b.id, label: label(b) }));
  return { demands, bodiesAtRound: atRound, bodies };
}

export async function checkAgendaReferences(values: AgendaItemFormValues): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const rich = checkRichText(values.answer);
  if (!rich.ok) errors.answer = [rich.error];
  if ((await db.demand.count({ where: { id: values.demandId, deletedAt: null } })) === 0) errors.demandId = ["error.unknownChoice"];
  if (values.bodyId && (await db.body.count({ where: { id: values.bodyId, deletedAt: null } })) === 0) errors.bodyId = ["error.unknownChoice"];
  return errors;
}

function itemScalars(values: AgendaItemFormValues) {
  const rich = checkRichText(values.answer);
  return {
    demandId: values.demandId,
    bodyId: values.bodyId ?? null,
    questionJa: values.questionJa ?? null,
    questionEn: values.questionEn ?? null,
    answer: rich.ok ? rich.json : null,
    answerText: rich.ok && rich.text ? rich.text : null,
    assessment: values.assessment ?? null,
    commitmentJa: values.commitmentJa ?? null,
    commitmentEn: values.commitmentEn ?? null,
    ...followUpOf(values),
    internalNote: values.internalNote ?? null,
  };
}

async function nextPosition(tx: Tx, roundId: string) {
  const last = await tx.agendaItem.aggregate({ where: { roundId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

/** Adds an item at the end of the round's agenda; null when there is no such round. */
export async function createAgendaItem(roundId: string, values: AgendaItemFormValues, userId: string) {
  return db.$transaction(async (tx) => {
    if ((await tx.negotiationRound.count({ where: { id: roundId, deletedAt: null } })) === 0) return null;
    const item = await tx.agendaItem.create({ data: { ...itemScalars(values), roundId, position: await nextPosition(tx, roundId) } });
    await recordAudit(tx, { userId, action: "create", entityType: "AgendaItem", entityId: item.id, after: itemSnapshot(item) });
    return item;
  });
}

export type AgendaItemConflict = AgendaItemSnapshot & { updatedByName: string | null; demand: { ref: string; titleJa: string; titleEn: string } | null; body: Named | null };
export type AgendaItemUpdateResult = { ok: true } | { ok: false; conflict: AgendaItemConflict } | { ok: false; notFound: true };

/** Saves over version `version` only; otherwise nothing is written and the newer version comes back. */
export async function updateAgendaItem(roundId: string, itemId: string, version: number, values: AgendaItemFormValues, userId: string): Promise<AgendaItemUpdateResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.agendaItem.findFirst({
      where: { id: itemId, roundId, round: { deletedAt: null } },
      include: { demand: { select: { ref: true, titleJa: true, titleEn: true } }, body: { select: { nameJa: true, nameEn: true } } },
    });
    if (!current) return { ok: false, notFound: true };
    if (current.version !== version) {
      const { demand, body, ...item } = current;
      return { ok: false, conflict: { ...itemSnapshot(item), demand, body, updatedByName: await lastEditorName(tx, "AgendaItem", itemId) } };
    }
    const { count } = await tx.agendaItem.updateMany({ where: { id: itemId, version }, data: { ...itemScalars(values), version: { increment: 1 } } });
    if (count !== 1) return { ok: false, notFound: true };
    const after = await tx.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    const { demand: _d, body: _b, ...before } = current;
    await recordAudit(tx, { userId, action: "update", entityType: "AgendaItem", entityId: itemId, before: itemSnapshot(before), after: itemSnapshot(after) });
    return { ok: true };
  });
}

export type AgendaChange = { ok: true } | { ok: false; notFound: true } | { ok: false; inUse: number };

/** Positions 1…n again after a removal, in the same order. */
async function renumber(tx: Tx, roundId: string) {
  const items = await tx.agendaItem.findMany({ where: { roundId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, position: true } });
  for (const [index, item] of items.entries()) {
    if (item.position !== index + 1) await tx.agendaItem.update({ where: { id: item.id }, data: { position: index + 1 } });
  }
}

/** Removes an item from the agenda, unless an outcome cites it as evidence. */
export async function removeAgendaItem(roundId: string, itemId: string, userId: string): Promise<AgendaChange> {
  return db.$transaction(async (tx) => {
    const item = await tx.agendaItem.findFirst({ where: { id: itemId, roundId, round: { deletedAt: null } }, include: { _count: { select: { outcomeChannels: true } } } });
    if (!item) return { ok: false, notFound: true };
    if (item._count.outcomeChannels > 0) return { ok: false, inUse: item._count.outcomeChannels };
    const { _count, ...row } = item;
    await tx.agendaItem.delete({ where: { id: itemId } });
    await renumber(tx, roundId);
    await recordAudit(tx, { userId, action: "delete", entityType: "AgendaItem", entityId: itemId, before: itemSnapshot(row) });
    return { ok: true };
  });
}

/** Moves an item one place up or down the agenda (a no-op at either end). */
export async function moveAgendaItem(roundId: string, itemId: string, direction: "up" | "down", userId: string): Promise<AgendaChange> {
  return db.$transaction(async (tx) => {
    const items = await tx.agendaItem.findMany({
      where: { roundId, round: { deletedAt: null } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    if (!items.some((i) => i.id === itemId)) return { ok: false, notFound: true };
    const order = moveInOrder(
      items.map((i) => i.id),
      itemId,
      direction,
    );
    for (const [index, id] of order.entries()) {
      const before = items.find((i) => i.id === id)?.position;
      if (before === index + 1) continue;
      await tx.agendaItem.update({ where: { id }, data: { position: index + 1 } });
      await recordAudit(tx, { userId, action: "update", entityType: "AgendaItem", entityId: id, before: { position: before }, after: { position: index + 1 } });
    }
    return { ok: true };
  });
}

// ───────────── Carrying unanswered items forward ─────────────

/** The other rounds an agenda may be copied from, newest first. */
export async function carryForwardChoices(roundId: string, locale: Locale) {
  const title = titleIn(locale);
  const rounds = await db.negotiationRound.findMany({
    where: { deletedAt: null, id: { not: roundId }, items: { some: {} } },
    select: { id: true, titleJa: true, titleEn: true, heldOn: true },
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
  });
  return rounds.map((r) => ({ value: r.id, label: `${formatPartialDate(r.heldOn, locale)} ${title(r)}` }));
}

/** The latest round before this one that shares a body with it (see previousRoundFor). */
async function findPreviousRound(tx: Tx | typeof db, round: { id: string; heldOn: string; createdAt: Date; bodies: Array<{ bodyId: string }> }) {
  const bodyIds = round.bodies.map((b) => b.bodyId);
  if (!bodyIds.length) return null;
  const candidates = await tx.negotiationRound.findMany({
    where: { deletedAt: null, id: { not: round.id }, bodies: { some: { bodyId: { in: bodyIds } } } },
    select: { id: true, titleJa: true, titleEn: true, heldOn: true, createdAt: true, bodies: { select: { bodyId: true } } },
  });
  const previous = previousRoundFor(
    { id: round.id, heldOn: round.heldOn, createdAt: round.createdAt, bodyIds },
    candidates.map((c) => ({ ...c, bodyIds: c.bodies.map((b) => b.bodyId) })),
  );
  return previous ? { id: previous.id, titleJa: previous.titleJa, titleEn: previous.titleEn, heldOn: previous.heldOn } : null;
}

/** The round "carry forward" copies from when none is chosen, for the button's explanation. */
export async function previousRoundOf(roundId: string) {
  const round = await db.negotiationRound.findFirst({
    where: { id: roundId, deletedAt: null },
    select: { id: true, heldOn: true, createdAt: true, bodies: { select: { bodyId: true } } },
  });
  return round ? findPreviousRound(db, round) : null;
}

export type CarryForwardResult =
  | { ok: true; copied: number; skipped: number; source: { id: string; titleJa: string; titleEn: string; heldOn: string } }
  | { ok: false; reason: "notFound" | "noSource" | "sameRound" | "unknownSource" };

/**
 * Copies the unanswered items of an earlier round (the one chosen, or else the latest one before
 * this round that shares a body with it) to the end of this round's agenda, with carriedFromId
 * set, skipping demand × body pairs already on the agenda.
 */
export async function carryForward(roundId: string, sourceRoundId: string | undefined, userId: string): Promise<CarryForwardResult> {
  return db.$transaction(async (tx) => {
    const round = await tx.negotiationRound.findFirst({
      where: { id: roundId, deletedAt: null },
      select: { id: true, heldOn: true, createdAt: true, bodies: { select: { bodyId: true } }, items: { select: { demandId: true, bodyId: true } } },
    });
    if (!round) return { ok: false, reason: "notFound" };
    if (sourceRoundId === roundId) return { ok: false, reason: "sameRound" };
    let sourceId = sourceRoundId;
    if (!sourceId) {
      const previous = await findPreviousRound(tx, round);
      if (!previous) return { ok: false, reason: "noSource" };
      sourceId = previous.id;
    }
    const source = await tx.negotiationRound.findFirst({
      where: { id: sourceId, deletedAt: null },
      select: { id: true, titleJa: true, titleEn: true, heldOn: true, items: true },
    });
    if (!source) return { ok: false, reason: sourceRoundId ? "unknownSource" : "noSource" };
    const { copy, skipped } = itemsToCarryForward(source.items, round.items);
    let position = await nextPosition(tx, roundId);
    for (const item of copy) {
      const created = await tx.agendaItem.create({
        data: {
          roundId,
          position: position++,
          demandId: item.demandId,
          bodyId: item.bodyId,
          carriedFromId: item.id,
          questionJa: item.questionJa,
          questionEn: item.questionEn,
        },
      });
      await recordAudit(tx, { userId, action: "create", entityType: "AgendaItem", entityId: created.id, after: itemSnapshot(created) });
    }
    const { items: _items, ...info } = source;
    return { ok: true, copied: copy.length, skipped, source: info };
  });
}
