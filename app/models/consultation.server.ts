// Public comments on the server: the consultation list with its filters, a consultation with its
// submissions, points and the government's answers, the forms' choices, the checks only the
// database can make, and saving with audit events and optimistic locking (docs/decisions/005, 011).
import { type Locale } from "~/i18n/locales";
import { recordAudit } from "~/models/audit.server";
import { flattenTree, subtreeIds } from "~/models/body";
import { type ConsultationFormValues, type ConsultationState, CLOSING_SOON_DAYS, deadlineOf, type SubmissionFormValues } from "~/models/consultation";
import { currentPhase, phaseAsOf } from "~/models/network";
import { parseSender } from "~/models/request";
import { type CheckedFile } from "~/models/request.server";
import { checkAttachment, storeAttachmentBytes } from "~/utils/attachments.server";
import { db, type Prisma } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";
import { addDaysIso } from "~/utils/partial-date";
import { checkRichText } from "~/utils/rich-text.server";

export type FieldErrors = Record<string, string[]>;
type Tx = Prisma.TransactionClient;
type Named = { nameJa: string; nameEn: string };
const labelFor = (locale: Locale) => (x: Named) => (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);
const titleFor = (locale: Locale, x: { titleJa: string; titleEn: string }) => (locale === "ja" ? x.titleJa || x.titleEn : x.titleEn || x.titleJa);
const bodyName = { select: { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } } as const;

async function userNames(ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map<string, string>();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

// ───────────── The list ─────────────

export type ConsultationListQuery = {
  q?: string;
  state?: ConsultationState;
  bodyId?: string;
  year?: string;
  page: number;
  /** YYYY-MM-DD in Japan */
  today: string;
  /** Every row (the CSV download), not one page. */
  all?: boolean;
};

/** The where clause of a state on `today`: closed once the deadline day is over in Japan. */
export function stateWhere(state: ConsultationState, today: string): Prisma.ConsultationWhereInput {
  const soon = addDaysIso(today, CLOSING_SOON_DAYS);
  if (state === "closed") return { deadlineOn: { lt: today } };
  if (state === "closingSoon") return { deadlineOn: { gte: today, lte: soon } };
  return { deadlineOn: { gte: today } };
}

export async function listConsultations(query: ConsultationListQuery) {
  const where: Prisma.ConsultationWhereInput = { deletedAt: null };
  const and: Prisma.ConsultationWhereInput[] = [];
  if (query.q) and.push({ OR: [{ titleJa: { contains: query.q } }, { titleEn: { contains: query.q } }, { caseNumber: { contains: query.q } }] });
  if (query.state) and.push(stateWhere(query.state, query.today));
  if (query.year) and.push({ closesOn: { startsWith: query.year } });
  if (query.bodyId) {
    const bodies = await db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true } });
    and.push({ issuerBodyId: { in: [...subtreeIds(bodies, query.bodyId)] } });
  }
  if (and.length) where.AND = and;
  // Open ones by the nearest deadline; otherwise the latest first.
  const orderBy: Prisma.ConsultationOrderByWithRelationInput[] =
    query.state === "open" || query.state === "closingSoon" ? [{ deadlineOn: "asc" }, { id: "asc" }] : [{ deadlineOn: "desc" }, { id: "asc" }];
  const [total, rows] = await Promise.all([
    db.consultation.count({ where }),
    db.consultation.findMany({
      where,
      orderBy,
      ...(query.all ? {} : pageWindow(query.page)),
      select: {
        id: true,
        titleJa: true,
        titleEn: true,
        caseNumber: true,
        openedOn: true,
        closesOn: true,
        deadlineOn: true,
        finalTextChanged: true,
        issuerBody: bodyName,
        _count: { select: { submissions: { where: { deletedAt: null } } } },
      },
    }),
  ]);
  const items = rows.map(({ _count, ...r }) => ({ ...r, submissionCount: _count.submissions }));
  return { items, total, pageCount: pageCount(total) };
}

