import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { fieldProps, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { useT } from "~/i18n/react";
import { PLAN_RESULTS, REPORT_SECTIONS } from "~/models/activity-report";
import { GOAL_MAX, planGoalSchema, RESULT_TEXT_MAX } from "~/models/plan-goal";

type Goal = {
  section?: string | null;
  goalJa?: string | null;
  goalEn?: string | null;
  result?: string | null;
  resultJa?: string | null;
  resultEn?: string | null;
};

export type GoalConflict = Goal & { version: number; updatedByName: string | null };

const str = (v: string | null | undefined) => v ?? "";

/** One plan goal with its result, in both languages; what was typed stays on an error or a conflict. */
export function PlanGoalEditor({
  defaults,
  lastResult,
  version,
  conflict,
  cancelTo,
}: {
  defaults: Goal;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: GoalConflict | null;
  cancelTo: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "plan-goal-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planGoalSchema }),
    defaultValue: Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, str(v)])),
  });
  const resultLabel = (r: string | null | undefined) => (r === "achieved" || r === "partly" || r === "not_achieved" ? t(`report.planResult.${r}`) : t("planGoal.resultNotYet"));
  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("planGoal.section"), value: REPORT_SECTIONS.find((s) => s === conflict.section) ? t(`report.section.${conflict.section as (typeof REPORT_SECTIONS)[number]}`) : str(conflict.section) },
            { label: t("planGoal.goalJa"), value: conflict.goalJa, lang: "ja" },
            { label: t("planGoal.goalEn"), value: conflict.goalEn, lang: "en" },
            { label: t("planGoal.result"), value: resultLabel(conflict.result) },
            { label: t("planGoal.resultJa"), value: conflict.resultJa, lang: "ja" },
            { label: t("planGoal.resultEn"), value: conflict.resultEn, lang: "en" },
          ]}
        />
      ) : null}
      <SelectField
        label={t("planGoal.section")}
        {...fieldProps(fields.section)}
        options={REPORT_SECTIONS.map((s) => ({ value: s, label: t(`report.section.${s}`) }))}
        required
      />
      <div className="field-row">
        <TextareaField
          label={t("planGoal.goalJa")}
          {...fieldProps(fields.goalJa)}
          help={t("planGoal.goalHelp")}
          lang="ja"
          rows={3}
          maxLength={GOAL_MAX}
        />
        <TextareaField
          label={t("planGoal.goalEn")}
          {...fieldProps(fields.goalEn)}
          lang="en"
          rows={3}
          maxLength={GOAL_MAX}
        />
      </div>
      <SelectField
        label={t("planGoal.result")}
        {...fieldProps(fields.result)}
        emptyLabel={t("planGoal.resultNotYet")}
        options={PLAN_RESULTS.map((r) => ({ value: r, label: t(`report.planResult.${r}`) }))}
      />
      <div className="field-row">
        <TextareaField
          label={t("planGoal.resultJa")}
          {...fieldProps(fields.resultJa)}
          help={t("planGoal.resultHelp")}
          lang="ja"
          rows={3}
          maxLength={RESULT_TEXT_MAX}
        />
        <TextareaField
          label={t("planGoal.resultEn")}
          {...fieldProps(fields.resultEn)}
          lang="en"
          rows={3}
          maxLength={RESULT_TEXT_MAX}
        />
      </div>
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
