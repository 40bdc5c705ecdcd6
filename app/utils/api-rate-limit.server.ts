// How often the read API (/api/v1) answers one token, and one client address that sends bad tokens
// (docs/decisions/017). In memory: one server process holds the counts (a restart forgets them).
// Fixed windows of a minute from a key's first request: the whole minute's allowance may be spent at
// once (a burst), then the key waits for the window's end.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "~/utils/env.server";

export type ApiLimits = { perToken: number; badPerAddress: number };

const WINDOW_SECONDS = 60;

function limiters({ perToken, badPerAddress }: ApiLimits) {
  return {
    limits: { perToken, badPerAddress },
    token: new RateLimiterMemory({ keyPrefix: "api-token", points: perToken, duration: WINDOW_SECONDS }),
    address: new RateLimiterMemory({ keyPrefix: "api-address", points: badPerAddress, duration: WINDOW_SECONDS }),
  };
}

let current = limiters({ perToken: config.apiRateLimit, badPerAddress: config.apiBadTokenLimit });

/** Starts counting afresh with these limits (tests; the server reads them from its configuration). */
export function resetApiLimits(limits: ApiLimits = current.limits) {
  current = limiters(limits);
}

export function apiLimits(): ApiLimits {
  return current.limits;
}

export type LimitResult = { ok: true; remaining: number } | { ok: false; retryAfter: number };

/** Whole seconds until the window ends (at least 1, as Retry-After wants a positive number). */
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

async function consume(limiter: RateLimiterMemory, key: string): Promise<LimitResult> {
  try {
    const res = await limiter.consume(key);
    return { ok: true, remaining: res.remainingPoints };
  } catch (rejected) {
    // The memory limiter rejects with the counts when the key is over its limit, and never otherwise.
    if (rejected instanceof RateLimiterRes) return { ok: false, retryAfter: seconds(rejected.msBeforeNext) };
    throw rejected;
  }
}

/** One request with a valid token (keyed by the token's hash, never the token). */
export function takeTokenRequest(tokenHash: string) {
  return consume(current.token, tokenHash);
}

/** One request with a missing, malformed or unknown token from this address. */
export function takeBadTokenRequest(address: string) {
  return consume(current.address, address);
}

/** Whether this address has used up its bad-token allowance: then no token it sends is even looked up. */
export async function addressBlocked(address: string): Promise<LimitResult> {
  const res = await current.address.get(address);
  // A window that has ended counts nothing, even before its key is swept away.
  if (res && res.msBeforeNext > 0 && res.consumedPoints >= current.limits.badPerAddress) return { ok: false, retryAfter: seconds(res.msBeforeNext) };
  return { ok: true, remaining: res && res.msBeforeNext > 0 ? Math.max(0, current.limits.badPerAddress - res.consumedPoints) : current.limits.badPerAddress };
}
