// Outcomes: how far a government document reflected a demand, on a date, with the quoted passage,
// the source, the files, and the channels (requests, rounds, agenda items) that led to it.
import { untrashed } from "~/models/trash";
import { recordAudit } from "~/models/audit.server";
import { type OutcomeFormValues } from "~/models/outcome";
import { demandStatus } from "~/models/status.server";
import { listWithoutInternal } from "~/models/visibility";
import { type Locale } from "~/i18n/locales";
import { type AttachmentCheck, checkAttachment, filesOf, readMultipartForm, storeAttachmentBytes } from "~/utils/attachments.server";
import { db, type Prisma } from "~/utils/db.server";
import { formatPartialDate } from "~/utils/partial-date";

export type FieldErrors = Record<string, string[]>;
export type CheckedFile = Extract<AttachmentCheck, { ok: true }>["file"];

const label = (locale: Locale, ja: string | null | undefined, en: string | null | undefined) => (locale === "ja" ? ja || en : en || ja) ?? "";
const bodyName = { select: { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } } as const;
const demandSelect = { select: { id: true, ref: true, titleJa: true, titleEn: true, firstRaisedOn: true } } as const;
const recommendationSelect = {
  id: true,
  paragraph: true,
  headingJa: true,
  headingEn: true,
  deletedAt: true,
  document: { select: { id: true, symbol: true, titleJa: true, titleEn: true, issuedOn: true, deletedAt: true } },
} as const;
const instrumentSelect = { select: { id: true, kind: true, titleJa: true, titleEn: true, adoptedOn: true, url: true, deletedAt: true } } as const;

