// The activity plan's goals (docs/decisions/016): the editor's actions, reordering, the trash, and the
// report's plan-versus-result lines that come from them.
import { describe, expect, it } from "vitest";
import { reportMarkdown } from "~/models/activity-report-export.server";
import { draftReport } from "~/models/activity-report.server";
import { restoreFromTrash } from "~/models/trash.server";
import { action as trashAction, loader as trashLoader } from "~/routes/admin.trash";
import { action as deleteAction } from "~/routes/reports.goals.$goalId.delete";
import { action as editAction } from "~/routes/reports.goals.$goalId.edit";
import { loader as goalLoader } from "~/routes/reports.goals.$goalId._index";
import { action as planAction, loader as planLoader } from "~/routes/reports.$year.plan._index";
import { action as newAction } from "~/routes/reports.$year.plan.new";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

const post = async (url: string, role: "staff" | "admin" | "member", form: Record<string, string>) => makeRequest(url, { role, method: "POST", form });

async function addGoal(year: number, form: Record<string, string>) {
  const result = await newAction(args(await post(`/reports/${year}/plan/new`, "staff", form), { year: String(year) }));
  expect(statusOf(result)).toBe(302);
  const location = result instanceof Response ? (result.headers.get("Location") ?? "") : "";
  const id = location.split("#goal-")[1];
  return db.activityPlanGoal.findUniqueOrThrow({ where: { id } });
}

