import { untrashed } from "~/models/trash";
import { recordAudit } from "~/models/audit.server";
import {
  currentPhase,
  formerNames,
  isNetworkStatus,
  type NetworkCreateValues,
  type NetworkFormValues,
  type NetworkSort,
  type NetworkStatus,
  type PhaseFormValues,
  sortPhases,
} from "~/models/network";
import { lastEditorName } from "~/models/organisation.server";
import { type Locale } from "~/i18n/locales";
import { db, type Prisma } from "~/utils/db.server";
import { PAGE_SIZE, pageCount } from "~/utils/paging";

export type NetworkListQuery = {
  q?: string;
  status?: NetworkStatus;
  sort: NetworkSort;
  dir: "asc" | "desc";
  page: number;
  locale: Locale;
  /** Every row (the CSV download), not one page. */
  all?: boolean;
};

const phaseSelect = { id: true, status: true, nameJa: true, nameEn: true, fromOn: true, noteJa: true, noteEn: true } as const;
const activeDemands = { deletedAt: null, archived: false } satisfies Prisma.DemandWhereInput;

/**
 * The current status depends on today's date and the phases, so the filtering by status, the
 * sorting and the paging happen here rather than in SQL; there are tens of networks, not thousands.
 */
export async function listNetworks(query: NetworkListQuery) {
  const where: Prisma.ProjectNetworkWhereInput = { deletedAt: null };
  if (query.q) {
    where.OR = [
      { nameJa: { contains: query.q } },
      { nameEn: { contains: query.q } },
      { phases: { some: { OR: [{ nameJa: { contains: query.q } }, { nameEn: { contains: query.q } }] } } },
    ];
  }
  const rows = await db.projectNetwork.findMany({
    where,
    select: {
      id: true,
      nameJa: true,
      nameEn: true,
      phases: { select: phaseSelect },
      _count: { select: { demands: { where: activeDemands } } },
    },
  });
  const pick = (x: { nameJa: string; nameEn: string }) => (query.locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa);
  let items = rows.map(({ phases, _count, ...n }) => {
    const current = currentPhase(phases);
    return {
      id: n.id,
      nameJa: current?.nameJa ?? n.nameJa,
      nameEn: current?.nameEn ?? n.nameEn,
      status: current && isNetworkStatus(current.status) ? current.status : null,
      since: current?.fromOn ?? null,
      formerNames: formerNames(phases, current),
      activeDemandCount: _count.demands,
    };
  });
  if (query.status) items = items.filter((n) => n.status === query.status);
  const byName = (a: (typeof items)[number], b: (typeof items)[number]) => pick(a).localeCompare(pick(b), query.locale);
  const sign = query.dir === "asc" ? 1 : -1;
  items.sort((a, b) => {
    if (query.sort === "since") {
      // Networks without a current phase go last whichever the direction.
      if (a.since === b.since) return byName(a, b);
      if (a.since === null) return 1;
      if (b.since === null) return -1;
      return sign * a.since.localeCompare(b.since) || byName(a, b);
    }
    if (query.sort === "demands") return sign * (a.activeDemandCount - b.activeDemandCount) || byName(a, b);
    return sign * byName(a, b);
  });
  const total = items.length;
  const start = (query.page - 1) * PAGE_SIZE;
  return { items: query.all ? items : items.slice(start, start + PAGE_SIZE), total, pageCount: pageCount(total) };
}

export async function getNetwork(id: string) {
  const network = await db.projectNetwork.findFirst({
    where: { id, deletedAt: null },
    include: {
      phases: { select: phaseSelect },
      organisation: { select: { id: true, nameJa: true, nameEn: true, kind: true, deletedAt: true } },
      demands: {
        where: activeDemands,
        select: { id: true, ref: true, titleJa: true, titleEn: true },
        orderBy: { ref: "asc" },
      },
      affiliations: {
        where: { person: { deletedAt: null } },
        select: {
          id: true,
          roleJa: true,
          roleEn: true,
          startOn: true,
          endOn: true,
          person: { select: { id: true, nameJa: true, nameEn: true, kind: true } },
        },
        orderBy: [{ startOn: { sort: "asc", nulls: "first" } }, { person: { nameEn: "asc" } }],
      },
    },
  });
  if (!network) return null;
  const { organisation, phases, ...rest } = network;
  const current = currentPhase(phases);
  return {
    ...rest,
    phases: sortPhases(phases),
    current,
    organisation: untrashed(organisation),
  };
}

