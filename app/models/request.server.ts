// Requests (要望書) on the server: the list with its filters, the record with its items in order,
// the form's choices, the checks only the database can make, and saving with audit events and
// optimistic locking. Attachments are stored by app/utils/attachments.server.ts.
import { type SubmissionResult } from "@conform-to/react";
import {
  MaxPartSizeExceededError,
  type UploadHandler,
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
} from "@remix-run/node";
import { type Locale } from "~/i18n/locales";
import { recordAudit } from "~/models/audit.server";
import { flattenTree, subtreeIds } from "~/models/body";
import { currentPhase, phaseAsOf } from "~/models/network";
import { MAX_FILES_PER_SAVE, parseSender, type RequestFormValues, type RequestKind, type RequestSort } from "~/models/request";
import { checkAttachment, storeAttachmentBytes } from "~/utils/attachments.server";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { pageCount, pageWindow } from "~/utils/paging";
import { checkRichText } from "~/utils/rich-text.server";

export type FieldErrors = Record<string, string[]>;
type Tx = Prisma.TransactionClient;
type Named = { nameJa: string; nameEn: string };

const labelFor = (locale: Locale) => (x: Named) => (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);

// ───────────── Reading the form ─────────────

/** Text fields (the rich-text body is the largest) may not exceed this many bytes. */
const TEXT_PART_MAX = 1_000_000;

/**
 * Reads the editor's form, multipart or not. Each file is kept in memory up to the attachment
 * limit plus one byte, and the rest of an oversized file is read and dropped: the file then
 * counts as too large (a field error) while every other field of the form is kept. Files beyond
 * MAX_FILES_PER_SAVE keep a single byte, enough to be counted and refused. Returns null when a
 * text field is far too large to be a real submission.
 */
export async function readRequestForm(request: Request): Promise<FormData | null> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return request.formData();
  let fileCount = 0;
  const fileHandler: UploadHandler = async ({ filename, contentType: type, data }) => {
    if (typeof filename !== "string") return undefined;
    if (filename) fileCount += 1; // an empty file input sends a part with no name: not a file
    const keep = fileCount > MAX_FILES_PER_SAVE ? 1 : config.attachmentMaxBytes + 1;
    const chunks: Array<Uint8Array<ArrayBuffer>> = [];
    let kept = 0;
    for await (const chunk of data) {
      if (kept >= keep) continue;
      const part = chunk.slice(0, keep - kept);
      chunks.push(part);
      kept += part.byteLength;
    }
    return new File(chunks, filename, { type });
  };
  try {
    return await parseMultipartFormData(request, composeUploadHandlers(fileHandler, createMemoryUploadHandler({ maxPartSize: TEXT_PART_MAX })));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return null;
    throw error;
  }
}

/** The answer to a form readRequestForm refused: a message above the form, the fields left as they are. */
export const formTooLargeResult: SubmissionResult<string[]> = { status: "error", error: { "": ["error.requestFormTooLarge"] } };

// ───────────── The list ─────────────

export type RequestListQuery = {
  q?: string;
  kind?: RequestKind;
  year?: string;
  bodyId?: string;
  sender?: string;
  demandId?: string;
  sort: RequestSort;
  dir: "asc" | "desc";
  page: number;
  locale: Locale;
  /** every matching request, not a page (the CSV download) */
  all?: boolean;
};

async function bodySubtree(bodyId: string) {
  const bodies = await db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true } });
  return [...subtreeIds(bodies, bodyId)];
}

const liveRounds = { deletedAt: null } satisfies Prisma.NegotiationRoundWhereInput;
const senderSelect = {
  senderOrganisation: { select: { id: true, nameJa: true, nameEn: true, shortName: true } },
  senderNetwork: { select: { id: true, nameJa: true, nameEn: true, phases: { select: { fromOn: true, nameJa: true, nameEn: true } } } },
} as const;

