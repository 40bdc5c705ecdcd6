// The read API (/api/v1) and its tokens: bearer sign-in and its refusals as JSON, what each role
// receives, paging and filters, and the settings page that makes and revokes tokens.
import { beforeAll, describe, expect, it } from "vitest";
import { createToken, hashToken, revokeToken } from "~/models/api-token.server";
import { loader as bodiesLoader } from "~/routes/api.v1.bodies";
import { loader as demandLoader } from "~/routes/api.v1.demands.$demandId";
import { loader as demandsLoader } from "~/routes/api.v1.demands._index";
import { loader as outcomesLoader } from "~/routes/api.v1.outcomes";
import { action as tokensAction, loader as tokensLoader } from "~/routes/settings.api-tokens";
import { db } from "~/utils/db.server";
import { DEMO, args, makeRequest, payload, run, statusOf } from "../request";

type Loader = typeof demandsLoader;
const tokens: Record<"member" | "staff", string> = { member: "", staff: "" };

async function get(loader: Loader, url: string, token?: string, params: Record<string, string> = {}) {
  const result = await run(() => loader(args(new Request(new URL(url, "http://localhost"), { headers: token ? { Authorization: `Bearer ${token}` } : {} }), params)));
  if (!(result instanceof Response)) throw new Error("the API answers with a Response");
  expect(result.headers.get("Content-Type")).toContain("application/json");
  return { status: result.status, body: (await result.json()) as Record<string, never>, headers: result.headers };
}

beforeAll(async () => {
  for (const role of ["member", "staff"] as const) {
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO[role].email } });
    const made = await createToken(user.id, `test ${role}`);
    if (!made.ok) throw new Error("no token");
    tokens[role] = made.token;
  }
});

describe("tokens", () => {
  it("are long and random, and only their hash is stored", async () => {
    expect(tokens.member).toMatch(/^at_[A-Za-z0-9_-]{43}$/);
    expect(tokens.member).not.toBe(tokens.staff);
    const rows = await db.apiToken.findMany();
    expect(rows.map((r) => r.tokenHash)).toContain(hashToken(tokens.member));
    expect(JSON.stringify(rows)).not.toContain(tokens.member);
  });

  it("without, with a malformed or an unknown token the answer is a JSON 401", async () => {
    for (const header of [undefined, "not-a-token", `at_${"x".repeat(43)}`]) {
      const r = await get(demandsLoader, "/api/v1/demands", header);
      expect(r.status).toBe(401);
      expect(r.body.error).toMatchObject({ status: 401, code: "unauthorized" });
      expect(r.headers.get("WWW-Authenticate")).toContain("Bearer");
    }
  });

  it("a session cookie does not sign in to the API (no cookies, so no CSRF)", async () => {
    const request = await makeRequest("/api/v1/demands", { role: "staff" });
    const result = await run(() => demandsLoader(args(request)));
    expect(statusOf(result)).toBe(401);
  });

  it("a revoked token, or the token of a deactivated account, no longer works", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO.member.email } });
    const made = await createToken(user.id, "to revoke");
    if (!made.ok) throw new Error("no token");
    expect((await get(bodiesLoader, "/api/v1/bodies", made.token)).status).toBe(200);
    expect(await revokeToken(user.id, made.id)).toBe(true);
    expect((await get(bodiesLoader, "/api/v1/bodies", made.token)).status).toBe(401);

    const other = await createToken(user.id, "deactivated");
    if (!other.ok) throw new Error("no token");
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    try {
      expect((await get(bodiesLoader, "/api/v1/bodies", other.token)).status).toBe(401);
    } finally {
      await db.user.update({ where: { id: user.id }, data: { active: true } });
    }
  });

  it("another user cannot revoke my token", async () => {
    const staff = await db.user.findUniqueOrThrow({ where: { email: DEMO.staff.email } });
    const mine = await db.apiToken.findFirstOrThrow({ where: { tokenHash: hashToken(tokens.member) } });
    expect(await revokeToken(staff.id, mine.id)).toBe(false);
    expect((await get(bodiesLoader, "/api/v1/bodies", tokens.member)).status).toBe(200);
  });
});

