// The forms of UN treaty reporting (mechanism, review cycle, document, recommendation), each with
// the same Zod schema in the browser and on the server, field errors next to the fields, the typed
// input kept on error, and the saved values shown beside it on a version conflict (docs/decisions/005).
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { CheckboxField, CheckboxGroup, Field, FormErrors, type Option, SelectField, TextareaField } from "~/components/forms";
import { useLocale, useT } from "~/i18n/react";
import {
  DOCUMENT_LANGUAGES,
  GRADES,
  JAPAN_STATUSES,
  MECHANISM_KINDS,
  REVIEW_STAGES,
  UN_DOCUMENT_KINDS,
  cycleFormSchema,
  documentFormSchema,
  isGrade,
  isJapanStatus,
  isMechanismKind,
  isReviewStage,
  isUnDocumentKind,
  mechanismFormSchema,
  recommendationFormSchema,
} from "~/models/un";
import { formatPartialDate } from "~/utils/partial-date";

type Defaults = Record<string, string | number | string[] | boolean | null | undefined>;
type ConformField = { id: string; name: string; initialValue?: unknown; errors?: string[] };

/** The props a text control takes from a Conform field. */
function text(field: ConformField) {
  return { id: field.id, name: field.name, defaultValue: typeof field.initialValue === "string" ? field.initialValue : "", errors: field.errors };
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" && value ? [value] : [];
}

/** Form defaults: nulls as empty strings, lists and booleans as they are. */
function formDefaults(defaults: Defaults) {
  return Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, typeof v === "boolean" ? (v ? "on" : "") : typeof v === "number" ? String(v) : (v ?? "")]));
}

function InternalLabel() {
  const t = useT();
  return (
    <>
      {t("common.internalNote")} <span className="badge badge-internal">{t("common.internal")}</span>
    </>
  );
}

type EditorProps<C> = {
  defaults: Defaults;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: (C & { updatedByName: string | null }) | null;
  cancelTo: string;
};

// ───────────── Mechanism ─────────────

export type MechanismConflict = {
  kind: string;
  abbreviation: string;
  nameJa: string;
  nameEn: string;
  committeeAbbr: string | null;
  japanStatus: string;
  ratifiedOn: string | null;
  reservationsJa: string | null;
  reservationsEn: string | null;
  notes: string | null;
};

export function MechanismEditor({ defaults, lastResult, version, conflict, cancelTo }: EditorProps<MechanismConflict>) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "mechanism-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mechanismFormSchema }),
    defaultValue: formDefaults(defaults),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("un.mechanism.kind"), value: isMechanismKind(conflict.kind) ? t(`mechanismKind.${conflict.kind}`) : conflict.kind },
            { label: t("un.mechanism.abbreviation"), value: conflict.abbreviation },
            { label: t("un.mechanism.nameJa"), value: conflict.nameJa, lang: "ja" },
            { label: t("un.mechanism.nameEn"), value: conflict.nameEn, lang: "en" },
            { label: t("un.mechanism.committeeAbbr"), value: conflict.committeeAbbr },
            { label: t("un.mechanism.japanStatus"), value: isJapanStatus(conflict.japanStatus) ? t(`japanStatus.${conflict.japanStatus}`) : conflict.japanStatus },
            { label: t("un.mechanism.ratifiedOn"), value: formatPartialDate(conflict.ratifiedOn, locale) },
            { label: t("un.mechanism.reservationsJa"), value: conflict.reservationsJa, lang: "ja" },
            { label: t("un.mechanism.reservationsEn"), value: conflict.reservationsEn, lang: "en" },
            { label: t("un.mechanism.notes"), value: conflict.notes },
          ]}
        />
      ) : null}
      <div className="field-row">
        <SelectField
          label={t("un.mechanism.kind")}
          {...text(fields.kind)}
          options={MECHANISM_KINDS.map((k) => ({ value: k, label: t(`mechanismKind.${k}`) }))}
          emptyLabel={t("un.mechanism.chooseKind")}
          required
        />
        <Field label={t("un.mechanism.abbreviation")} {...text(fields.abbreviation)} help={t("un.mechanism.abbreviationHelp")} maxLength={40} required />
      </div>
      <div className="field-pair">
        <Field label={t("un.mechanism.nameJa")} {...text(fields.nameJa)} lang="ja" maxLength={300} />
        <Field label={t("un.mechanism.nameEn")} {...text(fields.nameEn)} lang="en" maxLength={300} />
      </div>
      <div className="field-row">
        <Field label={t("un.mechanism.committeeAbbr")} {...text(fields.committeeAbbr)} maxLength={20} />
        <Field label={t("un.mechanism.committeeNameJa")} {...text(fields.committeeNameJa)} lang="ja" maxLength={300} />
        <Field label={t("un.mechanism.committeeNameEn")} {...text(fields.committeeNameEn)} lang="en" maxLength={300} />
      </div>
      <div className="field-row">
        <SelectField
          label={t("un.mechanism.japanStatus")}
          {...text(fields.japanStatus)}
          options={JAPAN_STATUSES.map((s) => ({ value: s, label: t(`japanStatus.${s}`) }))}
          emptyLabel={t("un.mechanism.chooseStatus")}
          required
        />
        <Field label={t("un.mechanism.ratifiedOn")} {...text(fields.ratifiedOn)} help={t("help.partialDate")} inputMode="numeric" />
      </div>
      <div className="field-pair">
        <TextareaField label={t("un.mechanism.reservationsJa")} {...text(fields.reservationsJa)} lang="ja" rows={4} />
        <TextareaField label={t("un.mechanism.reservationsEn")} {...text(fields.reservationsEn)} lang="en" rows={4} />
      </div>
      <TextareaField label={t("un.mechanism.notes")} {...text(fields.notes)} rows={4} />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}