/** The home screen's consultations that close within CLOSING_SOON_DAYS in Japan, nearest first (read through the deadline index). */
export async function consultationsClosingSoon(today: string, take = 5) {
  const where = { deletedAt: null, ...stateWhere("closingSoon", today) };
  const [total, items] = await Promise.all([
    db.consultation.count({ where }),
    db.consultation.findMany({
      where,
      orderBy: [{ deadlineOn: "asc" }, { id: "asc" }],
      take,
      select: { id: true, titleJa: true, titleEn: true, closesOn: true, deadlineOn: true, issuerBody: bodyName },
    }),
  ]);
  return { total, items };
}

/** The filters' choices: the bodies that issued a consultation (with their parents), and the years of deadlines. */
export async function consultationListOptions(locale: Locale) {
  const label = labelFor(locale);
  const [bodies, years] = await Promise.all([
    db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true, nameJa: true, nameEn: true, sortOrder: true } }),
    db.$queryRaw<Array<{ year: string }>>`SELECT DISTINCT SUBSTR("closesOn", 1, 4) AS "year" FROM "Consultation" WHERE "deletedAt" IS NULL`,
  ]);
  return {
    bodies: flattenTree(bodies, label).map((b) => ({ value: b.id, label: label(b), depth: b.depth })),
    years: years
      .map((r) => r.year)
      .filter((y) => /^\d{4}$/.test(y))
      .sort()
      .reverse()
      .map((y) => ({ value: y, label: y })),
  };
}

// ───────────── One consultation ─────────────

const senderSelect = {
  senderOrganisation: { select: { id: true, nameJa: true, nameEn: true } },
  senderNetwork: { select: { id: true, nameJa: true, nameEn: true, phases: { select: { fromOn: true, nameJa: true, nameEn: true } } } },
} as const;

type SenderRow = {
  submittedOn: string;
  senderOrganisation: { id: string; nameJa: string; nameEn: string } | null;
  senderNetwork: { id: string; nameJa: string; nameEn: string; phases: Array<{ fromOn: string; nameJa: string; nameEn: string }> } | null;
};

/** The sender as named when the comments were submitted (project networks change names). */
function senderOf(row: SenderRow) {
  if (row.senderOrganisation) return { type: "organisation" as const, shortName: null, ...row.senderOrganisation };
  if (row.senderNetwork) {
    const n = row.senderNetwork;
    const then = phaseAsOf(n.phases, row.submittedOn) ?? currentPhase(n.phases);
    return { type: "network" as const, id: n.id, nameJa: then?.nameJa || n.nameJa, nameEn: then?.nameEn || n.nameEn, shortName: null };
  }
  return null;
}

const attachmentSelect = {
  where: { deletedAt: null },
  orderBy: { createdAt: "asc" },
  select: { id: true, fileName: true, contentType: true, size: true, createdAt: true },
} as const;

/** A consultation with everything its page shows; internal notes are the caller's to strip. */
export async function getConsultation(id: string) {
  const row = await db.consultation.findFirst({
    where: { id, deletedAt: null },
    include: {
      issuerBody: bodyName,
      instrument: { select: { id: true, kind: true, titleJa: true, titleEn: true, deletedAt: true } },
      attachments: attachmentSelect,
      submissions: {
        where: { deletedAt: null },
        orderBy: [{ submittedOn: "asc" }, { createdAt: "asc" }],
        include: {
          ...senderSelect,
          cosigners: { select: { organisation: { select: { id: true, nameJa: true, nameEn: true } } } },
          points: {
            orderBy: { position: "asc" },
            include: {
              demand: { select: { id: true, ref: true, titleJa: true, titleEn: true, deletedAt: true } },
              outcomeChannels: {
                where: { outcome: { deletedAt: null } },
                select: { outcome: { select: { id: true, degree: true, occurredOn: true } } },
              },
            },
          },
          attachments: attachmentSelect,
        },
      },
    },
  });
  if (!row) return null;
  const names = await userNames([row.createdById, row.updatedById]);
  const { submissions, instrument, ...rest } = row;
  return {
    ...rest,
    instrument: instrument && !instrument.deletedAt ? instrument : null,
    createdByName: row.createdById ? (names.get(row.createdById) ?? null) : null,
    updatedByName: row.updatedById ? (names.get(row.updatedById) ?? null) : null,
    submissions: submissions.map(({ senderOrganisation, senderNetwork, cosigners, points, ...s }) => ({
      ...s,
      sender: senderOf({ submittedOn: s.submittedOn, senderOrganisation, senderNetwork }),
      cosigners: cosigners.map((c) => c.organisation),
      points: points.map(({ outcomeChannels, demand, ...p }) => ({
        ...p,
        demand: demand && !demand.deletedAt ? demand : null,
        outcomes: outcomeChannels.map((c) => c.outcome),
      })),
    })),
  };
}

