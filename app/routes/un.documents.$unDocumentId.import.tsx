import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, TextareaField } from "~/components/forms";
import { translateMaybe } from "~/i18n";
import { useT } from "~/i18n/react";
import { splitConcludingObservations } from "~/models/un-import";
import { CSV_MAX_BYTES, decodeCsv, parseRecommendationCsv, planCsvImport, saveCsvImport } from "~/models/un-import-csv.server";
import { getDocument, planImport, saveImport } from "~/models/un.server";
import { filesOf, readMultipartForm } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("un.import.title", { name: data.name }) : null));

const importSchema = z.object({
  intent: z.enum(["preview", "save"]),
  text: z.string({ error: "error.required" }).trim().min(1, "error.required").max(2_000_000, "error.tooLong"),
});

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
  if (submission.status !== "success") return data({ result: submission.reply(), plan: null, detected: null, csv: null }, { status: 400 });
  const split = splitConcludingObservations(submission.value.text);
  if (!split.paragraphs.length) return data({ result: submission.reply({ fieldErrors: { text: ["un.import.noParagraphs"] } }), plan: null, detected: split.symbol, csv: null }, { status: 400 });
  // Text of another document would overwrite this one's paragraphs.
  if (split.symbol && d.symbol && split.symbol !== d.symbol) {
    return data({ result: submission.reply({ fieldErrors: { text: ["un.import.otherSymbol", `${split.symbol} ≠ ${d.symbol}`] } }), plan: null, detected: split.symbol, csv: null }, { status: 400 });
  }
  const plan = await planImport(d.id, split.paragraphs);
  if (submission.value.intent === "preview") return data({ result: submission.reply(), plan, detected: split.symbol, csv: null }, { status: 200 });
  const saved = await saveImport(d.id, plan, user.id);
  return redirectWithToast(`/un/documents/${d.id}`, { message: "toast.unImported", vars: saved });
}

type CsvView = {
  /** the file's text, sent again with "Save" (the file input cannot keep the file) */
  text: string | null;
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

/** The CSV form: check the file (a preview with each row's state and errors), then save it. */
async function csvAction(request: Request, documentId: string, userId: string) {
  const refuse = (fileErrors: string[], text: string | null = null) => data({ result: null, plan: null, detected: null, csv: { text, fileErrors, rows: [] } satisfies CsvView }, { status: 400 });
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
  if (formData.get("intent") === "csv-save" && !withErrors) {
    const saved = await saveCsvImport(documentId, plan, userId);
    return redirectWithToast(`/un/documents/${documentId}`, { message: "toast.unImported", vars: saved });
  }
  const rows = plan.rows.map((r) => ({
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
  }));
  const view: CsvView = { text, fileErrors: formData.get("intent") === "csv-save" && withErrors ? ["un.csv.fixErrors"] : [], rows };
  return data({ result: null, plan: null, detected: null, csv: view }, { status: withErrors ? 400 : 200 });
}

export default function ImportRecommendations() {
  const doc = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const plan = actionData?.plan ?? null;
  const result = actionData?.result ?? undefined;
  const textErrors = result?.error?.text;
  const typed = typeof result?.initialValue?.text === "string" ? result.initialValue.text : "";
  const counts = plan ? { new: plan.filter((p) => p.state === "new").length, changed: plan.filter((p) => p.state === "changed").length, same: plan.filter((p) => p.state === "same").length } : null;
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
          <button type="submit" name="intent" value="preview" className={plan ? undefined : "primary"} disabled={busy}>
            {t("un.import.previewButton")}
          </button>
          {plan ? (
            <button type="submit" name="intent" value="save" className="primary" disabled={busy}>
              {busy ? t("common.saving") : t("un.import.save", { count: plan.length })}
            </button>
          ) : null}
          <Link to={`/un/documents/${doc.id}`}>{t("common.cancel")}</Link>
        </div>
        {busy && plan && navigation.formData?.get("intent") === "save" ? (
          <p role="status" className="muted">
            {t("un.import.saving", { count: plan.length })}
          </p>
        ) : null}
      </Form>
      <CsvImport csv={actionData?.csv ?? null} />
    </section>
  );
}

function CsvImport({ csv }: { csv: CsvView | null }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  const saving = busy && navigation.formData?.get("intent") === "csv-save";
  const rows = csv?.rows ?? [];
  const count = (state: string) => rows.filter((r) => !r.errors.length && r.state === state).length;
  const errors = rows.filter((r) => r.errors.length).length;
  const toSave = rows.filter((r) => r.state !== "same").length;
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
            <button type="submit" name="intent" value="csv-save" className="primary" disabled={busy}>
              {t("un.csv.save", { count: toSave })}
            </button>
          ) : null}
        </div>
        {saving ? (
          <p role="status" className="muted">
            {t("un.csv.saving", { count: toSave })}
          </p>
        ) : null}
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
