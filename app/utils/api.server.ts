// The read API's plumbing (/api/v1, docs/decisions/017): bearer-token sign-in (no cookies, so no
// CSRF), JSON answers, and errors as JSON with the HTTP status. What the data holds is decided by
// app/models/visibility.ts from the token's user's role.
import { type AppLoadContext } from "@remix-run/node";
import { hashToken, userForToken } from "~/models/api-token.server";
import { hasRole, type Role } from "~/models/roles";
import { stripInternal } from "~/models/visibility";
import { addressBlocked, type LimitResult, takeBadTokenRequest, takeTokenRequest } from "~/utils/api-rate-limit.server";

export type ApiUser = NonNullable<Awaited<ReturnType<typeof userForToken>>>;

const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export function apiError(status: 400 | 401 | 403 | 404 | 429, code: string, message: string, extraHeaders: Record<string, string> = {}) {
  const extra: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {};
  return new Response(JSON.stringify({ error: { status, code, message } }), { status, headers: { ...headers, ...extra, ...extraHeaders } });
}

/** A 429 with Retry-After (seconds), or nothing when the request is within its allowance. */
function refuseOverLimit(result: LimitResult, message: string) {
  if (result.ok) return;
  throw apiError(429, "too_many_requests", `${message} Try again in ${result.retryAfter} s.`, { "Retry-After": String(result.retryAfter) });
}

/**
 * The token's user, or a thrown JSON error: 401 (no or bad token), 403 (role too low), 429 (too many
 * requests with this token, or too many bad tokens from this address). An address over its bad-token
 * allowance gets 429 before its token is even looked up, so that guessing learns nothing until the
 * window ends (docs/decisions/017).
 */
export async function requireApiUser(request: Request, context?: Pick<AppLoadContext, "clientAddress">, role: Role = "member"): Promise<ApiUser> {
  const address = context?.clientAddress || "unknown";
  const tooManyBad = "Too many requests without a valid token from this address.";
  refuseOverLimit(await addressBlocked(address), tooManyBad);
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    refuseOverLimit(await takeBadTokenRequest(address), tooManyBad);
    throw apiError(401, "unauthorized", "Send a personal API token: Authorization: Bearer <token> (made on /settings/api-tokens).");
  }
  const user = await userForToken(match[1]);
  if (!user) {
    refuseOverLimit(await takeBadTokenRequest(address), tooManyBad);
    throw apiError(401, "unauthorized", "The token is unknown, revoked, or its account is deactivated.");
  }
  refuseOverLimit(await takeTokenRequest(hashToken(match[1])), "Too many requests with this token.");
  if (!hasRole(user.role, role)) throw apiError(403, "forbidden", "The token's account may not read this.");
  return user;
}

/** A JSON answer for the user, with internal notes stripped once more unless the role may see them. */
export function apiJson(user: ApiUser, body: unknown, status = 200) {
  return new Response(JSON.stringify(stripInternal(body, user.role)), { status, headers });
}

/** `page` (from 1) and `per_page` (1 to 100, 25 by default) from the query string, or a 400. */
export function apiPaging(params: URLSearchParams) {
  const page = params.has("page") ? Number(params.get("page")) : 1;
  const perPage = params.has("per_page") ? Number(params.get("per_page")) : 25;
  if (!Number.isInteger(page) || page < 1 || page > 100_000) throw apiError(400, "bad_request", "page must be a whole number from 1.");
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw apiError(400, "bad_request", "per_page must be a whole number from 1 to 100.");
  return { page, perPage, skip: (page - 1) * perPage };
}

/** The paging block of a list answer, with the next page's URL when there is one. */
export function pagingOf(url: URL, { page, perPage }: { page: number; perPage: number }, total: number) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const next = new URL(url);
  next.searchParams.set("page", String(page + 1));
  return { page, perPage, total, pageCount: pages, next: page < pages ? `${next.pathname}${next.search}` : null };
}
