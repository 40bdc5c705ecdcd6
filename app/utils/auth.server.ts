// Sessions are rows in the database, named by a random id in a signed, HttpOnly cookie, so that
// a session can be ended from the server (sign-out everywhere, deactivation, password change).
import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import bcrypt from "bcryptjs";
import { db } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { hasRole, type Role } from "~/models/roles";

const sessionCookie = createCookie("__session", {
  httpOnly: true,
  sameSite: "lax",
  secure: config.cookieSecure,
  path: "/",
  secrets: [config.sessionSecret()],
  maxAge: config.sessionDays * 24 * 60 * 60,
});

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
// Cost 12 (about a quarter second) in real use; tests hash with the minimum to stay fast.
const BCRYPT_COST = config.nodeEnv === "test" ? 4 : 12;
// Compared against when the email is unknown, so that both answers take the same time.
const DUMMY_HASH = bcrypt.hashSync("not a password of anyone", BCRYPT_COST);

/**
 * The password hash of an account restored from an export made without sign-in data (docs/decisions/017):
 * no password signs in until an administrator sets one on /admin/users/<id>.
 */
export const NO_PASSWORD = "";

export function hashPassword(password: string) {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string) {
  return bcrypt.compare(password, hash);
}

export async function sessionIdFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export type SessionUser = { id: string; email: string; name: string; role: Role; locale: string | null };

export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, locale: true, active: true } } },
  });
  if (!session || session.expiresAt < new Date() || !session.user.active) return null;
  const { active: _active, role, ...user } = session.user;
  return { ...user, role: hasRole(role, "admin") ? "admin" : hasRole(role, "staff") ? "staff" : "member" };
}

function loginUrl(request: Request) {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  return redirectTo === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo })}`;
}

/** The signed-in user with at least `role`; otherwise a redirect to sign in, or 403. */
export async function requireUser(request: Request, role: Role = "member"): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) throw redirect(loginUrl(request));
  if (!hasRole(user.role, role)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return user;
}

export const requireStaff = (request: Request) => requireUser(request, "staff");
export const requireAdmin = (request: Request) => requireUser(request, "admin");

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "locked" | "noPassword" };

// Failed sign-ins with emails that have no account, counted like an account's, so that the lockout
// does not tell which emails exist: the fifth failure answers "locked" for them too. Kept in memory
// (a restart forgets them); the oldest entries go first when it is full.
const UNKNOWN_EMAILS_KEPT = 10_000;
const unknownEmailFailures = new Map<string, { failedLogins: number; lockedUntil: number }>();

function unknownEmailFailure(email: string): "invalid" | "locked" {
  const now = Date.now();
  const entry = unknownEmailFailures.get(email) ?? { failedLogins: 0, lockedUntil: 0 };
  unknownEmailFailures.delete(email);
  if (entry.lockedUntil > now) {
    unknownEmailFailures.set(email, entry);
    return "locked";
  }
  const failedLogins = entry.failedLogins + 1;
  const lock = failedLogins >= MAX_FAILED_LOGINS;
  unknownEmailFailures.set(email, { failedLogins: lock ? 0 : failedLogins, lockedUntil: lock ? now + LOCKOUT_MINUTES * 60_000 : entry.lockedUntil });
  if (unknownEmailFailures.size > UNKNOWN_EMAILS_KEPT) unknownEmailFailures.delete(unknownEmailFailures.keys().next().value as string);
  return lock ? "locked" : "invalid";
}

/**
 * Checks email and password. Unknown emails, wrong passwords and deactivated accounts get the same
 * answer; after MAX_FAILED_LOGINS failures an account (or an email without one) is locked for
 * LOCKOUT_MINUTES.
 */
export async function verifySignIn(email: string, password: string): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: normalized } });
  if (!user) {
    await bcrypt.compare(password, DUMMY_HASH);
    return { ok: false, reason: unknownEmailFailure(normalized) };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    // Compared all the same, so that a locked account answers in the time the others take.
    await bcrypt.compare(password, user.passwordHash);
    return { ok: false, reason: "locked" };
  }
  if (user.passwordHash === NO_PASSWORD && user.active) {
    // Restored without sign-in data: nothing to guess, so no failure is counted. Saying so tells that the
    // email has an account — accepted, so that the person knows to ask an administrator.
    await bcrypt.compare(password, DUMMY_HASH);
    return { ok: false, reason: "noPassword" };
  }
  const valid = await verifyPassword(password, user.passwordHash);
  if (!valid || !user.active) {
    const failedLogins = user.failedLogins + 1;
    const lock = failedLogins >= MAX_FAILED_LOGINS;
    await db.user.update({
      where: { id: user.id },
      data: {
        failedLogins: lock ? 0 : failedLogins,
        lockedUntil: lock ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : user.lockedUntil,
      },
    });
    return { ok: false, reason: lock ? "locked" : "invalid" };
  }
  if (user.failedLogins > 0 || user.lockedUntil) {
    await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  }
  return { ok: true, userId: user.id };
}

/** Starts a new session (a new id: the one from before sign-in is dropped) and redirects. */
export async function createUserSession(request: Request, userId: string, redirectTo: string) {
  const previous = await sessionIdFrom(request);
  if (previous) await db.session.deleteMany({ where: { id: previous } });
  await db.session.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } });
  const id = crypto.randomBytes(32).toString("base64url");
  await db.session.create({
    data: { id, userId, expiresAt: new Date(Date.now() + config.sessionDays * 24 * 60 * 60 * 1000) },
  });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie.serialize(id) } });
}

export async function logout(request: Request, { everywhere = false } = {}) {
  const sessionId = await sessionIdFrom(request);
  if (sessionId) {
    if (everywhere) {
      const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true } });
      if (session) await db.session.deleteMany({ where: { userId: session.userId } });
    } else {
      await db.session.deleteMany({ where: { id: sessionId } });
    }
  }
  return redirect("/login", { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}

/** Only same-site paths: never send a user to another host after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // Browsers drop tabs and line breaks from a URL and read "\" as "/": "/\t/evil.example" and
  // "/\\evil.example" lead to another host.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://localhost";
  return new URL(to, base).origin === base ? to : fallback;
}
