// The public page (docs/decisions/018): off by default and then 404 everywhere; when on, only the
// demands marked public and not in the trash, only the allow-listed fields (PUBLIC_FIELDS), in
// Japanese or English, for anyone.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { moveToTrash } from "~/models/trash.server";
import { PUBLIC_FIELDS } from "~/models/visibility";
import { loader as listLoader } from "~/routes/public._index";
import { loader as demandLoader } from "~/routes/public.demands.$demandId";
import { loader as demandsLoader } from "~/routes/demands._index";
import { loader as demandPageLoader } from "~/routes/demands.$demandId._index";
import { loader as boardLoader } from "~/routes/status-board";
import { db } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { parseConfig } from "../../server/config.js";
import { args, makeRequest, payload, run, statusOf, type DemoRole } from "../request";

const list = async (search = "", opts: { role?: DemoRole; headers?: Record<string, string> } = {}) =>
  run(async () => listLoader(args(await makeRequest(`/public${search}`, opts))));
const page = async (id: string, search = "", opts: { role?: DemoRole; headers?: Record<string, string> } = {}) =>
  run(async () => demandLoader(args(await makeRequest(`/public/demands/${id}${search}`, opts), { demandId: id })));

const keysOf = (list: object) => Object.keys(list).sort();

let publicIds: string[];
let d014: string;
let hidden: string;

beforeAll(async () => {
  publicIds = (await db.demand.findMany({ where: { isPublic: true, deletedAt: null }, select: { id: true } })).map((d) => d.id);
  d014 = (await db.demand.findUniqueOrThrow({ where: { ref: "D-014" } })).id;
  hidden = (await db.demand.findUniqueOrThrow({ where: { ref: "D-011" } })).id;
});

afterEach(() => {
  config.publicPage = true;
});

describe("the switch", () => {
  it("is off unless PUBLIC_PAGE is true or 1", () => {
    const env = { NODE_ENV: "test" } as const;
    expect(parseConfig(env).publicPage).toBe(false);
    expect(parseConfig({ ...env, PUBLIC_PAGE: "false" }).publicPage).toBe(false);
    expect(parseConfig({ ...env, PUBLIC_PAGE: "true" }).publicPage).toBe(true);
    expect(parseConfig({ ...env, PUBLIC_PAGE: "1" }).publicPage).toBe(true);
    expect(() => parseConfig({ ...env, PUBLIC_PAGE: "yes please" })).toThrow(/PUBLIC_PAGE/);
  });

  it("off: every public route answers a plain 404, to anyone, for any demand", async () => {
    config.publicPage = false;
    for (const role of [undefined, "member", "staff"] as const) {
      const listed = await list("", { role });
      expect(statusOf(listed)).toBe(404);
      expect(listed instanceof Response ? await listed.text() : "").toBe("Not found");
      expect(statusOf(await page(d014, "", { role }))).toBe(404);
    }
  });
});

describe("the list", () => {
  it("shows the public, live demands only, in reference order, with allow-listed fields", async () => {
    const data = payload(await list());
    expect(publicIds.length).toBeGreaterThanOrEqual(4);
    expect(data.demands.map((d) => d.id).sort()).toEqual([...publicIds].sort());
    expect(data.demands.map((d) => d.ref)).toEqual([...data.demands.map((d) => d.ref)].sort());
    expect(data.demands.map((d) => d.id)).not.toContain(hidden);
    for (const d of data.demands) {
      expect(keysOf(d)).toEqual(keysOf(PUBLIC_FIELDS.listedDemand));
      for (const b of d.targetBodies) expect(keysOf(b)).toEqual(keysOf(PUBLIC_FIELDS.listedDemand.targetBodies[0]));
    }
    const row = data.demands.find((d) => d.id === d014);
    expect(row).toMatchObject({ ref: "D-014", status: "partially_reflected" });
    expect(row?.sinceOn).toMatch(/^\d{4}/);
    expect(row?.targetBodies.map((b) => b.nameEn)).toContain("National Police Agency");
  });

  it("filters by theme and status, and offers only the themes public demands have", async () => {
    const all = payload(await list());
    const theme = await db.theme.findUniqueOrThrow({ where: { slug: "migrant-women-dv" } });
    expect(all.themes.map((t) => t.id)).toContain(theme.id);
    const used = await db.theme.findMany({ where: { demands: { some: { demand: { isPublic: true, deletedAt: null } } } } });
    expect(all.themes).toHaveLength(used.length);

    const byTheme = payload(await list(`?theme=${theme.id}`));
    expect(byTheme.demands.map((d) => d.ref)).toEqual(["D-014"]);
    const byStatus = payload(await list("?status=open"));
    expect(byStatus.demands.every((d) => d.status === "open")).toBe(true);
    expect(byStatus.demands.map((d) => d.ref)).not.toContain("D-014");
    // A made-up status is no filter.
    expect(payload(await list("?status=bogus")).demands).toHaveLength(all.demands.length);
  });

  it("drops a demand no longer public or moved to the trash", async () => {
    const staff = await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } });
    const demand = await db.demand.create({ data: { ref: "D-900", titleJa: "公開試験", titleEn: "Public test", isPublic: true } });
    expect(payload(await list()).demands.map((d) => d.ref)).toContain("D-900");
    expect(statusOf(await page(demand.id))).toBe(200);

    await db.demand.update({ where: { id: demand.id }, data: { isPublic: false } });
    expect(payload(await list()).demands.map((d) => d.ref)).not.toContain("D-900");
    expect(statusOf(await page(demand.id))).toBe(404);

    await db.demand.update({ where: { id: demand.id }, data: { isPublic: true } });
    await moveToTrash("Demand", demand.id, staff.id, "en");
    expect(payload(await list()).demands.map((d) => d.ref)).not.toContain("D-900");
    expect(statusOf(await page(demand.id))).toBe(404);
  });

  it("speaks the visitor's language and may be cached for a minute (by shared caches only when nobody is signed in)", async () => {
    const en = await list("", { headers: { "Accept-Language": "en-GB,en;q=0.9" } });
    expect(payload(en).locale).toBe("en");
    expect(payload(await list("", { headers: { "Accept-Language": "ja" } })).locale).toBe("ja");
    expect(payload(await list("", { headers: { "Accept-Language": "ja", Cookie: 'lang=ImVuIg%3D%3D' } })).locale).toBe("en");
    const headersOf = (r: unknown) => new Headers((r as { init?: { headers?: HeadersInit } }).init?.headers);
    expect(headersOf(en).get("Cache-Control")).toBe("public, max-age=60");
    expect(headersOf(en).get("Vary")).toContain("Accept-Language");
    expect(headersOf(await list("", { role: "member" })).get("Cache-Control")).toBe("private, max-age=60");
  });
});

