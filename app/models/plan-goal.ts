// The goals of a year's activity plan, by report section, each with its assessed result: what the
// activity report's "plan and result" lines are drafted from (docs/decisions/016). Pure: the form's
// schema and the shaping of the list; plan-goal.server.ts reads and writes them.
import { z } from "zod";
import { PLAN_RESULTS, REPORT_SECTIONS, type ReportSection } from "~/models/activity-report";
import { optionalText, versionField } from "~/utils/validation";

export const GOAL_MAX = 1000;
export const RESULT_TEXT_MAX = 2000;

/** An empty choice is "not yet assessed" (stored as null). */
const resultChoice = z.preprocess((v) => (v === "" ? undefined : v), z.enum(PLAN_RESULTS, { error: "error.unknownChoice" }).optional());

const goalShape = {
  section: z.enum(REPORT_SECTIONS, { error: (issue) => (issue.input === undefined ? "error.required" : "error.unknownChoice") }),
  goalJa: optionalText(GOAL_MAX),
  goalEn: optionalText(GOAL_MAX),
  result: resultChoice,
  resultJa: optionalText(RESULT_TEXT_MAX),
  resultEn: optionalText(RESULT_TEXT_MAX),
};

/** The goal in one language at least; a result's words only once a result is chosen. */
function goalRules(value: { goalJa?: string; goalEn?: string; result?: string; resultJa?: string; resultEn?: string }, ctx: z.RefinementCtx) {
  if (!value.goalJa && !value.goalEn) ctx.addIssue({ code: "custom", path: ["goalJa"], message: "error.goalOneLanguage" });
  if (!value.result && (value.resultJa || value.resultEn)) ctx.addIssue({ code: "custom", path: ["result"], message: "error.resultChoiceFirst" });
}

export const planGoalSchema = z.object(goalShape).superRefine(goalRules);
export const planGoalUpdateSchema = z.object({ ...goalShape, version: versionField }).superRefine(goalRules);
export type PlanGoalValues = z.infer<typeof planGoalSchema>;

/** Moving a goal one place up or down within its section. */
export const moveSchema = z.object({ intent: z.literal("move"), goalId: z.string().min(1).max(64), direction: z.enum(["up", "down"]) });

export type GoalRow = {
  id: string;
  section: string;
  position: number;
  goalJa: string;
  goalEn: string;
  result: string | null;
  resultJa: string | null;
  resultEn: string | null;
  version: number;
};

/** Every section in the report's order, with its goals in their order (sections without goals included). */
export function goalsBySection<G extends Pick<GoalRow, "section" | "position" | "id">>(goals: G[]): Array<{ section: ReportSection; goals: G[] }> {
  return REPORT_SECTIONS.map((section) => ({
    section,
    goals: goals.filter((g) => g.section === section).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id)),
  }));
}

/** How many goals of a year have each result (null: not yet assessed). */
export function resultCounts(goals: Array<Pick<GoalRow, "result">>) {
  const counts = { achieved: 0, partly: 0, not_achieved: 0, open: 0 };
  for (const g of goals) {
    if (g.result === "achieved" || g.result === "partly" || g.result === "not_achieved") counts[g.result] += 1;
    else counts.open += 1;
  }
  return counts;
}
