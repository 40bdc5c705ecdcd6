import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { messageRef, translateMaybe } from "~/i18n";
import { useT } from "~/i18n/react";
import { batchesOf, paragraphSpan } from "~/models/batches";
import { splitConcludingObservations } from "~/models/un-import";
import { type CsvPlan, type CsvPlanRow, CSV_MAX_BYTES, csvVersionsOf, decodeCsv, parseRecommendationCsv, planCsvImport, saveCsvImport } from "~/models/un-import-csv.server";
import { type ImportSaved, getDocument, importVersionsOf, planImport, saveImport } from "~/models/un.server";
import { filesOf, readMultipartForm } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("un.import.title", { name: data.name }) : null));

const importSchema = z.object({
  intent: z.enum(["preview", "save", "save-batch"]),
  text: z.string({ error: "error.required" }).trim().min(1, "error.required").max(2_000_000, "error.tooLong"),
  /** the versions the preview saw (JSON of importVersionsOf), sent back with "Save" */
  versions: z.string().max(200_000).optional(),
  /** with "save-batch": which batch of the plan (0, 1, …) */
  batch: z.coerce.number().int().min(0).max(1000).optional(),
  /** with "save-batch": what the batches before it did, for the toast after the last one */
  created: z.coerce.number().int().min(0).optional(),
  updated: z.coerce.number().int().min(0).optional(),
  unchanged: z.coerce.number().int().min(0).optional(),
});

