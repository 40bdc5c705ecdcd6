import { describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/demands._index";
import { loader as detailLoader } from "~/routes/demands.$demandId._index";
import { action as editAction, loader as editLoader } from "~/routes/demands.$demandId.edit";
import { action as newAction, loader as newLoader } from "~/routes/demands.new";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

async function demandByRef(ref: string) {
  return db.demand.findUniqueOrThrow({ where: { ref }, include: { themes: true, targets: true } });
}

describe("demand list", () => {
  it("sends anonymous visitors to sign in, keeping where they were going", async () => {
    const result = await run(async () => listLoader(args(await makeRequest("/demands?q=DV"))));
    expect(statusOf(result)).toBe(302);
    expect(result instanceof Response && result.headers.get("Location")).toBe("/login?redirectTo=%2Fdemands%3Fq%3DDV");
  });

  it("lets a member search in Japanese and page through", async () => {
    const result = await listLoader(args(await makeRequest("/demands?q=DV", { role: "member" })));
    expect(result.total).toBeGreaterThan(0);
    for (const d of result.items) expect(`${d.titleJa}${d.titleEn}${d.summaryJa}${d.summaryEn}`).toContain("DV");
    expect(result.canEdit).toBe(false);
    const all = await listLoader(args(await makeRequest("/demands?state=all", { role: "member" })));
    expect(all.total).toBeGreaterThanOrEqual(15);
  });

  it("filters by target body including the bodies below it", async () => {
    const moj = await db.body.findFirstOrThrow({ where: { nameEn: "Ministry of Justice" } });
    const result = await listLoader(args(await makeRequest(`/demands?body=${moj.id}&state=all`, { role: "staff" })));
    expect(result.total).toBeGreaterThan(0);
    const below = await db.body.findMany({ where: { OR: [{ id: moj.id }, { parentId: moj.id }, { parent: { parentId: moj.id } }] }, select: { id: true } });
    const ids = new Set(below.map((b) => b.id));
    for (const d of result.items) expect(d.targets.some((t) => ids.has(t.body.id))).toBe(true);
  });

  it("sorts by first raised date and ignores nonsense parameters", async () => {
    const result = await listLoader(args(await makeRequest("/demands?sort=raised&dir=asc&page=-4&state=bogus", { role: "member" })));
    const dates = result.items.map((d) => d.firstRaisedOn ?? "9999");
    expect(dates).toEqual([...dates].sort());
    expect(result.query.page).toBe(1);
    expect(result.query.state).toBe("active");
  });
});

describe("demand list under a theme or body filter", () => {
  // Without a search, these lists are sorted and paged in memory (listFiltered); with one, by SQLite.
  // A search that every reference matches ("-") gives the SQL order to compare with.
  it("orders and counts as SQLite does, in every sort, direction and state", async () => {
    const { listDemands } = await import("~/models/demand.server");
    const moj = await db.body.findFirstOrThrow({ where: { nameEn: "Ministry of Justice" } });
    const theme = await db.demandTheme.groupBy({ by: ["themeId"], _count: { _all: true }, orderBy: { _count: { themeId: "desc" } }, take: 1 });
    // An archived one, so that every state lists something; two that tie on every key but the
    // reference; one never raised (undated last, whichever the direction).
    await db.demand.update({ where: { ref: "D-002" }, data: { archived: true } });
    const at = new Date("2020-01-01T00:00:00Z");
    for (const [ref, firstRaisedOn] of [["Z-2", "2010"], ["Z-1", "2010"], ["Z-3", null]] as const) {
      await db.demand.create({
        data: { ref, titleJa: "同じ題", titleEn: "Same title", firstRaisedOn, updatedAt: at, themes: { create: [{ themeId: theme[0].themeId }] }, targets: { create: [{ bodyId: moj.id }] } },
      });
    }
    for (const filter of [{ themeId: theme[0].themeId }, { bodyId: moj.id }, { themeId: theme[0].themeId, bodyId: moj.id }]) {
      for (const sort of ["updated", "raised", "title", "ref"] as const) {
        for (const dir of ["asc", "desc"] as const) {
          for (const state of ["active", "archived", "all"] as const) {
            for (const locale of ["ja", "en"] as const) {
              const query = { ...filter, sort, dir, state, locale, page: 1 };
              const inMemory = await listDemands(query);
              const inSql = await listDemands({ ...query, q: "-" });
              expect(inMemory.items.map((d) => d.ref), JSON.stringify(query)).toEqual(inSql.items.map((d) => d.ref));
              expect(inMemory.total).toBe(inSql.total);
            }
          }
        }
      }
    }
  });
});

describe("creating and editing a demand", () => {
  it("refuses members: the editor is staff-only", async () => {
    const result = await run(async () => newLoader(args(await makeRequest("/demands/new", { role: "member" }))));
    expect(statusOf(result)).toBe(403);
    const demand = await demandByRef("D-002");
    const post = await run(async () => editAction(args(await makeRequest(`/demands/${demand.id}/edit`, { role: "member", method: "POST", form: { titleJa: "x", version: "1" } }), { demandId: demand.id })));
    expect(statusOf(post)).toBe(403);
    expect((await demandByRef("D-002")).titleJa).toBe(demand.titleJa);
  });

  it("gives field errors and keeps what was typed", async () => {
    const form = { titleJa: "", titleEn: "", summaryJa: "入力した概要", firstRaisedOn: "2007-13", themeIds: ["nope"] };
    const result = await newAction(args(await makeRequest("/demands/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.result.error?.titleJa).toEqual(["error.titleOneLanguage"]);
    expect(reply.result.error?.firstRaisedOn).toEqual(["error.partialDate"]);
    expect(reply.result.initialValue?.summaryJa).toBe("入力した概要");
  });

  it("refuses unknown themes and bodies as field errors", async () => {
    const form = { titleJa: "テスト", themeIds: ["no-such-theme"], targetIds: ["no-such-body"] };
    const reply = payload(await newAction(args(await makeRequest("/demands/new", { role: "staff", method: "POST", form }))));
    expect(reply.result.error?.themeIds).toEqual(["error.unknownChoice"]);
    expect(reply.result.error?.targetIds).toEqual(["error.unknownChoice"]);
  });

  it("creates a demand with rich text, themes and targets, and records who did it", async () => {
    const options = (await newLoader(args(await makeRequest("/demands/new", { role: "staff" })))).options;
    const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "背景の説明" }] }] });
    const form = {
      titleJa: "技能実習生の転籍の自由",
      titleEn: "Freedom for technical interns to change employers",
      firstRaisedOn: "2011年11月",
      body,
      themeIds: [options.themes[0].value],
      targetIds: [options.bodies[0].value, options.bodies[1].value],
    };
    const result = await newAction(args(await makeRequest("/demands/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(302);
    const created = await db.demand.findFirstOrThrow({ where: { titleJa: form.titleJa }, include: { themes: true, targets: true, createdBy: true } });
    expect(created.firstRaisedOn).toBe("2011-11");
    expect(created.ref).toMatch(/^D-\d{3}$/);
    expect(created.themes).toHaveLength(1);
    expect(created.targets).toHaveLength(2);
    expect(created.createdBy?.email).toBe("staff@example.org");
    expect(JSON.parse(created.body ?? "{}").type).toBe("doc");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "create" } });
    expect(JSON.parse(audit.after ?? "{}").titleJa).toBe(form.titleJa);

    const detail = await detailLoader(args(await makeRequest(`/demands/${created.id}`, { role: "member" }), { demandId: created.id }));
    expect(detail.bodyHtml).toBe("<p>背景の説明</p>");
    expect(detail.canEdit).toBe(false);
  });

  it("refuses a body that is not a valid editor document", async () => {
    const form = { titleJa: "x", body: JSON.stringify({ type: "doc", content: [{ type: "iframe" }] }) };
    const reply = payload(await newAction(args(await makeRequest("/demands/new", { role: "staff", method: "POST", form }))));
    expect(reply.result.error?.body).toEqual(["error.richTextInvalid"]);
  });

  it("never overwrites a newer version silently, and shows the newer one", async () => {
    const demand = await demandByRef("D-004");
    const loaded = await editLoader(args(await makeRequest(`/demands/${demand.id}/edit`, { role: "staff" }), { demandId: demand.id }));
    const base = { titleJa: loaded.demand.titleJa, titleEn: loaded.demand.titleEn, version: String(loaded.demand.version) };

    const first = await editAction(args(await makeRequest(`/demands/${demand.id}/edit`, { role: "admin", method: "POST", form: { ...base, titleEn: "Saved first" } }), { demandId: demand.id }));
    expect(statusOf(first)).toBe(302);

    const second = await editAction(args(await makeRequest(`/demands/${demand.id}/edit`, { role: "staff", method: "POST", form: { ...base, titleEn: "Saved second" } }), { demandId: demand.id }));
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.conflict?.titleEn).toBe("Saved first");
    expect(reply.conflict?.version).toBe(loaded.demand.version + 1);
    expect(reply.result.initialValue?.titleEn).toBe("Saved second");
    expect((await demandByRef("D-004")).titleEn).toBe("Saved first");

    // Having seen the newer version, the editor saves over it on purpose.
    const third = await editAction(args(await makeRequest(`/demands/${demand.id}/edit`, { role: "staff", method: "POST", form: { ...base, titleEn: "Merged", version: String(reply.conflict?.version) } }), { demandId: demand.id }));
    expect(statusOf(third)).toBe(302);
    expect((await demandByRef("D-004")).titleEn).toBe("Merged");
  });

  it("refuses to make a demand its own ancestor", async () => {
    const parent = await demandByRef("D-001");
    const child = await db.demand.findFirstOrThrow({ where: { parentId: parent.id } });
    const form = { titleJa: parent.titleJa, parentId: child.id, version: String(parent.version) };
    const reply = payload(await editAction(args(await makeRequest(`/demands/${parent.id}/edit`, { role: "staff", method: "POST", form }), { demandId: parent.id })));
    expect(reply.result.error?.parentId).toEqual(["error.parentLoop"]);
  });

  it("answers 404 for an unknown demand", async () => {
    const result = await run(async () => detailLoader(args(await makeRequest("/demands/nope", { role: "member" }), { demandId: "nope" })));
    expect(statusOf(result)).toBe(404);
  });
});
