import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { Field, fieldProps, FormErrors, type Option, SelectField, TextareaField } from "~/components/forms";
import { networkStatusLabels } from "~/components/value-labels";
import { useBilingual, useT } from "~/i18n/react";
import { type NetworkCreateValues, networkCreateSchema, type NetworkFormValues, networkFormSchema } from "~/models/network";

export type NetworkEditorDefaults = {
  nameJa?: string | null;
  nameEn?: string | null;
  descriptionJa?: string | null;
  descriptionEn?: string | null;
  organisationId?: string | null;
};

export type NetworkConflict = {
  nameJa: string;
  nameEn: string;
  descriptionJa: string | null;
  descriptionEn: string | null;
  organisationNameJa: string | null;
  organisationNameEn: string | null;
  version: number;
  updatedByName: string | null;
};

/**
 * The project network form. On the new page it also asks for the first phase (its status now and
 * since when); later phases are added on the network's own page.
 */
export function NetworkEditor({
  mode,
  defaults,
  organisations,
  lastResult,
  version,
  conflict,
  cancelTo,
}: {
  mode: "create" | "edit";
  defaults: NetworkEditorDefaults;
  organisations: Option[];
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: NetworkConflict | null;
  cancelTo: string;
}) {
  const t = useT();
  const pick = useBilingual();
  const [form, fields] = useForm<NetworkFormValues & Partial<Pick<NetworkCreateValues, "status" | "fromOn">>>({
    id: "network-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mode === "create" ? networkCreateSchema : networkFormSchema }),
    defaultValue: {
      nameJa: defaults.nameJa ?? "",
      nameEn: defaults.nameEn ?? "",
      descriptionJa: defaults.descriptionJa ?? "",
      descriptionEn: defaults.descriptionEn ?? "",
      organisationId: defaults.organisationId ?? "",
      status: "sub_network",
      fromOn: "",
    },
  });
  const statuses = networkStatusLabels(t);

  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("network.nameJa"), value: conflict.nameJa, lang: "ja" },
            { label: t("network.nameEn"), value: conflict.nameEn, lang: "en" },
            { label: t("network.descriptionJa"), value: conflict.descriptionJa, lang: "ja" },
            { label: t("network.descriptionEn"), value: conflict.descriptionEn, lang: "en" },
            { label: t("network.organisation"), value: pick(conflict.organisationNameJa, conflict.organisationNameEn) },
          ]}
        />
      ) : null}

      <div className="field-pair">
        <Field
          label={t("network.nameJa")}
          {...fieldProps(fields.nameJa)}
          lang="ja"
          maxLength={300}
          help={mode === "edit" ? t("network.names.help") : undefined}
        />
        <Field
          label={t("network.nameEn")}
          {...fieldProps(fields.nameEn)}
          lang="en"
          maxLength={300}
        />
      </div>
      <div className="field-pair">
        <TextareaField
          label={t("network.descriptionJa")}
          {...fieldProps(fields.descriptionJa)}
          rows={5}
          lang="ja"
        />
        <TextareaField
          label={t("network.descriptionEn")}
          {...fieldProps(fields.descriptionEn)}
          rows={5}
          lang="en"
        />
      </div>
      <SelectField
        label={t("network.organisation")}
        {...fieldProps(fields.organisationId)}
        options={organisations}
        emptyLabel={t("common.none")}
        help={t("network.organisation.help")}
      />
      {mode === "create" ? (
        <fieldset className="field">
          <legend>{t("network.firstPhase")}</legend>
          <div className="field-row">
            <SelectField
              label={t("network.firstPhase.status")}
              {...fieldProps(fields.status)}
              options={statuses.options}
            />
            <Field
              label={t("network.firstPhase.fromOn")}
              {...fieldProps(fields.fromOn)}
              help={t("help.partialDate")}
              required
            />
          </div>
        </fieldset>
      ) : null}
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
