// The instrument form (the government document an outcome points to) of the new and edit pages:
// same Zod schema on the client and the server.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { Field, FormErrors, type Option, SelectField, TextareaField } from "~/components/forms";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { INSTRUMENT_KINDS, instrumentFormSchema, isInstrumentKind } from "~/models/instrument";
import { formatPartialDate } from "~/utils/partial-date";

export type InstrumentEditorDefaults = {
  kind?: string | null;
  titleJa?: string | null;
  titleEn?: string | null;
  issuerBodyId?: string | null;
  draftOn?: string | null;
  adoptedOn?: string | null;
  effectiveOn?: string | null;
  url?: string | null;
  notes?: string | null;
};

export type InstrumentConflict = {
  kind: string;
  titleJa: string;
  titleEn: string;
  issuerBody: { nameJa: string; nameEn: string } | null;
  draftOn: string | null;
  adoptedOn: string | null;
  effectiveOn: string | null;
  url: string | null;
  notes: string | null;
  version: number;
  updatedByName: string | null;
};

export function InstrumentEditor({
  defaults,
  options,
  lastResult,
  version,
  conflict,
  cancelTo,
}: {
  defaults: InstrumentEditorDefaults;
  options: { bodies: Option[] };
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: InstrumentConflict | null;
  cancelTo: string;
}) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [form, fields] = useForm({
    id: "instrument-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: instrumentFormSchema }),
    defaultValue: {
      kind: defaults.kind ?? "",
      titleJa: defaults.titleJa ?? "",
      titleEn: defaults.titleEn ?? "",
      issuerBodyId: defaults.issuerBodyId ?? "",
      draftOn: defaults.draftOn ?? "",
      adoptedOn: defaults.adoptedOn ?? "",
      effectiveOn: defaults.effectiveOn ?? "",
      url: defaults.url ?? "",
      notes: defaults.notes ?? "",
    },
  });
  const kindOptions = INSTRUMENT_KINDS.map((k) => ({ value: k, label: t(`instrumentKind.${k}`) }));

  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("common.kind"), value: isInstrumentKind(conflict.kind) ? t(`instrumentKind.${conflict.kind}`) : conflict.kind },
            { label: t("instrument.titleJa"), value: conflict.titleJa, lang: "ja" },
            { label: t("instrument.titleEn"), value: conflict.titleEn, lang: "en" },
            { label: t("instrument.issuerBody"), value: conflict.issuerBody ? pick(conflict.issuerBody.nameJa, conflict.issuerBody.nameEn) : null },
            { label: t("instrument.draftOn"), value: formatPartialDate(conflict.draftOn, locale) },
            { label: t("instrument.adoptedOn"), value: formatPartialDate(conflict.adoptedOn, locale) },
            { label: t("instrument.effectiveOn"), value: formatPartialDate(conflict.effectiveOn, locale) },
            { label: t("instrument.url"), value: conflict.url },
            { label: t("common.notes"), value: conflict.notes },
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
          options={kindOptions}
          emptyLabel={t("instrument.chooseKind")}
          required
        />
        <SelectField
          label={t("instrument.issuerBody")}
          id={fields.issuerBodyId.id}
          name={fields.issuerBodyId.name}
          defaultValue={fields.issuerBodyId.initialValue}
          errors={fields.issuerBodyId.errors}
          options={options.bodies}
          emptyLabel={t("common.none")}
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("instrument.titleJa")}
          id={fields.titleJa.id}
          name={fields.titleJa.name}
          defaultValue={fields.titleJa.initialValue}
          errors={fields.titleJa.errors}
          lang="ja"
          maxLength={500}
        />
        <Field
          label={t("instrument.titleEn")}
          id={fields.titleEn.id}
          name={fields.titleEn.name}
          defaultValue={fields.titleEn.initialValue}
          errors={fields.titleEn.errors}
          lang="en"
          maxLength={500}
        />
      </div>
      <div className="field-row">
        <Field
          label={t("instrument.draftOn")}
          id={fields.draftOn.id}
          name={fields.draftOn.name}
          defaultValue={fields.draftOn.initialValue}
          errors={fields.draftOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
        />
        <Field
          label={t("instrument.adoptedOn")}
          id={fields.adoptedOn.id}
          name={fields.adoptedOn.name}
          defaultValue={fields.adoptedOn.initialValue}
          errors={fields.adoptedOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
        />
        <Field
          label={t("instrument.effectiveOn")}
          id={fields.effectiveOn.id}
          name={fields.effectiveOn.name}
          defaultValue={fields.effectiveOn.initialValue}
          errors={fields.effectiveOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
        />
      </div>
      <Field
        label={t("instrument.url")}
        id={fields.url.id}
        name={fields.url.name}
        defaultValue={fields.url.initialValue}
        errors={fields.url.errors}
        type="url"
        inputMode="url"
        placeholder="https://"
        maxLength={2000}
      />
      <TextareaField
        label={t("common.notes")}
        id={fields.notes.id}
        name={fields.notes.name}
        defaultValue={fields.notes.initialValue}
        errors={fields.notes.errors}
        rows={5}
      />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
