// The request form of the new and edit pages: the same Zod schema on the client and the server,
// the ordered demand items as a Conform list (add, remove, move up and down), files to attach.
import { type FieldMetadata, type FormMetadata, getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { CheckboxGroup, ErrorList, Field, FormErrors, type ListOfErrors, type Option, SelectField, TextareaField } from "~/components/forms";
import { RichTextEditor } from "~/components/rich-text-editor";
import { translateMaybe } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { formatFileSize, MAX_FILES_PER_SAVE, REQUEST_KINDS, type RequestFormValues, requestFormSchema } from "~/models/request";
import { formatPartialDate } from "~/utils/partial-date";

export type RequestItemDefaults = { demandId: string; wordingJa: string; wordingEn: string };

export type RequestEditorDefaults = {
  kind?: string | null;
  titleJa?: string | null;
  titleEn?: string | null;
  sentOn?: string | null;
  sender?: string | null;
  cosignerIds?: string[];
  addresseeIds?: string[];
  items?: RequestItemDefaults[];
  body?: string | null;
  internalNote?: string | null;
};

export type RequestEditorOptions = {
  senderOrganisations: Option[];
  senderNetworks: Option[];
  organisations: Option[];
  bodies: Option[];
  demands: Option[];
};

export type RequestEditorConflict = {
  kind: string;
  titleJa: string;
  titleEn: string;
  sentOn: string;
  senderName: string | null;
  cosignerNames: string[];
  addresseeNames: string[];
  items: Array<{ demandLabel: string; wordingJa: string | null; wordingEn: string | null }>;
  internalNote: string | null;
  attachments: Array<{ id: string; fileName: string; size: number }>;
  version: number;
  updatedByName: string | null;
  bodyHtml: string;
};

/** The form's values; `version` is the hidden field of the edit page. */
type FormShape = RequestFormValues & { version?: number };

export type ExistingAttachment = { id: string; fileName: string; size: number };

export type UploadSettings = { accept: string; maxBytes: number };

/** Values as last submitted win over the record's, so nothing typed is lost after an error. */
function submittedOr<T>(result: SubmissionResult<string[]> | undefined, name: string, fallback: T): T | string | string[] {
  const initial = result?.initialValue as Record<string, unknown> | null | undefined;
  if (!initial || !(name in initial)) return fallback;
  const value = initial[name];
  return typeof value === "string" || Array.isArray(value) ? (value as string | string[]) : fallback;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);

export function RequestEditor({
  defaults,
  options,
  upload,
  lastResult,
  version,
  conflict,
  existingAttachments = [],
  cancelTo,
}: {
  defaults: RequestEditorDefaults;
  options: RequestEditorOptions;
  upload: UploadSettings;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: RequestEditorConflict | null;
  existingAttachments?: ExistingAttachment[];
  cancelTo: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const schema = useMemo(() => requestFormSchema(upload.maxBytes), [upload.maxBytes]);
  const [form, fields] = useForm<FormShape>({
    id: "request-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: {
      kind: defaults.kind ?? "regular",
      titleJa: defaults.titleJa ?? "",
      titleEn: defaults.titleEn ?? "",
      sentOn: defaults.sentOn ?? "",
      sender: defaults.sender ?? "",
      items: defaults.items ?? [],
      internalNote: defaults.internalNote ?? "",
    },
  });
  const cosignerIds = asList(submittedOr(lastResult, "cosignerIds", defaults.cosignerIds ?? []));
  const addresseeIds = asList(submittedOr(lastResult, "addresseeIds", defaults.addresseeIds ?? []));
  const removeIds = asList(submittedOr(lastResult, "removeAttachmentIds", []));
  const body = submittedOr(lastResult, "body", defaults.body ?? "");
  const saving = navigation.state === "submitting";
  const kindOptions = REQUEST_KINDS.map((k) => ({ value: k, label: t(`requestKind.${k}`) }));

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? <ConflictValues conflict={conflict} /> : null}

      <div className="field-row">
        <SelectField
          label={t("request.kind")}
          id={fields.kind.id}
          name={fields.kind.name}
          defaultValue={fields.kind.initialValue}
          errors={fields.kind.errors}
          options={kindOptions}
          required
        />
        <Field
          label={t("request.sentOn")}
          id={fields.sentOn.id}
          name={fields.sentOn.name}
          defaultValue={fields.sentOn.initialValue}
          errors={fields.sentOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
          placeholder="2011-10-03"
          required
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("request.titleJa")}
          id={fields.titleJa.id}
          name={fields.titleJa.name}
          defaultValue={fields.titleJa.initialValue}
          errors={fields.titleJa.errors}
          lang="ja"
          maxLength={500}
        />
        <Field
          label={t("request.titleEn")}
          id={fields.titleEn.id}
          name={fields.titleEn.name}
          defaultValue={fields.titleEn.initialValue}
          errors={fields.titleEn.errors}
          lang="en"
          maxLength={500}
        />
      </div>
      <SenderSelect field={fields.sender} options={options} />
      <CheckboxGroup legend={t("request.cosigners")} name="cosignerIds" options={options.organisations} defaultValue={cosignerIds} errors={fields.cosignerIds.errors} className="tall" />
      <CheckboxGroup legend={t("request.addressees")} name="addresseeIds" options={options.bodies} defaultValue={addresseeIds} errors={fields.addresseeIds.errors} className="tall" />

      <ItemRows form={form} items={fields.items} demands={options.demands} />

      <RichTextEditor name="body" label={t("request.body")} defaultValue={typeof body === "string" ? body : ""} errors={fields.body.errors} />
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
        rows={4}
      />

      <AttachmentsField
        id={fields.attachments.id}
        errors={fields.attachments.errors}
        removeErrors={fields.removeAttachmentIds.errors}
        upload={upload}
        existing={existingAttachments}
        removeIds={removeIds}
      />

      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t("common.save")}
        </button>
        <Link to={cancelTo}>{t("common.cancel")}</Link>
      </div>
    </Form>
  );
}

