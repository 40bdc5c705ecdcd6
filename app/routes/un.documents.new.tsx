import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DocumentEditor } from "~/components/un-editors";
import { useT } from "~/i18n/react";
import { documentFormSchema } from "~/models/un";
import { checkDocumentReferences, createDocument, cycleOptions, mechanismOptions } from "~/models/un.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("un.newDocument"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const locale = await getLocale(request, user);
  const params = new URL(request.url).searchParams;
  const [mechanisms, cycles] = await Promise.all([mechanismOptions(locale), cycleOptions(locale)]);
  const mechanismId = mechanisms.find((m) => m.value === params.get("mechanism"))?.value ?? null;
  const cycleId = cycles.find((c) => c.value === params.get("cycle"))?.value ?? null;
  return { options: { mechanisms, cycles }, defaults: { mechanismId, cycleId, languages: ["en"] } };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema: documentFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const fieldErrors = await checkDocumentReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const doc = await createDocument(submission.value, user.id);
  return redirectWithToast(`/un/documents/${doc.id}`, { message: "toast.unCreated", vars: { name: doc.symbol || doc.titleEn || doc.titleJa } });
}

export default function NewDocument() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
      </nav>
      <h1>{t("un.newDocument")}</h1>
      <DocumentEditor defaults={defaults} options={options} lastResult={actionData?.result} cancelTo={defaults.cycleId ? `/un/cycles/${defaults.cycleId}` : "/un"} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
