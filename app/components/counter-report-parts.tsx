// The counter-report composer's pieces (docs/decisions/014): a section's pre-filled context (the
// earlier recommendation with its chain, the government's claim, our grade, demands and footnoted
// evidence), the word counts, and the section editor with English and Japanese side by side.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { CheckboxField, Field, FormErrors, type Option, SelectField } from "~/components/forms";
import { RichTextEditor } from "~/components/rich-text-editor";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { type Footnote, OUTLINE_MODES, type OutlineSection, docText, footnoteText, isOutlineMode, recommendationRef, reportFormSchema, sectionFormSchema, sectionWords } from "~/models/counter-report";
import { formatPartialDate } from "~/utils/partial-date";

export function WordCount({ count, limit }: { count: number; limit: number | null }) {
  const t = useT();
  const over = limit !== null && count > limit;
  return (
    <span className={over ? "word-count over" : "word-count"}>
      {limit !== null ? t("report.wordsOfLimit", { count: count.toLocaleString("en"), limit: limit.toLocaleString("en") }) : t("report.words", { count: count.toLocaleString("en") })}
      {over ? <strong> · {t("report.overLimit")}</strong> : null}
    </span>
  );
}

export function FootnoteList({ footnotes, omitted = 0 }: { footnotes: Footnote[]; omitted?: number }) {
  const t = useT();
  const locale = useLocale();
  if (!footnotes.length) return <p className="muted">{t("report.evidenceNone")}</p>;
  return (
    <>
    {omitted > 0 ? <p className="muted">{t("report.evidenceOmitted", { count: omitted })}</p> : null}
    <ol className="footnotes">
      {footnotes.map((f) => (
        <li key={`${f.kind}-${f.id}`} value={f.n} id={`fn-${f.n}`}>
          <span className="badge">{t(`report.kind.${f.kind}`)}</span> {footnoteText(f, t, locale)}
          {f.kind === "answer" ? (
            <>
              {" "}
              <Link to={`/rounds/${f.roundId}`}>{t("report.openRound")}</Link>
            </>
          ) : null}
        </li>
      ))}
    </ol>
    </>
  );
}

/** What a section is about, as the composer pre-fills it. Nothing here is an internal note. */
export function SectionContext({ section }: { section: OutlineSection }) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <div className="section-context">
      {section.recommendations.map((r) => (
        <div key={r.id} className="section-recommendation">
          <h4>
            {t("report.recommendation")}: <Link to={`/un/recommendations/${r.id}`}>{recommendationRef(r, t, locale)}</Link>
            {r.followUp ? <span className="badge"> {t("report.followUp")}</span> : null}
          </h4>
          {section.kind === "article" && (r.headingEn || r.headingJa) ? <p className="strong">{pick(r.headingJa, r.headingEn)}</p> : null}
          <blockquote lang="en">{r.textEn}</blockquote>
          {r.textJa ? <blockquote lang="ja">{r.textJa}</blockquote> : null}
          {r.earlier.length ? (
            <p className="muted">
              {t("report.reiterates")}: {r.earlier.map((e) => `${recommendationRef(e, t, locale)}${e.issuedOn ? ` (${formatPartialDate(e.issuedOn, locale)})` : ""}`).join(" ← ")}
            </p>
          ) : null}
          <dl className="facts">
            <dt>{t("report.claim")}</dt>
            <dd className="multiline">
              {pick(r.governmentClaimJa, r.governmentClaimEn) || t("report.claimNone")}
              {r.governmentClaimSource ? (
                <span className="muted">
                  {" "}
                  ({t("report.claimSource")}: {r.governmentClaimSource})
                </span>
              ) : null}
            </dd>
            <dt>{t("report.grade")}</dt>
            <dd>
              {r.grade ? <span className={`badge grade grade-${r.grade}`}>{r.grade}</span> : t("report.ungraded")}
              {r.assessmentNote ? <span className="multiline"> {r.assessmentNote}</span> : null}
            </dd>
          </dl>
        </div>
      ))}
      <p>
        <strong>{t("report.demands")}:</strong>{" "}
        {section.demands.length
          ? section.demands.map((d, i) => (
              <span key={d.id}>
                {i ? ", " : ""}
                <Link to={`/demands/${d.id}/timeline`}>
                  {d.ref} {pick(d.titleJa, d.titleEn)}
                </Link>
              </span>
            ))
          : "—"}
      </p>
      <h4>{t("report.evidence")}</h4>
      <FootnoteList footnotes={section.footnotes} omitted={section.omitted} />
    </div>
  );
}

export type SectionDefaults = {
  analysisEn: string | null;
  analysisJa: string | null;
  proposalsEn: string | null;
  proposalsJa: string | null;
  assigneeId: string | null;
  done: boolean;
};

export type SectionConflictView = SectionDefaults & { updatedByName: string | null; assigneeName: string | null };

