// User accounts: listing, creating and editing them (administrators), passwords, unlocking, and
// ending sessions. Password hashes never leave this module: nothing here returns or audits one.
import { recordAudit } from "~/models/audit.server";
import { type Role } from "~/models/roles";
import { type UserCreateValues, type UserSort, type UserState, type UserUpdateValues, samePasswordAsEmail } from "~/models/user";
import { type Locale } from "~/i18n/locales";
import { NO_PASSWORD, hashPassword, sessionIdFrom, verifyPassword } from "~/utils/auth.server";
import { db, type Prisma } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";

type Tx = Prisma.TransactionClient;
export type FieldErrors = Record<string, string[]>;

/** The fields of an account that may be shown and audited (never the password hash). */
const publicFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  active: true,
  failedLogins: true,
  lockedUntil: true,
  personId: true,
  createdAt: true,
  updatedAt: true,
  version: true,
} satisfies Prisma.UserSelect;

// ───────────── Listing and reading ─────────────

export type UserListQuery = {
  q?: string;
  role?: Role;
  state: UserState;
  sort: UserSort;
  dir: "asc" | "desc";
  page: number;
};

export async function listUsers(query: UserListQuery, now = new Date()) {
  const where: Prisma.UserWhereInput = {};
  if (query.q) where.OR = [{ name: { contains: query.q } }, { email: { contains: query.q.toLowerCase() } }];
  if (query.role) where.role = query.role;
  if (query.state === "active") where.active = true;
  if (query.state === "deactivated") where.active = false;
  if (query.state === "locked") where.lockedUntil = { gt: now };
  if (query.state === "noPassword") where.passwordHash = NO_PASSWORD;
  const orderBy: Prisma.UserOrderByWithRelationInput[] =
    query.sort === "email" ? [{ email: query.dir }] : query.sort === "created" ? [{ createdAt: query.dir }, { email: "asc" }] : [{ name: query.dir }, { email: "asc" }];
  const [total, items] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy,
      ...pageWindow(query.page),
      select: { ...publicFields, person: { select: { id: true, nameJa: true, nameEn: true } } },
    }),
  ]);
  const withoutPassword = await accountsWithoutPassword(items.map((u) => u.id));
  return { items: items.map((u) => ({ ...u, noPassword: withoutPassword.has(u.id) })), total, pageCount: pageCount(total) };
}

/**
 * Which of these accounts have no password: restored from a data export made without password hashes
 * (docs/decisions/017), they cannot sign in until an administrator sets one. Only a yes or no leaves here.
 */
async function accountsWithoutPassword(ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.user.findMany({ where: { id: { in: ids }, passwordHash: NO_PASSWORD }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function getUserAccount(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: { ...publicFields, person: { select: { id: true, nameJa: true, nameEn: true, kind: true, deletedAt: true } } },
  });
  return user ? { ...user, noPassword: (await accountsWithoutPassword([user.id])).has(user.id) } : null;
}

/** Our own staff's person records that an account may be linked to: not linked to another account yet. */
export async function staffPersonOptions(locale: Locale, userId?: string) {
  const people = await db.person.findMany({
    where: {
      OR: [
        { kind: "staff", deletedAt: null, user: { is: null } },
        ...(userId ? [{ user: { is: { id: userId } } }] : []),
      ],
    },
    select: { id: true, nameJa: true, nameEn: true },
  });
  const label = (p: { nameJa: string; nameEn: string }) => (locale === "ja" ? p.nameJa || p.nameEn : p.nameEn || p.nameJa);
  return people.map((p) => ({ value: p.id, label: label(p) })).sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** The person may be linked to this account: unchanged, or a staff record linked to nobody else. */
export async function checkUserPerson(personId: string | undefined, userId: string): Promise<FieldErrors> {
  if (!personId) return {};
  const person = await db.person.findUnique({ where: { id: personId }, select: { kind: true, deletedAt: true, user: { select: { id: true } } } });
  if (person?.user?.id === userId) return {};
  if (!person || person.deletedAt || person.kind !== "staff") return { personId: ["error.unknownChoice"] };
  if (person.user) return { personId: ["error.personTaken"] };
  return {};
}

export async function emailTaken(email: string) {
  return (await db.user.count({ where: { email: email.trim().toLowerCase() } })) > 0;
}

// ───────────── Sessions ─────────────

/** The id of the session making this request, so that a password change can end the others and keep it. */
export const currentSessionId = sessionIdFrom;

/** Signs the user out everywhere (or everywhere but `exceptSessionId`). Returns how many sessions ended. */
export async function endSessions(client: Tx | typeof db, userId: string, exceptSessionId?: string | null) {
  const { count } = await client.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
  return count;
}

// ───────────── Changes (all audited) ─────────────

async function snapshot(tx: Tx, id: string) {
  const u = await tx.user.findUniqueOrThrow({ where: { id }, select: publicFields });
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    active: u.active,
    personId: u.personId,
    version: u.version,
    updatedAt: u.updatedAt.toISOString(),
  };
}
export type UserSnapshot = Awaited<ReturnType<typeof snapshot>>;

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && "code" in error && (error as { code?: unknown }).code === "P2002";
}

export type CreateUserResult = { ok: true; id: string } | { ok: false; fieldErrors: FieldErrors };

