import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { Field, fieldProps, FormErrors, TextareaField } from "~/components/forms";
import { useT } from "~/i18n/react";
import { MEMBERSHIP_FIELDS, membershipFigureSchema, unitsField } from "~/models/membership";

type Figure = {
  year?: number | null;
  individualMembers?: number | null;
  individualMemberUnits?: number | null;
  organisationMembers?: number | null;
  organisationMemberUnits?: number | null;
  individualSubscribers?: number | null;
  individualSubscriberUnits?: number | null;
  organisationSubscribers?: number | null;
  organisationSubscriberUnits?: number | null;
  note?: string | null;
};

export type MembershipConflict = Figure & { version: number; updatedByName: string | null };

const str = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** One year's membership figures: each count with its units; what was typed stays on an error. */
export function MembershipEditor({
  defaults,
  lastResult,
  version,
  conflict,
  cancelTo,
}: {
  defaults: Figure;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: MembershipConflict | null;
  cancelTo: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "membership-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: membershipFigureSchema }),
    defaultValue: Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, str(v)])),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("membership.year"), value: str(conflict.year) },
            ...MEMBERSHIP_FIELDS.map((f) => ({
              label: t(`membership.${f}`),
              value: conflict[f] == null ? "" : t("membership.withUnits", { count: str(conflict[f]), units: str(conflict[unitsField(f)]) || "—" }),
            })),
            { label: t("membership.note"), value: conflict.note },
          ]}
        />
      ) : null}
      <Field
        label={t("membership.year")}
        {...fieldProps(fields.year)}
        inputMode="numeric"
        maxLength={4}
        required
        className="field-narrow"
      />
      {MEMBERSHIP_FIELDS.map((f) => {
        const count = fields[f];
        const units = fields[unitsField(f)];
        return (
          <div className="field-row" key={f}>
            <Field
              label={t(`membership.${f}`)}
              {...fieldProps(count)}
              inputMode="numeric"
              maxLength={9}
            />
            <Field
              label={<span aria-label={t("membership.units", { label: t(`membership.${f}`) })}>{t(`membership.${unitsField(f)}`)}</span>}
              {...fieldProps(units)}
              inputMode="numeric"
              maxLength={9}
            />
          </div>
        );
      })}
      <p className="field-help">{t("membership.countHelp")}</p>
      <TextareaField
        label={t("membership.note")}
        {...fieldProps(fields.note)}
        help={t("membership.noteHelp")}
        rows={3}
        maxLength={2000}
      />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