export async function networkExists(id: string) {
  return (await db.projectNetwork.count({ where: { id, deletedAt: null } })) > 0;
}

export type FieldErrors = Record<string, string[]>;

/** Checks what only the database can tell: the chosen organisation exists. */
export async function checkNetworkReferences(values: { organisationId?: string }): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (values.organisationId) {
    const n = await db.organisation.count({ where: { id: values.organisationId, deletedAt: null } });
    if (n === 0) errors.organisationId = ["error.unknownChoice"];
  }
  return errors;
}

function scalarData(values: NetworkFormValues) {
  return {
    nameJa: values.nameJa ?? "",
    nameEn: values.nameEn ?? "",
    descriptionJa: values.descriptionJa ?? null,
    descriptionEn: values.descriptionEn ?? null,
    organisationId: values.organisationId ?? null,
  };
}

/** The fields the audit log and the conflict view compare. */
async function snapshot(tx: Prisma.TransactionClient, id: string) {
  const n = await tx.projectNetwork.findUniqueOrThrow({
    where: { id },
    include: { organisation: { select: { nameJa: true, nameEn: true } }, phases: { select: phaseSelect } },
  });
  return {
    nameJa: n.nameJa,
    nameEn: n.nameEn,
    descriptionJa: n.descriptionJa,
    descriptionEn: n.descriptionEn,
    organisationId: n.organisationId,
    organisationNameJa: n.organisation?.nameJa ?? null,
    organisationNameEn: n.organisation?.nameEn ?? null,
    phases: sortPhases(n.phases).map(({ id: _id, ...p }) => p),
    version: n.version,
    updatedAt: n.updatedAt.toISOString(),
  };
}
export type NetworkSnapshot = Awaited<ReturnType<typeof snapshot>>;

export async function createNetwork(values: NetworkCreateValues, userId: string) {
  return db.$transaction(async (tx) => {
    const network = await tx.projectNetwork.create({
      data: {
        ...scalarData(values),
        phases: { create: [{ status: values.status, nameJa: values.nameJa ?? "", nameEn: values.nameEn ?? "", fromOn: values.fromOn }] },
      },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "ProjectNetwork", entityId: network.id, after: await snapshot(tx, network.id) });
    return network;
  });
}

export type NetworkUpdateResult =
  | { ok: true }
  | { ok: false; conflict: NetworkSnapshot & { updatedByName: string | null } }
  | { ok: false; notFound: true };

/**
 * Saves over version `version` only. The names are the name the network goes by now: the phase in
 * force today takes them too, so that its history and every other screen agree.
 */
export async function updateNetwork(id: string, version: number, values: NetworkFormValues, userId: string): Promise<NetworkUpdateResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.projectNetwork.findFirst({ where: { id, deletedAt: null }, select: { version: true, phases: { select: phaseSelect } } });
    if (!current) return { ok: false, notFound: true };
    const conflict = async () => ({ ok: false as const, conflict: { ...(await snapshot(tx, id)), updatedByName: await lastEditorName(tx, "ProjectNetwork", id) } });
    if (current.version !== version) return conflict();
    const before = await snapshot(tx, id);
    const written = await tx.projectNetwork.updateMany({ where: { id, version }, data: { ...scalarData(values), version: { increment: 1 } } });
    if (written.count === 0) return conflict();
    const phase = currentPhase(current.phases);
    const data = scalarData(values);
    if (phase && (phase.nameJa !== data.nameJa || phase.nameEn !== data.nameEn)) {
      await tx.projectNetworkPhase.update({ where: { id: phase.id }, data: { nameJa: data.nameJa, nameEn: data.nameEn } });
    }
    await recordAudit(tx, { userId, action: "update", entityType: "ProjectNetwork", entityId: id, before, after: await snapshot(tx, id) });
    return { ok: true };
  });
}

