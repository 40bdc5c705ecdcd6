import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { organisationKindLabels } from "~/components/value-labels";
import { useLocale, useT } from "~/i18n/react";
import { organisationFormSchema } from "~/models/organisation";
import { formatPartialDate } from "~/utils/partial-date";

export type OrganisationEditorDefaults = {
  kind?: string | null;
  nameJa?: string | null;
  nameEn?: string | null;
  shortName?: string | null;
  website?: string | null;
  foundedOn?: string | null;
  dissolvedOn?: string | null;
  notesJa?: string | null;
  notesEn?: string | null;
};

export type OrganisationConflict = {
  kind: string;
  nameJa: string;
  nameEn: string;
  shortName: string | null;
  website: string | null;
  foundedOn: string | null;
  dissolvedOn: string | null;
  notesJa: string | null;
  notesEn: string | null;
  version: number;
  updatedByName: string | null;
};

/** The organisation form of the new and edit pages: same Zod schema on the client and the server. */
export function OrganisationEditor({
  defaults,
  lastResult,
  version,
  conflict,
  cancelTo,
}: {
  defaults: OrganisationEditorDefaults;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: OrganisationConflict | null;
  cancelTo: string;
}) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "organisation-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organisationFormSchema }),
    defaultValue: {
      kind: defaults.kind ?? "partner",
      nameJa: defaults.nameJa ?? "",
      nameEn: defaults.nameEn ?? "",
      shortName: defaults.shortName ?? "",
      website: defaults.website ?? "",
      foundedOn: defaults.foundedOn ?? "",
      dissolvedOn: defaults.dissolvedOn ?? "",
      notesJa: defaults.notesJa ?? "",
      notesEn: defaults.notesEn ?? "",
    },
  });
  const kinds = organisationKindLabels(t);

  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("common.kind"), value: kinds.label(conflict.kind) },
            { label: t("organisation.nameJa"), value: conflict.nameJa, lang: "ja" },
            { label: t("organisation.nameEn"), value: conflict.nameEn, lang: "en" },
            { label: t("organisation.shortName"), value: conflict.shortName },
            { label: t("organisation.website"), value: conflict.website },
            { label: t("organisation.foundedOn"), value: formatPartialDate(conflict.foundedOn, locale) },
            { label: t("organisation.dissolvedOn"), value: formatPartialDate(conflict.dissolvedOn, locale) },
            { label: t("organisation.notesJa"), value: conflict.notesJa, lang: "ja" },
            { label: t("organisation.notesEn"), value: conflict.notesEn, lang: "en" },
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
        />
        <Field
          label={t("organisation.shortName")}
          id={fields.shortName.id}
          name={fields.shortName.name}
          defaultValue={fields.shortName.initialValue}
          errors={fields.shortName.errors}
          maxLength={100}
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("organisation.nameJa")}
          id={fields.nameJa.id}
          name={fields.nameJa.name}
          defaultValue={fields.nameJa.initialValue}
          errors={fields.nameJa.errors}
          lang="ja"
          maxLength={300}
        />
        <Field
          label={t("organisation.nameEn")}
          id={fields.nameEn.id}
          name={fields.nameEn.name}
          defaultValue={fields.nameEn.initialValue}
          errors={fields.nameEn.errors}
          lang="en"
          maxLength={300}
        />
      </div>
      <Field
        label={t("organisation.website")}
        id={fields.website.id}
        name={fields.website.name}
        defaultValue={fields.website.initialValue}
        errors={fields.website.errors}
        type="url"
        inputMode="url"
        placeholder="https://"
        maxLength={2000}
      />
      <div className="field-row">
        <Field
          label={t("organisation.foundedOn")}
          id={fields.foundedOn.id}
          name={fields.foundedOn.name}
          defaultValue={fields.foundedOn.initialValue}
          errors={fields.foundedOn.errors}
          help={t("help.partialDate")}
          placeholder="1997"
        />
        <Field
          label={t("organisation.dissolvedOn")}
          id={fields.dissolvedOn.id}
          name={fields.dissolvedOn.name}
          defaultValue={fields.dissolvedOn.initialValue}
          errors={fields.dissolvedOn.errors}
          help={t("help.partialDate")}
        />
      </div>
      <div className="field-pair">
        <TextareaField
          label={t("organisation.notesJa")}
          id={fields.notesJa.id}
          name={fields.notesJa.name}
          defaultValue={fields.notesJa.initialValue}
          errors={fields.notesJa.errors}
          rows={5}
          lang="ja"
        />
        <TextareaField
          label={t("organisation.notesEn")}
          id={fields.notesEn.id}
          name={fields.notesEn.name}
          defaultValue={fields.notesEn.initialValue}
          errors={fields.notesEn.errors}
          rows={5}
          lang="en"
        />
      </div>
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