type SenderRow = {
  sentOn: string;
  senderOrganisation: { id: string; nameJa: string; nameEn: string; shortName: string | null } | null;
  senderNetwork: { id: string; nameJa: string; nameEn: string; phases: Array<{ fromOn: string; nameJa: string; nameEn: string }> } | null;
};

/** The sender as it was named when the request was sent (project networks change names). */
function senderOf(row: SenderRow) {
  if (row.senderOrganisation) {
    const o = row.senderOrganisation;
    return { type: "organisation" as const, id: o.id, nameJa: o.nameJa, nameEn: o.nameEn, shortName: o.shortName };
  }
  if (row.senderNetwork) {
    const n = row.senderNetwork;
    const then = phaseAsOf(n.phases, row.sentOn) ?? currentPhase(n.phases);
    return { type: "network" as const, id: n.id, nameJa: then?.nameJa || n.nameJa, nameEn: then?.nameEn || n.nameEn, shortName: null };
  }
  return null;
}

export async function listRequests(query: RequestListQuery) {
  const where: Prisma.RequestWhereInput = { deletedAt: null };
  if (query.q) where.OR = [{ titleJa: { contains: query.q } }, { titleEn: { contains: query.q } }];
  if (query.kind) where.kind = query.kind;
  if (query.year) where.sentOn = { startsWith: query.year };
  if (query.bodyId) where.addressees = { some: { bodyId: { in: await bodySubtree(query.bodyId) } } };
  const sender = parseSender(query.sender);
  if (sender?.organisationId) where.senderOrganisationId = sender.organisationId;
  if (sender?.networkId) where.senderNetworkId = sender.networkId;
  if (query.demandId) where.items = { some: { demandId: query.demandId } };

  const [first, second] = query.locale === "ja" ? (["titleJa", "titleEn"] as const) : (["titleEn", "titleJa"] as const);
  const orderBy: Prisma.RequestOrderByWithRelationInput[] =
    query.sort === "title"
      ? [{ [first]: query.dir }, { [second]: query.dir }, { sentOn: "desc" }]
      : [{ sentOn: query.dir }, { createdAt: query.dir }];

  const [total, rows] = await Promise.all([
    db.request.count({ where }),
    db.request.findMany({
      where,
      orderBy,
      ...(query.all ? {} : pageWindow(query.page)),
      select: {
        id: true,
        kind: true,
        titleJa: true,
        titleEn: true,
        sentOn: true,
        ...senderSelect,
        addressees: { where: { body: { deletedAt: null } }, select: { body: { select: { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } } } },
      },
    }),
  ]);
  const counts = await itemAndRoundCounts(rows.map((r) => r.id));
  const items = rows.map(({ senderOrganisation, senderNetwork, ...r }) => ({
    ...r,
    sender: senderOf({ sentOn: r.sentOn, senderOrganisation, senderNetwork }),
    demandCount: counts.get(r.id)?.items ?? 0,
    roundCount: counts.get(r.id)?.rounds ?? 0,
  }));
  return { items, total, pageCount: pageCount(total) };
}

/**
 * The demands and live rounds of a page of requests, counted for those requests only: Prisma's
 * _count aggregated every request item and round before joining (a whole-table read per page).
 */
async function itemAndRoundCounts(requestIds: string[]) {
  const counts = new Map<string, { items: number; rounds: number }>();
  if (requestIds.length === 0) return counts;
  const rows = await db.$queryRaw<Array<{ id: string; items: number | bigint; rounds: number | bigint }>>`
    SELECT q."id",
      (SELECT COUNT(*) FROM "RequestItem" i WHERE i."requestId" = q."id") AS "items",
      (SELECT COUNT(*) FROM "NegotiationRound" r WHERE r."requestId" = q."id" AND r."deletedAt" IS NULL) AS "rounds"
    FROM "Request" q WHERE q."id" IN (${Prisma.join(requestIds)})`;
  for (const r of rows) counts.set(r.id, { items: Number(r.items), rounds: Number(r.rounds) });
  return counts;
}

