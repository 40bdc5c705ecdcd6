import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { Field, fieldProps, FormErrors, SelectField, TextareaField } from "~/components/forms";
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
          {...fieldProps(fields.kind)}
          options={kinds.options}
        />
        <Field
          label={t("organisation.shortName")}
          {...fieldProps(fields.shortName)}
          maxLength={100}
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("organisation.nameJa")}
          {...fieldProps(fields.nameJa)}
          lang="ja"
          maxLength={300}
        />
        <Field
          label={t("organisation.nameEn")}
          {...fieldProps(fields.nameEn)}
          lang="en"
          maxLength={300}
        />
      </div>
      <Field
        label={t("organisation.website")}
        {...fieldProps(fields.website)}
        type="url"
        inputMode="url"
        placeholder="https://"
        maxLength={2000}
      />
      <div className="field-row">
        <Field
          label={t("organisation.foundedOn")}
          {...fieldProps(fields.foundedOn)}
          help={t("help.partialDate")}
          placeholder="1997"
        />
        <Field
          label={t("organisation.dissolvedOn")}
          {...fieldProps(fields.dissolvedOn)}
          help={t("help.partialDate")}
        />
      </div>
      <div className="field-pair">
        <TextareaField
          label={t("organisation.notesJa")}
          {...fieldProps(fields.notesJa)}
          rows={5}
          lang="ja"
        />
        <TextareaField
          label={t("organisation.notesEn")}
          {...fieldProps(fields.notesEn)}
          rows={5}
          lang="en"
        />
      </div>
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
