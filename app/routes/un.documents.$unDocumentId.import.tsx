import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField } from "~/components/forms";
import { useT } from "~/i18n/react";
import { splitConcludingObservations } from "~/models/un-import";
import { getDocument, planImport, saveImport } from "~/models/un.server";
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
  const submission = parseWithZod(await request.formData(), { schema: importSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), plan: null, detected: null }, { status: 400 });
  const split = splitConcludingObservations(submission.value.text);
  if (!split.paragraphs.length) return data({ result: submission.reply({ fieldErrors: { text: ["un.import.noParagraphs"] } }), plan: null, detected: split.symbol }, { status: 400 });
  // Text of another document would overwrite this one's paragraphs.
  if (split.symbol && d.symbol && split.symbol !== d.symbol) {
    return data({ result: submission.reply({ fieldErrors: { text: ["un.import.otherSymbol", `${split.symbol} ≠ ${d.symbol}`] } }), plan: null, detected: split.symbol }, { status: 400 });
  }
  const plan = await planImport(d.id, split.paragraphs);
  if (submission.value.intent === "preview") return data({ result: submission.reply(), plan, detected: split.symbol }, { status: 200 });
  const saved = await saveImport(d.id, plan, user.id);
  return redirectWithToast(`/un/documents/${d.id}`, { message: "toast.unImported", vars: saved });
}

export default function ImportRecommendations() {
  const doc = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const plan = actionData?.plan ?? null;
  const result = actionData?.result;
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
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