describe("a public demand", () => {
  it("answers 404 for a demand not marked public and for an unknown id", async () => {
    expect(statusOf(await page(hidden))).toBe(404);
    expect(statusOf(await page(hidden, "", { role: "staff" }))).toBe(404);
    expect(statusOf(await page("no-such-demand"))).toBe(404);
  });

  it("shows its public fields and its public timeline, nothing staff-only", async () => {
    // Staff-only and private texts on everything this demand's timeline touches.
    const secret = "zqprivate";
    await db.request.updateMany({ data: { internalNote: `${secret}-request` } });
    await db.negotiationRound.updateMany({ data: { internalNote: `${secret}-round` } });
    await db.agendaItem.updateMany({ where: { demandId: d014 }, data: { internalNote: `${secret}-item`, answerText: `${secret}-answer`, followUpNote: `${secret}-followup`, followUpOn: "2030-01" } });
    await db.outcome.updateMany({ where: { demandId: d014 }, data: { internalNote: `${secret}-outcome`, note: `${secret}-outcome-note` } });
    await db.demand.update({ where: { id: d014 }, data: { body: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `${secret}-body` }] }] }) } });
    const override = await db.demandStatusOverride.create({ data: { demandId: d014, status: "reflected", reason: `${secret}-override`, fromOn: "2012-01" } });

    const data = payload(await page(d014, "", { headers: { "Accept-Language": "en" } }));
    const text = JSON.stringify(data);
    expect(text).not.toContain(secret);
    expect(text).not.toContain("internalNote");
    expect(text).not.toContain("assessment");
    expect(data.locale).toBe("en");

    const { demand, events } = data.page;
    expect(keysOf(demand)).toEqual(keysOf(PUBLIC_FIELDS.demand));
    expect(demand).toMatchObject({ ref: "D-014", status: "reflected", sinceOn: "2012-01" });
    const channels = new Set(events.map((e) => e.channel));
    for (const c of ["request", "round", "outcome", "status"]) expect(channels, c).toContain(c);
    expect(channels).not.toContain("commitment");
    for (const e of events) {
      const allowed = PUBLIC_FIELDS.event[e.channel];
      expect(keysOf(e).every((k) => k in allowed), `${e.channel}: ${keysOf(e).join(",")}`).toBe(true);
    }
    const outcome = events.find((e) => e.channel === "outcome");
    expect(outcome?.channel === "outcome" ? keysOf(outcome.outcome) : []).toEqual(expect.arrayContaining(["degree", "occurredOn", "quoteJa"]));
    await db.demandStatusOverride.delete({ where: { id: override.id } });
  });

  it("pages a long timeline", async () => {
    const first = payload(await page(d014));
    expect(first.page.page).toBe(1);
    expect(first.page.total).toBeGreaterThan(0);
    const beyond = payload(await page(d014, "?page=99"));
    expect(beyond.page.page).toBe(first.page.pageCount);
  });
});

describe("the staff side", () => {
  it("filters the demand list and the status board to the public demands, each marked", async () => {
    const demands = payload(await run(async () => demandsLoader(args(await makeRequest("/demands?public=1&state=all", { role: "staff" })))));
    expect(demands.items.map((d) => d.id).sort()).toEqual([...publicIds].sort());
    expect(demands.items.every((d) => d.isPublic)).toBe(true);
    const theme = await db.theme.findUniqueOrThrow({ where: { slug: "migrant-women-dv" } });
    // The theme filter takes another path through the list (listFiltered).
    const themed = payload(await run(async () => demandsLoader(args(await makeRequest(`/demands?public=1&theme=${theme.id}`, { role: "staff" })))));
    expect(themed.items.map((d) => d.ref)).toEqual(["D-014"]);
    const everything = payload(await run(async () => demandsLoader(args(await makeRequest("/demands?state=all", { role: "staff" })))));
    expect(everything.total).toBeGreaterThan(publicIds.length);

    const board = payload(await run(async () => boardLoader(args(await makeRequest("/status-board?public=1&state=all&group=none", { role: "staff" })))));
    expect(board.rows.map((r) => r.fact.id).sort()).toEqual([...publicIds].sort());
    expect(board.rows.every((r) => r.fact.isPublic)).toBe(true);
  });

  it("tells staff on the demand page whether the public page shows the demand", async () => {
    const open = async (role: DemoRole) => payload(await run(async () => demandPageLoader(args(await makeRequest(`/demands/${d014}`, { role }), { demandId: d014 }))));
    expect(await open("staff")).toMatchObject({ publicPage: true, showInternal: true, demand: { isPublic: true } });
    config.publicPage = false;
    expect((await open("staff")).publicPage).toBe(false);
  });
});
