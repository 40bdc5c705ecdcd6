import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { Field, fieldProps, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { personKindLabels } from "~/components/value-labels";
import { useT } from "~/i18n/react";
import { personFormSchema } from "~/models/person";

export type PersonEditorDefaults = {
  kind?: string | null;
  nameJa?: string | null;
  nameEn?: string | null;
  email?: string | null;
  phone?: string | null;
  notes?: string | null;
};

export type PersonConflictView = {
  kind: string;
  nameJa: string;
  nameEn: string;
  email: string | null;
  phone: string | null;
  notes: string | null;
  version: number;
  updatedByName: string | null;
};

export function PersonEditor({
  defaults,
  lastResult,
  version,
  conflict,
  cancelTo,
}: {
  defaults: PersonEditorDefaults;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: PersonConflictView | null;
  cancelTo: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "person-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: personFormSchema }),
    defaultValue: {
      kind: defaults.kind ?? "",
      nameJa: defaults.nameJa ?? "",
      nameEn: defaults.nameEn ?? "",
      email: defaults.email ?? "",
      phone: defaults.phone ?? "",
      notes: defaults.notes ?? "",
    },
  });
  const kinds = personKindLabels(t);

  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("common.kind"), value: kinds.label(conflict.kind) },
            { label: t("common.nameJa"), value: conflict.nameJa, lang: "ja" },
            { label: t("common.nameEn"), value: conflict.nameEn, lang: "en" },
            { label: t("person.email"), value: conflict.email },
            { label: t("person.phone"), value: conflict.phone },
            { label: t("common.notes"), value: conflict.notes },
          ]}
        />
      ) : null}

      <SelectField
        label={t("common.kind")}
        {...fieldProps(fields.kind)}
        options={kinds.options}
        emptyLabel=""
        required
      />
      <div className="field-pair">
        <Field
          label={t("common.nameJa")}
          {...fieldProps(fields.nameJa)}
          lang="ja"
          maxLength={200}
          autoComplete="off"
        />
        <Field
          label={t("common.nameEn")}
          {...fieldProps(fields.nameEn)}
          lang="en"
          maxLength={200}
          autoComplete="off"
        />
      </div>
      <div className="field-row">
        <Field
          label={t("person.email")}
          {...fieldProps(fields.email)}
          type="email"
          maxLength={254}
          autoComplete="off"
        />
        <Field
          label={t("person.phone")}
          {...fieldProps(fields.phone)}
          type="tel"
          maxLength={50}
          autoComplete="off"
        />
      </div>
      <TextareaField
        label={t("common.notes")}
        {...fieldProps(fields.notes)}
        help={t("person.staffOnly")}
        rows={4}
      />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