/** One select for "our network" and the project networks: a request has one sender or none. */
function SenderSelect({ field, options }: { field: FieldMetadata<FormShape["sender"], FormShape, string[]>; options: RequestEditorOptions }) {
  const t = useT();
  const errorId = `${field.id}-error`;
  const helpId = `${field.id}-help`;
  const hasErrors = Boolean(field.errors?.length);
  return (
    <div className="field">
      <label htmlFor={field.id}>{t("request.sender")}</label>
      <select
        id={field.id}
        name={field.name}
        defaultValue={field.initialValue ?? ""}
        aria-invalid={hasErrors || undefined}
        aria-describedby={hasErrors ? `${errorId} ${helpId}` : helpId}
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
      <p id={helpId} className="field-help">
        {t("request.sender.help")}
      </p>
      <ErrorList id={errorId} errors={field.errors} />
    </div>
  );
}

/** The demands of the request in order; each row can be moved, removed, and a row added at the end. */
function ItemRows({ form, items, demands }: { form: FormMetadata<FormShape, string[]>; items: FieldMetadata<FormShape["items"], FormShape, string[]>; demands: Option[] }) {
  const t = useT();
  const rows = items.getFieldList();
  return (
    <fieldset className="field">
      <legend>{t("request.items")}</legend>
      <p className="field-help">{t("request.items.help")}</p>
      <ErrorList errors={items.errors} />
      {rows.length === 0 ? <p className="muted">{t("request.items.none")}</p> : null}
      {rows.map((row, index) => {
        const item = row.getFieldset();
        const n = index + 1;
        return (
          <fieldset key={row.key} className="panel field">
            <legend>{t("request.item.number", { n })}</legend>
            <SelectField
              key={item.demandId.key}
              label={t("request.item.demand")}
              id={item.demandId.id}
              name={item.demandId.name}
              defaultValue={item.demandId.initialValue ?? ""}
              errors={item.demandId.errors}
              options={demands}
              emptyLabel={t("request.item.chooseDemand")}
            />
            <div className="field-pair">
              <TextareaField
                key={item.wordingJa.key}
                label={t("request.item.wordingJa")}
                id={item.wordingJa.id}
                name={item.wordingJa.name}
                defaultValue={item.wordingJa.initialValue ?? ""}
                errors={item.wordingJa.errors}
                rows={3}
                lang="ja"
              />
              <TextareaField
                key={item.wordingEn.key}
                label={t("request.item.wordingEn")}
                id={item.wordingEn.id}
                name={item.wordingEn.name}
                defaultValue={item.wordingEn.initialValue ?? ""}
                errors={item.wordingEn.errors}
                rows={3}
                lang="en"
              />
            </div>
            <div className="filter-actions">
              <button
                {...form.reorder.getButtonProps({ name: items.name, from: index, to: index - 1 })}
                disabled={index === 0}
                aria-label={t("request.item.moveUpLabel", { n })}
                className="button"
              >
                {t("request.item.moveUp")}
              </button>
              <button
                {...form.reorder.getButtonProps({ name: items.name, from: index, to: index + 1 })}
                disabled={index === rows.length - 1}
                aria-label={t("request.item.moveDownLabel", { n })}
                className="button"
              >
                {t("request.item.moveDown")}
              </button>
              <button {...form.remove.getButtonProps({ name: items.name, index })} aria-label={t("request.item.removeLabel", { n })} className="button danger">
                {t("request.item.remove")}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="filter-actions">
        <button {...form.insert.getButtonProps({ name: items.name, defaultValue: { demandId: "", wordingJa: "", wordingEn: "" } })} className="button">
          {t("request.item.add")}
        </button>
      </div>
    </fieldset>
  );
}

/** New files to attach and, on edit, the files already attached with a box to remove each. */
export function AttachmentsField({
  id,
  errors,
  removeErrors,
  upload,
  existing,
  removeIds,
}: {
  id: string;
  errors: ListOfErrors;
  removeErrors: ListOfErrors;
  upload: UploadSettings;
  existing: ExistingAttachment[];
  removeIds: string[];
}) {
  const t = useT();
  const locale = useLocale();
  const max = Math.round((upload.maxBytes / (1024 * 1024)) * 10) / 10;
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const shown = errors?.filter((e): e is string => Boolean(e)) ?? [];
  const chosen = new Set(removeIds);
  return (
    <fieldset className="field">
      <legend>{t("common.attachments")}</legend>
      {existing.length ? (
        <div className="field">
          <p className="field-label">{t("request.attachments.current")}</p>
          <ul className="plain-list">
            {existing.map((a) => (
              <li key={a.id}>
                <label className="checkbox-option">
                  <input type="checkbox" name="removeAttachmentIds" value={a.id} defaultChecked={chosen.has(a.id)} />
                  <span>{t("request.attachments.remove", { name: a.fileName })}</span>
                </label>{" "}
                <a href={`/attachments/${a.id}`} download={a.fileName}>
                  {t("common.download")}
                </a>{" "}
                <span className="muted">({formatFileSize(a.size, locale)})</span>
              </li>
            ))}
          </ul>
          <ErrorList errors={removeErrors} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={id}>{t("common.addAttachment")}</label>
        <input
          id={id}
          type="file"
          name="attachments"
          multiple
          accept={upload.accept}
          aria-invalid={shown.length ? true : undefined}
          aria-describedby={shown.length ? `${errorId} ${helpId}` : helpId}
        />
        <p id={helpId} className="field-help">
          {t("request.attachments.help", { max, count: MAX_FILES_PER_SAVE })}
        </p>
        {shown.length ? (
          <ul id={errorId} className="field-errors">
            {shown.map((e) => (
              <li key={e}>{translateMaybe(t, e, { max })}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  );
}

function ConflictValues({ conflict }: { conflict: RequestEditorConflict }) {
  const t = useT();
  const locale = useLocale();
  const kindLabel = (REQUEST_KINDS as readonly string[]).includes(conflict.kind) ? t(`requestKind.${conflict.kind as (typeof REQUEST_KINDS)[number]}`) : conflict.kind;
  const dash = (v: string | null | undefined) => v || "—";
  return (
    <section className="conflict-panel" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">{t("conflict.title")}</h2>
      <p>{t("conflict.explain", { name: conflict.updatedByName ?? t("common.someone") })}</p>
      <dl className="conflict-values">
        <dt>{t("request.kind")}</dt>
        <dd>{kindLabel}</dd>
        <dt>{t("request.titleJa")}</dt>
        <dd lang="ja">{dash(conflict.titleJa)}</dd>
        <dt>{t("request.titleEn")}</dt>
        <dd lang="en">{dash(conflict.titleEn)}</dd>
        <dt>{t("request.sentOn")}</dt>
        <dd>{formatPartialDate(conflict.sentOn, locale) || "—"}</dd>
        <dt>{t("request.sender")}</dt>
        <dd>{dash(conflict.senderName)}</dd>
        <dt>{t("request.cosigners")}</dt>
        <dd>{conflict.cosignerNames.join(locale === "ja" ? "、" : ", ") || "—"}</dd>
        <dt>{t("request.addressees")}</dt>
        <dd>{conflict.addresseeNames.join(locale === "ja" ? "、" : ", ") || "—"}</dd>
        <dt>{t("request.items")}</dt>
        <dd>
          {conflict.items.length ? (
            <ol>
              {conflict.items.map((item, i) => (
                <li key={i}>
                  {item.demandLabel}
                  {item.wordingJa ? <div lang="ja">{item.wordingJa}</div> : null}
                  {item.wordingEn ? <div lang="en">{item.wordingEn}</div> : null}
                </li>
              ))}
            </ol>
          ) : (
            "—"
          )}
        </dd>
        <dt>{t("request.body")}</dt>
        <dd>
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: conflict.bodyHtml || "—" }} />
        </dd>
        <dt>{t("common.internalNote")}</dt>
        <dd className="multiline">{dash(conflict.internalNote)}</dd>
        <dt>{t("common.attachments")}</dt>
        <dd>{conflict.attachments.map((a) => a.fileName).join(", ") || "—"}</dd>
      </dl>
      <p>{t("conflict.howToMerge")}</p>
      <p>{t("request.attachments.chooseAgain")}</p>
    </section>
  );
}
