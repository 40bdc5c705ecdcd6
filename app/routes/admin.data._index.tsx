// /admin/data: the full JSON export of the organisation's data and its import into an empty
// installation (docs/decisions/017). Both run in the background; the page polls their progress.
import fs from "node:fs/promises";
import path from "node:path";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createFileUploadHandler as createFileUploadHandler,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors } from "~/components/forms";
import { type Translate, translateMaybe } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import {
  checkExportFile,
  currentDatabaseFile,
  exportData,
  exportsDir,
  ImportRefused,
  importData,
  installationIsEmpty,
  liveProgress,
  markInterruptedJobs,
  recentJobs,
  removeUpload,
  startJob,
  uploadPath,
} from "~/models/data-export.server";
import { requireAdmin } from "~/utils/auth.server";
import { formatFileSize } from "~/models/request";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("data.title"));

const IMPORT_MAX_BYTES = 500 * 1024 * 1024;
const importSchema = z.object({ intent: z.literal("import") });


export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  // A job that another (stopped) server process left running ended there: say so instead of polling forever.
  await markInterruptedJobs();
  const jobs = await Promise.all((await recentJobs()).map(async (j) => {
    const now = j.status === "running" ? liveProgress(j.id) : null;
    const size = j.kind === "export" && j.status === "done" && j.fileName ? ((await fs.stat(path.join(exportsDir(), path.basename(j.fileName))).catch(() => null))?.size ?? null) : null;
    return {
      id: j.id,
      kind: j.kind,
      status: j.status,
      done: now?.done ?? j.done,
      total: now?.total ?? j.total,
      message: now?.message ?? j.message,
      fileName: j.fileName,
      rows: j.rows,
      createdAt: j.createdAt,
      finishedAt: j.finishedAt,
      tookMs: j.finishedAt ? j.finishedAt.getTime() - j.createdAt.getTime() : null,
      size,
      by: j.createdBy?.name ?? null,
    };
  }));
  return { jobs, empty: installationIsEmpty() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAdmin(request);
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    const formData = await request.formData();
    if (formData.get("intent") !== "export") throw new Response("Bad request", { status: 400 });
    const job = await startJob("export", user.id);
    // Not awaited: the export runs while the page polls its progress.
    // Password hashes leave only when asked for (off by default: decision 017).
    const signInData = formData.get("signInData") === "on";
    void exportData(job.id, { databaseFile: currentDatabaseFile(), signInData }).catch(() => undefined);
    return redirectWithToast("/admin/data", { message: "data.exportStarted" });
  }

  let formData: FormData;
  try {
    formData = await parseMultipartFormData(
      request,
      composeUploadHandlers(createFileUploadHandler({ directory: exportsDir(), maxPartSize: IMPORT_MAX_BYTES, avoidFileConflicts: true, file: ({ filename }) => `upload-${Date.now()}-${filename.replace(/[^\w.-]/g, "_")}` }), createMemoryUploadHandler({ maxPartSize: 1000 })),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return data({ result: { status: "error" as const, error: { file: ["data.refused.tooLarge"] } } }, { status: 400 });
    throw error;
  }
  const submission = parseWithZod(formData, { schema: importSchema });
  const upload = formData.get("file");
  // Not submission.reply(): its initial values would carry the uploaded File, which cannot be sent back.
  const fail = (key: string) => data({ result: { status: "error" as const, error: { file: [key] } } }, { status: 400 });
  const uploaded = upload && typeof upload !== "string" ? uploadPath(upload) : null;
  if (submission.status !== "success" || !uploaded || !upload || typeof upload === "string" || upload.size === 0) {
    if (uploaded) await removeUpload(uploaded);
    return fail("data.chooseFile");
  }
  try {
    if (!installationIsEmpty()) throw new ImportRefused("notEmpty");
    // The header only: the whole file is checked by the job's first pass, streamed.
    await checkExportFile(uploaded);
  } catch (error) {
    await removeUpload(uploaded);
    if (error instanceof ImportRefused) return fail(`data.refused.${error.reason}`);
    throw error;
  }
  const job = await startJob("import", user.id, path.basename(uploaded));
  // Not awaited: the import runs while the page polls its progress; it removes the upload when it ends.
  void importData(job.id, uploaded, { databaseFile: currentDatabaseFile(), keepUserId: user.id })
    .catch(() => undefined)
    .finally(() => removeUpload(uploaded));
  return redirectWithToast("/admin/data", { message: "data.importStarted" });
}