// ───────────── Review cycle ─────────────

export type CycleConflict = {
  mechanism: string;
  titleJa: string;
  titleEn: string;
  session: string | null;
  notes: string | null;
  internalNote: string | null;
  stages: Array<{ kind: string; on: string }>;
};

export function CycleEditor({ defaults, options, lastResult, version, conflict, cancelTo }: EditorProps<CycleConflict> & { options: { mechanisms: Option[] } }) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "cycle-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cycleFormSchema }),
    defaultValue: formDefaults(defaults),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("un.cycle.mechanism"), value: conflict.mechanism },
            { label: t("un.cycle.titleJa"), value: conflict.titleJa, lang: "ja" },
            { label: t("un.cycle.titleEn"), value: conflict.titleEn, lang: "en" },
            { label: t("un.cycle.session"), value: conflict.session },
            ...conflict.stages.map((s) => ({ label: isReviewStage(s.kind) ? t(`stage.${s.kind}`) : s.kind, value: formatPartialDate(s.on, locale) })),
            { label: t("un.cycle.notes"), value: conflict.notes },
            { label: t("common.internalNote"), value: conflict.internalNote },
          ]}
        />
      ) : null}
      <div className="field-row">
        <SelectField label={t("un.cycle.mechanism")} {...text(fields.mechanismId)} options={options.mechanisms} emptyLabel={t("un.cycle.chooseMechanism")} required />
        <Field label={t("un.cycle.session")} {...text(fields.session)} maxLength={100} />
      </div>
      <div className="field-pair">
        <Field label={t("un.cycle.titleJa")} {...text(fields.titleJa)} lang="ja" maxLength={300} />
        <Field label={t("un.cycle.titleEn")} {...text(fields.titleEn)} lang="en" maxLength={300} />
      </div>
      <fieldset className="field">
        <legend>{t("un.cycle.stages")}</legend>
        <p className="field-help">{t("un.cycle.stagesHelp")}</p>
        <div className="stage-grid">
          {REVIEW_STAGES.map((kind) => (
            <Field key={kind} label={t(`stage.${kind}`)} {...text(fields[`stage_${kind}`])} inputMode="numeric" placeholder="YYYY-MM-DD" />
          ))}
        </div>
      </fieldset>
      <TextareaField label={t("un.cycle.notes")} {...text(fields.notes)} rows={3} />
      <TextareaField label={<InternalLabel />} {...text(fields.internalNote)} help={t("outcome.internalNoteHelp")} rows={3} />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}

