import Database from "better-sqlite3";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createInstrument } from "~/models/instrument.server";
import { type OutcomeFormValues } from "~/models/outcome";
import { createOutcome, deleteOutcome, demandOutcomesData } from "~/models/outcome.server";
import { statusAsOf } from "~/models/status";
import { demandStatus, demandStatuses, demandStatusHistory, liveDemandStatuses, setStatusOverride } from "~/models/status.server";
import { action as statusAction, loader as statusLoader } from "~/routes/demands.$demandId.status";
import { db } from "~/utils/db.server";
import { todayInJapan } from "~/utils/partial-date";
import { args, makeRequest, payload, run, statusOf } from "../request";

let staffId: string;
let fresh = 0;
/** A demand of the test's own, so that the demo data (which may grow) never changes what is expected. */
const freshDemand = (firstRaisedOn: string | null = "2007-10") =>
  db.demand.create({ data: { ref: `S-${String(++fresh).padStart(3, "0")}`, titleJa: `状況テスト${fresh}`, titleEn: `Status test ${fresh}`, firstRaisedOn } });
const outcome = (demandId: string, degree: OutcomeFormValues["degree"], occurredOn: string, instrumentId?: string, extra: Partial<OutcomeFormValues> = {}): OutcomeFormValues => ({
  demandId,
  instrumentId,
  degree,
  occurredOn,
  requestIds: [],
  roundIds: [],
  agendaItemIds: [],
  commentPointIds: [],
  removeAttachmentIds: [],
  ...extra,
});

/** What status.ts says for one demand, from its rows read one by one (the reference for demandStatuses). */
async function expectedStatus(demandId: string, asOf: string) {
  const [outcomes, overrides, demand] = await Promise.all([
    db.outcome.findMany({ where: { demandId, deletedAt: null } }),
    db.demandStatusOverride.findMany({ where: { demandId } }),
    db.demand.findUnique({ where: { id: demandId } }),
  ]);
  return statusAsOf(outcomes, overrides, asOf, demand?.firstRaisedOn ?? null);
}