/** The consultation a submission belongs to, for the submission pages' headings. */
export async function consultationHeading(id: string) {
  return db.consultation.findFirst({ where: { id, deletedAt: null }, select: { id: true, titleJa: true, titleEn: true, closesOn: true } });
}

// ───────────── The consultation form ─────────────

export async function consultationFormOptions(locale: Locale) {
  const label = labelFor(locale);
  const [bodies, instruments] = await Promise.all([
    db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true, nameJa: true, nameEn: true, sortOrder: true } }),
    db.instrument.findMany({ where: { deletedAt: null }, select: { id: true, titleJa: true, titleEn: true, draftOn: true, adoptedOn: true }, orderBy: [{ updatedAt: "desc" }] }),
  ]);
  return {
    bodies: flattenTree(bodies, label).map((b) => ({ value: b.id, label: label(b), depth: b.depth })),
    instruments: instruments.map((i) => {
      const year = (i.draftOn ?? i.adoptedOn)?.slice(0, 4);
      const title = titleFor(locale, i);
      return { value: i.id, label: year ? `${title} (${year})` : title };
    }),
  };
}

async function checkFiles(files: File[]) {
  const checked: CheckedFile[] = [];
  const errors = new Set<string>();
  for (const file of files) {
    const result = await checkAttachment(file);
    if (result.ok) checked.push(result.file);
    else errors.add(result.error);
  }
  return { checked, errors: [...errors] };
}

export async function checkConsultationForm(
  values: ConsultationFormValues,
  consultationId?: string,
): Promise<{ ok: true; files: CheckedFile[] } | { ok: false; fieldErrors: FieldErrors }> {
  const errors: FieldErrors = {};
  if (values.issuerBodyId && (await db.body.count({ where: { id: values.issuerBodyId, deletedAt: null } })) === 0) errors.issuerBodyId = ["error.unknownChoice"];
  if (values.instrumentId && (await db.instrument.count({ where: { id: values.instrumentId, deletedAt: null } })) === 0) errors.instrumentId = ["error.unknownChoice"];
  if (values.caseNumber) {
    const taken = await db.consultation.count({ where: { caseNumber: values.caseNumber, deletedAt: null, ...(consultationId ? { id: { not: consultationId } } : {}) } });
    if (taken) errors.caseNumber = ["error.consultationCaseTaken"];
  }
  if (values.removeAttachmentIds.length) {
    const n = consultationId ? await db.attachment.count({ where: { id: { in: values.removeAttachmentIds }, consultationId, deletedAt: null } }) : 0;
    if (n !== new Set(values.removeAttachmentIds).size) errors.removeAttachmentIds = ["error.unknownChoice"];
  }
  const files = await checkFiles(values.attachments);
  if (files.errors.length) errors.attachments = files.errors;
  return Object.keys(errors).length ? { ok: false, fieldErrors: errors } : { ok: true, files: files.checked };
}

