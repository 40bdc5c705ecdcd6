// The demand status board through its loader, on the demo data: every live demand with the status the
// outcomes give (status.server.ts), since when, its last activity; filters, groups, and a board that
// follows writes (its facts are cached while the data does not change).
import { beforeAll, describe, expect, it } from "vitest";
import { demandStatuses } from "~/models/status.server";
import { moveToTrash, restoreFromTrash } from "~/models/trash.server";
import { loader } from "~/routes/status-board";
import { db } from "~/utils/db.server";
import { args, type DemoRole, makeRequest, payload } from "../request";

async function board(params: Record<string, string> = {}, role: DemoRole = "member") {
  const query = new URLSearchParams(params).toString();
  return payload(await loader(args(await makeRequest(`/status-board${query ? `?${query}` : ""}`, { role }))));
}
/** Every row of every page. */
async function allRows(params: Record<string, string> = {}) {
  const first = await board(params);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pageCount; page++) rows.push(...(await board({ ...params, page: String(page) })).rows);
  return { first, rows };
}

let staffId: string;
beforeAll(async () => {
  staffId = (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;
});

describe("status board", () => {
  it("lists every active demand once, with the derived status and since when", async () => {
    const { first, rows } = await allRows({ group: "none" });
    const live = await db.demand.findMany({ where: { deletedAt: null, archived: false }, select: { id: true } });
    expect(rows.map((r) => r.fact.id).sort()).toEqual(live.map((d) => d.id).sort());
    expect(first.demands).toBe(live.length);
    const statuses = await demandStatuses(live.map((d) => d.id));
    for (const { fact } of rows) {
      expect(fact.status, fact.ref).toBe(statuses[fact.id].status);
      expect(fact.sinceOn, fact.ref).toBe(statuses[fact.id].sinceOn);
    }
    // The counts per status add up to the demands.
    expect(Object.values(first.byStatus).reduce((a, b) => a + b, 0)).toBe(live.length);
  });

  it("gives the latest request, round or outcome as the last activity, newest first", async () => {
    const { rows } = await allRows({ group: "none" });
    const fact = rows.find((r) => r.fact.lastActivityOn)?.fact;
    if (!fact) throw new Error("no demo demand has activity");
    const [items, agenda, outcomes] = await Promise.all([
      db.requestItem.findMany({ where: { demandId: fact.id, request: { deletedAt: null } }, select: { request: { select: { sentOn: true } } } }),
      db.agendaItem.findMany({ where: { demandId: fact.id, round: { deletedAt: null } }, select: { round: { select: { heldOn: true } } } }),
      db.outcome.findMany({ where: { demandId: fact.id, deletedAt: null }, select: { occurredOn: true } }),
    ]);
    const dates = [...items.map((i) => i.request.sentOn), ...agenda.map((a) => a.round.heldOn), ...outcomes.map((o) => o.occurredOn)].sort();
    expect(fact.lastActivityOn).toBe(dates[dates.length - 1]);
    const order = rows.map((r) => r.fact.lastActivityOn ?? "");
    const dated = order.filter(Boolean);
    expect(dated).toEqual([...dated].sort().reverse());
  });

  it("groups by theme, listing a demand under each of its themes, with each group's count", async () => {
    const { first, rows } = await allRows({ group: "theme" });
    const links = await db.demandTheme.findMany({ where: { demand: { deletedAt: null, archived: false } } });
    const withTheme = new Set(links.map((l) => l.demandId));
    const live = await db.demand.count({ where: { deletedAt: null, archived: false } });
    expect(rows.length).toBe(links.length + (live - withTheme.size));
    for (const link of links) expect(rows.some((r) => r.group === link.themeId && r.fact.id === link.demandId)).toBe(true);
    const theme = links[0].themeId;
    expect(first.groupCounts[theme]).toBe(links.filter((l) => l.themeId === theme).length);
    // Rows of a group are together.
    const groups = rows.map((r) => r.group);
    const seen = new Set<string | null>();
    groups.forEach((g, i) => {
      if (i > 0 && groups[i - 1] !== g) expect(seen.has(g), `group ${g} split`).toBe(false);
      seen.add(g);
    });
  });

  it("filters by theme, network, body (with the bodies under it), status and year", async () => {
    const link = await db.demandTheme.findFirstOrThrow({ where: { demand: { deletedAt: null, archived: false } } });
    const byTheme = await allRows({ theme: link.themeId, group: "none" });
    expect(byTheme.rows.every((r) => r.fact.themeIds.includes(link.themeId))).toBe(true);
    expect(byTheme.rows.length).toBe(await db.demandTheme.count({ where: { themeId: link.themeId, demand: { deletedAt: null, archived: false } } }));

    const demand = await db.demand.findFirstOrThrow({ where: { deletedAt: null, archived: false, projectNetworkId: { not: null } } });
    const byNetwork = await allRows({ network: demand.projectNetworkId ?? "", group: "none" });
    expect(byNetwork.rows.map((r) => r.fact.networkId)).toEqual(byNetwork.rows.map(() => demand.projectNetworkId));

    // A parent body finds the demands aimed at the bodies under it.
    const child = await db.body.findFirstOrThrow({ where: { parentId: { not: null }, demandTargets: { some: { demand: { deletedAt: null, archived: false } } } } });
    const byParent = await allRows({ body: child.parentId ?? "", group: "none" });
    const aimed = await db.demandTarget.findMany({ where: { bodyId: child.id, demand: { deletedAt: null, archived: false } } });
    for (const a of aimed) expect(byParent.rows.map((r) => r.fact.id)).toContain(a.demandId);

    const all = await allRows({ group: "none" });
    const status = all.rows[0].fact.status;
    const byStatus = await allRows({ status, group: "none" });
    expect(byStatus.rows.length).toBe(all.rows.filter((r) => r.fact.status === status).length);

    const y2007 = await allRows({ year: "2007", group: "none" });
    expect(y2007.rows.length).toBeGreaterThan(0);
    expect(y2007.rows.length).toBeLessThan(all.rows.length);
    for (const { fact } of y2007.rows) expect(fact.activeYears).toContain("2007");
  });

  it("follows a new outcome, a demand in the trash and back", async () => {
    const { rows } = await allRows({ group: "none" });
    const parents = new Set((await db.demand.findMany({ where: { deletedAt: null, parentId: { not: null } }, select: { parentId: true } })).map((d) => d.parentId));
    const open = rows.find((r) => r.fact.status === "open" && !parents.has(r.fact.id))?.fact;
    if (!open) throw new Error("no open demo demand");
    await db.outcome.create({ data: { demandId: open.id, degree: "partially_reflected", occurredOn: "2026-01" } });
    const after = (await allRows({ group: "none" })).rows.find((r) => r.fact.id === open.id)?.fact;
    expect(after?.status).toBe("partially_reflected");
    expect(after?.sinceOn).toBe("2026-01");
    expect(after?.lastActivityOn).toBe("2026-01");

    expect((await moveToTrash("Demand", open.id, staffId, "ja")).ok).toBe(true);
    expect((await allRows({ group: "none", state: "all" })).rows.some((r) => r.fact.id === open.id)).toBe(false);
    expect((await restoreFromTrash("Demand", open.id, staffId, "ja")).ok).toBe(true);
    expect((await allRows({ group: "none" })).rows.some((r) => r.fact.id === open.id)).toBe(true);
  });

  it("sends nothing staff-only", async () => {
    const data = JSON.stringify(await board({ state: "all" }));
    const notes = await db.outcome.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } });
    for (const n of notes) expect(data).not.toContain(n.internalNote);
    expect(data).not.toContain("internalNote");
  });
});