export async function createUser(values: UserCreateValues, actorId: string): Promise<CreateUserResult> {
  const email = values.email.trim().toLowerCase();
  if (await emailTaken(email)) return { ok: false, fieldErrors: { email: ["error.emailTaken"] } };
  const passwordHash = await hashPassword(values.password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email, name: values.name, role: values.role, locale: values.locale ?? null, passwordHash },
        select: { id: true },
      });
      await recordAudit(tx, { userId: actorId, action: "create", entityType: "User", entityId: created.id, after: await snapshot(tx, created.id) });
      return created;
    });
    return { ok: true, id: user.id };
  } catch (error) {
    // Someone created the same email in the meantime.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { email: ["error.emailTaken"] } };
    throw error;
  }
}

async function lastEditorName(tx: Tx, id: string) {
  const event = await tx.auditEvent.findFirst({
    where: { entityType: "User", entityId: id },
    orderBy: { at: "desc" },
    select: { user: { select: { name: true } } },
  });
  return event?.user?.name ?? null;
}

export type UpdateUserResult =
  | { ok: true; sessionsEnded: boolean }
  | { ok: false; notFound: true }
  | { ok: false; conflict: UserSnapshot & { updatedByName: string | null } }
  | { ok: false; formError: "error.cannotDemoteSelf" | "error.cannotDeactivateSelf" | "error.lastAdmin" };

/**
 * Saves name, role, language, active and the linked person over version `version` only.
 * Nobody may demote or deactivate themself, and the last active administrator stays one.
 * A role change or a deactivation ends the user's sessions: they sign in again with the new rights.
 */
export async function updateUser(id: string, values: UserUpdateValues, actorId: string): Promise<UpdateUserResult> {
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, select: { role: true, active: true, version: true } });
    if (!current) return { ok: false, notFound: true };
    const conflict = async () => ({ ok: false as const, conflict: { ...(await snapshot(tx, id)), updatedByName: await lastEditorName(tx, id) } });
    if (current.version !== values.version) return conflict();

    const wasActiveAdmin = current.active && current.role === "admin";
    const staysActiveAdmin = values.active && values.role === "admin";
    if (wasActiveAdmin && !staysActiveAdmin) {
      if (id === actorId) return { ok: false, formError: values.role !== "admin" ? "error.cannotDemoteSelf" : "error.cannotDeactivateSelf" };
      const otherAdmins = await tx.user.count({ where: { role: "admin", active: true, id: { not: id } } });
      if (otherAdmins === 0) return { ok: false, formError: "error.lastAdmin" };
    }

    const before = await snapshot(tx, id);
    // The version check is repeated in the write itself, so that two saves at once cannot both pass.
    const written = await tx.user.updateMany({
      where: { id, version: values.version },
      data: {
        name: values.name,
        role: values.role,
        locale: values.locale ?? null,
        active: values.active,
        personId: values.personId || null,
        version: { increment: 1 },
      },
    });
    if (written.count === 0) return conflict();
    const endsSessions = current.role !== values.role || (current.active && !values.active);
    if (endsSessions) await endSessions(tx, id);
    await recordAudit(tx, { userId: actorId, action: "update", entityType: "User", entityId: id, before, after: await snapshot(tx, id) });
    return { ok: true, sessionsEnded: endsSessions };
  });
}

/**
 * An administrator sets a new password for someone: their sessions end and a lock is lifted.
 * The audit log says that the password changed, never what it is.
 */
export async function setUserPassword(id: string, password: string, actorId: string): Promise<{ ok: true } | { ok: false; notFound: true }> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, select: { id: true } });
    if (!current) return { ok: false, notFound: true };
    await tx.user.update({ where: { id }, data: { passwordHash, failedLogins: 0, lockedUntil: null } });
    const sessionsEnded = await endSessions(tx, id);
    await recordAudit(tx, { userId: actorId, action: "update", entityType: "User", entityId: id, after: { password: "changed", sessionsEnded } });
    return { ok: true };
  });
}

/** Lifts the pause on sign-in after too many failed attempts. */
export async function unlockUser(id: string, actorId: string): Promise<{ ok: true } | { ok: false; notFound: true }> {
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, select: { failedLogins: true, lockedUntil: true } });
    if (!current) return { ok: false, notFound: true };
    await tx.user.update({ where: { id }, data: { failedLogins: 0, lockedUntil: null } });
    await recordAudit(tx, {
      userId: actorId,
      action: "update",
      entityType: "User",
      entityId: id,
      before: { failedLogins: current.failedLogins, lockedUntil: current.lockedUntil?.toISOString() ?? null },
      after: { failedLogins: 0, lockedUntil: null },
    });
    return { ok: true };
  });
}

export type ChangePasswordResult = { ok: true; sessionsEnded: number } | { ok: false; fieldErrors: FieldErrors };

/**
 * A signed-in user changes their own password. The current password must be right; every other
 * session of the user ends, the one of this request (`keepSessionId`) stays.
 */
export async function changeOwnPassword(
  userId: string,
  values: { currentPassword: string; newPassword: string },
  keepSessionId: string | null,
): Promise<ChangePasswordResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user || !(await verifyPassword(values.currentPassword, user.passwordHash))) {
    return { ok: false, fieldErrors: { currentPassword: ["error.currentPasswordWrong"] } };
  }
  if (samePasswordAsEmail(values.newPassword, user.email)) return { ok: false, fieldErrors: { newPassword: ["error.passwordIsEmail"] } };
  const passwordHash = await hashPassword(values.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const sessionsEnded = await endSessions(tx, userId, keepSessionId);
    await recordAudit(tx, { userId, action: "update", entityType: "User", entityId: userId, after: { password: "changed", sessionsEnded } });
    return { ok: true, sessionsEnded };
  });
}
