import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { Field, fieldProps, FormErrors, type Option, SelectField, TextareaField } from "~/components/forms";
import { bodyKindLabels } from "~/components/value-labels";
import { useBilingual, useT } from "~/i18n/react";
import { bodyFormSchema } from "~/models/body";

export type BodyEditorDefaults = {
  kind?: string | null;
  nameJa?: string | null;
  nameEn?: string | null;
  shortNameJa?: string | null;
  shortNameEn?: string | null;
  parentId?: string | null;
  website?: string | null;
  notes?: string | null;
  sortOrder?: number | null;
};

export type BodyConflictView = {
  kind: string;
  nameJa: string;
  nameEn: string;
  shortNameJa: string | null;
  shortNameEn: string | null;
  parent: { nameJa: string; nameEn: string } | null;
  website: string | null;
  notes: string | null;
  sortOrder: number;
  version: number;
  updatedByName: string | null;
};

export function BodyEditor({
  defaults,
  options,
  lastResult,
  version,
  conflict,
  cancelTo,
}: {
  defaults: BodyEditorDefaults;
  options: { parents: Option[] };
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: BodyConflictView | null;
  cancelTo: string;
}) {
  const t = useT();
  const pick = useBilingual();
  const [form, fields] = useForm({
    id: "body-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bodyFormSchema }),
    defaultValue: {
      kind: defaults.kind ?? "",
      nameJa: defaults.nameJa ?? "",
      nameEn: defaults.nameEn ?? "",
      shortNameJa: defaults.shortNameJa ?? "",
      shortNameEn: defaults.shortNameEn ?? "",
      parentId: defaults.parentId ?? "",
      website: defaults.website ?? "",
      notes: defaults.notes ?? "",
      sortOrder: String(defaults.sortOrder ?? 0),
    },
  });
  const kinds = bodyKindLabels(t);

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
            { label: t("body.shortNameJa"), value: conflict.shortNameJa, lang: "ja" },
            { label: t("body.shortNameEn"), value: conflict.shortNameEn, lang: "en" },
            { label: t("body.parent"), value: conflict.parent ? pick(conflict.parent.nameJa, conflict.parent.nameEn) : t("body.topLevel") },
            { label: t("common.website"), value: conflict.website },
            { label: t("common.notes"), value: conflict.notes },
            { label: t("body.sortOrder"), value: conflict.sortOrder },
          ]}
        />
      ) : null}

      <div className="field-row">
        <SelectField
          label={t("common.kind")}
          {...fieldProps(fields.kind)}
          options={kinds.options}
          emptyLabel=""
          required
        />
        <SelectField
          label={t("body.parent")}
          {...fieldProps(fields.parentId)}
          options={options.parents}
          emptyLabel={t("body.topLevel")}
          help={t("body.parentHelp")}
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("common.nameJa")}
          {...fieldProps(fields.nameJa)}
          lang="ja"
          maxLength={300}
        />
        <Field
          label={t("common.nameEn")}
          {...fieldProps(fields.nameEn)}
          lang="en"
          maxLength={300}
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("body.shortNameJa")}
          {...fieldProps(fields.shortNameJa)}
          lang="ja"
          maxLength={100}
        />
        <Field
          label={t("body.shortNameEn")}
          {...fieldProps(fields.shortNameEn)}
          lang="en"
          maxLength={100}
        />
      </div>
      <div className="field-row">
        <Field
          label={t("common.website")}
          {...fieldProps(fields.website)}
          type="url"
          inputMode="url"
          placeholder="https://"
          maxLength={2000}
        />
        <Field
          label={t("body.sortOrder")}
          {...fieldProps(fields.sortOrder)}
          help={t("body.sortOrderHelp")}
          inputMode="numeric"
        />
      </div>
      <TextareaField
        label={t("common.notes")}
        {...fieldProps(fields.notes)}
        rows={4}
      />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