export function SectionEditor({
  defaults,
  version,
  assignees,
  limit,
  lastResult,
  conflict,
  cancelTo,
}: {
  defaults: SectionDefaults;
  version: number;
  assignees: Option[];
  limit: number | null;
  lastResult?: SubmissionResult<string[]>;
  conflict: SectionConflictView | null;
  cancelTo: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "section-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sectionFormSchema }),
    defaultValue: {
      analysisEn: defaults.analysisEn ?? "",
      analysisJa: defaults.analysisJa ?? "",
      proposalsEn: defaults.proposalsEn ?? "",
      proposalsJa: defaults.proposalsJa ?? "",
      assigneeId: defaults.assigneeId ?? "",
      done: defaults.done ? "on" : "",
    },
  });
  const initial = (v: unknown) => (typeof v === "string" ? v : "");
  const [analysisEn, setAnalysisEn] = useState(initial(fields.analysisEn.initialValue));
  const [proposalsEn, setProposalsEn] = useState(initial(fields.proposalsEn.initialValue));
  const words = sectionWords({ analysisEn, proposalsEn });
  const plain = (json: string | null) => docText(json) || "—";
  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      <input type="hidden" name="version" value={version} />
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("report.analysisEn"), value: plain(conflict.analysisEn), lang: "en" },
            { label: t("report.analysisJa"), value: plain(conflict.analysisJa), lang: "ja" },
            { label: t("report.proposalsEn"), value: plain(conflict.proposalsEn), lang: "en" },
            { label: t("report.proposalsJa"), value: plain(conflict.proposalsJa), lang: "ja" },
            { label: t("report.assignee"), value: conflict.assigneeName ?? t("report.nobody") },
            { label: t("report.done"), value: conflict.done ? t("report.state.done") : t("report.state.open") },
          ]}
        />
      ) : null}
      <p className="word-meter" aria-live="polite">
        {limit !== null ? t("report.sectionWordsOfLimit", { count: words, limit }) : t("report.sectionWords", { count: words })}
      </p>
      <div className="field-pair">
        <RichTextEditor name="analysisEn" label={t("report.analysisEn")} lang="en" defaultValue={initial(fields.analysisEn.initialValue)} errors={fields.analysisEn.errors} onChange={setAnalysisEn} />
        <RichTextEditor name="analysisJa" label={t("report.analysisJa")} lang="ja" defaultValue={initial(fields.analysisJa.initialValue)} errors={fields.analysisJa.errors} />
      </div>
      <div className="field-pair">
        <RichTextEditor name="proposalsEn" label={t("report.proposalsEn")} lang="en" defaultValue={initial(fields.proposalsEn.initialValue)} errors={fields.proposalsEn.errors} onChange={setProposalsEn} />
        <RichTextEditor name="proposalsJa" label={t("report.proposalsJa")} lang="ja" defaultValue={initial(fields.proposalsJa.initialValue)} errors={fields.proposalsJa.errors} />
      </div>
      <div className="field-row">
        <SelectField
          label={t("report.assignee")}
          id={fields.assigneeId.id}
          name={fields.assigneeId.name}
          defaultValue={initial(fields.assigneeId.initialValue)}
          errors={fields.assigneeId.errors}
          options={assignees}
          emptyLabel={t("report.nobody")}
        />
        <CheckboxField label={t("report.markDone")} id={fields.done.id} name={fields.done.name} defaultChecked={fields.done.initialValue === "on"} errors={fields.done.errors} />
      </div>
      <EditorActions cancelTo={cancelTo} saveLabel={t("report.saveSection")} />
    </Form>
  );
}

export type ReportDefaults = { titleEn: string; titleJa: string; outlineMode: string; wordLimit: string };
export type ReportConflictView = { titleEn: string; titleJa: string | null; outlineMode: string; wordLimit: number | null; updatedByName: string | null };

/** The report's own settings: title in both languages, what the outline follows, the committee's word limit. */
export function ReportForm({
  defaults,
  lastResult,
  version,
  conflict,
  cancelTo,
  saveLabel,
}: {
  defaults: ReportDefaults;
  lastResult?: SubmissionResult<string[]>;
  version?: number;
  conflict?: ReportConflictView | null;
  cancelTo: string;
  saveLabel?: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "report-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportFormSchema }),
    defaultValue: defaults,
  });
  const value = (v: unknown) => (typeof v === "string" ? v : "");
  const modeLabel = (m: string) => (isOutlineMode(m) ? t(`report.mode.${m}`) : m);
  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("report.titleEn"), value: conflict.titleEn, lang: "en" },
            { label: t("report.titleJa"), value: conflict.titleJa, lang: "ja" },
            { label: t("report.outlineMode"), value: modeLabel(conflict.outlineMode) },
            { label: t("report.wordLimit"), value: conflict.wordLimit === null ? "" : String(conflict.wordLimit) },
          ]}
        />
      ) : null}
      <div className="field-pair">
        <Field label={t("report.titleEn")} id={fields.titleEn.id} name={fields.titleEn.name} defaultValue={value(fields.titleEn.initialValue)} errors={fields.titleEn.errors} lang="en" maxLength={300} required />
        <Field label={t("report.titleJa")} id={fields.titleJa.id} name={fields.titleJa.name} defaultValue={value(fields.titleJa.initialValue)} errors={fields.titleJa.errors} lang="ja" maxLength={300} />
      </div>
      <div className="field-row">
        <SelectField
          label={t("report.outlineMode")}
          id={fields.outlineMode.id}
          name={fields.outlineMode.name}
          defaultValue={value(fields.outlineMode.initialValue)}
          errors={fields.outlineMode.errors}
          options={OUTLINE_MODES.map((m) => ({ value: m, label: t(`report.mode.${m}`) }))}
        />
        <Field
          label={t("report.wordLimit")}
          id={fields.wordLimit.id}
          name={fields.wordLimit.name}
          defaultValue={value(fields.wordLimit.initialValue)}
          errors={fields.wordLimit.errors}
          help={t("report.wordLimitHelp")}
          inputMode="numeric"
        />
      </div>
      <EditorActions cancelTo={cancelTo} saveLabel={saveLabel} />
    </Form>
  );
}