const versionsSchema = z.record(z.string(), z.number().int().nullable());
function readVersions(raw: string | undefined) {
  if (!raw) return undefined;
  try {
    const parsed = versionsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One batch's outcome, for the page's progress (JavaScript saves the plan batch by batch). `saved` and
 * `notSaved` cover the whole plan: the batches before this one were saved by the requests before it.
 */
export type BatchOutcome = { index: number; batches: number; total: number; saved: string[]; notSaved: string[]; conflicts: string[]; failed: boolean; created: number; updated: number; unchanged: number };

const none = { result: null, plan: null, versions: null, detected: null, csv: null, batch: null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const d = await getDocument(params.unDocumentId ?? "");
  if (!d) throw new Response("Not found", { status: 404 });
  return { id: d.id, symbol: d.symbol, name: d.symbol || d.titleEn || d.titleJa, count: d.recommendations.length };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const d = await getDocument(params.unDocumentId ?? "");
  if (!d) throw new Response("Not found", { status: 404 });
  // The CSV form sends a file (multipart); the pasted text is a plain form.
  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) return csvAction(request, d.id, user.id);
  const submission = parseWithZod(await request.formData(), { schema: importSchema });
  if (submission.status !== "success") return data({ ...none, result: submission.reply() }, { status: 400 });
  const split = splitConcludingObservations(submission.value.text);
  if (!split.paragraphs.length) return data({ ...none, result: submission.reply({ fieldErrors: { text: ["un.import.noParagraphs"] } }), detected: split.symbol }, { status: 400 });
  // Text of another document would overwrite this one's paragraphs.
  if (split.symbol && d.symbol && split.symbol !== d.symbol) {
    return data({ ...none, result: submission.reply({ fieldErrors: { text: ["un.import.otherSymbol", `${split.symbol} ≠ ${d.symbol}`] } }), detected: split.symbol }, { status: 400 });
  }
  const plan = await planImport(d.id, split.paragraphs);
  const { intent } = submission.value;
  if (intent === "preview") return data({ ...none, result: submission.reply(), plan, versions: JSON.stringify(importVersionsOf(plan)), detected: split.symbol }, { status: 200 });
  const versions = readVersions(submission.value.versions);
  if (intent === "save-batch") {
    // One batch of the plan: the page asks for them in turn and shows how far it got.
    const batches = batchesOf(plan);
    const index = submission.value.batch ?? 0;
    if (index >= batches.length) return data({ ...none, result: submission.reply({ formErrors: ["un.import.noBatch"] }) }, { status: 400 });
    const { created = 0, updated = 0, unchanged = 0 } = submission.value;
    return saveOneBatch(request, d.id, batches.map((b) => b.map((p) => p.paragraph)), index, { created, updated, unchanged }, () => saveImport(d.id, batches[index], user.id, { versions }));
  }
  // Without JavaScript: every batch in this one request.
  const saved = await saveImport(d.id, plan, user.id, { versions });
  if (saved.notSaved.length) {
    // Stopped by a change made since the preview: the preview again, as things are now, with what was saved.
    const fresh = await planImport(d.id, split.paragraphs);
    return data({ ...none, result: submission.reply({ formErrors: stoppedMessages(saved, "un.import.conflict") }), plan: fresh, versions: JSON.stringify(importVersionsOf(fresh)), detected: split.symbol }, { status: 409 });
  }
  return redirectWithToast(`/un/documents/${d.id}`, { message: "toast.unImported", vars: { created: saved.created, updated: saved.updated, unchanged: saved.unchanged } });
}

/**
 * Saves batch `index` of an import (the pasted text's or the CSV file's: `save` writes it) for the page
 * that asks for the batches in turn. `numbers` are the paragraphs of every batch, for the page to say
 * what is saved and what not; `before` are the counts of the batches already done, for the toast after
 * the last one, which goes to the document as the save without JavaScript does.
 */
async function saveOneBatch(request: Request, documentId: string, numbers: string[][], index: number, before: { created: number; updated: number; unchanged: number }, save: () => Promise<ImportSaved>) {
  const done = numbers.slice(0, index).flat();
  const after = numbers.slice(index + 1).flat();
  const mine = numbers[index];
  const common = { index, batches: numbers.length, total: numbers.flat().length };
  try {
    const saved = await save();
    const failed = saved.notSaved.length > 0;
    if (!failed && index === numbers.length - 1) {
      const vars = { created: before.created + saved.created, updated: before.updated + saved.updated, unchanged: before.unchanged + saved.unchanged };
      return redirectWithToast(`/un/documents/${documentId}`, { message: "toast.unImported", vars });
    }
    const batch: BatchOutcome = {
      ...common,
      ...saved,
      // A batch is one transaction: stopped, none of its writes happened (its unchanged rows count as done).
      saved: [...done, ...mine.filter((n) => !saved.notSaved.includes(n))],
      notSaved: failed ? [...saved.notSaved, ...after] : [],
      failed,
    };
    return data({ ...none, batch }, { status: failed ? 409 : 200 });
  } catch (error) {
    // The page says which paragraphs were not saved and offers to retry; the cause goes to the log.
    console.error(JSON.stringify({ level: "error", msg: "import batch failed", path: new URL(request.url).pathname, batch: index, error: error instanceof Error ? error.stack : String(error) }));
    const batch: BatchOutcome = { ...common, saved: done, notSaved: [...mine, ...after], conflicts: [], failed: true, created: 0, updated: 0, unchanged: 0 };
    return data({ ...none, batch }, { status: 500 });
  }
}

/** Why a save without JavaScript stopped: what was and was not saved, and who changed what since the preview. */
function stoppedMessages(saved: ImportSaved, conflict: "un.import.conflict" | "un.csv.conflict") {
  return [
    saved.saved.length ? messageRef("un.import.stopped", { saved: paragraphSpan(saved.saved), notSaved: paragraphSpan(saved.notSaved) }) : messageRef("un.import.stoppedNone", { notSaved: paragraphSpan(saved.notSaved) }),
    messageRef(conflict, { paragraphs: saved.conflicts.join(", ") }),
  ];
}

type CsvView = {
  /** the file's text, sent again with "Save" (the file input cannot keep the file) */
  text: string | null;
  /** the versions the preview saw (JSON of csvVersionsOf), sent back with "Save" */
  versions: string | null;
  fileErrors: string[];
  rows: Array<{
    line: number;
    paragraph: string | null;
    headingEn: string | null;
    headingJa: string | null;
    textEn: string;
    textJa: string | null;
    followUp: boolean;
    demandRefs: string[];
    state: "new" | "changed" | "same";
    errors: string[];
  }>;
};

/** The CSV form: check the file (a preview with each row's state and errors), then save it, in batches. */
async function csvAction(request: Request, documentId: string, userId: string) {
  const refuse = (fileErrors: string[], text: string | null = null) => data({ ...none, csv: { text, versions: null, fileErrors, rows: [] } satisfies CsvView }, { status: 400 });
  const { formData } = await readMultipartForm(request);
  if (!formData) return refuse(["un.csv.error.tooLarge"]);
  const file = filesOf(formData, "file")[0];
  const kept = formData.get("csvText");
  if (file && file.size > CSV_MAX_BYTES) return refuse(["un.csv.error.tooLarge"]);
  const text = file ? decodeCsv(new Uint8Array(await file.arrayBuffer())) : typeof kept === "string" && kept.trim() ? kept : null;
  if (!text) return refuse(["un.csv.chooseFile"]);
  if (text.length > CSV_MAX_BYTES) return refuse(["un.csv.error.tooLarge"]);
  const parsed = parseRecommendationCsv(text);
  if (parsed.fileErrors.length) return refuse(parsed.fileErrors);
  const plan = await planCsvImport(documentId, parsed);
  const withErrors = plan.rows.some((r) => r.errors.length);
  const intent = formData.get("intent");
  const field = (name: string) => (typeof formData.get(name) === "string" ? (formData.get(name) as string) : undefined);
  // A file chosen again is checked again: the versions sent are those of the preview of the kept text.
  const versions = file ? undefined : readVersions(field("versions"));
  const view = (rowsOf: CsvPlan, fileErrors: string[]): CsvView => ({ text, versions: JSON.stringify(csvVersionsOf(rowsOf)), fileErrors, rows: rowsOf.rows.map(csvRowView) });
  if ((intent === "csv-save" || intent === "csv-save-batch") && !withErrors) {
    if (intent === "csv-save-batch") {
      // One batch of the file's rows (every row, so that the batches stay the same from request to request).
      const batches = batchesOf(plan.rows);
      const index = Number(field("batch") ?? "0");
      if (!Number.isInteger(index) || index < 0 || index >= batches.length) return refuse(["un.import.noBatch"], text);
      const count = (name: string) => Number(field(name) ?? "0") || 0;
      const numbers = batches.map((b) => b.map((r) => r.paragraph ?? `${r.line}`));
      return saveOneBatch(request, documentId, numbers, index, { created: count("created"), updated: count("updated"), unchanged: count("unchanged") }, () =>
        saveCsvImport(documentId, { ...plan, rows: batches[index] }, userId, { versions }),
      );
    }
    // Without JavaScript: every batch in this one request.
    const saved = await saveCsvImport(documentId, plan, userId, { versions });
    if (saved.notSaved.length) {
      // Stopped by a change made since the preview: the preview again, against the records as they are now.
      const fresh = await planCsvImport(documentId, parsed);
      return data({ ...none, csv: view(fresh, stoppedMessages(saved, "un.csv.conflict")) }, { status: 409 });
    }
    return redirectWithToast(`/un/documents/${documentId}`, { message: "toast.unImported", vars: { created: saved.created, updated: saved.updated, unchanged: saved.unchanged } });
  }
  const saving = intent === "csv-save" || intent === "csv-save-batch";
  return data({ ...none, csv: view(plan, saving && withErrors ? ["un.csv.fixErrors"] : []) }, { status: withErrors ? 400 : 200 });
}

const csvRowView = (r: CsvPlanRow): CsvView["rows"][number] => ({
  line: r.line,
  paragraph: r.paragraph,
  headingEn: r.headingEn,
  headingJa: r.headingJa,
  textEn: r.textEn,
  textJa: r.textJa,
  followUp: r.followUp,
  demandRefs: r.demandRefs,
  state: r.state,
  errors: r.errors,
});

/** Saving batch by batch (with JavaScript): how far it got, and where it stopped. */
type Run = {
  text: string;
  versions: string;
  total: number;
  /** paragraphs done (saved or unchanged) */
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  /** the batch asked for, or to retry */
  next: number;
  stopped: null | { saved: string[]; notSaved: string[]; conflicts: string[] };
};

type Saver = ReturnType<typeof useFetcher<typeof action>>;

/**
 * Saving a previewed import batch by batch with JavaScript (the pasted text and the CSV file alike):
 * `send` asks the action for one batch; each reply moves the progress on and asks for the next, until
 * the last one redirects to the document. A batch stopped by someone else's change calls `onConflict`
 * (which previews again); a batch the server failed can be retried from where it stopped.
 */
function useBatchedSave(send: (saver: Saver, run: Run, index: number) => void, onConflict: (run: Run) => void) {
  const saver = useFetcher<typeof action>();
  const [run, setRun] = useState<Run | null>(null);
  const handled = useRef<unknown>(null);
  const start = (r: Run) => {
    setRun(r);
    send(saver, r, 0);
  };
  const retry = () => {
    if (!run) return;
    const r = { ...run, stopped: null };
    setRun(r);
    send(saver, r, r.next);
  };
  useEffect(() => {
    const outcome = saver.data?.batch;
    if (saver.state !== "idle" || !outcome || !run || handled.current === saver.data) return;
    handled.current = saver.data;
    const next: Run = {
      ...run,
      total: outcome.total,
      done: outcome.saved.length,
      created: run.created + outcome.created,
      updated: run.updated + outcome.updated,
      unchanged: run.unchanged + outcome.unchanged,
    };
    if (outcome.failed) {
      setRun({ ...next, next: outcome.index, stopped: { saved: outcome.saved, notSaved: outcome.notSaved, conflicts: outcome.conflicts } });
      if (outcome.conflicts.length) onConflict(run);
      return;
    }
    // After the last batch the action redirects to the document, with the toast.
    setRun({ ...next, next: outcome.index + 1 });
    send(saver, next, outcome.index + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per batch reply
  }, [saver.state, saver.data]);
  return { run, start, retry, busy: saver.state !== "idle" };
}

export default function ImportRecommendations() {
  const doc = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const submit = useSubmit();
  const plan = actionData?.plan ?? null;
  const result = actionData?.result ?? undefined;
  const textErrors = result?.error?.text;
  const typed = typeof result?.initialValue?.text === "string" ? result.initialValue.text : "";
  const versions = actionData?.versions ?? "";
  const counts = plan ? { new: plan.filter((p) => p.state === "new").length, changed: plan.filter((p) => p.state === "changed").length, same: plan.filter((p) => p.state === "same").length } : null;

  const { run, start, retry, busy: batchBusy } = useBatchedSave(
    (saver, r, index) =>
      saver.submit({ intent: "save-batch", text: r.text, versions: r.versions, batch: String(index), created: String(r.created), updated: String(r.updated), unchanged: String(r.unchanged) }, { method: "post" }),
    // Changed by someone else since the preview: split again, so that the preview shows what is on record now.
    (r) => submit({ intent: "preview", text: r.text }, { method: "post", replace: true }),
  );
  const busy = navigation.state === "submitting" || batchBusy;
  // With JavaScript, "Save" asks for the plan's batches in turn (the same batches the server cuts) and
  // shows how far it got; without it, the form saves every batch in one request.
  const startSaving = (event: React.MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    if (!plan || !form) return;
    event.preventDefault();
    // The text as the form would send it (the native submission sends the box's text, not the preview's).
    const text = new FormData(form).get("text");
    start({ text: typeof text === "string" ? text : typed, versions, total: plan.length, done: 0, created: 0, updated: 0, unchanged: 0, next: 0, stopped: null });
  };

  const saving = Boolean(run && !run.stopped);
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
        {" › "}
        <Link to={`/un/documents/${doc.id}`}>{doc.name}</Link>
      </nav>
      <h1>{t("un.import.title", { name: doc.name })}</h1>
      <p className="muted">{t("un.import.intro")}</p>
      <Form method="post" className="editor-form">
        <FormErrors errors={result?.error?.[""]} />
        <TextareaField label={t("un.import.text")} id="import-text" name="text" defaultValue={typed} errors={textErrors} rows={plan ? 6 : 18} lang="en" help={t("un.import.textHelp")} required />
        {plan ? <input type="hidden" name="versions" value={versions} /> : null}
        {plan && counts ? (
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">{t("un.import.preview")}</h2>
            <p role="status">{t("un.import.summary", { total: plan.length, new: counts.new, changed: counts.changed, same: counts.same })}</p>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("un.rec.paragraph")}</th>
                  <th scope="col">{t("un.rec.heading")}</th>
                  <th scope="col">{t("un.rec.text")}</th>
                  <th scope="col">{t("un.import.state")}</th>
                </tr>
              </thead>
              <tbody>
                {plan.map((p) => (
                  <tr key={p.paragraph}>
                    <td className="nowrap">
                      {p.paragraph}
                      {p.followUp ? <span className="badge badge-followup">{t("un.rec.followUp")}</span> : null}
                    </td>
                    <td lang="en">{p.heading ?? <span className="muted">—</span>}</td>
                    <td lang="en" className="multiline">
                      {p.text}
                    </td>
                    <td className="nowrap">{t(`un.import.state.${p.state}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        <div className="form-actions">
          <button type="submit" name="intent" value="preview" className={plan ? undefined : "primary"} disabled={busy || saving}>
            {t("un.import.previewButton")}
          </button>
          {plan ? (
            <button type="submit" name="intent" value="save" className="primary" disabled={busy || saving} onClick={startSaving}>
              {busy && !run ? t("common.saving") : t("un.import.save", { count: plan.length })}
            </button>
          ) : null}
          <Link to={`/un/documents/${doc.id}`}>{t("common.cancel")}</Link>
        </div>
        {busy && !run && plan && navigation.formData?.get("intent") === "save" ? (
          <p role="status" className="muted">
            {t("un.import.saving", { count: plan.length })}
          </p>
        ) : null}
        {run ? <SaveProgress run={run} onRetry={retry} busy={busy} /> : null}
      </Form>
      <CsvImport csv={actionData?.csv ?? null} />
    </section>
  );
}

/** The batches' progress, announced politely; where saving stopped, what was saved and what was not. */
function SaveProgress({ run, onRetry, busy, conflictMessage = "un.import.conflict" }: { run: Run; onRetry: () => void; busy: boolean; conflictMessage?: "un.import.conflict" | "un.csv.conflict" }) {
  const t = useT();
  const { stopped } = run;
  return (
    <div className="import-progress">
      <p className="progress-line">
        <progress max={Math.max(run.total, 1)} value={run.done} aria-label={t("un.import.progressLabel")} />
      </p>
      <p role="status" aria-live="polite">
        {t("un.import.progress", { done: run.done, total: run.total })}
      </p>
      {stopped ? (
        <div className="form-errors" role="alert">
          <p>
            {stopped.saved.length
              ? t("un.import.stopped", { saved: paragraphSpan(stopped.saved), notSaved: paragraphSpan(stopped.notSaved) })
              : t("un.import.stoppedNone", { notSaved: paragraphSpan(stopped.notSaved) })}
          </p>
          {stopped.conflicts.length ? (
            <p>{t(conflictMessage, { paragraphs: stopped.conflicts.join(", ") })}</p>
          ) : (
            <>
              <p>{t("un.import.failed")}</p>
              <div className="form-actions">
                <button type="button" onClick={onRetry} disabled={busy}>
                  {t("un.import.retry", { paragraph: stopped.notSaved[0] ?? "" })}
                </button>
              </div>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}

function CsvImport({ csv }: { csv: CsvView | null }) {
  const t = useT();
  const navigation = useNavigation();
  const submit = useSubmit();
  const multipart = (fields: Record<string, string>) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    return body;
  };
  const { run, start, retry, busy: batchBusy } = useBatchedSave(
    (saver, r, index) =>
      saver.submit(
        multipart({ intent: "csv-save-batch", csvText: r.text, versions: r.versions, batch: String(index), created: String(r.created), updated: String(r.updated), unchanged: String(r.unchanged) }),
        { method: "post", encType: "multipart/form-data" },
      ),
    // Changed by someone else since the preview: check the file again against the records as they are now.
    (r) => submit(multipart({ intent: "csv-preview", csvText: r.text }), { method: "post", encType: "multipart/form-data", replace: true }),
  );
  const busy = (navigation.state === "submitting" && navigation.formEncType === "multipart/form-data") || batchBusy;
  // Once checked, the file's text is kept in the page (csvText): the file input is emptied, as it is after
  // a reload without JavaScript, so that a file in it at "Save" is one chosen since the preview.
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (csv?.text && fileInput.current) fileInput.current.value = "";
  }, [csv]);
  const saving = busy && !run && navigation.formData?.get("intent") === "csv-save";
  const rows = csv?.rows ?? [];
  const count = (state: string) => rows.filter((r) => !r.errors.length && r.state === state).length;
  const errors = rows.filter((r) => r.errors.length).length;
  const toSave = rows.filter((r) => r.state !== "same").length;
  // With JavaScript, "Save" sends the kept file's rows batch by batch and shows how far it got; without
  // it (or when another file was chosen since the preview, which must be checked first) the form saves
  // every batch in one request.
  const startSaving = (event: React.MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    if (!csv?.text || !form) return;
    const chosen = new FormData(form).get("file");
    if (chosen instanceof File && chosen.size > 0) return;
    event.preventDefault();
    start({ text: csv.text, versions: csv.versions ?? "", total: rows.length, done: 0, created: 0, updated: 0, unchanged: 0, next: 0, stopped: null });
  };
  return (
    <section aria-labelledby="csv-heading" className="csv-import">
      <h2 id="csv-heading">{t("un.csv.heading")}</h2>
      <p className="muted">{t("un.csv.intro")}</p>
      <p>
        <a href="/un/import-template.csv" download>
          {t("un.csv.template")}
        </a>
      </p>
      <Form method="post" encType="multipart/form-data" className="editor-form" aria-describedby="csv-heading">
        <div className="field">
          <label htmlFor="csv-file">{t("un.csv.file")}</label>
          <input
            ref={fileInput}
            id="csv-file"
            type="file"
            name="file"
            accept=".csv,text/csv"
            aria-describedby={`csv-file-help${csv?.fileErrors.length ? " csv-file-error" : ""}`}
            aria-invalid={csv?.fileErrors.length ? true : undefined}
          />
          <p id="csv-file-help" className="field-help">
            {t("un.csv.fileHelp")}
          </p>
          <ErrorList id="csv-file-error" errors={csv?.fileErrors.map((e) => translateMaybe(t, e))} />
        </div>
        {csv?.text ? <input type="hidden" name="csvText" value={csv.text} /> : null}
        {csv?.versions ? <input type="hidden" name="versions" value={csv.versions} /> : null}
        {rows.length ? (
          <section aria-labelledby="csv-preview-heading">
            <h3 id="csv-preview-heading">{t("un.import.preview")}</h3>
            <p role="status">{t("un.csv.summary", { total: rows.length, new: count("new"), changed: count("changed"), same: count("same"), errors })}</p>
            {errors ? <p className="form-errors">{t("un.csv.fixErrors")}</p> : null}
            <div className="table-scroll">
              <table className="data-table csv-preview">
                <thead>
                  <tr>
                    <th scope="col">{t("un.csv.line")}</th>
                    <th scope="col">{t("un.rec.paragraph")}</th>
                    <th scope="col">{t("un.rec.heading")}</th>
                    <th scope="col">{t("un.rec.text")}</th>
                    <th scope="col">{t("un.csv.demands")}</th>
                    <th scope="col">{t("un.import.state")}</th>
                    <th scope="col">{t("un.csv.errors")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.line} className={r.errors.length ? "row-error" : undefined}>
                      <td className="nowrap">{r.line}</td>
                      <td className="nowrap">
                        {r.paragraph ?? <span className="muted">—</span>}
                        {r.followUp ? <span className="badge badge-followup">{t("un.rec.followUp")}</span> : null}
                      </td>
                      <td>
                        {r.headingEn ? <div lang="en">{r.headingEn}</div> : null}
                        {r.headingJa ? <div lang="ja">{r.headingJa}</div> : null}
                      </td>
                      <td className="multiline">
                        <div lang="en">{r.textEn}</div>
                        {r.textJa ? (
                          <div lang="ja" className="muted">
                            {r.textJa}
                          </div>
                        ) : null}
                      </td>
                      <td className="nowrap">{r.demandRefs.join(", ")}</td>
                      <td className="nowrap">{r.errors.length ? <span className="muted">—</span> : t(`un.csv.state.${r.state}`)}</td>
                      <td>
                        {r.errors.length ? (
                          <ul className="field-errors">
                            {r.errors.map((e) => (
                              <li key={e}>{translateMaybe(t, e)}</li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
        <div className="form-actions">
          <button type="submit" name="intent" value="csv-preview" className={rows.length ? undefined : "primary"} disabled={busy}>
            {t("un.csv.previewButton")}
          </button>
          {rows.length && !errors && toSave ? (
            <button type="submit" name="intent" value="csv-save" className="primary" disabled={busy || Boolean(run && !run.stopped)} onClick={startSaving}>
              {t("un.csv.save", { count: toSave })}
            </button>
          ) : null}
        </div>
        {saving ? (
          <p role="status" className="muted">
            {t("un.csv.saving", { count: toSave })}
          </p>
        ) : null}
        {run ? <SaveProgress run={run} onRetry={retry} busy={busy} conflictMessage="un.csv.conflict" /> : null}
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
