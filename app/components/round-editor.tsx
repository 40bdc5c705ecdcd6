// The form of a negotiation round or meeting (create and edit): what, when, where, with whom, the
// summary members read, the staff-only note and the attached documents.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { CheckboxField, CheckboxGroup, Field, FormErrors, type Option, SelectField, TextareaField } from "~/components/forms";
import { InternalBadge } from "~/components/round-badges";
import { RichTextEditor } from "~/components/rich-text-editor";
import { translateMaybe } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isRoundKind, ROUND_KINDS, roundFormSchema } from "~/models/round";
import { formatPartialDate } from "~/utils/partial-date";

export type RoundEditorDefaults = {
  kind?: string | null;
  titleJa?: string | null;
  titleEn?: string | null;
  heldOn?: string | null;
  place?: string | null;
  requestId?: string | null;
  intermediaryBodyId?: string | null;
  bodyIds?: string[];
  officialIds?: string[];
  ourIds?: string[];
  summary?: string | null;
  internalNote?: string | null;
  agendaFromRequest?: boolean;
};

export type RoundEditorOptions = { bodies: Option[]; requests: Option[]; officials: Option[]; ours: Option[] };

export type RoundConflictView = {
  kind: string;
  titleJa: string;
  titleEn: string;
  heldOn: string;
  place: string | null;
  internalNote: string | null;
  bodies: Array<{ nameJa: string; nameEn: string }>;
  attachments: string[];
  summaryHtml: string;
  version: number;
  updatedByName: string | null;
};

type Attachment = { id: string; fileName: string; size: number };

/**
 * Values as last submitted win over the record's, so nothing typed is lost after an error (for the
 * inputs Conform does not track itself: checkbox groups and the rich-text editor).
 */
export function submittedOr<T>(result: SubmissionResult<string[]> | undefined, name: string, fallback: T): T | string | string[] {
  const initial = result?.initialValue as Record<string, unknown> | null | undefined;
  if (!initial) return fallback;
  // Submitted without it: an unticked box, an emptied field.
  if (!(name in initial)) return Array.isArray(fallback) ? [] : "";
  const value = initial[name];
  return typeof value === "string" || Array.isArray(value) ? (value as string | string[]) : fallback;
}

export const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);

