// The read API's rate limits (docs/decisions/017): per token, and per client address for requests with
// a missing or bad token. The clock is moved with Vitest's fake Date, never by waiting.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createToken } from "~/models/api-token.server";
import { loader as bodiesLoader } from "~/routes/api.v1.bodies";
import { apiLimits, resetApiLimits } from "~/utils/api-rate-limit.server";
import { db } from "~/utils/db.server";
import { DEMO, args, run } from "../request";

const tokens: Record<"member" | "staff", string> = { member: "", staff: "" };

async function get(token: string | undefined, clientAddress = "198.51.100.7") {
  const request = new Request("http://localhost/api/v1/bodies?per_page=1", { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const result = await run(() => bodiesLoader({ ...args(request), context: { cspNonce: "", clientAddress } }));
  if (!(result instanceof Response)) throw new Error("the API answers with a Response");
  return result;
}

beforeAll(async () => {
  for (const role of ["member", "staff"] as const) {
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO[role].email } });
    const made = await createToken(user.id, `rate ${role}`);
    if (!made.ok) throw new Error("no token");
    tokens[role] = made.token;
  }
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-02T10:00:00Z"));
  resetApiLimits({ perToken: 120, badPerAddress: 20 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("per token", () => {
  it("answers 120 requests a minute, even all at once; the 121st gets a JSON 429 with Retry-After", async () => {
    expect(apiLimits()).toEqual({ perToken: 120, badPerAddress: 20 });
    for (let i = 0; i < 120; i++) {
      const ok = await get(tokens.member);
      if (ok.status !== 200) throw new Error(`request ${i + 1} answered ${ok.status}`);
    }
    vi.setSystemTime(new Date("2026-12-02T10:00:45Z"));
    const refused = await get(tokens.member);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Content-Type")).toContain("application/json");
    // The window opened at 10:00:00 and ends at 10:01:00: 15 seconds from now.
    expect(refused.headers.get("Retry-After")).toBe("15");
    const body = (await refused.json()) as { error: { status: number; code: string; message: string } };
    expect(body.error).toMatchObject({ status: 429, code: "too_many_requests" });
    expect(body.error.message).toContain("15 s");

    // Another token is unaffected.
    expect((await get(tokens.staff)).status).toBe(200);

    // A window later the token works again, with the full allowance.
    vi.setSystemTime(new Date("2026-12-02T10:01:00.001Z"));
    expect((await get(tokens.member)).status).toBe(200);
  });
});

describe("per address, for missing and bad tokens", () => {
  it("slows token guessing: after 20 bad tokens the address gets 429 without its tokens being looked up", async () => {
    for (let i = 0; i < 20; i++) {
      const bad = await get(i % 2 ? `at_${"x".repeat(42)}${i % 10}` : undefined);
      expect(bad.status).toBe(401);
    }
    const guess = await get(`at_${"y".repeat(43)}`);
    expect(guess.status).toBe(429);
    expect(Number(guess.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Even a valid token from that address waits: the answer must not tell a good guess from a bad one.
    expect((await get(tokens.member)).status).toBe(429);
    // Another address, and valid tokens there, are not held up.
    expect((await get(tokens.member, "203.0.113.9")).status).toBe(200);
    expect((await get(undefined, "203.0.113.9")).status).toBe(401);

    vi.setSystemTime(new Date("2026-12-02T10:01:01Z"));
    expect((await get(tokens.member)).status).toBe(200);
    expect((await get(undefined)).status).toBe(401);
  });

  it("does not count requests with a valid token against the address", async () => {
    for (let i = 0; i < 30; i++) expect((await get(tokens.staff, "192.0.2.1")).status).toBe(200);
    expect((await get(undefined, "192.0.2.1")).status).toBe(401);
  });
});
