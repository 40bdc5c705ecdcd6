// Personal API tokens: made at random, kept only as their SHA-256, shown once (docs/decisions/017).
import crypto from "node:crypto";
import { TOKEN_PATTERN, TOKENS_PER_USER } from "~/models/api-token";
import { recordAudit } from "~/models/audit.server";
import { db } from "~/utils/db.server";

export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export function newToken() {
  return `at_${crypto.randomBytes(32).toString("base64url")}`;
}

/** The user's tokens, newest first, live ones before revoked ones. Never the hash. */
export function listTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export type CreateTokenResult = { ok: true; token: string; id: string } | { ok: false; fieldErrors: Record<string, string[]> };

/** Makes a token for the user; the token itself is returned here and nowhere else, ever. */
export async function createToken(userId: string, name: string): Promise<CreateTokenResult> {
  const live = await db.apiToken.count({ where: { userId, revokedAt: null } });
  if (live >= TOKENS_PER_USER) return { ok: false, fieldErrors: { name: ["apiToken.tooMany"] } };
  const token = newToken();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId, name, tokenHash: hashToken(token), prefix: token.slice(0, 10) } });
    await recordAudit(tx, { userId, action: "create", entityType: "ApiToken", entityId: row.id, after: { name, prefix: row.prefix } });
    return row;
  });
  return { ok: true, token, id: created.id };
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeToken(userId: string, tokenId: string) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count) await recordAudit(tx, { userId, action: "delete", entityType: "ApiToken", entityId: tokenId });
    return count > 0;
  });
}

/** The active user a bearer token belongs to, or null (unknown, revoked, malformed, deactivated). */
export async function userForToken(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, name: true, role: true, locale: true, active: true } } },
  });
  if (!row || row.revokedAt || !row.user.active) return null;
  // Written at most once a minute per token, so that reading the API is not a stream of writes.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}