beforeAll(async () => {
  staffId = (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;
});

describe("demandStatuses", () => {
  it("gives, for many demands in one call, what status.ts gives for each one", async () => {
    const law = (await createInstrument({ kind: "law", titleJa: "試験法", titleEn: "Test law", adoptedOn: "2009-07" }, staffId)).id;
    const plan = (await createInstrument({ kind: "plan", titleJa: "試験計画", titleEn: "Test plan" }, staffId)).id;
    const [d12, d13, d14, d15, d16] = [await freshDemand(), await freshDemand(), await freshDemand(null), await freshDemand(), await freshDemand()];
    await createOutcome(outcome(d12.id, "mentioned", "2007-10", plan), [], staffId);
    await createOutcome(outcome(d12.id, "reflected", "2009-07", law), [], staffId);
    await createOutcome(outcome(d13.id, "reflected", "2009-07", law), [], staffId);
    await createOutcome(outcome(d13.id, "regressed", "2012-07", law), [], staffId);
    await createOutcome(outcome(d14.id, "partially_reflected", "2008"), [], staffId);
    const deleted = await createOutcome(outcome(d15.id, "reflected", "2010-01", plan), [], staffId);
    await deleteOutcome(deleted.id, staffId);
    await setStatusOverride(d16.id, { status: "partially_reflected", fromOn: "2011-03", reason: "合意が口頭で得られた" }, staffId);

    const ids = (await db.demand.findMany({ select: { id: true } })).map((d) => d.id);
    for (const asOf of ["2008-06-01", "2010-01-15", "2013", todayInJapan()]) {
      const statuses = await demandStatuses([...ids, "no-such-demand"], asOf);
      for (const id of ids) {
        const expected = await expectedStatus(id, asOf);
        expect(statuses[id], `${id} on ${asOf}`).toMatchObject({ ...expected, demandId: id, asOf });
        expect(statuses[id].outcome?.id ?? null).toBe(expected.outcomeId);
      }
      expect(statuses["no-such-demand"]).toMatchObject({ status: "open", since: null, outcome: null });
    }

    const d12Now = await demandStatus(d12.id);
    expect(d12Now).toMatchObject({ status: "reflected", since: "2009-07-01", sinceOn: "2009-07", outcome: { degree: "reflected", occurredOn: "2009-07", instrument: { titleEn: "Test law" } } });
    expect(await demandStatus(d13.id)).toMatchObject({ status: "regressed", sinceOn: "2012-07" });
    expect(await demandStatus(d15.id, "2011")).toMatchObject({ outcome: null });
    expect(await demandStatus(d16.id)).toMatchObject({ status: "partially_reflected", sinceOn: "2011-03", override: { reason: "合意が口頭で得られた" } });
    expect(await demandStatuses([])).toEqual({});
  });

  it("gives for every live demand at once (the status board's read) exactly what it gives by ids, leaving out demands in the trash", async () => {
    const law = (await createInstrument({ kind: "law", titleJa: "全件法", titleEn: "All-at-once law" }, staffId)).id;
    const [kept, trashed, overridden] = [await freshDemand(), await freshDemand(), await freshDemand("2006")];
    await createOutcome(outcome(kept.id, "partially_reflected", "2010-04", law), [], staffId);
    await createOutcome(outcome(trashed.id, "reflected", "2010-04", law), [], staffId);
    await setStatusOverride(overridden.id, { status: "mentioned", fromOn: "2009", reason: "口頭での言及" }, staffId);
    await db.demand.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });

    const live = (await db.demand.findMany({ where: { deletedAt: null }, select: { id: true } })).map((d) => d.id);
    for (const asOf of ["2009-06-01", "2011", todayInJapan()]) {
      const all = await liveDemandStatuses(asOf);
      expect(Object.keys(all).sort()).toEqual([...live].sort());
      expect(all).toEqual(await demandStatuses(live, asOf));
    }
    const now = await liveDemandStatuses();
    expect(now[trashed.id]).toBeUndefined();
    expect(now[kept.id]).toMatchObject({ status: "partially_reflected", sinceOn: "2010-04", outcome: { instrument: { titleEn: "All-at-once law", kind: "law" } } });
    expect(now[overridden.id]).toMatchObject({ status: "mentioned", override: { reason: "口頭での言及" } });
  });

  it("makes the same number of SQL queries for 3 demands as for 30", async () => {
    // Creates 30 demands of its own (the demo data has 26), each with outcomes and one with an override.
    const instrument = (await createInstrument({ kind: "budget", titleJa: "試験予算", titleEn: "Test budget" }, staffId)).id;
    const ids: string[] = [];
    for (let i = 1; i <= 30; i++) {
      const demand = await db.demand.create({ data: { ref: `T-${String(i).padStart(3, "0")}`, titleJa: `試験要求${i}`, titleEn: `Test demand ${i}`, firstRaisedOn: "2005" } });
      ids.push(demand.id);
      await createOutcome(outcome(demand.id, i % 2 ? "mentioned" : "reflected", `20${10 + (i % 9)}`, i % 3 ? instrument : undefined), [], staffId);
      if (i % 10 === 0) await setStatusOverride(demand.id, { status: "regressed", fromOn: "2020", reason: "test" }, staffId);
    }

    // Counts real SQL statements: the driver adapter prepares every statement it sends through
    // better-sqlite3's Database#prepare (node_modules/@prisma/adapter-better-sqlite3), so a spy on
    // the prototype sees each one, whatever Prisma does above it (relation loads, batching).
    const prepare = vi.spyOn(Database.prototype, "prepare");
    const statementsOf = async (demandIds: string[]) => {
      prepare.mockClear();
      await demandStatuses(demandIds);
      return prepare.mock.calls.map(([sql]) => String(sql));
    };
    try {
      const three = await statementsOf(ids.slice(0, 3));
      const thirty = await statementsOf(ids);
      expect(three.length).toBeGreaterThan(0);
      expect(thirty.length).toBe(three.length);
      // One query reads the outcomes (and one their instruments), one the overrides.
      expect(thirty.filter((sql) => /FROM [`"]?(main[`"]?\.[`"]?)?Outcome[`"]?/i.test(sql))).toHaveLength(1);
      expect(thirty.filter((sql) => /FROM [`"]?(main[`"]?\.[`"]?)?DemandStatusOverride[`"]?/i.test(sql))).toHaveLength(1);
      expect(thirty.length).toBeLessThanOrEqual(4);
    } finally {
      prepare.mockRestore();
    }
    const statuses = await demandStatuses(ids);
    expect(statuses[ids[9]]).toMatchObject({ status: "regressed", override: { reason: "test" } });
    expect(statuses[ids[1]]).toMatchObject({ status: "reflected", outcome: { instrument: { titleEn: "Test budget" } } });
  });
});

describe("the status page", () => {
  it("shows members the status, its history and the status on a past date, without the staff controls", async () => {
    const demand = await freshDemand("2007-10");
    const law = (await createInstrument({ kind: "law", titleJa: "改正入管法（試験）", titleEn: "Amended Immigration Act (test)" }, staffId)).id;
    await createOutcome(outcome(demand.id, "mentioned", "2008-01", undefined, { internalNote: "非公開の評価" }), [], staffId);
    await createOutcome(outcome(demand.id, "partially_reflected", "2010-07-15", law), [], staffId);
    const params = { demandId: demand.id };

    const page = await statusLoader(args(await makeRequest(`/demands/${demand.id}/status?asOf=2009`, { role: "member" }), params));
    expect(page.canEdit).toBe(false);
    expect(page.current).toMatchObject({ status: "partially_reflected", sinceOn: "2010-07-15", outcome: { instrument: { titleEn: "Amended Immigration Act (test)" } } });
    expect(page.asOf).toMatchObject({ normalized: "2009", error: null, status: { status: "mentioned", sinceOn: "2008-01" } });
    const changes = page.history.map((p) => [p.onPartial, p.status, p.cause]);
    expect(changes).toEqual([
      ["2007-10", "open", "raised"],
      ["2008-01", "mentioned", "outcome"],
      ["2010-07-15", "partially_reflected", "outcome"],
    ]);
    expect(JSON.stringify(page)).not.toContain("非公開の評価");

    const bad = await statusLoader(args(await makeRequest(`/demands/${demand.id}/status?asOf=2009-13`, { role: "member" }), params));
    expect(bad.asOf).toMatchObject({ value: "2009-13", error: "error.partialDate", status: null });
    const future = await statusLoader(args(await makeRequest(`/demands/${demand.id}/status?asOf=2199`, { role: "member" }), params));
    expect(future.asOf).toMatchObject({ error: "error.statusFutureDate", status: null });

    expect(statusOf(await run(async () => statusLoader(args(await makeRequest("/demands/nope/status", { role: "member" }), { demandId: "nope" }))))).toBe(404);
  });

  it("gives a demand's page its status and outcomes, without internal notes for members", async () => {
    const demand = await freshDemand();
    await createOutcome(outcome(demand.id, "not_reflected", "2009", undefined, { internalNote: "会員には見せない", note: "公開メモ" }), [], staffId);
    const member = await demandOutcomesData(demand.id, "member");
    expect(member.status.status).toBe("not_reflected");
    expect(member.outcomes.map((o) => o.note)).toContain("公開メモ");
    expect(JSON.stringify(member)).not.toContain("会員には見せない");
    const staff = await demandOutcomesData(demand.id, "staff");
    expect(staff.outcomes.map((o) => o.internalNote)).toContain("会員には見せない");
  });

  it("refuses a manual status without a reason, keeping what was typed", async () => {
    const demand = await freshDemand();
    const params = { demandId: demand.id };
    const result = await statusAction(args(await makeRequest(`/demands/${demand.id}/status`, { role: "staff", method: "POST", form: { intent: "setOverride", status: "reflected", fromOn: "2012-04", reason: "  " } }), params));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.intent).toBe("setOverride");
    expect(reply.result.error?.reason).toEqual(["error.required"]);
    expect(reply.result.initialValue).toMatchObject({ status: "reflected", fromOn: "2012-04" });

    const others = await statusAction(args(await makeRequest(`/demands/${demand.id}/status`, { role: "staff", method: "POST", form: { intent: "setOverride", status: "done", fromOn: "2199", reason: "x" } }), params));
    expect(payload(others).result.error).toMatchObject({ status: ["error.unknownChoice"], fromOn: ["error.statusFutureDate"] });
    expect(await db.demandStatusOverride.count({ where: { demandId: demand.id } })).toBe(0);
  });

  it("sets a manual status (audited), replaces the one in force, and lifts it", async () => {
    const demand = await freshDemand();
    const params = { demandId: demand.id };
    await createOutcome(outcome(demand.id, "mentioned", "2009-03"), [], staffId);

    const first = await statusAction(args(await makeRequest(`/demands/${demand.id}/status`, { role: "staff", method: "POST", form: { intent: "setOverride", status: "reflected", fromOn: "2011年4月", reason: "省令改正で実現（条文未確認）" } }), params));
    expect(statusOf(first)).toBe(302);
    expect(first instanceof Response && first.headers.get("Location")).toBe(`/demands/${demand.id}/status`);
    const created = await db.demandStatusOverride.findFirstOrThrow({ where: { demandId: demand.id } });
    expect(created).toMatchObject({ status: "reflected", fromOn: "2011-04", clearedAt: null, createdById: staffId });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "DemandStatusOverride", entityId: created.id, action: "create" } });
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ status: "reflected", reason: "省令改正で実現（条文未確認）" });

    const member = await statusLoader(args(await makeRequest(`/demands/${demand.id}/status`, { role: "member" }), params));
    expect(member.current).toMatchObject({ status: "reflected", derived: "mentioned", sinceOn: "2011-04", override: { reason: "省令改正で実現（条文未確認）" } });
    expect(member.activeOverride?.id).toBe(created.id);
    expect(member.overrides[0]).toMatchObject({ createdByName: "高谷幸", clearedAt: null });
    expect(member.history.at(-1)).toMatchObject({ cause: "override", status: "reflected", onPartial: "2011-04" });

    // A second setting lifts the first: one at most is in force.
    const second = await statusAction(args(await makeRequest(`/demands/${demand.id}/status`, { role: "staff", method: "POST", form: { intent: "setOverride", status: "partially_reflected", fromOn: "2012", reason: "再評価" } }), params));
    expect(statusOf(second)).toBe(302);
    const all = await db.demandStatusOverride.findMany({ where: { demandId: demand.id }, orderBy: { createdAt: "asc" } });
    expect(all.map((o) => [o.status, o.clearedAt === null])).toEqual([
      ["reflected", false],
      ["partially_reflected", true],
    ]);

    // Members may read but not change it.
    const active = all[1];
    const forms: Array<Record<string, string>> = [
      { intent: "setOverride", status: "open", fromOn: "2013", reason: "x" },
      { intent: "liftOverride", overrideId: active.id },
    ];
    for (const form of forms) {
      const attempt = await run(async () => statusAction(args(await makeRequest(`/demands/${demand.id}/status`, { role: "member", method: "POST", form }), params)));
      expect(statusOf(attempt)).toBe(403);
    }

    const lift = await statusAction(args(await makeRequest(`/demands/${demand.id}/status`, { role: "staff", method: "POST", form: { intent: "liftOverride", overrideId: active.id } }), params));
    expect(statusOf(lift)).toBe(302);
    expect((await db.demandStatusOverride.findUniqueOrThrow({ where: { id: active.id } })).clearedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityType: "DemandStatusOverride", entityId: active.id, action: "update" } })).toBe(1);
    const after = await statusLoader(args(await makeRequest(`/demands/${demand.id}/status`, { role: "staff" }), params));
    expect(after.current).toMatchObject({ status: "mentioned", override: null });
    expect(after.activeOverride).toBeNull();
    expect(after.canEdit).toBe(true);
    // The past keeps the manual status it had then.
    expect((await demandStatus(demand.id, "2012-06")).status).toBe("partially_reflected");
    expect((await demandStatusHistory(demand.id)).history.at(-1)).toMatchObject({ cause: "overrideLifted", status: "mentioned" });

    const again = await run(async () => statusAction(args(await makeRequest(`/demands/${demand.id}/status`, { role: "staff", method: "POST", form: { intent: "liftOverride", overrideId: active.id } }), params)));
    expect(statusOf(again)).toBe(404);
  });

  it("ignores deleted outcomes", async () => {
    const demand = await freshDemand();
    const kept = await createOutcome(outcome(demand.id, "mentioned", "2008"), [], staffId);
    const gone = await createOutcome(outcome(demand.id, "reflected", "2010"), [], staffId);
    expect((await demandStatus(demand.id)).outcome?.id).toBe(gone.id);
    await deleteOutcome(gone.id, staffId);
    expect(await demandStatus(demand.id)).toMatchObject({ status: "mentioned", outcome: { id: kept.id } });
    expect((await demandStatusHistory(demand.id)).history.some((p) => p.outcomeId === gone.id)).toBe(false);
  });
});