export async function getOutcome(id: string) {
  const outcome = await db.outcome.findFirst({
    where: { id, deletedAt: null, demand: { deletedAt: null } },
    include: {
      demand: demandSelect,
      instrument: instrumentSelect,
      channels: {
        select: {
          id: true,
          request: { select: { id: true, kind: true, titleJa: true, titleEn: true, sentOn: true, deletedAt: true } },
          round: { select: { id: true, kind: true, titleJa: true, titleEn: true, heldOn: true, deletedAt: true } },
          agendaItem: {
            select: {
              id: true,
              questionJa: true,
              questionEn: true,
              assessment: true,
              body: bodyName,
              round: { select: { id: true, titleJa: true, titleEn: true, heldOn: true, deletedAt: true } },
            },
          },
          recommendation: { select: recommendationSelect },
          commentPoint: {
            select: {
              id: true,
              textJa: true,
              textEn: true,
              responseKind: true,
              submission: {
                select: { submittedOn: true, deletedAt: true, consultation: { select: { id: true, titleJa: true, titleEn: true, deletedAt: true } } },
              },
            },
          },
        },
      },
      attachments: { where: { deletedAt: null }, select: { id: true, fileName: true, contentType: true, size: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!outcome) return null;
  const userIds = [outcome.createdById, outcome.updatedById].filter((u): u is string => Boolean(u));
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const nameOf = (userId: string | null) => users.find((u) => u.id === userId)?.name ?? null;
  const { channels, instrument, ...rest } = outcome;
  return {
    ...rest,
    instrument: untrashed(instrument),
    createdByName: nameOf(outcome.createdById),
    updatedByName: nameOf(outcome.updatedById),
    // Channels whose request or round went to the trash are not shown.
    requests: channels.flatMap((c) => (c.request && !c.request.deletedAt && !c.agendaItem ? [c.request] : [])),
    rounds: channels.flatMap((c) => (c.round && !c.round.deletedAt && !c.agendaItem ? [c.round] : [])),
    agendaItems: channels.flatMap((c) => (c.agendaItem && !c.agendaItem.round.deletedAt ? [c.agendaItem] : [])),
    commentPoints: channels.flatMap((c) =>
      c.commentPoint && !c.commentPoint.submission.deletedAt && !c.commentPoint.submission.consultation.deletedAt ? [c.commentPoint] : [],
    ),
    recommendations: channels.flatMap((c) => (c.recommendation && !c.recommendation.deletedAt && !c.recommendation.document.deletedAt ? [c.recommendation] : [])),
  };
}

export async function outcomeExists(id: string) {
  return (await db.outcome.count({ where: { id, deletedAt: null } })) > 0;
}

/** The outcomes recorded for a demand, newest first, for its page (internal notes are the caller's to strip). */
export async function listDemandOutcomes(demandId: string) {
  const outcomes = await db.outcome.findMany({
    where: { demandId, deletedAt: null },
    orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      degree: true,
      occurredOn: true,
      quoteJa: true,
      quoteEn: true,
      sourceUrl: true,
      note: true,
      internalNote: true,
      instrument: instrumentSelect,
      _count: { select: { channels: true, attachments: { where: { deletedAt: null } } } },
    },
  });
  return outcomes.map(({ instrument, ...outcome }) => ({ ...outcome, instrument: untrashed(instrument) }));
}

/**
 * What a demand's page shows of its outcomes: the status today and the outcomes, without the
 * internal notes when the role may not see them (components/outcome-list.tsx DemandOutcomes).
 */
export async function demandOutcomesData(demandId: string, role: string) {
  const [status, outcomes] = await Promise.all([demandStatus(demandId), listDemandOutcomes(demandId)]);
  return { status, outcomes: listWithoutInternal(outcomes, role) };
}

/**
 * The channels an outcome of this demand may name: the requests that contain the demand, the rounds
 * that discussed it, and their agenda items (one per answering body), each labelled with date and
 * title. Channels already linked to the outcome stay choosable even if they would no longer qualify.
 */
export async function outcomeChannelOptions(demandId: string, locale: Locale, outcomeId?: string) {
  const linked = outcomeId
    ? await db.outcomeChannel.findMany({ where: { outcomeId }, select: { requestId: true, roundId: true, agendaItemId: true, commentPointId: true, recommendationId: true } })
    : [];
  const linkedRecommendations = linked.filter((c) => c.recommendationId).map((c) => c.recommendationId as string);
  const linkedPoints = linked.filter((c) => c.commentPointId).map((c) => c.commentPointId as string);
  const linkedRequests = linked.filter((c) => c.requestId && !c.agendaItemId).map((c) => c.requestId as string);
  const linkedRounds = linked.filter((c) => c.roundId && !c.agendaItemId).map((c) => c.roundId as string);
  const linkedItems = linked.filter((c) => c.agendaItemId).map((c) => c.agendaItemId as string);
  const [requests, rounds, items, points, recommendations] = await Promise.all([
    db.request.findMany({
      where: { deletedAt: null, OR: [{ items: { some: { demandId } } }, { id: { in: linkedRequests } }] },
      select: { id: true, titleJa: true, titleEn: true, sentOn: true },
      orderBy: [{ sentOn: "desc" }, { id: "asc" }],
    }),
    db.negotiationRound.findMany({
      where: { deletedAt: null, OR: [{ items: { some: { demandId } } }, { id: { in: linkedRounds } }] },
      select: { id: true, titleJa: true, titleEn: true, heldOn: true },
      orderBy: [{ heldOn: "desc" }, { id: "asc" }],
    }),
    db.agendaItem.findMany({
      where: { round: { deletedAt: null }, OR: [{ demandId }, { id: { in: linkedItems } }] },
      select: {
        id: true,
        questionJa: true,
        questionEn: true,
        body: bodyName,
        round: { select: { id: true, titleJa: true, titleEn: true, heldOn: true } },
      },
      orderBy: [{ round: { heldOn: "desc" } }, { position: "asc" }],
    }),
    db.commentPoint.findMany({
      where: { submission: { deletedAt: null, consultation: { deletedAt: null } }, OR: [{ demandId }, { id: { in: linkedPoints } }] },
      select: {
        id: true,
        textJa: true,
        textEn: true,
        submission: { select: { submittedOn: true, consultation: { select: { titleJa: true, titleEn: true } } } },
      },
      orderBy: [{ submission: { submittedOn: "desc" } }, { position: "asc" }],
    }),
    // The recommendations linked to the demand come first; others already chosen stay choosable.
    db.recommendation.findMany({
      where: { deletedAt: null, document: { deletedAt: null }, OR: [{ demands: { some: { demandId } } }, { id: { in: linkedRecommendations } }] },
      select: recommendationSelect,
      orderBy: [{ document: { issuedOn: "desc" } }, { documentId: "asc" }, { position: "asc" }, { paragraph: "asc" }],
    }),
  ]);
  const dated = (on: string, title: string) => `${formatPartialDate(on, locale)} ${title}`;
  return {
    requests: requests.map((r) => ({ value: r.id, label: dated(r.sentOn, label(locale, r.titleJa, r.titleEn)) })),
    rounds: rounds.map((r) => ({ value: r.id, label: dated(r.heldOn, label(locale, r.titleJa, r.titleEn)) })),
    agendaItems: items.map((a) => {
      const body = a.body ? label(locale, a.body.shortNameJa || a.body.nameJa, a.body.shortNameEn || a.body.nameEn) : null;
      const question = label(locale, a.questionJa, a.questionEn);
      const parts = [dated(a.round.heldOn, label(locale, a.round.titleJa, a.round.titleEn)), body, question ? excerpt(question, 60) : null];
      return { value: a.id, label: parts.filter(Boolean).join(" — ") };
    }),
    commentPoints: points.map((p) => {
      const text = label(locale, p.textJa, p.textEn);
      const consultation = label(locale, p.submission.consultation.titleJa, p.submission.consultation.titleEn);
      return { value: p.id, label: [dated(p.submission.submittedOn, consultation), text ? excerpt(text, 60) : null].filter(Boolean).join(" — ") };
    }),
    recommendations: recommendations.map((r) => recommendationOption(r, locale)),
  };
}

type RecommendationRow = {
  id: string;
  paragraph: string;
  headingJa: string | null;
  headingEn: string | null;
  document: { symbol: string | null; titleJa: string; titleEn: string; issuedOn: string | null };
};

/** "CERD/C/JPN/CO/3-6 ¶12 (2010-03) Migrant workers": what a recommendation is called in the outcome form. */
function recommendationOption(r: RecommendationRow, locale: Locale) {
  const doc = r.document.symbol || label(locale, r.document.titleJa, r.document.titleEn);
  const heading = label(locale, r.headingJa, r.headingEn);
  const on = r.document.issuedOn ? ` (${formatPartialDate(r.document.issuedOn, locale)})` : "";
  return { value: r.id, label: `${doc} ¶${r.paragraph}${on}${heading ? ` ${excerpt(heading, 60)}` : ""}` };
}

/**
 * Reads a search for recommendations by symbol and paragraph: "CO/3-6 12", "CERD/C/JPN/CO/3-6 ¶12",
 * "para. 12", "12 (a)" or a word of the heading. The last token is the paragraph when it is a number.
 */
export function parseRecommendationQuery(raw: string): { symbol: string | null; paragraph: string | null; words: string | null } {
  const q = raw.replace(/\s+/g, " ").trim().slice(0, 200);
  if (!q) return { symbol: null, paragraph: null, words: null };
  const m = /^(.*?)(?:\s*(?:¶|para(?:graph)?\.?|パラ(?:グラフ)?)\s*|\s+|^)(\d{1,4}(?:\s*\(\s*[a-z]{1,4}\s*\))?)$/i.exec(q);
  if (m) {
    const rest = m[1].trim();
    const paragraph = m[2].replace(/\s*\(\s*/, " (").replace(/\s*\)$/, ")").toLowerCase();
    return { symbol: rest || null, paragraph, words: null };
  }
  return /[/]/.test(q) ? { symbol: q, paragraph: null, words: null } : { symbol: null, paragraph: null, words: q };
}

/** The submitted recommendations with their labels, for a form shown again after an error. */
export async function recommendationChoicesFor(formData: FormData | null, locale: Locale) {
  const ids = formData ? [...new Set(formData.getAll("recommendationIds").filter((v): v is string => typeof v === "string" && v.length <= 64))].slice(0, 500) : [];
  if (!ids.length) return [];
  const rows = await db.recommendation.findMany({ where: { id: { in: ids } }, select: recommendationSelect });
  return rows.map((r) => recommendationOption(r, locale));
}

/** Recommendations of any document found by symbol and paragraph (or heading), at most `take`, newest document first. */
export async function searchRecommendationOptions(raw: string, locale: Locale, take = 20) {
  const { symbol, paragraph, words } = parseRecommendationQuery(raw);
  if (!symbol && !paragraph && !words) return [];
  const where: Prisma.RecommendationWhereInput = { deletedAt: null, document: { deletedAt: null, ...(symbol ? { symbol: { contains: symbol } } : {}) } };
  // "12" finds 12 and its sub-paragraphs 12 (a), 12 (b).
  if (paragraph) where.OR = paragraph.includes("(") ? [{ paragraph }] : [{ paragraph }, { paragraph: { startsWith: `${paragraph} (` } }];
  if (words) {
    where.OR = [
      { headingEn: { contains: words } },
      { headingJa: { contains: words } },
      { document: { deletedAt: null, symbol: { contains: words } } },
      { document: { deletedAt: null, titleEn: { contains: words } } },
      { document: { deletedAt: null, titleJa: { contains: words } } },
    ];
  }
  const rows = await db.recommendation.findMany({
    where,
    select: recommendationSelect,
    orderBy: [{ document: { issuedOn: "desc" } }, { documentId: "asc" }, { position: "asc" }, { paragraph: "asc" }],
    take,
  });
  return rows.map((r) => recommendationOption(r, locale));
}

function excerpt(text: string, max: number) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Reads the outcome form: multipart with files (the editor) or plain (no files). The files are
 * checked here and taken out of the form data, so that the rest parses like any form; each refused
 * file gives a field error for "attachments" (error.attachmentTooLarge takes { max } in MB).
 * `formData` is null when the body was far over the size limit and could not be read at all.
 */
export async function readOutcomeForm(request: Request): Promise<{ formData: FormData | null; files: CheckedFile[]; fileErrors: string[] }> {
  const multipart = /^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "");
  if (!multipart) return { formData: await request.formData(), files: [], fileErrors: [] };
  const { formData, tooLarge } = await readMultipartForm(request);
  if (!formData) return { formData: null, files: [], fileErrors: [tooLarge ? "error.attachmentTooLarge" : "error.badRequest"] };
  const uploads = filesOf(formData, "attachments");
  formData.delete("attachments");
  const files: CheckedFile[] = [];
  const fileErrors: string[] = [];
  for (const upload of uploads) {
    const checked = await checkAttachment(upload);
    if (checked.ok) files.push(checked.file);
    else if (!fileErrors.includes(checked.error)) fileErrors.push(checked.error);
  }
  return { formData, files, fileErrors };
}

/** The demands an outcome may be about (the select of the form). */
export async function demandChoices(locale: Locale) {
  const rows = await db.demand.findMany({ where: { deletedAt: null }, select: { id: true, ref: true, titleJa: true, titleEn: true }, orderBy: { ref: "asc" } });
  return rows.map((d) => ({ value: d.id, label: `${d.ref} ${label(locale, d.titleJa, d.titleEn)}` }));
}

/** Checks what only the database can tell: the demand, the instrument, the channels and the attachments to remove exist and fit. */
export async function checkOutcomeReferences(values: OutcomeFormValues, outcomeId?: string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const demand = await db.demand.findFirst({ where: { id: values.demandId, deletedAt: null }, select: { id: true } });
  if (!demand) errors.demandId = ["error.unknownChoice"];
  if (values.instrumentId) {
    const n = await db.instrument.count({ where: { id: values.instrumentId, deletedAt: null } });
    if (n === 0) errors.instrumentId = ["error.unknownChoice"];
  }
  if (demand) {
    const options = await outcomeChannelOptions(demand.id, "en", outcomeId);
    const allowed = (list: Array<{ value: string }>, chosen: string[]) => chosen.every((id) => list.some((o) => o.value === id));
    if (!allowed(options.requests, values.requestIds)) errors.requestIds = ["error.unknownChoice"];
    if (!allowed(options.rounds, values.roundIds)) errors.roundIds = ["error.unknownChoice"];
    if (!allowed(options.agendaItems, values.agendaItemIds)) errors.agendaItemIds = ["error.unknownChoice"];
    if (!allowed(options.commentPoints, values.commentPointIds)) errors.commentPointIds = ["error.unknownChoice"];
  }
  // Any live recommendation may be named (found by symbol and paragraph), and one already named stays allowed.
  const recommendationIds = [...new Set(values.recommendationIds ?? [])];
  if (recommendationIds.length) {
    const live = await db.recommendation.count({
      where: {
        id: { in: recommendationIds },
        OR: [{ deletedAt: null, document: { deletedAt: null } }, ...(outcomeId ? [{ outcomeChannels: { some: { outcomeId } } }] : [])],
      },
    });
    if (live !== recommendationIds.length) errors.recommendationIds = ["error.unknownChoice"];
  }
  if (values.removeAttachmentIds.length) {
    const n = outcomeId ? await db.attachment.count({ where: { id: { in: values.removeAttachmentIds }, outcomeId, deletedAt: null } }) : 0;
    if (n !== new Set(values.removeAttachmentIds).size) errors.removeAttachmentIds = ["error.unknownChoice"];
  }
  return errors;
}

function scalarData(values: OutcomeFormValues) {
  return {
    demandId: values.demandId,
    instrumentId: values.instrumentId ?? null,
    degree: values.degree,
    occurredOn: values.occurredOn,
    quoteJa: values.quoteJa ?? null,
    quoteEn: values.quoteEn ?? null,
    sourceUrl: values.sourceUrl ?? null,
    note: values.note ?? null,
    internalNote: values.internalNote ?? null,
  };
}

async function channelRows(tx: Prisma.TransactionClient, values: OutcomeFormValues) {
  const items = values.agendaItemIds.length
    ? await tx.agendaItem.findMany({ where: { id: { in: values.agendaItemIds } }, select: { id: true, roundId: true } })
    : [];
  return [
    ...[...new Set(values.requestIds)].map((requestId) => ({ requestId })),
    ...[...new Set(values.roundIds)].map((roundId) => ({ roundId })),
    // An agenda item's channel names its round too, so that a round finds every outcome it led to.
    ...items.map((a) => ({ agendaItemId: a.id, roundId: a.roundId })),
    ...[...new Set(values.commentPointIds)].map((commentPointId) => ({ commentPointId })),
    ...[...new Set(values.recommendationIds ?? [])].map((recommendationId) => ({ recommendationId })),
  ];
}

async function storeFiles(files: CheckedFile[]) {
  const stored = [];
  for (const f of files) {
    stored.push({ fileName: f.fileName, contentType: f.contentType, size: f.size, sha256: f.sha256, storagePath: await storeAttachmentBytes(f.sha256, f.bytes) });
  }
  return stored;
}

/** The fields the audit log and the conflict view compare. */
async function snapshot(tx: Prisma.TransactionClient, id: string) {
  const o = await tx.outcome.findUniqueOrThrow({
    where: { id },
    include: {
      instrument: { select: { titleJa: true, titleEn: true } },
      channels: { select: { requestId: true, roundId: true, agendaItemId: true, commentPointId: true, recommendationId: true } },
      attachments: { where: { deletedAt: null }, select: { id: true, fileName: true } },
    },
  });
  return {
    demandId: o.demandId,
    instrumentId: o.instrumentId,
    instrument: o.instrument,
    degree: o.degree,
    occurredOn: o.occurredOn,
    quoteJa: o.quoteJa,
    quoteEn: o.quoteEn,
    sourceUrl: o.sourceUrl,
    note: o.note,
    internalNote: o.internalNote,
    requestIds: o.channels.flatMap((c) => (c.requestId && !c.agendaItemId ? [c.requestId] : [])).sort(),
    roundIds: o.channels.flatMap((c) => (c.roundId && !c.agendaItemId ? [c.roundId] : [])).sort(),
    agendaItemIds: o.channels.flatMap((c) => (c.agendaItemId ? [c.agendaItemId] : [])).sort(),
    commentPointIds: o.channels.flatMap((c) => (c.commentPointId ? [c.commentPointId] : [])).sort(),
    recommendationIds: o.channels.flatMap((c) => (c.recommendationId ? [c.recommendationId] : [])).sort(),
    attachments: o.attachments.map((a) => a.fileName).sort(),
    version: o.version,
    updatedAt: o.updatedAt.toISOString(),
    deletedAt: o.deletedAt?.toISOString() ?? null,
  };
}
export type OutcomeSnapshot = Awaited<ReturnType<typeof snapshot>>;

/** Creates the outcome with its channels and files; the file bytes are stored first (by checksum, so a retry costs nothing). */
export async function createOutcome(values: OutcomeFormValues, files: CheckedFile[], userId: string) {
  const stored = await storeFiles(files);
  return db.$transaction(async (tx) => {
    const outcome = await tx.outcome.create({
      data: {
        ...scalarData(values),
        createdById: userId,
        updatedById: userId,
        channels: { create: await channelRows(tx, values) },
        attachments: { create: stored.map((a) => ({ ...a, uploadedById: userId })) },
      },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "Outcome", entityId: outcome.id, after: await snapshot(tx, outcome.id) });
    return outcome;
  });
}

export type OutcomeUpdateResult =
  | { ok: true }
  | { ok: false; conflict: OutcomeSnapshot & { updatedByName: string | null } }
  | { ok: false; notFound: true };

async function conflictOf(tx: Prisma.TransactionClient, id: string) {
  const saved = await snapshot(tx, id);
  const row = await tx.outcome.findUniqueOrThrow({ where: { id }, select: { updatedById: true } });
  const user = row.updatedById ? await tx.user.findUnique({ where: { id: row.updatedById }, select: { name: true } }) : null;
  return { ok: false as const, conflict: { ...saved, updatedByName: user?.name ?? null } };
}

/** Saves over version `version` only; otherwise nothing is written and the newer version comes back. */
export async function updateOutcome(id: string, version: number, values: OutcomeFormValues, files: CheckedFile[], userId: string): Promise<OutcomeUpdateResult> {
  const current = await db.outcome.findFirst({ where: { id, deletedAt: null }, select: { version: true } });
  if (!current) return { ok: false, notFound: true };
  if (current.version !== version) return db.$transaction((tx) => conflictOf(tx, id));
  const stored = await storeFiles(files);
  return db.$transaction(async (tx) => {
    const before = await snapshot(tx, id);
    if (before.deletedAt) return { ok: false, notFound: true };
    // The version check is repeated in the write itself, so that two saves at once cannot both pass.
    const written = await tx.outcome.updateMany({ where: { id, version, deletedAt: null }, data: { ...scalarData(values), updatedById: userId, version: { increment: 1 } } });
    if (written.count === 0) return conflictOf(tx, id);
    await tx.outcomeChannel.deleteMany({ where: { outcomeId: id } });
    await tx.outcomeChannel.createMany({ data: (await channelRows(tx, values)).map((c) => ({ ...c, outcomeId: id })) });
    if (values.removeAttachmentIds.length) {
      await tx.attachment.updateMany({ where: { id: { in: values.removeAttachmentIds }, outcomeId: id, deletedAt: null }, data: { deletedAt: new Date() } });
    }
    if (stored.length) await tx.attachment.createMany({ data: stored.map((a) => ({ ...a, outcomeId: id, uploadedById: userId })) });
    await recordAudit(tx, { userId, action: "update", entityType: "Outcome", entityId: id, before, after: await snapshot(tx, id) });
    return { ok: true };
  });
}

/** Puts an outcome in the trash: it no longer counts for the demand's status. Null when there is none. */
export async function deleteOutcome(id: string, userId: string) {
  return db.$transaction(async (tx) => {
    const found = await tx.outcome.findFirst({ where: { id, deletedAt: null }, select: { id: true, demandId: true } });
    if (!found) return null;
    const before = await snapshot(tx, id);
    await tx.outcome.update({ where: { id }, data: { deletedAt: new Date(), updatedById: userId } });
    await recordAudit(tx, { userId, action: "delete", entityType: "Outcome", entityId: id, before, after: await snapshot(tx, id) });
    return { demandId: found.demandId };
  });
}
