import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { Field, FormErrors, type Option, SelectField, TextareaField } from "~/components/forms";
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
          id={fields.kind.id}
          name={fields.kind.name}
          defaultValue={fields.kind.initialValue}
          errors={fields.kind.errors}
          options={kinds.options}
          emptyLabel=""
          required
        />
        <SelectField
          label={t("body.parent")}
          id={fields.parentId.id}
          name={fields.parentId.name}
          defaultValue={fields.parentId.initialValue}
          errors={fields.parentId.errors}
          options={options.parents}
          emptyLabel={t("body.topLevel")}
          help={t("body.parentHelp")}
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("common.nameJa")}
          id={fields.nameJa.id}
          name={fields.nameJa.name}
          defaultValue={fields.nameJa.initialValue}
          errors={fields.nameJa.errors}
          lang="ja"
          maxLength={300}
        />
        <Field
          label={t("common.nameEn")}
          id={fields.nameEn.id}
          name={fields.nameEn.name}
          defaultValue={fields.nameEn.initialValue}
          errors={fields.nameEn.errors}
          lang="en"
          maxLength={300}
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("body.shortNameJa")}
          id={fields.shortNameJa.id}
          name={fields.shortNameJa.name}
          defaultValue={fields.shortNameJa.initialValue}
          errors={fields.shortNameJa.errors}
          lang="ja"
          maxLength={100}
        />
        <Field
          label={t("body.shortNameEn")}
          id={fields.shortNameEn.id}
          name={fields.shortNameEn.name}
          defaultValue={fields.shortNameEn.initialValue}
          errors={fields.shortNameEn.errors}
          lang="en"
          maxLength={100}
        />
      </div>
      <div className="field-row">
        <Field
          label={t("common.website")}
          id={fields.website.id}
          name={fields.website.name}
          defaultValue={fields.website.initialValue}
          errors={fields.website.errors}
          type="url"
          inputMode="url"
          placeholder="https://"
          maxLength={2000}
        />
        <Field
          label={t("body.sortOrder")}
          id={fields.sortOrder.id}
          name={fields.sortOrder.name}
          defaultValue={fields.sortOrder.initialValue}
          errors={fields.sortOrder.errors}
          help={t("body.sortOrderHelp")}
          inputMode="numeric"
        />
      </div>
      <TextareaField
        label={t("common.notes")}
        id={fields.notes.id}
        name={fields.notes.name}
        defaultValue={fields.notes.initialValue}
        errors={fields.notes.errors}
        rows={4}
      />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