/** The years requests were sent in, newest first (from the index on sentOn, not the requests). */
async function requestYears() {
  const rows = await db.$queryRaw<Array<{ year: string }>>`SELECT DISTINCT SUBSTR("sentOn", 1, 4) AS "year" FROM "Request" WHERE "deletedAt" IS NULL`;
  return rows.map((r) => r.year).filter((y) => /^\d{4}$/.test(y)).sort().reverse();
}

/** The choices of the list's filters (the demand is typed in by its reference: see findDemandByIdOrRef). */
export async function requestListOptions(locale: Locale) {
  const [choices, years] = await Promise.all([requestFormOptions(locale, { demands: false }), requestYears()]);
  return {
    years: years.map((y) => ({ value: y, label: y })),
    bodies: choices.bodies,
    senders: [...choices.senderOrganisations, ...choices.senderNetworks],
  };
}

// ───────────── One request ─────────────

async function userNames(ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map<string, string>();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** A request with everything its page shows: items in order, addressees, attachments, the rounds that answer it. */
export async function getRequest(id: string) {
  const row = await db.request.findFirst({
    where: { id, deletedAt: null },
    include: {
      ...senderSelect,
      cosigners: { where: { organisation: { deletedAt: null } }, select: { organisation: { select: { id: true, nameJa: true, nameEn: true, shortName: true } } } },
      addressees: { where: { body: { deletedAt: null } }, select: { body: { select: { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true, parentId: true, sortOrder: true } } } },
      items: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, wordingJa: true, wordingEn: true, demand: { select: { id: true, ref: true, titleJa: true, titleEn: true, archived: true } } },
      },
      attachments: {
        where: { deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, contentType: true, size: true, createdAt: true },
      },
      rounds: {
        where: liveRounds,
        orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }],
        select: { id: true, kind: true, titleJa: true, titleEn: true, heldOn: true },
      },
    },
  });
  if (!row) return null;
  const names = await userNames([row.createdById, row.updatedById]);
  const { senderOrganisation, senderNetwork, cosigners, addressees, ...rest } = row;
  return {
    ...rest,
    sender: senderOf({ sentOn: row.sentOn, senderOrganisation, senderNetwork }),
    cosigners: cosigners.map((c) => c.organisation),
    addressees: flattenTree(
      addressees.map((a) => a.body),
      (b) => b.nameJa,
    ).map(({ depth: _depth, parentId: _parentId, sortOrder: _sortOrder, ...b }) => b),
    createdByName: row.createdById ? (names.get(row.createdById) ?? null) : null,
    updatedByName: row.updatedById ? (names.get(row.updatedById) ?? null) : null,
  };
}

// ───────────── The form ─────────────

/** Everything the request form chooses from. */
export async function requestFormOptions(locale: Locale, { demands: withDemands = true } = {}) {
  const label = labelFor(locale);
  const [organisations, networks, bodies, demands] = await Promise.all([
    db.organisation.findMany({ where: { deletedAt: null }, select: { id: true, kind: true, nameJa: true, nameEn: true } }),
    db.projectNetwork.findMany({ where: { deletedAt: null }, select: { id: true, nameJa: true, nameEn: true, phases: { select: { fromOn: true, nameJa: true, nameEn: true } } } }),
    db.body.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true, nameJa: true, nameEn: true, sortOrder: true } }),
    withDemands
      ? db.demand.findMany({ where: { deletedAt: null }, select: { id: true, ref: true, titleJa: true, titleEn: true, archived: true }, orderBy: { ref: "asc" } })
      : Promise.resolve([]),
  ]);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  const organisationOptions = organisations.map((o) => ({ value: o.id, label: label(o), kind: o.kind })).sort(byLabel);
  return {
    senderOrganisations: organisationOptions.filter((o) => o.kind === "our_network").map((o) => ({ value: `org:${o.value}`, label: o.label })),
    senderNetworks: networks
      .map((n) => ({ value: `net:${n.id}`, label: label(currentPhase(n.phases) ?? n) }))
      .sort(byLabel),
    organisations: organisationOptions.map(({ value, label }) => ({ value, label })),
    bodies: flattenTree(bodies, label).map((b) => ({ value: b.id, label: label(b), depth: b.depth })),
    demands: demands.map((d) => ({ value: d.id, label: `${d.ref} ${locale === "ja" ? d.titleJa || d.titleEn : d.titleEn || d.titleJa}` })),
  };
}