function consultationData(values: ConsultationFormValues) {
  return {
    titleJa: values.titleJa ?? "",
    titleEn: values.titleEn ?? "",
    caseNumber: values.caseNumber ?? null,
    issuerBodyId: values.issuerBodyId ?? null,
    instrumentId: values.instrumentId ?? null,
    openedOn: values.openedOn ?? null,
    closesOn: values.closesOn,
    deadlineOn: deadlineOf(values.closesOn) ?? values.closesOn,
    url: values.url ?? null,
    note: values.note ?? null,
    resultOn: values.resultOn ?? null,
    finalTextChanged: values.finalTextChanged ?? null,
    resultNote: values.resultNote ?? null,
    internalNote: values.internalNote ?? null,
  };
}

async function consultationSnapshot(tx: Tx, id: string) {
  const c = await tx.consultation.findUniqueOrThrow({
    where: { id },
    include: { attachments: { where: { deletedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } } },
  });
  return {
    titleJa: c.titleJa,
    titleEn: c.titleEn,
    caseNumber: c.caseNumber,
    issuerBodyId: c.issuerBodyId,
    instrumentId: c.instrumentId,
    openedOn: c.openedOn,
    closesOn: c.closesOn,
    url: c.url,
    note: c.note,
    resultOn: c.resultOn,
    finalTextChanged: c.finalTextChanged,
    resultNote: c.resultNote,
    internalNote: c.internalNote,
    attachments: c.attachments,
    version: c.version,
    updatedById: c.updatedById,
    updatedAt: c.updatedAt.toISOString(),
  };
}

async function storeFiles(files: CheckedFile[], userId: string) {
  const rows = [];
  for (const f of files) {
    rows.push({ fileName: f.fileName, contentType: f.contentType, size: f.size, sha256: f.sha256, storagePath: await storeAttachmentBytes(f.sha256, f.bytes), uploadedById: userId });
  }
  return rows;
}

export async function createConsultation(values: ConsultationFormValues, files: CheckedFile[], userId: string) {
  const attachments = await storeFiles(files, userId);
  return db.$transaction(async (tx) => {
    const created = await tx.consultation.create({
      data: { ...consultationData(values), createdById: userId, updatedById: userId, attachments: { create: attachments } },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "Consultation", entityId: created.id, after: await consultationSnapshot(tx, created.id) });
    return created;
  });
}

/** The saved version as the conflict panel shows it: names rather than ids. */
async function consultationConflict(tx: Tx, id: string, locale: Locale) {
  const saved = await consultationSnapshot(tx, id);
  const [body, instrument, editor] = await Promise.all([
    saved.issuerBodyId ? tx.body.findUnique({ where: { id: saved.issuerBodyId }, select: { nameJa: true, nameEn: true } }) : null,
    saved.instrumentId ? tx.instrument.findUnique({ where: { id: saved.instrumentId }, select: { titleJa: true, titleEn: true } }) : null,
    saved.updatedById ? tx.user.findUnique({ where: { id: saved.updatedById }, select: { name: true } }) : null,
  ]);
  return {
    ...saved,
    issuerBodyName: body ? labelFor(locale)(body) : null,
    instrumentTitle: instrument ? titleFor(locale, instrument) : null,
    updatedByName: editor?.name ?? null,
  };
}
export type ConsultationConflict = Awaited<ReturnType<typeof consultationConflict>>;

export type UpdateResult<C> = { ok: true } | { ok: false; conflict: C } | { ok: false; notFound: true };

