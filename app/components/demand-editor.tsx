import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { type SubmissionResult } from "@conform-to/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { CheckboxField, CheckboxGroup, Field, FormErrors, type Option, SelectField, TextareaField } from "~/components/forms";
import { RichTextEditor } from "~/components/rich-text-editor";
import { useLocale, useT } from "~/i18n/react";
import { demandFormSchema } from "~/models/demand";
import { formatPartialDate } from "~/utils/partial-date";

export type DemandEditorDefaults = {
  titleJa?: string | null;
  titleEn?: string | null;
  summaryJa?: string | null;
  summaryEn?: string | null;
  body?: string | null;
  parentId?: string | null;
  projectNetworkId?: string | null;
  firstRaisedOn?: string | null;
  themeIds?: string[];
  targetIds?: string[];
  archived?: boolean;
  isPublic?: boolean;
};

export type DemandConflict = {
  titleJa: string;
  titleEn: string;
  summaryJa: string | null;
  summaryEn: string | null;
  firstRaisedOn: string | null;
  archived: boolean;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
  bodyHtml: string;
};

/** Values as last submitted win over the record's, so nothing typed is lost after an error. */
function submittedOr<T>(result: SubmissionResult<string[]> | undefined, name: string, fallback: T): T | string | string[] {
  const initial = result?.initialValue as Record<string, unknown> | null | undefined;
  if (!initial || !(name in initial)) return fallback;
  const value = initial[name];
  return typeof value === "string" || Array.isArray(value) ? (value as string | string[]) : fallback;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);

export function DemandEditor({
  defaults,
  options,
  lastResult,
  version,
  conflict,
  cancelTo,
}: {
  defaults: DemandEditorDefaults;
  options: { themes: Option[]; networks: Option[]; bodies: Option[]; parents: Option[] };
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: DemandConflict | null;
  cancelTo: string;
}) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "demand-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: demandFormSchema }),
    defaultValue: {
      titleJa: defaults.titleJa ?? "",
      titleEn: defaults.titleEn ?? "",
      summaryJa: defaults.summaryJa ?? "",
      summaryEn: defaults.summaryEn ?? "",
      parentId: defaults.parentId ?? "",
      projectNetworkId: defaults.projectNetworkId ?? "",
      firstRaisedOn: defaults.firstRaisedOn ?? "",
    },
  });
  const themeIds = asList(submittedOr(lastResult, "themeIds", defaults.themeIds ?? []));
  const targetIds = asList(submittedOr(lastResult, "targetIds", defaults.targetIds ?? []));
  const body = submittedOr(lastResult, "body", defaults.body ?? "");
  const archivedSubmitted = submittedOr(lastResult, "archived", defaults.archived ? "on" : "");
  const publicSubmitted = submittedOr(lastResult, "isPublic", defaults.isPublic ? "on" : "");

  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("demand.titleJa"), value: conflict.titleJa, lang: "ja" },
            { label: t("demand.titleEn"), value: conflict.titleEn, lang: "en" },
            { label: t("demand.summaryJa"), value: conflict.summaryJa, lang: "ja" },
            { label: t("demand.summaryEn"), value: conflict.summaryEn, lang: "en" },
            { label: t("demand.firstRaisedOn"), value: formatPartialDate(conflict.firstRaisedOn, locale) },
            {
              label: t("demand.body"),
              value: conflict.bodyHtml ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: conflict.bodyHtml }} /> : null,
            },
          ]}
        />
      ) : null}

      <div className="field-pair">
        <Field
          label={t("demand.titleJa")}
          id={fields.titleJa.id}
          name={fields.titleJa.name}
          defaultValue={fields.titleJa.initialValue}
          errors={fields.titleJa.errors}
          lang="ja"
          maxLength={300}
        />
        <Field
          label={t("demand.titleEn")}
          id={fields.titleEn.id}
          name={fields.titleEn.name}
          defaultValue={fields.titleEn.initialValue}
          errors={fields.titleEn.errors}
          lang="en"
          maxLength={300}
        />
      </div>
      <div className="field-pair">
        <TextareaField
          label={t("demand.summaryJa")}
          id={fields.summaryJa.id}
          name={fields.summaryJa.name}
          defaultValue={fields.summaryJa.initialValue}
          errors={fields.summaryJa.errors}
          rows={4}
          lang="ja"
        />
        <TextareaField
          label={t("demand.summaryEn")}
          id={fields.summaryEn.id}
          name={fields.summaryEn.name}
          defaultValue={fields.summaryEn.initialValue}
          errors={fields.summaryEn.errors}
          rows={4}
          lang="en"
        />
      </div>
      <RichTextEditor name="body" label={t("demand.body")} defaultValue={typeof body === "string" ? body : ""} errors={fields.body.errors} />
      <div className="field-row">
        <Field
          label={t("demand.firstRaisedOn")}
          id={fields.firstRaisedOn.id}
          name={fields.firstRaisedOn.name}
          defaultValue={fields.firstRaisedOn.initialValue}
          errors={fields.firstRaisedOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
          placeholder="2007-10"
        />
        <SelectField
          label={t("demand.projectNetwork")}
          id={fields.projectNetworkId.id}
          name={fields.projectNetworkId.name}
          defaultValue={fields.projectNetworkId.initialValue}
          errors={fields.projectNetworkId.errors}
          options={options.networks}
          emptyLabel={t("common.none")}
        />
        <SelectField
          label={t("demand.parent")}
          id={fields.parentId.id}
          name={fields.parentId.name}
          defaultValue={fields.parentId.initialValue}
          errors={fields.parentId.errors}
          options={options.parents}
          emptyLabel={t("common.none")}
          help={t("help.parent")}
        />
      </div>
      <CheckboxGroup legend={t("demand.themes")} name="themeIds" options={options.themes} defaultValue={themeIds} errors={fields.themeIds.errors} />
      <CheckboxGroup
        legend={t("demand.targets")}
        name="targetIds"
        options={options.bodies}
        defaultValue={targetIds}
        errors={fields.targetIds.errors}
        className="tall"
      />
      <div className="field-row">
        <CheckboxField label={t("demand.archived")} name="archived" defaultChecked={archivedSubmitted === "on"} />
        <CheckboxField label={t("public.checkbox")} name="isPublic" defaultChecked={publicSubmitted === "on"} help={t("public.checkboxHelp")} />
      </div>
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
