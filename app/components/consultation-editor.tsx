// The editors of public comments: a consultation, and a submission with its points (a Conform list:
// add, remove, move) and the government's answer per point. The same Zod schemas run in the browser
// and in the actions; values as last submitted come back after an error, so nothing typed is lost.
import { type FieldMetadata, type FormMetadata, getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useMemo } from "react";
import { type ConflictRow, ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { CheckboxGroup, ErrorList, Field, FormErrors, type Option, SelectField, TextareaField } from "~/components/forms";
import { AttachmentsField, type ExistingAttachment, type UploadSettings } from "~/components/request-editor";
import { RichTextEditor } from "~/components/rich-text-editor";
import { useLocale, useT } from "~/i18n/react";
import {
  consultationFormSchema,
  type ConsultationFormValues,
  FINAL_TEXT_CHANGES,
  isFinalTextChange,
  isResponseKind,
  RESPONSE_KINDS,
  submissionFormSchema,
  type SubmissionFormValues,
} from "~/models/consultation";
import { formatPartialDate } from "~/utils/partial-date";

/** Values as last submitted win over the record's (checkbox groups and the rich text are not Conform fields). */
function submittedOr(result: SubmissionResult<string[]> | undefined, name: string, fallback: string | string[]): string | string[] {
  const initial = result?.initialValue as Record<string, unknown> | null | undefined;
  if (!initial || !(name in initial)) return fallback;
  const value = initial[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.map(String) : fallback;
}
const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : v ? [v] : []);

// ───────────── Consultation ─────────────

export type ConsultationDefaults = Partial<Record<Exclude<keyof ConsultationFormValues, "attachments" | "removeAttachmentIds">, string | null>>;

export type ConsultationConflictView = {
  titleJa: string;
  titleEn: string;
  caseNumber: string | null;
  issuerBodyName: string | null;
  instrumentTitle: string | null;
  openedOn: string | null;
  closesOn: string;
  url: string | null;
  note: string | null;
  resultOn: string | null;
  finalTextChanged: string | null;
  resultNote: string | null;
  internalNote: string | null;
  attachments: Array<{ fileName: string }>;
  version: number;
  updatedByName: string | null;
};

type ConsultationShape = ConsultationFormValues & { version?: number };

export function ConsultationEditor({
  defaults,
  options,
  upload,
  lastResult,
  version,
  conflict,
  existingAttachments = [],
  cancelTo,
}: {
  defaults: ConsultationDefaults;
  options: { bodies: Option[]; instruments: Option[] };
  upload: UploadSettings;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: ConsultationConflictView | null;
  existingAttachments?: ExistingAttachment[];
  cancelTo: string;
}) {
  const t = useT();
  const locale = useLocale();
  const schema = useMemo(() => consultationFormSchema(upload.maxBytes), [upload.maxBytes]);
  const [form, fields] = useForm<ConsultationShape>({
    id: "consultation-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, v ?? ""])),
  });
  const removeIds = asList(submittedOr(lastResult, "removeAttachmentIds", []));
  const finalOptions = FINAL_TEXT_CHANGES.map((v) => ({ value: v, label: t(`finalText.${v}`) }));
  const conflictRows: ConflictRow[] = conflict
    ? [
        { label: t("consultation.titleJa"), value: conflict.titleJa, lang: "ja" },
        { label: t("consultation.titleEn"), value: conflict.titleEn, lang: "en" },
        { label: t("consultation.caseNumber"), value: conflict.caseNumber },
        { label: t("consultation.issuerBodyId"), value: conflict.issuerBodyName },
        { label: t("consultation.instrumentId"), value: conflict.instrumentTitle },
        { label: t("consultation.openedOn"), value: formatPartialDate(conflict.openedOn, locale) },
        { label: t("consultation.closesOn"), value: formatPartialDate(conflict.closesOn, locale) },
        { label: t("consultation.url"), value: conflict.url },
        { label: t("consultation.note"), value: conflict.note },
        { label: t("consultation.resultOn"), value: formatPartialDate(conflict.resultOn, locale) },
        { label: t("consultation.finalTextChanged"), value: isFinalTextChange(conflict.finalTextChanged) ? t(`finalText.${conflict.finalTextChanged}`) : null },
        { label: t("consultation.resultNote"), value: conflict.resultNote },
        { label: t("common.internalNote"), value: conflict.internalNote },
        { label: t("common.attachments"), value: conflict.attachments.map((a) => a.fileName).join(", ") },
      ]
    : [];

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? <ConflictPanel savedBy={conflict.updatedByName} rows={conflictRows} /> : null}
      <div className="field-pair">
        <Field label={t("consultation.titleJa")} id={fields.titleJa.id} name={fields.titleJa.name} defaultValue={fields.titleJa.initialValue} errors={fields.titleJa.errors} lang="ja" maxLength={500} />
        <Field label={t("consultation.titleEn")} id={fields.titleEn.id} name={fields.titleEn.name} defaultValue={fields.titleEn.initialValue} errors={fields.titleEn.errors} lang="en" maxLength={500} />
      </div>
      <div className="field-row">
        <Field
          label={t("consultation.caseNumber")}
          id={fields.caseNumber.id}
          name={fields.caseNumber.name}
          defaultValue={fields.caseNumber.initialValue}
          errors={fields.caseNumber.errors}
          help={t("consultation.caseNumber.help")}
          maxLength={100}
        />
        <SelectField
          label={t("consultation.issuerBodyId")}
          id={fields.issuerBodyId.id}
          name={fields.issuerBodyId.name}
          defaultValue={fields.issuerBodyId.initialValue ?? ""}
          errors={fields.issuerBodyId.errors}
          options={options.bodies}
          emptyLabel={t("common.none")}
        />
      </div>
      <SelectField
        label={t("consultation.instrumentId")}
        id={fields.instrumentId.id}
        name={fields.instrumentId.name}
        defaultValue={fields.instrumentId.initialValue ?? ""}
        errors={fields.instrumentId.errors}
        options={options.instruments}
        emptyLabel={t("common.none")}
        help={t("consultation.instrument.help")}
      />
      <div className="field-row">
        <Field
          label={t("consultation.openedOn")}
          id={fields.openedOn.id}
          name={fields.openedOn.name}
          defaultValue={fields.openedOn.initialValue}
          errors={fields.openedOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
          placeholder="2011-11-01"
        />
        <Field
          label={t("consultation.closesOn")}
          id={fields.closesOn.id}
          name={fields.closesOn.name}
          defaultValue={fields.closesOn.initialValue}
          errors={fields.closesOn.errors}
          help={t("consultation.closesOn.help")}
          inputMode="numeric"
          placeholder="2011-11-30"
          required
        />
      </div>
      <Field label={t("consultation.url")} id={fields.url.id} name={fields.url.name} defaultValue={fields.url.initialValue} errors={fields.url.errors} type="url" placeholder="https://public-comment.e-gov.go.jp/…" />
      <TextareaField label={t("consultation.note")} id={fields.note.id} name={fields.note.name} defaultValue={fields.note.initialValue} errors={fields.note.errors} rows={4} />

      <fieldset className="field">
        <legend>{t("consultation.result")}</legend>
        <div className="field-row">
          <Field
            label={t("consultation.resultOn")}
            id={fields.resultOn.id}
            name={fields.resultOn.name}
            defaultValue={fields.resultOn.initialValue}
            errors={fields.resultOn.errors}
            help={t("help.partialDate")}
            inputMode="numeric"
          />
          <SelectField
            label={t("consultation.finalTextChanged")}
            id={fields.finalTextChanged.id}
            name={fields.finalTextChanged.name}
            defaultValue={fields.finalTextChanged.initialValue ?? ""}
            errors={fields.finalTextChanged.errors}
            options={finalOptions}
            emptyLabel={t("consultation.finalTextUnknown")}
          />
        </div>
        <TextareaField
          label={t("consultation.resultNote")}
          id={fields.resultNote.id}
          name={fields.resultNote.name}
          defaultValue={fields.resultNote.initialValue}
          errors={fields.resultNote.errors}
          rows={3}
        />
      </fieldset>

      <TextareaField
        label={
          <>
            {t("common.internalNote")} <span className="badge badge-internal">{t("common.internal")}</span>
          </>
        }
        id={fields.internalNote.id}
        name={fields.internalNote.name}
        defaultValue={fields.internalNote.initialValue}
        errors={fields.internalNote.errors}
        rows={3}
      />
      <AttachmentsField
        id={fields.attachments.id}
        errors={fields.attachments.errors}
        removeErrors={fields.removeAttachmentIds.errors}
        upload={upload}
        existing={existingAttachments}
        removeIds={removeIds}
      />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}

// ───────────── Submission ─────────────

export type PointDefaults = {
  id?: string;
  demandId?: string;
  textJa?: string;
  textEn?: string;
  responseSummary?: string;
  responseAnswer?: string;
  responseKind?: string;
};

export type SubmissionDefaults = {
  submittedOn?: string;
  sender?: string;
  cosignerIds?: string[];
  points?: PointDefaults[];
  body?: string | null;
  internalNote?: string | null;
};

export type SubmissionOptions = { senderOrganisations: Option[]; senderNetworks: Option[]; organisations: Option[]; demands: Option[] };

export type SubmissionConflictView = {
  submittedOn: string;
  senderName: string | null;
  cosignerNames: string[];
  points: Array<{ demandRef: string | null; textJa: string | null; textEn: string | null; responseAnswer: string | null; responseKind: string | null }>;
  internalNote: string | null;
  attachments: Array<{ fileName: string }>;
  version: number;
  updatedByName: string | null;
  bodyHtml: string;
};

type SubmissionShape = SubmissionFormValues & { version?: number };

export function SubmissionEditor({
  defaults,
  options,
  upload,
  lastResult,
  version,
  conflict,
  existingAttachments = [],
  cancelTo,
}: {
  defaults: SubmissionDefaults;
  options: SubmissionOptions;
  upload: UploadSettings;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: SubmissionConflictView | null;
  existingAttachments?: ExistingAttachment[];
  cancelTo: string;
}) {
  const t = useT();
  const locale = useLocale();
  const schema = useMemo(() => submissionFormSchema(upload.maxBytes), [upload.maxBytes]);
  const [form, fields] = useForm<SubmissionShape>({
    id: "submission-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: {
      submittedOn: defaults.submittedOn ?? "",
      sender: defaults.sender ?? "",
      points: defaults.points ?? [],
      internalNote: defaults.internalNote ?? "",
    },
  });
  const cosignerIds = asList(submittedOr(lastResult, "cosignerIds", defaults.cosignerIds ?? []));
  const removeIds = asList(submittedOr(lastResult, "removeAttachmentIds", []));
  const body = submittedOr(lastResult, "body", defaults.body ?? "");
  const senderErrorId = `${fields.sender.id}-error`;
  const conflictRows: ConflictRow[] = conflict
    ? [
        { label: t("submission.submittedOn"), value: formatPartialDate(conflict.submittedOn, locale) },
        { label: t("submission.sender"), value: conflict.senderName },
        { label: t("submission.cosigners"), value: conflict.cosignerNames.join(locale === "ja" ? "、" : ", ") },
        {
          label: t("submission.points"),
          value: conflict.points.length ? (
            <ol>
              {conflict.points.map((p, i) => (
                <li key={i}>
                  {p.demandRef ? `${p.demandRef} ` : ""}
                  {p.textJa || p.textEn}
                  {p.responseKind && isResponseKind(p.responseKind) ? ` — ${t(`responseKind.${p.responseKind}`)}` : ""}
                  {p.responseAnswer ? <div className="muted">{p.responseAnswer}</div> : null}
                </li>
              ))}
            </ol>
          ) : null,
        },
        { label: t("submission.body"), value: conflict.bodyHtml ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: conflict.bodyHtml }} /> : null },
        { label: t("common.internalNote"), value: conflict.internalNote },
        { label: t("common.attachments"), value: conflict.attachments.map((a) => a.fileName).join(", ") },
      ]
    : [];

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? <ConflictPanel savedBy={conflict.updatedByName} rows={conflictRows} /> : null}
      <div className="field-row">
        <Field
          label={t("submission.submittedOn")}
          id={fields.submittedOn.id}
          name={fields.submittedOn.name}
          defaultValue={fields.submittedOn.initialValue}
          errors={fields.submittedOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
          placeholder="2011-11-25"
          required
        />
        <div className="field">
          <label htmlFor={fields.sender.id}>{t("submission.sender")}</label>
          <select
            id={fields.sender.id}
            name={fields.sender.name}
            defaultValue={fields.sender.initialValue ?? ""}
            aria-invalid={fields.sender.errors?.length ? true : undefined}
            aria-describedby={fields.sender.errors?.length ? senderErrorId : undefined}
          >
            <option value="">{t("common.none")}</option>
            <optgroup label={t("request.sender.ourNetwork")}>
              {options.senderOrganisations.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("request.sender.networks")}>
              {options.senderNetworks.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          </select>
          <ErrorList id={senderErrorId} errors={fields.sender.errors} />
        </div>
      </div>
      <CheckboxGroup legend={t("submission.cosigners")} name="cosignerIds" options={options.organisations} defaultValue={cosignerIds} errors={fields.cosignerIds.errors} className="tall" />
      <PointRows form={form} points={fields.points} demands={options.demands} />
      <RichTextEditor name="body" label={t("submission.body")} defaultValue={typeof body === "string" ? body : ""} errors={fields.body.errors} />
      <TextareaField
        label={
          <>
            {t("common.internalNote")} <span className="badge badge-internal">{t("common.internal")}</span>
          </>
        }
        id={fields.internalNote.id}
        name={fields.internalNote.name}
        defaultValue={fields.internalNote.initialValue}
        errors={fields.internalNote.errors}
        rows={3}
      />
      <AttachmentsField
        id={fields.attachments.id}
        errors={fields.attachments.errors}
        removeErrors={fields.removeAttachmentIds.errors}
        upload={upload}
        existing={existingAttachments}
        removeIds={removeIds}
      />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}

function PointRows({ form, points, demands }: { form: FormMetadata<SubmissionShape, string[]>; points: FieldMetadata<SubmissionShape["points"], SubmissionShape, string[]>; demands: Option[] }) {
  const t = useT();
  const rows = points.getFieldList();
  const kindOptions = RESPONSE_KINDS.map((k) => ({ value: k, label: t(`responseKind.${k}`) }));
  return (
    <fieldset className="field">
      <legend>{t("submission.points")}</legend>
      <p className="field-help">{t("submission.points.help")}</p>
      <ErrorList errors={points.errors} />
      {rows.length === 0 ? <p className="muted">{t("submission.points.none")}</p> : null}
      {rows.map((row, index) => {
        const point = row.getFieldset();
        const n = index + 1;
        return (
          <fieldset key={row.key} className="panel field">
            <legend>{t("submission.point.number", { n })}</legend>
            <input type="hidden" name={point.id.name} value={point.id.initialValue ?? ""} />
            <SelectField
              key={point.demandId.key}
              label={t("submission.point.demand")}
              id={point.demandId.id}
              name={point.demandId.name}
              defaultValue={point.demandId.initialValue ?? ""}
              errors={point.demandId.errors}
              options={demands}
              emptyLabel={t("submission.point.noDemand")}
            />
            <div className="field-pair">
              <TextareaField
                key={point.textJa.key}
                label={t("submission.point.textJa")}
                id={point.textJa.id}
                name={point.textJa.name}
                defaultValue={point.textJa.initialValue ?? ""}
                errors={point.textJa.errors}
                rows={3}
                lang="ja"
              />
              <TextareaField
                key={point.textEn.key}
                label={t("submission.point.textEn")}
                id={point.textEn.id}
                name={point.textEn.name}
                defaultValue={point.textEn.initialValue ?? ""}
                errors={point.textEn.errors}
                rows={3}
                lang="en"
              />
            </div>
            <div className="field-pair">
              <TextareaField
                key={point.responseSummary.key}
                label={t("submission.point.responseSummary")}
                id={point.responseSummary.id}
                name={point.responseSummary.name}
                defaultValue={point.responseSummary.initialValue ?? ""}
                errors={point.responseSummary.errors}
                rows={3}
              />
              <TextareaField
                key={point.responseAnswer.key}
                label={t("submission.point.responseAnswer")}
                id={point.responseAnswer.id}
                name={point.responseAnswer.name}
                defaultValue={point.responseAnswer.initialValue ?? ""}
                errors={point.responseAnswer.errors}
                rows={3}
              />
            </div>
            <SelectField
              key={point.responseKind.key}
              label={t("submission.point.responseKind")}
              id={point.responseKind.id}
              name={point.responseKind.name}
              defaultValue={point.responseKind.initialValue ?? ""}
              errors={point.responseKind.errors}
              options={kindOptions}
              emptyLabel={t("submission.point.notAnswered")}
            />
            <div className="filter-actions">
              <button
                {...form.reorder.getButtonProps({ name: points.name, from: index, to: index - 1 })}
                disabled={index === 0}
                aria-label={t("submission.point.moveUpLabel", { n })}
                className="button"
              >
                {t("submission.point.moveUp")}
              </button>
              <button
                {...form.reorder.getButtonProps({ name: points.name, from: index, to: index + 1 })}
                disabled={index === rows.length - 1}
                aria-label={t("submission.point.moveDownLabel", { n })}
                className="button"
              >
                {t("submission.point.moveDown")}
              </button>
              <button {...form.remove.getButtonProps({ name: points.name, index })} aria-label={t("submission.point.removeLabel", { n })} className="button danger">
                {t("submission.point.remove")}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="filter-actions">
        <button {...form.insert.getButtonProps({ name: points.name, defaultValue: { demandId: "", textJa: "", textEn: "" } })} className="button">
          {t("submission.point.add")}
        </button>
      </div>
    </fieldset>
  );
}