/**
 * After the history changed: the network goes by the name of the phase now in force. A changed
 * name is a new version of the network, so that an editor still open on the old one gets a conflict.
 */
async function syncCurrentName(tx: Prisma.TransactionClient, id: string, userId: string) {
  const network = await tx.projectNetwork.findUniqueOrThrow({ where: { id }, select: { nameJa: true, nameEn: true, phases: { select: phaseSelect } } });
  const phase = currentPhase(network.phases);
  if (!phase || (phase.nameJa === network.nameJa && phase.nameEn === network.nameEn)) return;
  const before = await snapshot(tx, id);
  await tx.projectNetwork.update({ where: { id }, data: { nameJa: phase.nameJa, nameEn: phase.nameEn, version: { increment: 1 } } });
  await recordAudit(tx, { userId, action: "update", entityType: "ProjectNetwork", entityId: id, before, after: await snapshot(tx, id) });
}

function phaseSnapshot(p: { projectNetworkId: string; status: string; nameJa: string; nameEn: string; fromOn: string; noteJa: string | null; noteEn: string | null }) {
  return { projectNetworkId: p.projectNetworkId, status: p.status, nameJa: p.nameJa, nameEn: p.nameEn, fromOn: p.fromOn, noteJa: p.noteJa, noteEn: p.noteEn };
}

export type PhaseChangeResult = { ok: true } | { ok: false; fieldErrors: FieldErrors } | { ok: false; notFound: true };

/** Adds a phase; two phases may not start on the same date. */
export async function addPhase(networkId: string, values: PhaseFormValues, userId: string): Promise<PhaseChangeResult> {
  return db.$transaction(async (tx) => {
    const network = await tx.projectNetwork.findFirst({ where: { id: networkId, deletedAt: null }, select: { phases: { select: { fromOn: true } } } });
    if (!network) return { ok: false, notFound: true };
    if (network.phases.some((p) => p.fromOn === values.fromOn)) return { ok: false, fieldErrors: { fromOn: ["error.phaseSameDate"] } };
    const phase = await tx.projectNetworkPhase.create({
      data: {
        projectNetworkId: networkId,
        status: values.status,
        nameJa: values.nameJa,
        nameEn: values.nameEn,
        fromOn: values.fromOn,
        noteJa: values.noteJa ?? null,
        noteEn: values.noteEn ?? null,
      },
    });
    await recordAudit(tx, { userId, action: "create", entityType: "ProjectNetworkPhase", entityId: phase.id, after: phaseSnapshot(phase) });
    await syncCurrentName(tx, networkId, userId);
    return { ok: true };
  });
}

/** Removes a phase from the history; the last remaining phase stays. */
export async function removePhase(networkId: string, phaseId: string, userId: string): Promise<PhaseChangeResult> {
  return db.$transaction(async (tx) => {
    const network = await tx.projectNetwork.findFirst({ where: { id: networkId, deletedAt: null }, select: { phases: { select: { id: true } } } });
    if (!network) return { ok: false, notFound: true };
    const phase = await tx.projectNetworkPhase.findFirst({ where: { id: phaseId, projectNetworkId: networkId } });
    if (!phase) return { ok: false, notFound: true };
    if (network.phases.length <= 1) return { ok: false, fieldErrors: { phaseId: ["error.networkLastPhase"] } };
    await tx.projectNetworkPhase.delete({ where: { id: phase.id } });
    await recordAudit(tx, { userId, action: "delete", entityType: "ProjectNetworkPhase", entityId: phase.id, before: phaseSnapshot(phase) });
    await syncCurrentName(tx, networkId, userId);
    return { ok: true };
  });
}
