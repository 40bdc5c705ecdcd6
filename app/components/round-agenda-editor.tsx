// The form of one agenda item: a demand put to a body, the question sent in advance, the answer
// given, our assessment of it, and any commitment with its follow-up.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useId } from "react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { ErrorList, Field, FormErrors, type ListOfErrors, type Option, SelectField, TextareaField } from "~/components/forms";
import { InternalBadge } from "~/components/round-badges";
import { submittedOr } from "~/components/round-editor";
import { RichTextEditor } from "~/components/rich-text-editor";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { agendaItemFormSchema, ASSESSMENTS, FOLLOW_UP_STATUSES, isAssessment, isFollowUpStatus } from "~/models/round";
import { formatPartialDate } from "~/utils/partial-date";

export type AgendaItemDefaults = {
  demandId?: string | null;
  bodyId?: string | null;
  questionJa?: string | null;
  questionEn?: string | null;
  answer?: string | null;
  assessment?: string | null;
  commitmentJa?: string | null;
  commitmentEn?: string | null;
  followUpOn?: string | null;
  followUpStatus?: string | null;
  followUpNote?: string | null;
  internalNote?: string | null;
};

export type AgendaItemOptions = { demands: Option[]; bodiesAtRound: Option[]; bodies: Option[] };

export type AgendaItemConflictView = {
  demand: { ref: string; titleJa: string; titleEn: string } | null;
  body: { nameJa: string; nameEn: string } | null;
  questionJa: string | null;
  questionEn: string | null;
  answerHtml: string;
  assessment: string | null;
  commitmentJa: string | null;
  commitmentEn: string | null;
  followUpOn: string | null;
  followUpStatus: string | null;
  followUpNote: string | null;
  internalNote: string | null;
  version: number;
  updatedByName: string | null;
};