describe("demands", () => {
  it("lists demands with their status, in pages", async () => {
    const all = await get(demandsLoader, "/api/v1/demands?state=all&per_page=100", tokens.member);
    expect(all.status).toBe(200);
    const total = await db.demand.count({ where: { deletedAt: null } });
    expect(all.body.paging).toMatchObject({ total, page: 1, perPage: 100, next: null });
    const first = await get(demandsLoader, "/api/v1/demands?state=all&per_page=5", tokens.member);
    const second = await get(demandsLoader, "/api/v1/demands?state=all&per_page=5&page=2", tokens.member);
    const refs = (r: typeof first) => (r.body.data as Array<{ ref: string }>).map((d) => d.ref);
    expect(refs(first)).toHaveLength(5);
    expect(refs(second)).toHaveLength(5);
    expect(refs(first).concat(refs(second))).toEqual(refs(all).slice(0, 10));
    expect(first.body.paging).toMatchObject({ pageCount: Math.ceil(total / 5), next: "/api/v1/demands?state=all&per_page=5&page=2" });
    const d = (all.body.data as Array<Record<string, unknown>>)[0];
    expect(Object.keys(d)).toEqual(expect.arrayContaining(["id", "ref", "titleJa", "titleEn", "status", "statusSince", "lastActivityOn", "network", "themes", "targetBodies"]));
  });

  it("filters by status and refuses bad parameters with a JSON 400", async () => {
    const reflected = await get(demandsLoader, "/api/v1/demands?state=all&status=partially_reflected&per_page=100", tokens.member);
    const items = reflected.body.data as Array<{ status: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((d) => d.status === "partially_reflected")).toBe(true);
    for (const q of ["status=nonsense", "per_page=1000", "page=0", "year=07", "state=gone"]) {
      const r = await get(demandsLoader, `/api/v1/demands?${q}`, tokens.member);
      expect(r.status, q).toBe(400);
      expect(r.body.error).toMatchObject({ code: "bad_request" });
    }
  });

  it("gives one demand by id or reference with its timeline; members get no internal note, staff do", async () => {
    const outcome = await db.outcome.findFirstOrThrow({ where: { internalNote: { not: null }, deletedAt: null }, include: { demand: true } });
    const asMember = await get(demandLoader, `/api/v1/demands/${outcome.demand.ref.toLowerCase()}`, tokens.member, { demandId: outcome.demand.ref.toLowerCase() });
    expect(asMember.status).toBe(200);
    const data = asMember.body.data as { demand: { id: string; status: string }; timeline: { events: unknown[] } };
    expect(data.demand.id).toBe(outcome.demandId);
    expect(data.timeline.events.length).toBeGreaterThan(0);
    const memberText = JSON.stringify(asMember.body);
    expect(memberText).not.toContain(outcome.internalNote as string);
    const asStaff = await get(demandLoader, `/api/v1/demands/${outcome.demandId}`, tokens.staff, { demandId: outcome.demandId });
    expect(JSON.stringify(asStaff.body)).toContain(outcome.internalNote as string);
  });

  it("answers 404 as JSON for a demand that does not exist or is in the trash", async () => {
    const r = await get(demandLoader, "/api/v1/demands/nope", tokens.member, { demandId: "nope" });
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: "not_found" });
    const d = await db.demand.create({ data: { ref: "D-TRASH", titleJa: "ごみ箱", titleEn: "Trash", deletedAt: new Date() } });
    expect((await get(demandLoader, `/api/v1/demands/${d.id}`, tokens.staff, { demandId: d.id })).status).toBe(404);
  });
});

describe("bodies and outcomes", () => {
  it("pages the bodies", async () => {
    const total = await db.body.count({ where: { deletedAt: null } });
    const r = await get(bodiesLoader, "/api/v1/bodies?per_page=3&page=2", tokens.member);
    expect(r.body.paging).toMatchObject({ total, page: 2, perPage: 3 });
    expect((r.body.data as unknown[]).length).toBe(Math.min(3, total - 3));
  });

  it("gives outcomes with the internal note only to staff, filtered by demand, degree and year", async () => {
    const noted = await db.outcome.findFirstOrThrow({ where: { internalNote: { not: null }, deletedAt: null }, include: { demand: true } });
    const url = `/api/v1/outcomes?demand=${noted.demand.ref}&per_page=100`;
    const member = (await get(outcomesLoader, url, tokens.member)).body.data as Array<{ id: string; internalNote: string | null; demand: { id: string } }>;
    const staff = (await get(outcomesLoader, url, tokens.staff)).body.data as Array<{ id: string; internalNote: string | null }>;
    expect(member.every((o) => o.demand.id === noted.demandId)).toBe(true);
    expect(member.find((o) => o.id === noted.id)?.internalNote).toBeNull();
    expect(staff.find((o) => o.id === noted.id)?.internalNote).toBe(noted.internalNote);
    const year = noted.occurredOn.slice(0, 4);
    const byYear = (await get(outcomesLoader, `/api/v1/outcomes?year=${year}&degree=${noted.degree}&per_page=100`, tokens.member)).body.data as Array<{ occurredOn: string; degree: string }>;
    expect(byYear.length).toBeGreaterThan(0);
    expect(byYear.every((o) => o.occurredOn.startsWith(year) && o.degree === noted.degree)).toBe(true);
    expect((await get(outcomesLoader, "/api/v1/outcomes?degree=great", tokens.member)).status).toBe(400);
  });
});

describe("/settings/api-tokens", () => {
  it("creates a token shown once, lists it by its prefix only, and revokes it", async () => {
    const created = payload(await tokensAction(args(await makeRequest("/settings/api-tokens", { role: "staff", method: "POST", form: { intent: "create", name: "年次報告スクリプト" } }))));
    const token = created.created?.token ?? "";
    expect(token).toMatch(/^at_/);
    expect((await get(bodiesLoader, "/api/v1/bodies", token)).status).toBe(200);
    const list = payload(await tokensLoader(args(await makeRequest("/settings/api-tokens", { role: "staff" }))));
    const row = list.tokens.find((t) => t.name === "年次報告スクリプト");
    expect(row?.prefix).toBe(token.slice(0, 10));
    expect(JSON.stringify(list)).not.toContain(token);
    const revoked = await run(() => tokensAction(args(new Request("http://localhost/settings/api-tokens", { method: "POST" }))));
    expect(statusOf(revoked)).toBe(302);
    await tokensAction(args(await makeRequest("/settings/api-tokens", { role: "staff", method: "POST", form: { intent: "revoke", tokenId: row?.id ?? "" } })));
    expect((await get(bodiesLoader, "/api/v1/bodies", token)).status).toBe(401);
  });

  it("keeps a refused name's errors by the field", async () => {
    const result = await run(() => tokensAction(args(makeRequestSync())));
    expect(statusOf(result)).toBe(302);
    const refused = await tokensAction(args(await makeRequest("/settings/api-tokens", { role: "member", method: "POST", form: { intent: "create", name: "x".repeat(200) } })));
    expect(statusOf(refused)).toBe(400);
    expect(payload(refused).result.error?.name).toEqual(["error.tooLong"]);
  });
});

function makeRequestSync() {
  return new Request("http://localhost/settings/api-tokens", { method: "POST", body: new URLSearchParams({ intent: "create", name: "anonymous" }) });
}
