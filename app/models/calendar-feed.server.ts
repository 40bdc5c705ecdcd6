// Personal calendar feeds (docs/decisions/015): a random token of 43 characters (32 bytes, base64url)
// in a secret URL; only its SHA-256 is stored, so the URL is shown once, when it is made. Renewing
// replaces the hash (the old URL answers 404 at once); revoking deletes it.
import crypto from "node:crypto";
import { db } from "~/utils/db.server";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Makes a new token for the user (replacing any earlier one) and returns it: the only time it exists in clear. */
export async function createFeedToken(userId: string) {
  const token = crypto.randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  await db.calendarFeed.upsert({ where: { userId }, create: { userId, tokenHash }, update: { tokenHash, createdAt: new Date(), usedAt: null } });
  return token;
}

export async function revokeFeed(userId: string) {
  await db.calendarFeed.deleteMany({ where: { userId } });
}

export async function feedStatus(userId: string) {
  return db.calendarFeed.findUnique({ where: { userId }, select: { createdAt: true, usedAt: true } });
}

export function feedPath(token: string) {
  return `/ics/${token}.ics`;
}

/** The active user a token belongs to, or null (unknown, revoked, malformed, or the account is deactivated). */
export async function feedUser(token: string) {
  if (!TOKEN.test(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, user: { select: { id: true, role: true, locale: true, active: true, name: true } } },
  });
  if (!feed || !feed.user.active) return null;
  // Calendar applications poll often: note the use at most once an hour rather than write on every fetch.
  if (!feed.usedAt || Date.now() - feed.usedAt.getTime() > 3_600_000) {
    await db.calendarFeed.update({ where: { userId: feed.user.id }, data: { usedAt: new Date() } });
  }
  return feed.user;
}