describe("plan goals", () => {
  it("refuses a goal in neither language and a result's words without a result, keeping what was typed", async () => {
    const result = await newAction(args(await post("/reports/2012/plan/new", "staff", { section: "advocacy", goalJa: "  ", resultJa: "一部で実現した" }), { year: "2012" }));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result).result;
    expect(reply.error?.goalJa).toEqual(["error.goalOneLanguage"]);
    expect(reply.error?.result).toEqual(["error.resultChoiceFirst"]);
    expect(reply.initialValue).toMatchObject({ section: "advocacy", resultJa: "一部で実現した" });
    const badSection = await newAction(args(await post("/reports/2012/plan/new", "staff", { section: "finance", goalEn: "Raise funds", result: "done" }), { year: "2012" }));
    expect(statusOf(badSection)).toBe(400);
    expect(payload(badSection).result.error).toMatchObject({ section: ["error.unknownChoice"], result: ["error.unknownChoice"] });
    expect(await db.activityPlanGoal.count({ where: { year: 2012 } })).toBe(0);
  });

  it("adds goals at the end of their section, audited, and members read them without edit controls", async () => {
    const first = await addGoal(2012, { section: "advocacy", goalJa: "入管法改定案に意見を出す" });
    const second = await addGoal(2012, { section: "advocacy", goalEn: "Hold two ministry rounds", result: "partly", resultEn: "One round was held." });
    expect(first).toMatchObject({ year: 2012, position: 0, goalJa: "入管法改定案に意見を出す", goalEn: "", result: null, version: 1 });
    expect(second).toMatchObject({ position: 1, result: "partly", resultEn: "One round was held." });
    expect(await db.auditEvent.count({ where: { entityType: "ActivityPlanGoal", entityId: first.id, action: "create" } })).toBe(1);

    const page = payload(await planLoader(args(await makeRequest("/reports/2012/plan", { role: "member" }), { year: "2012" })));
    expect(page.canEdit).toBe(false);
    expect(page.sections.map((s) => s.section)).toEqual(["advocacy", "networking", "international", "publicity", "organisation", "membership"]);
    expect(page.sections[0].goals.map((g) => g.id)).toEqual([first.id, second.id]);
    expect(page.counts).toEqual({ achieved: 0, partly: 1, not_achieved: 0, open: 1 });
    // Members may read, not write.
    const refused = await run(async () => newAction(args(await post("/reports/2012/plan/new", "member", { section: "advocacy", goalJa: "x" }), { year: "2012" })));
    expect(statusOf(refused)).toBe(403);
    // The goal's own link leads to its place in the plan.
    const to = await run(async () => goalLoader(args(await makeRequest(`/reports/goals/${first.id}`, { role: "member" }), { goalId: first.id })));
    expect(to instanceof Response && to.headers.get("Location")).toBe(`/reports/2012/plan#goal-${first.id}`);
  });

  it("moves a goal within its section without changing its version", async () => {
    const a = await addGoal(2013, { section: "networking", goalJa: "目標A" });
    const b = await addGoal(2013, { section: "networking", goalJa: "目標B" });
    const c = await addGoal(2013, { section: "publicity", goalJa: "目標C" });
    const moved = await planAction(args(await post("/reports/2013/plan", "staff", { intent: "move", goalId: b.id, direction: "up" }), { year: "2013" }));
    expect(statusOf(moved)).toBe(302);
    const order = await db.activityPlanGoal.findMany({ where: { year: 2013, section: "networking" }, orderBy: { position: "asc" } });
    expect(order.map((g) => g.id)).toEqual([b.id, a.id]);
    expect(order.map((g) => g.version)).toEqual([1, 1]);
    // The first of its section stays first; another section is not touched.
    await planAction(args(await post("/reports/2013/plan", "staff", { intent: "move", goalId: b.id, direction: "up" }), { year: "2013" }));
    expect((await db.activityPlanGoal.findUniqueOrThrow({ where: { id: b.id } })).position).toBe(order[0].position);
    expect((await db.activityPlanGoal.findUniqueOrThrow({ where: { id: c.id } })).position).toBe(c.position);
    const events = await db.auditEvent.findMany({ where: { entityType: "ActivityPlanGoal", entityId: b.id, action: "update" } });
    expect(events.map((e) => JSON.parse(e.after ?? "{}"))).toEqual([{ position: a.position }]);
    // A goal of another year is not found through this year's page.
    const wrongYear = await run(async () => planAction(args(await post("/reports/2012/plan", "staff", { intent: "move", goalId: a.id, direction: "down" }), { year: "2012" })));
    expect(statusOf(wrongYear)).toBe(404);
  });

  it("never saves over a newer version: the second editor gets a conflict with the saved values", async () => {
    const goal = await addGoal(2014, { section: "international", goalJa: "自由権規約の審査に報告書を出す" });
    const form = (result: string, resultJa: string) => ({ section: "international", goalJa: goal.goalJa, result, resultJa, version: String(goal.version) });
    const first = await run(async () => editAction(args(await post(`/reports/goals/${goal.id}/edit`, "staff", form("achieved", "報告書を提出した")), { goalId: goal.id })));
    expect(statusOf(first)).toBe(302);
    const second = await editAction(args(await post(`/reports/goals/${goal.id}/edit`, "admin", form("partly", "英語版のみ提出")), { goalId: goal.id }));
    expect(statusOf(second)).toBe(409);
    const body = payload(second);
    expect(body.conflict).toMatchObject({ result: "achieved", resultJa: "報告書を提出した", version: goal.version + 1 });
    expect(body.result.initialValue).toMatchObject({ result: "partly", resultJa: "英語版のみ提出" });
    expect(await db.activityPlanGoal.findUniqueOrThrow({ where: { id: goal.id } })).toMatchObject({ result: "achieved", version: 2 });
    // Saving again on the newer version is the deliberate choice to replace it.
    const third = await run(async () => editAction(args(await post(`/reports/goals/${goal.id}/edit`, "admin", { ...form("partly", "英語版のみ提出"), version: "2" }), { goalId: goal.id })));
    expect(statusOf(third)).toBe(302);
    const events = await db.auditEvent.findMany({ where: { entityType: "ActivityPlanGoal", entityId: goal.id, action: "update" }, orderBy: { at: "asc" } });
    expect(events.map((e) => JSON.parse(e.after ?? "{}").result)).toEqual(["achieved", "partly"]);
  });

  it("goes to the trash, leaves the report, and comes back where it was", async () => {
    const goal = await addGoal(2015, { section: "membership", goalJa: "会員を50人増やす", goalEn: "Gain 50 members", result: "not_achieved", resultJa: "12人増にとどまった" });
    const draft = async () => reportMarkdown(2015, await draftReport(2015, "ja"), "ja", "http://localhost");
    expect(await draft()).toContain("会員を50人増やす");
    expect(await draft()).toContain("未達成");

    const deleted = await deleteAction(args(await post(`/reports/goals/${goal.id}/delete`, "staff", {}), { goalId: goal.id }));
    expect(statusOf(deleted)).toBe(302);
    expect((await db.activityPlanGoal.findUniqueOrThrow({ where: { id: goal.id } })).deletedAt).not.toBeNull();
    expect(await draft()).not.toContain("会員を50人増やす");
    const page = payload(await planLoader(args(await makeRequest("/reports/2015/plan", { role: "staff" }), { year: "2015" })));
    expect(page.total).toBe(0);
    const edit = await run(async () => editAction(args(await post(`/reports/goals/${goal.id}/edit`, "staff", { section: "membership", goalJa: "x", version: "1" }), { goalId: goal.id })));
    expect(statusOf(edit)).toBe(404);

    const trash = payload(await trashLoader(args(await makeRequest("/admin/trash?type=ActivityPlanGoal", { role: "admin" }))));
    expect(trash.items.map((i) => i.id)).toContain(goal.id);
    const restored = await trashAction(args(await post("/admin/trash", "admin", { intent: "restore", type: "ActivityPlanGoal", id: goal.id })));
    expect(statusOf(restored)).toBe(302);
    expect(await db.activityPlanGoal.findUniqueOrThrow({ where: { id: goal.id } })).toMatchObject({ deletedAt: null, position: goal.position });
    expect(await draft()).toContain("会員を50人増やす");
    expect((await db.auditEvent.findMany({ where: { entityType: "ActivityPlanGoal", entityId: goal.id }, orderBy: { at: "asc" } })).map((e) => e.action)).toEqual(["create", "delete", "restore"]);
    // Restoring twice is refused as not in the trash.
    expect(await restoreFromTrash("ActivityPlanGoal", goal.id, goal.id, "en")).toEqual({ ok: false, notFound: true });
  });

  it("puts an assessed goal into the draft's plan-versus-result lines in the reader's language", async () => {
    await addGoal(2016, { section: "advocacy", goalJa: "技能実習制度の廃止を求める", goalEn: "Call for abolishing the technical intern training programme", result: "partly", resultEn: "The government set up a review panel." });
    const en = await draftReport(2016, "en");
    const md = reportMarkdown(2016, en, "en", "http://localhost");
    expect(md).toContain("Plan and result");
    expect(md).toMatch(/Goal: Call for abolishing the technical intern training programme → \*\*Partly achieved\*\* The government set up a review panel\./);
    const ja = reportMarkdown(2016, await draftReport(2016, "ja"), "ja", "http://localhost");
    // No Japanese result text: the English one stands in.
    expect(ja).toMatch(/目標：技能実習制度の廃止を求める → \*\*一部達成\*\* The government set up a review panel\./);
  });
});