/** The answering body: those present at the round first, then every body. */
function BodySelect({
  label,
  id,
  name,
  defaultValue,
  errors,
  options,
}: {
  label: string;
  id: string;
  name: string;
  defaultValue?: string;
  errors?: ListOfErrors;
  options: AgendaItemOptions;
}) {
  const t = useT();
  const errorId = `${id}-error`;
  const helpId = `${useId()}-help`;
  const hasErrors = Boolean(errors?.some(Boolean));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={hasErrors || undefined}
        aria-describedby={[helpId, hasErrors ? errorId : null].filter(Boolean).join(" ")}
      >
        <option value="">{t("common.none")}</option>
        {options.bodiesAtRound.length ? (
          <optgroup label={t("agenda.bodiesAtRound")}>
            {options.bodiesAtRound.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label={t("agenda.allBodies")}>
          {options.bodies.map((o) => (
            <option key={o.value} value={o.value}>
              {"\u3000".repeat(o.depth ?? 0)}
              {o.label}
            </option>
          ))}
        </optgroup>
      </select>
      <p id={helpId} className="field-help">
        {t("agenda.bodyHelp")}
      </p>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function AgendaItemEditor({
  defaults,
  options,
  lastResult,
  version,
  conflict,
  cancelTo,
}: {
  defaults: AgendaItemDefaults;
  options: AgendaItemOptions;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: AgendaItemConflictView | null;
  cancelTo: string;
}) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [form, fields] = useForm({
    id: "agenda-item-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agendaItemFormSchema }),
    defaultValue: {
      demandId: defaults.demandId ?? "",
      bodyId: defaults.bodyId ?? "",
      questionJa: defaults.questionJa ?? "",
      questionEn: defaults.questionEn ?? "",
      assessment: defaults.assessment ?? "",
      commitmentJa: defaults.commitmentJa ?? "",
      commitmentEn: defaults.commitmentEn ?? "",
      followUpOn: defaults.followUpOn ?? "",
      followUpStatus: defaults.followUpStatus ?? "",
      followUpNote: defaults.followUpNote ?? "",
      internalNote: defaults.internalNote ?? "",
    },
  });
  const answer = submittedOr(lastResult, "answer", defaults.answer ?? "");
  const assessmentOptions = ASSESSMENTS.map((a) => ({ value: a, label: t(`assessment.${a}`) }));
  const followUpOptions = FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`followUp.${s}`) }));

  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("agenda.demand"), value: conflict.demand ? `${conflict.demand.ref} ${pick(conflict.demand.titleJa, conflict.demand.titleEn)}` : null },
            { label: t("agenda.body"), value: conflict.body ? pick(conflict.body.nameJa, conflict.body.nameEn) : null },
            { label: t("agenda.questionJa"), value: conflict.questionJa, lang: "ja" },
            { label: t("agenda.questionEn"), value: conflict.questionEn, lang: "en" },
            { label: t("agenda.answer"), value: conflict.answerHtml ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: conflict.answerHtml }} /> : null },
            { label: t("agenda.assessment"), value: isAssessment(conflict.assessment) ? t(`assessment.${conflict.assessment}`) : null },
            { label: t("agenda.commitmentJa"), value: conflict.commitmentJa, lang: "ja" },
            { label: t("agenda.commitmentEn"), value: conflict.commitmentEn, lang: "en" },
            { label: t("agenda.followUpOn"), value: formatPartialDate(conflict.followUpOn, locale) },
            { label: t("agenda.followUpStatus"), value: isFollowUpStatus(conflict.followUpStatus) ? t(`followUp.${conflict.followUpStatus}`) : null },
            { label: t("agenda.followUpNote"), value: conflict.followUpNote },
            { label: t("common.internalNote"), value: conflict.internalNote },
          ]}
        />
      ) : null}

      <div className="field-row">
        <SelectField
          label={t("agenda.demand")}
          id={fields.demandId.id}
          name={fields.demandId.name}
          defaultValue={fields.demandId.initialValue}
          errors={fields.demandId.errors}
          options={options.demands}
          emptyLabel=""
          required
        />
        <BodySelect
          label={t("agenda.body")}
          id={fields.bodyId.id}
          name={fields.bodyId.name}
          defaultValue={fields.bodyId.initialValue}
          errors={fields.bodyId.errors}
          options={options}
        />
      </div>
      <div className="field-pair">
        <TextareaField
          label={t("agenda.questionJa")}
          id={fields.questionJa.id}
          name={fields.questionJa.name}
          defaultValue={fields.questionJa.initialValue}
          errors={fields.questionJa.errors}
          rows={4}
          lang="ja"
        />
        <TextareaField
          label={t("agenda.questionEn")}
          id={fields.questionEn.id}
          name={fields.questionEn.name}
          defaultValue={fields.questionEn.initialValue}
          errors={fields.questionEn.errors}
          rows={4}
          lang="en"
        />
      </div>
      <RichTextEditor name="answer" label={t("agenda.answer")} defaultValue={typeof answer === "string" ? answer : ""} errors={fields.answer.errors} />
      <SelectField
        label={t("agenda.assessment")}
        id={fields.assessment.id}
        name={fields.assessment.name}
        defaultValue={fields.assessment.initialValue}
        errors={fields.assessment.errors}
        options={assessmentOptions}
        emptyLabel={t("agenda.notAssessed")}
      />
      <fieldset className="field">
        <legend>{t("agenda.commitment")}</legend>
        <p className="field-help">{t("agenda.commitmentHelp")}</p>
        <div className="field-pair">
          <TextareaField
            label={t("agenda.commitmentJa")}
            id={fields.commitmentJa.id}
            name={fields.commitmentJa.name}
            defaultValue={fields.commitmentJa.initialValue}
            errors={fields.commitmentJa.errors}
            rows={3}
            lang="ja"
          />
          <TextareaField
            label={t("agenda.commitmentEn")}
            id={fields.commitmentEn.id}
            name={fields.commitmentEn.name}
            defaultValue={fields.commitmentEn.initialValue}
            errors={fields.commitmentEn.errors}
            rows={3}
            lang="en"
          />
        </div>
        <div className="field-row">
          <Field
            label={t("agenda.followUpOn")}
            id={fields.followUpOn.id}
            name={fields.followUpOn.name}
            defaultValue={fields.followUpOn.initialValue}
            errors={fields.followUpOn.errors}
            help={t("agenda.followUpOnHelp")}
            inputMode="numeric"
            placeholder="2012-03"
          />
          <SelectField
            label={t("agenda.followUpStatus")}
            id={fields.followUpStatus.id}
            name={fields.followUpStatus.name}
            defaultValue={fields.followUpStatus.initialValue}
            errors={fields.followUpStatus.errors}
            options={followUpOptions}
            emptyLabel={t("agenda.followUpStatusDefault")}
          />
        </div>
        <TextareaField
          label={t("agenda.followUpNote")}
          id={fields.followUpNote.id}
          name={fields.followUpNote.name}
          defaultValue={fields.followUpNote.initialValue}
          errors={fields.followUpNote.errors}
          rows={2}
        />
      </fieldset>
      <TextareaField
        label={
          <>
            {t("common.internalNote")} <InternalBadge />
          </>
        }
        id={fields.internalNote.id}
        name={fields.internalNote.name}
        defaultValue={fields.internalNote.initialValue}
        errors={fields.internalNote.errors}
        rows={3}
      />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