export async function updateConsultation(
  id: string,
  version: number,
  values: ConsultationFormValues,
  files: CheckedFile[],
  userId: string,
  locale: Locale,
): Promise<UpdateResult<ConsultationConflict>> {
  const before = await db.consultation.findFirst({ where: { id, deletedAt: null }, select: { version: true } });
  if (!before) return { ok: false, notFound: true };
  if (before.version !== version) return { ok: false, conflict: await db.$transaction((tx) => consultationConflict(tx, id, locale)) };
  const attachments = await storeFiles(files, userId);
  return db.$transaction(async (tx) => {
    const previous = await consultationSnapshot(tx, id);
    const { count } = await tx.consultation.updateMany({
      where: { id, version, deletedAt: null },
      data: { ...consultationData(values), updatedById: userId, version: { increment: 1 } },
    });
    if (count !== 1) return { ok: false, conflict: await consultationConflict(tx, id, locale) };
    if (values.removeAttachmentIds.length) {
      await tx.attachment.updateMany({ where: { id: { in: values.removeAttachmentIds }, consultationId: id, deletedAt: null }, data: { deletedAt: new Date() } });
    }
    if (attachments.length) await tx.attachment.createMany({ data: attachments.map((a) => ({ ...a, consultationId: id })) });
    await recordAudit(tx, { userId, action: "update", entityType: "Consultation", entityId: id, before: previous, after: await consultationSnapshot(tx, id) });
    return { ok: true };
  });
}

// ───────────── Submissions ─────────────

/** What the submission form chooses from: senders, co-signers, and demands for the points. */
export async function submissionFormOptions(locale: Locale) {
  const label = labelFor(locale);
  const [organisations, networks, demands] = await Promise.all([
    db.organisation.findMany({ where: { deletedAt: null }, select: { id: true, kind: true, nameJa: true, nameEn: true } }),
    db.projectNetwork.findMany({ where: { deletedAt: null }, select: { id: true, nameJa: true, nameEn: true, phases: { select: { fromOn: true, nameJa: true, nameEn: true } } } }),
    db.demand.findMany({ where: { deletedAt: null }, select: { id: true, ref: true, titleJa: true, titleEn: true }, orderBy: { ref: "asc" } }),
  ]);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  const organisationOptions = organisations.map((o) => ({ value: o.id, label: label(o), kind: o.kind })).sort(byLabel);
  return {
    senderOrganisations: organisationOptions.filter((o) => o.kind === "our_network").map((o) => ({ value: `org:${o.value}`, label: o.label })),
    senderNetworks: networks.map((n) => ({ value: `net:${n.id}`, label: label(currentPhase(n.phases) ?? n) })).sort(byLabel),
    organisations: organisationOptions.map(({ value, label }) => ({ value, label })),
    demands: demands.map((d) => ({ value: d.id, label: `${d.ref} ${titleFor(locale, d)}` })),
  };
}

/** A live submission of a live consultation, with what its editor needs. */
export async function getSubmission(consultationId: string, id: string) {
  return db.commentSubmission.findFirst({
    where: { id, consultationId, deletedAt: null, consultation: { deletedAt: null } },
    include: {
      cosigners: { select: { organisationId: true } },
      points: { orderBy: { position: "asc" } },
      attachments: attachmentSelect,
    },
  });
}