// ───────────── Document ─────────────

export type DocumentConflict = {
  kind: string;
  symbol: string | null;
  titleJa: string;
  titleEn: string;
  issuedOn: string | null;
  languages: string | null;
  url: string | null;
  notes: string | null;
};

export function DocumentEditor({
  defaults,
  options,
  lastResult,
  version,
  conflict,
  cancelTo,
}: EditorProps<DocumentConflict> & { options: { mechanisms: Option[]; cycles: Option[] } }) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "document-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: documentFormSchema }),
    defaultValue: formDefaults(defaults),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("un.document.kind"), value: isUnDocumentKind(conflict.kind) ? t(`documentKind.${conflict.kind}`) : conflict.kind },
            { label: t("un.document.symbol"), value: conflict.symbol },
            { label: t("un.document.titleJa"), value: conflict.titleJa, lang: "ja" },
            { label: t("un.document.titleEn"), value: conflict.titleEn, lang: "en" },
            { label: t("un.document.issuedOn"), value: formatPartialDate(conflict.issuedOn, locale) },
            { label: t("un.document.languages"), value: conflict.languages },
            { label: t("un.document.url"), value: conflict.url },
            { label: t("un.document.notes"), value: conflict.notes },
          ]}
        />
      ) : null}
      <div className="field-row">
        <SelectField label={t("un.document.mechanism")} {...text(fields.mechanismId)} options={options.mechanisms} emptyLabel={t("un.cycle.chooseMechanism")} required />
        <SelectField label={t("un.document.cycle")} {...text(fields.cycleId)} options={options.cycles} emptyLabel={t("un.document.noCycle")} />
      </div>
      <div className="field-row">
        <SelectField
          label={t("un.document.kind")}
          {...text(fields.kind)}
          options={UN_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) }))}
          emptyLabel={t("un.document.chooseKind")}
          required
        />
        <Field label={t("un.document.symbol")} {...text(fields.symbol)} help={t("un.document.symbolHelp")} maxLength={80} lang="en" />
        <Field label={t("un.document.issuedOn")} {...text(fields.issuedOn)} help={t("help.partialDate")} inputMode="numeric" />
      </div>
      <div className="field-pair">
        <Field label={t("un.document.titleJa")} {...text(fields.titleJa)} lang="ja" maxLength={500} />
        <Field label={t("un.document.titleEn")} {...text(fields.titleEn)} lang="en" maxLength={500} />
      </div>
      <CheckboxGroup
        legend={t("un.document.languages")}
        name={fields.languages.name}
        options={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(`un.lang.${l}`) }))}
        defaultValue={list(fields.languages.initialValue)}
        errors={fields.languages.errors}
      />
      <Field label={t("un.document.url")} {...text(fields.url)} type="url" inputMode="url" placeholder="https://" maxLength={2000} />
      <TextareaField label={t("un.document.notes")} {...text(fields.notes)} rows={4} />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}

// ───────────── Recommendation ─────────────

export type RecommendationConflict = {
  paragraph: string;
  headingEn: string | null;
  headingJa: string | null;
  textEn: string;
  textJa: string | null;
  articles: string | null;
  followUp: boolean;
  governmentClaimJa: string | null;
  governmentClaimEn: string | null;
  governmentClaimSource: string | null;
  grade: string | null;
  assessmentNote: string | null;
  internalNote: string | null;
  demandRefs: string[];
};