export type CheckedFile = { fileName: string; contentType: string; size: number; sha256: string; bytes: Uint8Array };

/**
 * Checks what only the server can tell: referenced records exist (as field errors on the field or
 * the item row), the sender is our network or a project network, the body is valid rich text,
 * attachments to remove belong to this request, and each new file is what its name says.
 */
export async function checkRequestSubmission(
  values: RequestFormValues,
  requestId?: string,
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
  if (sender?.networkId) {
    const n = await db.projectNetwork.count({ where: { id: sender.networkId, deletedAt: null } });
    if (n === 0) errors.sender = ["error.unknownChoice"];
  }
  if (values.cosignerIds.length) {
    const n = await db.organisation.count({ where: { id: { in: values.cosignerIds }, deletedAt: null } });
    if (n !== new Set(values.cosignerIds).size) errors.cosignerIds = ["error.unknownChoice"];
  }
  if (values.addresseeIds.length) {
    const n = await db.body.count({ where: { id: { in: values.addresseeIds }, deletedAt: null } });
    if (n !== new Set(values.addresseeIds).size) errors.addresseeIds = ["error.unknownChoice"];
  }
  const demandIds = values.items.map((i) => i.demandId).filter((id): id is string => Boolean(id));
  if (demandIds.length) {
    const found = await db.demand.findMany({ where: { id: { in: demandIds }, deletedAt: null }, select: { id: true } });
    const known = new Set(found.map((d) => d.id));
    values.items.forEach((item, index) => {
      if (item.demandId && !known.has(item.demandId)) errors[`items[${index}].demandId`] = ["error.unknownChoice"];
    });
  }
  if (values.removeAttachmentIds.length) {
    const n = requestId
      ? await db.attachment.count({ where: { id: { in: values.removeAttachmentIds }, requestId, deletedAt: null } })
      : 0;
    if (n !== new Set(values.removeAttachmentIds).size) errors.removeAttachmentIds = ["error.unknownChoice"];
  }

  const files: CheckedFile[] = [];
  const fileErrors = new Set<string>();
  for (const file of values.attachments) {
    const checked = await checkAttachment(file);
    if (checked.ok) files.push(checked.file);
    else fileErrors.add(checked.error);
  }
  if (fileErrors.size) errors.attachments = [...fileErrors];

  return Object.keys(errors).length ? { ok: false, fieldErrors: errors } : { ok: true, files };
}

// ───────────── Saving ─────────────

function scalarData(values: RequestFormValues) {
  const rich = checkRichText(values.body);
  const sender = parseSender(values.sender);
  return {
    kind: values.kind,
    titleJa: values.titleJa ?? "",
    titleEn: values.titleEn ?? "",
    sentOn: values.sentOn,
    senderOrganisationId: sender?.organisationId ?? null,
    senderNetworkId: sender?.networkId ?? null,
    body: rich.ok ? rich.json : null,
    internalNote: values.internalNote ?? null,
  };
}

