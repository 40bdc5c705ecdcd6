import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DocumentEditor } from "~/components/un-editors";
import { useBilingual, useT } from "~/i18n/react";
import { documentUpdateSchema } from "~/models/un";
import { checkDocumentReferences, cycleOptions, getDocument, mechanismOptions, updateDocument, unRecordExists } from "~/models/un.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("un.editDocument", { title: data.document.symbol || data.document.titleEn || data.document.titleJa }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const d = await getDocument(params.unDocumentId ?? "");
  if (!d) throw new Response("Not found", { status: 404 });
  const locale = await getLocale(request, user);
  const [mechanisms, cycles] = await Promise.all([mechanismOptions(locale), cycleOptions(locale)]);
  return {
    document: {
      id: d.id,
      version: d.version,
      mechanismId: d.mechanismId,
      cycleId: d.cycleId,
      kind: d.kind,
      symbol: d.symbol,
      titleJa: d.titleJa,
      titleEn: d.titleEn,
      issuedOn: d.issuedOn,
      languages: d.languages ? d.languages.split(",") : [],
      url: d.url,
      notes: d.notes,
    },
    options: { mechanisms, cycles },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.unDocumentId ?? "";
  if (!(await unRecordExists("UnDocument", id))) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: documentUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const fieldErrors = await checkDocumentReferences(submission.value, id);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateDocument(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/un/documents/${id}`, { message: "toast.saved" });
}

export default function EditDocument() {
  const { document, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  const title = document.symbol || pick(document.titleJa, document.titleEn);
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
        {" › "}
        <Link to={`/un/documents/${document.id}`}>{title}</Link>
      </nav>
      <h1>{t("un.editDocument", { title })}</h1>
      <DocumentEditor
        key={conflict?.version ?? document.version}
        defaults={document}
        options={options}
        lastResult={actionData?.result}
        version={conflict?.version ?? document.version}
        conflict={conflict}
        cancelTo={`/un/documents/${document.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