export function RecommendationEditor({
  defaults,
  options,
  lastResult,
  version,
  conflict,
  cancelTo,
}: EditorProps<RecommendationConflict> & { options: { documents: Option[]; themes: Option[]; recommendations: Option[] } }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "recommendation-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recommendationFormSchema }),
    defaultValue: formDefaults(defaults),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("un.rec.paragraph"), value: conflict.paragraph },
            { label: t("un.rec.headingEn"), value: conflict.headingEn, lang: "en" },
            { label: t("un.rec.headingJa"), value: conflict.headingJa, lang: "ja" },
            { label: t("un.rec.textEn"), value: conflict.textEn, lang: "en" },
            { label: t("un.rec.textJa"), value: conflict.textJa, lang: "ja" },
            { label: t("un.rec.articles"), value: conflict.articles },
            { label: t("un.rec.followUp"), value: conflict.followUp ? t("common.yes") : t("common.no") },
            { label: t("un.rec.governmentClaimJa"), value: conflict.governmentClaimJa, lang: "ja" },
            { label: t("un.rec.governmentClaimEn"), value: conflict.governmentClaimEn, lang: "en" },
            { label: t("un.rec.governmentClaimSource"), value: conflict.governmentClaimSource },
            { label: t("un.rec.grade"), value: isGrade(conflict.grade) ? t(`grade.${conflict.grade}`) : conflict.grade },
            { label: t("un.rec.assessmentNote"), value: conflict.assessmentNote },
            { label: t("un.rec.demandRefs"), value: conflict.demandRefs.join(", ") },
            { label: t("common.internalNote"), value: conflict.internalNote },
          ]}
        />
      ) : null}
      <div className="field-row">
        <SelectField label={t("un.rec.document")} {...text(fields.documentId)} options={options.documents} emptyLabel={t("un.rec.chooseDocument")} required />
        <Field label={t("un.rec.paragraph")} {...text(fields.paragraph)} help={t("un.rec.paragraphHelp")} maxLength={12} required />
        <Field label={t("un.rec.articles")} {...text(fields.articles)} help={t("un.rec.articlesHelp")} maxLength={200} />
      </div>
      <div className="field-pair">
        <Field label={t("un.rec.headingEn")} {...text(fields.headingEn)} lang="en" maxLength={300} />
        <Field label={t("un.rec.headingJa")} {...text(fields.headingJa)} lang="ja" maxLength={300} />
      </div>
      <div className="field-pair">
        <TextareaField label={t("un.rec.textEn")} {...text(fields.textEn)} lang="en" rows={8} required />
        <TextareaField label={t("un.rec.textJa")} {...text(fields.textJa)} lang="ja" rows={8} />
      </div>
      <CheckboxField label={t("un.rec.followUp")} id={fields.followUp.id} name={fields.followUp.name} defaultChecked={fields.followUp.initialValue === "on"} errors={fields.followUp.errors} />
      <SelectField label={t("un.rec.reiterates")} {...text(fields.reiteratesId)} options={options.recommendations} emptyLabel={t("un.rec.reiteratesNone")} />
      <CheckboxGroup legend={t("un.rec.themes")} name={fields.themeIds.name} options={options.themes} defaultValue={list(fields.themeIds.initialValue)} errors={fields.themeIds.errors} />
      <Field label={t("un.rec.demandRefs")} {...text(fields.demandRefs)} help={t("un.rec.demandRefsHelp")} maxLength={2000} />
      <div className="field-pair">
        <TextareaField label={t("un.rec.governmentClaimJa")} {...text(fields.governmentClaimJa)} lang="ja" rows={5} />
        <TextareaField label={t("un.rec.governmentClaimEn")} {...text(fields.governmentClaimEn)} lang="en" rows={5} />
      </div>
      <Field label={t("un.rec.governmentClaimSource")} {...text(fields.governmentClaimSource)} help={t("un.rec.governmentClaimSourceHelp")} maxLength={500} />
      <div className="field-row">
        <SelectField
          label={t("un.rec.grade")}
          {...text(fields.grade)}
          options={GRADES.map((g) => ({ value: g, label: t(`grade.${g}`) }))}
          emptyLabel={t("un.rec.gradeNone")}
          help={t("un.rec.gradeHelp")}
        />
      </div>
      <TextareaField label={t("un.rec.assessmentNote")} {...text(fields.assessmentNote)} help={t("un.rec.assessmentNoteHelp")} rows={4} />
      <TextareaField label={<InternalLabel />} {...text(fields.internalNote)} help={t("outcome.internalNoteHelp")} rows={3} />
      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}