/** The fields the audit log and the conflict view compare. */
async function snapshot(tx: Tx, id: string) {
  const r = await tx.request.findUniqueOrThrow({
    where: { id },
    include: {
      cosigners: { select: { organisationId: true } },
      addressees: { select: { bodyId: true } },
      items: { orderBy: { position: "asc" }, select: { demandId: true, wordingJa: true, wordingEn: true } },
      attachments: { where: { deletedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, sha256: true } },
    },
  });
  return {
    kind: r.kind,
    titleJa: r.titleJa,
    titleEn: r.titleEn,
    sentOn: r.sentOn,
    senderOrganisationId: r.senderOrganisationId,
    senderNetworkId: r.senderNetworkId,
    body: r.body,
    internalNote: r.internalNote,
    cosignerIds: r.cosigners.map((c) => c.organisationId).sort(),
    addresseeIds: r.addressees.map((a) => a.bodyId).sort(),
    items: r.items,
    attachments: r.attachments,
    version: r.version,
    updatedById: r.updatedById,
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type RequestSnapshot = Awaited<ReturnType<typeof snapshot>>;

/** Writes the bytes of new files (once per checksum) before the rows that point at them. */
async function storeFiles(files: CheckedFile[]) {
  return Promise.all(files.map(async (f) => ({ ...f, storagePath: await storeAttachmentBytes(f.sha256, f.bytes) })));
}

function attachmentRows(files: Array<CheckedFile & { storagePath: string }>, userId: string) {
  return files.map((f) => ({ fileName: f.fileName, contentType: f.contentType, size: f.size, sha256: f.sha256, storagePath: f.storagePath, uploadedById: userId }));
}

export async function createRequest(values: RequestFormValues, files: CheckedFile[], userId: string) {
  const stored = await storeFiles(files);
  return db.$transaction(async (tx) => {
    const request = await tx.request.create({
      data: {
        ...scalarData(values),
        createdById: userId,
        updatedById: userId,
        cosigners: { create: [...new Set(values.cosignerIds)].map((organisationId) => ({ organisationId })) },
        addressees: { create: [...new Set(values.addresseeIds)].map((bodyId) => ({ bodyId })) },
        items: {
          create: values.items.map((item, position) => ({
            position,
            demandId: item.demandId ?? "",
            wordingJa: item.wordingJa ?? null,
            wordingEn: item.wordingEn ?? null,
          })),
        },
        attachments: { create: attachmentRows(stored, userId) },
      },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "Request", entityId: request.id, after: await snapshot(tx, request.id) });
    return request;
  });
}

/** The saved version as the conflict panel shows it: names rather than ids. */
async function conflictView(tx: Tx, id: string, locale: Locale) {
  const saved = await snapshot(tx, id);
  const label = labelFor(locale);
  const [organisation, network, cosigners, addressees, demands, editor] = await Promise.all([
    saved.senderOrganisationId ? tx.organisation.findUnique({ where: { id: saved.senderOrganisationId }, select: { nameJa: true, nameEn: true } }) : null,
    saved.senderNetworkId ? tx.projectNetwork.findUnique({ where: { id: saved.senderNetworkId }, select: { nameJa: true, nameEn: true } }) : null,
    tx.organisation.findMany({ where: { id: { in: saved.cosignerIds } }, select: { nameJa: true, nameEn: true } }),
    tx.body.findMany({ where: { id: { in: saved.addresseeIds } }, select: { nameJa: true, nameEn: true } }),
    tx.demand.findMany({ where: { id: { in: saved.items.map((i) => i.demandId) } }, select: { id: true, ref: true, titleJa: true, titleEn: true } }),
    saved.updatedById ? tx.user.findUnique({ where: { id: saved.updatedById }, select: { name: true } }) : null,
  ]);
  const demandById = new Map(demands.map((d) => [d.id, d]));
  return {
    ...saved,
    senderName: organisation ? label(organisation) : network ? label(network) : null,
    cosignerNames: cosigners.map(label).sort((a, b) => a.localeCompare(b, locale)),
    addresseeNames: addressees.map(label).sort((a, b) => a.localeCompare(b, locale)),
    items: saved.items.map((item) => {
      const d = demandById.get(item.demandId);
      return { ...item, demandLabel: d ? `${d.ref} ${locale === "ja" ? d.titleJa || d.titleEn : d.titleEn || d.titleJa}` : item.demandId };
    }),
    updatedByName: editor?.name ?? null,
  };
}
export type RequestConflict = Awaited<ReturnType<typeof conflictView>>;

export type RequestUpdateResult = { ok: true } | { ok: false; conflict: RequestConflict } | { ok: false; notFound: true };

/**
 * Saves over version `version` only: when someone saved in between, nothing is written and the
 * newer version comes back so that the editor can compare and merge. Item rows are kept per demand
 * (agenda items of rounds point at them), moved to their new position and given the new wording;
 * rows of demands no longer listed are deleted. Removed attachments go to the trash (deletedAt).
 */
export async function updateRequest(
  id: string,
  version: number,
  values: RequestFormValues,
  files: CheckedFile[],
  userId: string,
  locale: Locale,
): Promise<RequestUpdateResult> {
  // A first look, so that no file is written for a save that cannot succeed.
  const before = await db.request.findFirst({ where: { id, deletedAt: null }, select: { version: true } });
  if (!before) return { ok: false, notFound: true };
  if (before.version !== version) return { ok: false, conflict: await conflictView(db as unknown as Tx, id, locale) };
  const stored = await storeFiles(files);

  return db.$transaction(async (tx) => {
    const current = await tx.request.findFirst({ where: { id, deletedAt: null }, select: { version: true } });
    if (!current) return { ok: false, notFound: true };
    if (current.version !== version) return { ok: false, conflict: await conflictView(tx, id, locale) };
    const previous = await snapshot(tx, id);

    const { count } = await tx.request.updateMany({ where: { id, version }, data: { ...scalarData(values), updatedById: userId, version: { increment: 1 } } });
    if (count !== 1) return { ok: false, conflict: await conflictView(tx, id, locale) };

    await tx.requestCosigner.deleteMany({ where: { requestId: id } });
    await tx.requestCosigner.createMany({ data: [...new Set(values.cosignerIds)].map((organisationId) => ({ requestId: id, organisationId })) });
    await tx.requestAddressee.deleteMany({ where: { requestId: id } });
    await tx.requestAddressee.createMany({ data: [...new Set(values.addresseeIds)].map((bodyId) => ({ requestId: id, bodyId })) });

    const wanted = values.items.map((item, position) => ({ ...item, demandId: item.demandId ?? "", position }));
    const existing = await tx.requestItem.findMany({ where: { requestId: id }, select: { id: true, demandId: true } });
    const existingByDemand = new Map(existing.map((row) => [row.demandId, row.id]));
    const keep = new Set(wanted.map((w) => w.demandId));
    await tx.requestItem.deleteMany({ where: { requestId: id, demandId: { notIn: [...keep] } } });
    for (const item of wanted) {
      const data = { position: item.position, wordingJa: item.wordingJa ?? null, wordingEn: item.wordingEn ?? null };
      const rowId = existingByDemand.get(item.demandId);
      if (rowId) await tx.requestItem.update({ where: { id: rowId }, data });
      else await tx.requestItem.create({ data: { ...data, requestId: id, demandId: item.demandId } });
    }

    if (values.removeAttachmentIds.length) {
      await tx.attachment.updateMany({ where: { id: { in: values.removeAttachmentIds }, requestId: id, deletedAt: null }, data: { deletedAt: new Date() } });
    }
    if (stored.length) {
      await tx.attachment.createMany({ data: attachmentRows(stored, userId).map((row) => ({ ...row, requestId: id })) });
    }

    await recordAudit(tx, { userId, action: "update", entityType: "Request", entityId: id, before: previous, after: await snapshot(tx, id) });
    return { ok: true };
  });
}