/** How long a job took: "2 min 5 s", "8 s". */
function took(t: Translate, ms: number) {
  const seconds = Math.max(1, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes ? t("data.tookMinutes", { minutes, seconds: seconds % 60 }) : t("data.tookSeconds", { seconds });
}

export default function DataPage() {
  const { jobs, empty } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const t = useT();
  const locale = useLocale();
  const running = jobs.some((j) => j.status === "running");
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const [form, fields] = useForm({ id: "data-import", lastResult: navigation.state === "idle" ? actionData?.result : undefined });
  const busy = navigation.state === "submitting";

  return (
    <section>
      <div className="page-header">
        <h1>{t("data.title")}</h1>
        <Link to="/admin/users" className="button">
          {t("users.title")}
        </Link>
      </div>
      <p className="muted">{t("data.intro")}</p>

      <h2>{t("data.export")}</h2>
      <p>{t("data.exportHelp")}</p>
      <Form method="post" className="editor-form">
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="signInData" aria-describedby="data-sign-in-help" /> {t("data.signInData")}
          </label>
          <p id="data-sign-in-help" className="muted">
            {t("data.signInDataHelp")}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" name="intent" value="export" disabled={busy || running}>
            {t("data.exportStart")}
          </button>
        </div>
      </Form>

      <h2>{t("data.jobs")}</h2>
      {jobs.length === 0 ? (
        <p className="muted">{t("data.noJobs")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("data.kind")}</th>
              <th scope="col">{t("data.startedAt")}</th>
              <th scope="col">{t("data.state")}</th>
              <th scope="col">{t("data.rows")}</th>
              <th scope="col">{t("data.file")}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id}>
                <td>{t(j.kind === "import" ? "data.kind.import" : "data.kind.export")}</td>
                <td>
                  {formatDateTime(j.createdAt, locale)}
                  {j.by ? <div className="muted">{j.by}</div> : null}
                </td>
                <td>
                  {j.status === "running" ? (
                    <>
                      <progress className="job-progress" value={j.done} max={Math.max(1, j.total)} aria-label={t("data.progress", { done: j.done, total: j.total })} />
                      <span role="status">
                        {t("data.progress", { done: j.done, total: j.total })}
                        {j.message ? ` · ${translateMaybe(t, j.message)}` : ""}
                      </span>
                    </>
                  ) : j.status === "done" ? (
                    <>
                      {t("data.done", { date: j.finishedAt ? formatDateTime(j.finishedAt, locale) : "" })}
                      {j.tookMs !== null ? <div className="muted">{took(t, j.tookMs)}</div> : null}
                    </>
                  ) : j.status === "interrupted" ? (
                    <>
                      <span className="field-errors">{t(j.kind === "import" ? "data.interrupted.import" : "data.interrupted.export")}</span>
                      {j.kind === "export" ? (
                        <Form method="post">
                          <button type="submit" name="intent" value="export" disabled={busy || running}>
                            {t("data.startAgain")}
                          </button>
                        </Form>
                      ) : (
                        <div>
                          <a href="#data-import-file">{t("data.chooseAgain")}</a>
                        </div>
                      )}
                    </>
                  ) : (
                    <span className="field-errors">{j.message ? translateMaybe(t, j.message) : t("data.failed")}</span>
                  )}
                </td>
                <td className="numeric">{j.status === "done" ? j.rows : ""}</td>
                <td>
                  {j.kind === "export" && j.status === "done" && j.fileName ? (
                    <>
                      <a href={`/admin/data/${j.id}/download`} download>
                        {t("data.download")}
                      </a>
                      {j.size !== null ? <span className="muted"> ({formatFileSize(j.size, locale)})</span> : null}
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t("data.import")}</h2>
      <p>{empty ? t("data.importHelp") : t("data.importNotEmpty")}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="editor-form">
        <input type="hidden" name="intent" value="import" />
        <FormErrors errors={form.errors} />
        <div className="field">
          <label htmlFor="data-import-file">{t("data.importFile")}</label>
          <input
            id="data-import-file"
            type="file"
            name="file"
            accept=".json,application/json"
            aria-invalid={fields.file.errors?.length ? true : undefined}
            aria-describedby={fields.file.errors?.length ? "data-import-file-error" : undefined}
          />
          <ErrorList id="data-import-file-error" errors={fields.file.errors} />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy || running}>
            {t("data.importStart")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