export function formatSize(bytes: number, locale: string) {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${n.format(bytes / 1024 / 1024)} MB` : `${n.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

export function RoundEditor({
  defaults,
  options,
  attachments,
  attachmentAccept,
  attachmentMaxMb,
  creating,
  lastResult,
  version,
  conflict,
  cancelTo,
}: {
  defaults: RoundEditorDefaults;
  options: RoundEditorOptions;
  attachments: Attachment[];
  attachmentAccept: string;
  attachmentMaxMb: number;
  creating: boolean;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: RoundConflictView | null;
  cancelTo: string;
}) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [form, fields] = useForm({
    id: "round-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roundFormSchema }),
    defaultValue: {
      kind: defaults.kind ?? "",
      titleJa: defaults.titleJa ?? "",
      titleEn: defaults.titleEn ?? "",
      heldOn: defaults.heldOn ?? "",
      place: defaults.place ?? "",
      requestId: defaults.requestId ?? "",
      intermediaryBodyId: defaults.intermediaryBodyId ?? "",
      internalNote: defaults.internalNote ?? "",
    },
  });
  const bodyIds = asList(submittedOr(lastResult, "bodyIds", defaults.bodyIds ?? []));
  const officialIds = asList(submittedOr(lastResult, "officialIds", defaults.officialIds ?? []));
  const ourIds = asList(submittedOr(lastResult, "ourIds", defaults.ourIds ?? []));
  const removeIds = asList(submittedOr(lastResult, "removeAttachmentIds", []));
  const summary = submittedOr(lastResult, "summary", defaults.summary ?? "");
  const agendaFromRequest = submittedOr(lastResult, "agendaFromRequest", defaults.agendaFromRequest ? "on" : "");
  const kindOptions = ROUND_KINDS.map((k) => ({ value: k, label: t(`roundKind.${k}`) }));
  const fileErrors = form.allErrors.attachments ?? null;

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("common.kind"), value: isRoundKind(conflict.kind) ? t(`roundKind.${conflict.kind}`) : conflict.kind },
            { label: t("round.titleJa"), value: conflict.titleJa, lang: "ja" },
            { label: t("round.titleEn"), value: conflict.titleEn, lang: "en" },
            { label: t("round.heldOn"), value: formatPartialDate(conflict.heldOn, locale) },
            { label: t("round.place"), value: conflict.place },
            { label: t("round.bodies"), value: conflict.bodies.map((b) => pick(b.nameJa, b.nameEn)).join(locale === "ja" ? "、" : ", ") },
            { label: t("round.summary"), value: conflict.summaryHtml ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: conflict.summaryHtml }} /> : null },
            { label: t("common.internalNote"), value: conflict.internalNote },
            { label: t("common.attachments"), value: conflict.attachments.join(", ") },
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
          emptyLabel=""
          required
        />
        <Field
          label={t("round.heldOn")}
          id={fields.heldOn.id}
          name={fields.heldOn.name}
          defaultValue={fields.heldOn.initialValue}
          errors={fields.heldOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
          placeholder="2011-05-18"
          required
        />
        <Field
          label={t("round.place")}
          id={fields.place.id}
          name={fields.place.name}
          defaultValue={fields.place.initialValue}
          errors={fields.place.errors}
          maxLength={300}
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("round.titleJa")}
          id={fields.titleJa.id}
          name={fields.titleJa.name}
          defaultValue={fields.titleJa.initialValue}
          errors={fields.titleJa.errors}
          lang="ja"
          maxLength={300}
        />
        <Field
          label={t("round.titleEn")}
          id={fields.titleEn.id}
          name={fields.titleEn.name}
          defaultValue={fields.titleEn.initialValue}
          errors={fields.titleEn.errors}
          lang="en"
          maxLength={300}
        />
      </div>
      <div className="field-row">
        <SelectField
          label={t("round.request")}
          id={fields.requestId.id}
          name={fields.requestId.name}
          defaultValue={fields.requestId.initialValue}
          errors={fields.requestId.errors}
          options={options.requests}
          emptyLabel={t("common.none")}
          help={t("round.requestHelp")}
        />
        <SelectField
          label={t("round.intermediary")}
          id={fields.intermediaryBodyId.id}
          name={fields.intermediaryBodyId.name}
          defaultValue={fields.intermediaryBodyId.initialValue}
          errors={fields.intermediaryBodyId.errors}
          options={options.bodies}
          emptyLabel={t("common.none")}
          help={t("round.intermediaryHelp")}
        />
      </div>
      {creating ? (
        <CheckboxField
          label={t("round.agendaFromRequest")}
          name="agendaFromRequest"
          defaultChecked={agendaFromRequest === "on"}
          errors={fields.agendaFromRequest.errors}
        />
      ) : null}
      <CheckboxGroup legend={t("round.bodies")} name="bodyIds" options={options.bodies} defaultValue={bodyIds} errors={fields.bodyIds.errors} className="tall" />
      <div className="columns">
        <CheckboxGroup
          legend={t("round.officials")}
          name="officialIds"
          options={options.officials}
          defaultValue={officialIds}
          errors={fields.officialIds.errors}
          className="tall"
        />
        <CheckboxGroup legend={t("round.ours")} name="ourIds" options={options.ours} defaultValue={ourIds} errors={fields.ourIds.errors} className="tall" />
      </div>
      {options.officials.length === 0 ? <p className="field-help">{t("round.noOfficialsHelp")}</p> : null}
      <RichTextEditor name="summary" label={t("round.summary")} defaultValue={typeof summary === "string" ? summary : ""} errors={fields.summary.errors} />
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
        rows={4}
      />

      <fieldset className="field">
        <legend>{t("common.attachments")}</legend>
        {attachments.length ? (
          <ul className="plain-list">
            {attachments.map((a) => (
              <li key={a.id}>
                <label className="checkbox-option">
                  <input type="checkbox" name="removeAttachmentIds" value={a.id} defaultChecked={removeIds.includes(a.id)} />
                  <span>{t("round.removeAttachment", { name: a.fileName })}</span>
                </label>{" "}
                <span className="muted">({formatSize(a.size, locale)})</span>
              </li>
            ))}
          </ul>
        ) : null}
        {fields.removeAttachmentIds.errors?.length ? (
          <ul className="field-errors">
            {fields.removeAttachmentIds.errors.map((e) => (
              <li key={e}>{translateMaybe(t, e)}</li>
            ))}
          </ul>
        ) : null}
        <div className="field">
          <label htmlFor="round-attachments">{t("common.addAttachment")}</label>
          <input
            id="round-attachments"
            type="file"
            name="attachments"
            multiple
            accept={attachmentAccept}
            aria-invalid={fileErrors?.length ? true : undefined}
            aria-describedby={["round-attachments-help", fileErrors?.length ? "round-attachments-error" : null].filter(Boolean).join(" ")}
          />
          <p id="round-attachments-help" className="field-help">
            {t("round.attachmentsHelp", { max: attachmentMaxMb })}
          </p>
          {fileErrors?.length ? (
            <ul id="round-attachments-error" className="field-errors">
              {fileErrors.map((e) => (
                <li key={e}>{translateMaybe(t, e, { max: attachmentMaxMb })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </fieldset>
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