export async function checkSubmissionForm(
  values: SubmissionFormValues,
  submissionId?: string,
): Promise<{ ok: true; files: CheckedFile[] } | { ok: false; fieldErrors: FieldErrors }> {
  const errors: FieldErrors = {};
  const rich = checkRichText(values.body);
  if (!rich.ok) errors.body = [rich.error];
  const sender = parseSender(values.sender);
  if (sender?.organisationId) {
    const organisation = await db.organisation.findFirst({ where: { id: sender.organisationId, deletedAt: null }, select: { kind: true } });
    if (!organisation) errors.sender = ["error.unknownChoice"];
    else if (organisation.kind !== "our_network") errors.sender = ["error.requestSender"];
  }
  if (sender?.networkId && (await db.projectNetwork.count({ where: { id: sender.networkId, deletedAt: null } })) === 0) errors.sender = ["error.unknownChoice"];
  if (values.cosignerIds.length) {
    const n = await db.organisation.count({ where: { id: { in: values.cosignerIds }, deletedAt: null } });
    if (n !== new Set(values.cosignerIds).size) errors.cosignerIds = ["error.unknownChoice"];
  }
  const demandIds = values.points.map((p) => p.demandId).filter((id): id is string => Boolean(id));
  if (demandIds.length) {
    const known = new Set((await db.demand.findMany({ where: { id: { in: demandIds }, deletedAt: null }, select: { id: true } })).map((d) => d.id));
    values.points.forEach((p, index) => {
      if (p.demandId && !known.has(p.demandId)) errors[`points[${index}].demandId`] = ["error.unknownChoice"];
    });
  }
  // A point id must be one of this submission's points (a form cannot move another submission's point here).
  const pointIds = values.points.map((p) => p.id).filter((id): id is string => Boolean(id));
  if (pointIds.length) {
    const own = submissionId ? new Set((await db.commentPoint.findMany({ where: { submissionId, id: { in: pointIds } }, select: { id: true } })).map((p) => p.id)) : new Set<string>();
    values.points.forEach((p, index) => {
      if (p.id && !own.has(p.id)) errors[`points[${index}].textJa`] = ["error.unknownChoice"];
    });
  }
  if (values.removeAttachmentIds.length) {
    const n = submissionId ? await db.attachment.count({ where: { id: { in: values.removeAttachmentIds }, submissionId, deletedAt: null } }) : 0;
    if (n !== new Set(values.removeAttachmentIds).size) errors.removeAttachmentIds = ["error.unknownChoice"];
  }
  const files = await checkFiles(values.attachments);
  if (files.errors.length) errors.attachments = files.errors;
  return Object.keys(errors).length ? { ok: false, fieldErrors: errors } : { ok: true, files: files.checked };
}

function submissionData(values: SubmissionFormValues) {
  const rich = checkRichText(values.body);
  const sender = parseSender(values.sender);
  return {
    submittedOn: values.submittedOn,
    senderOrganisationId: sender?.organisationId ?? null,
    senderNetworkId: sender?.networkId ?? null,
    body: rich.ok ? rich.json : null,
    internalNote: values.internalNote ?? null,
  };
}

function pointData(point: SubmissionFormValues["points"][number], position: number) {
  return {
    position,
    demandId: point.demandId ?? null,
    textJa: point.textJa ?? null,
    textEn: point.textEn ?? null,
    responseSummary: point.responseSummary ?? null,
    responseAnswer: point.responseAnswer ?? null,
    responseKind: point.responseKind ?? null,
  };
}

async function submissionSnapshot(tx: Tx, id: string) {
  const s = await tx.commentSubmission.findUniqueOrThrow({
    where: { id },
    include: {
      cosigners: { select: { organisationId: true } },
      points: { orderBy: { position: "asc" }, select: { id: true, demandId: true, textJa: true, textEn: true, responseSummary: true, responseAnswer: true, responseKind: true } },
      attachments: { where: { deletedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } },
    },
  });
  return {
    consultationId: s.consultationId,
    submittedOn: s.submittedOn,
    senderOrganisationId: s.senderOrganisationId,
    senderNetworkId: s.senderNetworkId,
    body: s.body,
    internalNote: s.internalNote,
    cosignerIds: s.cosigners.map((c) => c.organisationId).sort(),
    points: s.points,
    attachments: s.attachments,
    version: s.version,
    updatedById: s.updatedById,
    updatedAt: s.updatedAt.toISOString(),
  };
}

export async function createSubmission(consultationId: string, values: SubmissionFormValues, files: CheckedFile[], userId: string) {
  const attachments = await storeFiles(files, userId);
  return db.$transaction(async (tx) => {
    const created = await tx.commentSubmission.create({
      data: {
        ...submissionData(values),
        consultationId,
        createdById: userId,
        updatedById: userId,
        cosigners: { create: [...new Set(values.cosignerIds)].map((organisationId) => ({ organisationId })) },
        points: { create: values.points.map(pointData) },
        attachments: { create: attachments },
      },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "CommentSubmission", entityId: created.id, after: await submissionSnapshot(tx, created.id) });
    return created;
  });
}

