import { describe, expect, it } from "vitest";
import { dashboard } from "~/models/dashboard.server";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { action as editAction } from "~/routes/membership.$figureId.edit";
import { action as newAction } from "~/routes/membership.new";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

const TODAY = "2026-12-02";

describe("dashboard", () => {
  it("counts the demo outcomes per year by degree, as the 2007 and 2011 reports give them", async () => {
    const d = await dashboard("en", TODAY);
    const byYear = Object.fromEntries(d.outcomes.map((r) => [r.year, r]));
    expect(byYear["2007"]).toMatchObject({ partially_reflected: 2, regressed: 1, reflected: 0, total: 3 });
    // The DV Basic Policy (January 2008) and the National Police Agency's notice that followed.
    expect(byYear["2008"]).toMatchObject({ partially_reflected: 2, total: 2 });
    expect(byYear["2011"]).toMatchObject({ partially_reflected: 1, total: 1 });
  });

  it("leaves outcomes in the trash out", async () => {
    const before = await dashboard("en", TODAY);
    const outcome = await db.outcome.findFirstOrThrow({ where: { occurredOn: { startsWith: "2011" }, deletedAt: null } });
    await db.outcome.update({ where: { id: outcome.id }, data: { deletedAt: new Date() } });
    try {
      const after = await dashboard("en", TODAY);
      expect(after.outcomes.find((r) => r.year === "2011")).toBeUndefined();
      expect(before.outcomes.find((r) => r.year === "2011")?.total).toBe(1);
    } finally {
      await db.outcome.update({ where: { id: outcome.id }, data: { deletedAt: null } });
    }
  });

  it("accumulates demands raised and reflected year by year, without gaps", async () => {
    const { raised } = await dashboard("en", TODAY);
    const years = raised.rows.map((r) => r.year);
    expect(years[0]).toBe("2007");
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => String(2007 + i)));
    const live = await db.demand.count({ where: { deletedAt: null, firstRaisedOn: { not: null } } });
    expect(raised.rows.at(-1)?.raised).toBe(live);
    const y2007 = raised.rows.find((r) => r.year === "2007");
    expect(y2007?.raised).toBe(await db.demand.count({ where: { deletedAt: null, firstRaisedOn: { startsWith: "2007" } } }));
    // Each reflected demand once, from the year of its first (partial) reflection on.
    const reflectedDemands = await db.outcome.groupBy({ by: ["demandId"], where: { deletedAt: null, degree: { in: ["reflected", "partially_reflected"] } } });
    expect(raised.rows.at(-1)?.partly).toBe(reflectedDemands.length);
    expect(raised.rows.every((r, i) => i === 0 || (r.raised >= raised.rows[i - 1].raised && r.partly >= raised.rows[i - 1].partly))).toBe(true);
  });

  it("sorts commitments into kept, overdue and not yet due by the year of their round", async () => {
    const { commitments } = await dashboard("en", TODAY);
    const byYear = Object.fromEntries(commitments.map((r) => [r.year, r]));
    // 2007: one commitment done by January 2008, one still open since October 2008.
    expect(byYear["2007"]).toMatchObject({ kept: 1, overdue: 1, pending: 0 });
    // 2011: a follow-up on 2026-12-10, eight days after "today".
    expect(byYear["2011"]).toMatchObject({ pending: 1, overdue: 0 });
    const later = await dashboard("en", "2026-12-11");
    expect(later.commitments.find((r) => r.year === "2011")).toMatchObject({ pending: 0, overdue: 1 });
  });

  it("counts assessed answers per body, the busiest first", async () => {
    const { answers } = await dashboard("ja", TODAY);
    const assessed = await db.agendaItem.count({ where: { assessment: { not: null }, bodyId: { not: null } } });
    expect(answers.rows.reduce((sum, r) => sum + r.total, 0)).toBe(assessed);
    expect(answers.rows.map((r) => r.total)).toEqual([...answers.rows.map((r) => r.total)].sort((a, b) => b - a));
    expect(answers.rows[0].name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it("shows the membership figures of the 2007 and 2011 reports to members", async () => {
    const result = await dashboardLoader(args(await makeRequest("/dashboard", { role: "member" })));
    expect(result.canEdit).toBe(false);
    expect(result.membership.map((f) => f.year)).toEqual([2006, 2007, 2010, 2011]);
    expect(result.membership[0]).toMatchObject({ individualMembers: 275, individualMemberUnits: 289, organisationMembers: 86, organisationMemberUnits: 100, individualSubscribers: 77, organisationSubscribers: 12 });
    expect(result.membership[3]).toMatchObject({ individualMembers: 325, organisationMembers: 81, individualSubscribers: 59, organisationSubscribers: 16, organisationSubscriberUnits: 25 });
    // Counts only: nothing of an internal note reaches the page.
    expect(JSON.stringify(result)).not.toMatch(/internalNote|基本方針の該当箇所/);
  });
});

describe("membership figures", () => {
  it("refuses a year that already has figures, keeping what was typed", async () => {
    const result = await newAction(args(await makeRequest("/membership/new", { role: "staff", method: "POST", form: { year: "2007", individualMembers: "300" } })));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result).result;
    expect(reply.error?.year).toEqual(["error.yearTaken"]);
    expect(reply.initialValue).toMatchObject({ year: "2007", individualMembers: "300" });
  });

  it("checks each number next to its field, and units against counts", async () => {
    const result = await newAction(args(await makeRequest("/membership/new", { role: "staff", method: "POST", form: { year: "20x", individualMembers: "-3", organisationMembers: "8.5" } })));
    expect(statusOf(result)).toBe(400);
    const errors = payload(result).result.error ?? {};
    expect(errors.year).toEqual(["error.year"]);
    expect(errors.individualMembers).toEqual(["error.wholeNumber"]);
    expect(errors.organisationMembers).toEqual(["error.wholeNumber"]);
    const units = await newAction(args(await makeRequest("/membership/new", { role: "staff", method: "POST", form: { year: "2013", organisationMembers: "80", organisationMemberUnits: "70" } })));
    expect(statusOf(units)).toBe(400);
    expect(payload(units).result.error?.organisationMemberUnits).toEqual(["error.unitsBelowCount"]);
    expect(await db.membershipFigure.count({ where: { year: 2013 } })).toBe(0);
  });

  it("adds a year (full-width digits and commas accepted) and records it in the history", async () => {
    const result = await newAction(args(await makeRequest("/membership/new", { role: "staff", method: "POST", form: { year: "２０１２", individualMembers: "1,330", individualMemberUnits: "" } })));
    expect(statusOf(result)).toBe(302);
    const figure = await db.membershipFigure.findUniqueOrThrow({ where: { year: 2012 } });
    expect(figure).toMatchObject({ individualMembers: 1330, individualMemberUnits: null, version: 1 });
    expect(await db.auditEvent.count({ where: { entityType: "MembershipFigure", entityId: figure.id, action: "create" } })).toBe(1);
    const after = await dashboard("en", TODAY);
    expect(after.membership.map((f) => f.year)).toContain(2012);
  });

  it("never saves over a newer version: the second editor gets a conflict with the saved values", async () => {
    const figure = await db.membershipFigure.findUniqueOrThrow({ where: { year: 2010 } });
    const form = (members: string) => ({ year: "2010", individualMembers: members, individualMemberUnits: "318", version: String(figure.version) });
    const first = await run(async () => editAction(args(await makeRequest(`/membership/${figure.id}/edit`, { role: "staff", method: "POST", form: form("312") }), { figureId: figure.id })));
    expect(statusOf(first)).toBe(302);
    const second = await editAction(args(await makeRequest(`/membership/${figure.id}/edit`, { role: "admin", method: "POST", form: form("315") }), { figureId: figure.id }));
    expect(statusOf(second)).toBe(409);
    const body = payload(second);
    expect(body.conflict).toMatchObject({ individualMembers: 312, version: figure.version + 1 });
    expect(body.result.initialValue).toMatchObject({ individualMembers: "315" });
    expect((await db.membershipFigure.findUniqueOrThrow({ where: { id: figure.id } })).individualMembers).toBe(312);
    const events = await db.auditEvent.findMany({ where: { entityType: "MembershipFigure", entityId: figure.id, action: "update" } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].before ?? "{}")).toMatchObject({ individualMembers: 311 });
  });
});
