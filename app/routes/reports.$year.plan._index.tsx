import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocale, useT } from "~/i18n/react";
import { reportYear } from "~/models/activity-report";
import { historyPath } from "~/models/history";
import { type GoalRow, goalsBySection, moveSchema, resultCounts } from "~/models/plan-goal";
import { listGoals, moveGoal } from "~/models/plan-goal.server";
import { hasRole } from "~/models/roles";
import { requireStaff, requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("planGoal.title", { year: String(data.year) }) : null));

function yearFrom(params: { year?: string }) {
  const year = reportYear(params.year);
  if (!year) throw new Response("Not found", { status: 404 });
  return year;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Members read the plan and its results (nothing in a goal is internal); staff edit it.
  const user = await requireUser(request);
  const year = yearFrom(params);
  const goals = await listGoals(year);
  return { year, sections: goalsBySection(goals), counts: resultCounts(goals), total: goals.length, canEdit: hasRole(user.role, "staff") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const year = yearFrom(params);
  const parsed = moveSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const moved = await moveGoal(year, parsed.data.goalId, parsed.data.direction, user.id);
  if (!moved.ok) throw new Response("Not found", { status: 404 });
  return redirectWithToast(`/reports/${year}/plan#goal-${parsed.data.goalId}`, { message: "planGoal.moved" });
}

function pick(locale: string, ja: string, en: string) {
  return locale === "ja" ? ja || en : en || ja;
}

function MoveButton({ goalId, direction, label, disabled }: { goalId: string; direction: "up" | "down"; label: string; disabled: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("goalId") === goalId;
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="goalId" value={goalId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" disabled={disabled || busy} aria-label={label}>
        {direction === "up" ? t("planGoal.moveUp") : t("planGoal.moveDown")}
      </button>
    </Form>
  );
}

function GoalItem({ goal, n, count, sectionName, canEdit }: { goal: GoalRow; n: number; count: number; sectionName: string; canEdit: boolean }) {
  const t = useT();
  const locale = useLocale();
  const result = goal.result === "achieved" || goal.result === "partly" || goal.result === "not_achieved" ? goal.result : null;
  return (
    <li id={`goal-${goal.id}`} className="plan-goal">
      <div className="bilingual">
        <div lang="ja">
          <p className="lang-heading">{t("common.japanese")}</p>
          <p className="multiline">{goal.goalJa || <span className="muted">{t("common.notGiven")}</span>}</p>
        </div>
        <div lang="en">
          <p className="lang-heading">{t("common.english")}</p>
          <p className="multiline">{goal.goalEn || <span className="muted">{t("common.notGiven")}</span>}</p>
        </div>
      </div>
      <p className="plan-goal-result">
        <span className={`badge plan-result-${result ?? "open"}`}>{result ? t(`report.planResult.${result}`) : t("planGoal.resultNotYet")}</span>{" "}
        {goal.resultJa || goal.resultEn ? <span className="multiline">{pick(locale, goal.resultJa ?? "", goal.resultEn ?? "")}</span> : null}
      </p>
      {canEdit ? (
        <div className="form-actions">
          <Link to={`/reports/goals/${goal.id}/edit`} className="button" aria-label={t("planGoal.editLabel", { n, section: sectionName })}>
            {t("common.edit")}
          </Link>
          <MoveButton goalId={goal.id} direction="up" label={t("planGoal.moveUpLabel", { n, section: sectionName })} disabled={n === 1} />
          <MoveButton goalId={goal.id} direction="down" label={t("planGoal.moveDownLabel", { n, section: sectionName })} disabled={n === count} />
          <Link to={historyPath("ActivityPlanGoal", goal.id)}>{t("history.link")}</Link>
          <Link to={`/reports/goals/${goal.id}/delete`} aria-label={t("planGoal.deleteLabel", { n, section: sectionName })}>
            {t("common.delete")}
          </Link>
        </div>
      ) : null}
    </li>
  );
}

export default function PlanGoals() {
  const { year, sections, counts, total, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section className="plan-goals">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        {canEdit ? (
          <>
            <Link to="/reports">{t("report.title")}</Link> › <Link to={`/reports/${year}`}>{t("report.titleOf", { year: String(year) })}</Link>
          </>
        ) : (
          <Link to="/dashboard">{t("dashboard.title")}</Link>
        )}
      </nav>
      <div className="page-header">
        <div>
          <h1>{t("planGoal.title", { year: String(year) })}</h1>
          <p className="muted">{canEdit ? t("planGoal.intro", { year: String(year) }) : t("planGoal.introMember", { year: String(year) })}</p>
        </div>
        {canEdit ? (
          <div className="page-actions">
            <Link to={`/reports/${year}/plan/new`} className="button primary">
              {t("planGoal.new")}
            </Link>
            <Link to={`/reports/${year}`}>{t("planGoal.toReport", { year: String(year) })}</Link>
          </div>
        ) : null}
      </div>
      {total ? (
        <p>{t("planGoal.summary", { achieved: counts.achieved, partly: counts.partly, notAchieved: counts.not_achieved, open: counts.open })}</p>
      ) : (
        <p className="empty">{t("planGoal.noneYet", { year: String(year) })}</p>
      )}
      {sections.map(({ section, goals }) => {
        const sectionName = t(`report.section.${section}`);
        return (
          <section key={section} aria-labelledby={`plan-${section}`} className="report-section">
            <div className="page-header">
              <h2 id={`plan-${section}`}>{sectionName}</h2>
              {canEdit ? (
                <Link to={`/reports/${year}/plan/new?section=${section}`} aria-label={t("planGoal.newIn", { section: sectionName })}>
                  {t("planGoal.new")}
                </Link>
              ) : null}
            </div>
            {goals.length ? (
              <ol className="plan-goal-list">
                {goals.map((g, i) => (
                  <GoalItem key={g.id} goal={g} n={i + 1} count={goals.length} sectionName={sectionName} canEdit={canEdit} />
                ))}
              </ol>
            ) : (
              <p className="muted">{t("planGoal.empty")}</p>
            )}
          </section>
        );
      })}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