async function submissionConflict(tx: Tx, id: string, locale: Locale) {
  const saved = await submissionSnapshot(tx, id);
  const label = labelFor(locale);
  const [organisation, network, cosigners, demands, editor] = await Promise.all([
    saved.senderOrganisationId ? tx.organisation.findUnique({ where: { id: saved.senderOrganisationId }, select: { nameJa: true, nameEn: true } }) : null,
    saved.senderNetworkId ? tx.projectNetwork.findUnique({ where: { id: saved.senderNetworkId }, select: { nameJa: true, nameEn: true } }) : null,
    tx.organisation.findMany({ where: { id: { in: saved.cosignerIds } }, select: { nameJa: true, nameEn: true } }),
    tx.demand.findMany({ where: { id: { in: saved.points.flatMap((p) => (p.demandId ? [p.demandId] : [])) } }, select: { id: true, ref: true } }),
    saved.updatedById ? tx.user.findUnique({ where: { id: saved.updatedById }, select: { name: true } }) : null,
  ]);
  const refOf = new Map(demands.map((d) => [d.id, d.ref]));
  return {
    ...saved,
    senderName: organisation ? label(organisation) : network ? label(network) : null,
    cosignerNames: cosigners.map(label).sort((a, b) => a.localeCompare(b, locale)),
    points: saved.points.map((p) => ({ ...p, demandRef: p.demandId ? (refOf.get(p.demandId) ?? null) : null })),
    updatedByName: editor?.name ?? null,
  };
}
export type SubmissionConflict = Awaited<ReturnType<typeof submissionConflict>>;

/**
 * Saves over version `version` only. Points are kept by id (outcomes may name them as their channel),
 * given their new position and values; points no longer in the form are deleted with their channels.
 */
export async function updateSubmission(
  consultationId: string,
  id: string,
  version: number,
  values: SubmissionFormValues,
  files: CheckedFile[],
  userId: string,
  locale: Locale,
): Promise<UpdateResult<SubmissionConflict>> {
  const before = await db.commentSubmission.findFirst({ where: { id, consultationId, deletedAt: null }, select: { version: true } });
  if (!before) return { ok: false, notFound: true };
  if (before.version !== version) return { ok: false, conflict: await db.$transaction((tx) => submissionConflict(tx, id, locale)) };
  const attachments = await storeFiles(files, userId);
  return db.$transaction(async (tx) => {
    const previous = await submissionSnapshot(tx, id);
    const { count } = await tx.commentSubmission.updateMany({
      where: { id, version, deletedAt: null },
      data: { ...submissionData(values), updatedById: userId, version: { increment: 1 } },
    });
    if (count !== 1) return { ok: false, conflict: await submissionConflict(tx, id, locale) };
    await tx.commentSubmissionCosigner.deleteMany({ where: { submissionId: id } });
    await tx.commentSubmissionCosigner.createMany({ data: [...new Set(values.cosignerIds)].map((organisationId) => ({ submissionId: id, organisationId })) });
    const keep = values.points.flatMap((p) => (p.id ? [p.id] : []));
    await tx.commentPoint.deleteMany({ where: { submissionId: id, id: { notIn: keep } } });
    for (const [position, point] of values.points.entries()) {
      if (point.id) await tx.commentPoint.update({ where: { id: point.id }, data: pointData(point, position) });
      else await tx.commentPoint.create({ data: { ...pointData(point, position), submissionId: id } });
    }
    if (values.removeAttachmentIds.length) {
      await tx.attachment.updateMany({ where: { id: { in: values.removeAttachmentIds }, submissionId: id, deletedAt: null }, data: { deletedAt: new Date() } });
    }
    if (attachments.length) await tx.attachment.createMany({ data: attachments.map((a) => ({ ...a, submissionId: id })) });
    await recordAudit(tx, { userId, action: "update", entityType: "CommentSubmission", entityId: id, before: previous, after: await submissionSnapshot(tx, id) });
    return { ok: true };
  });
}
