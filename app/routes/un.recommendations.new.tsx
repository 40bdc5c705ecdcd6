import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecommendationEditor } from "~/components/un-editors";
import { useT } from "~/i18n/react";
import { recommendationFormSchema } from "~/models/un";
import { checkRecommendationReferences, createRecommendation, recommendationFormOptions } from "~/models/un.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("un.newRecommendation"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const options = await recommendationFormOptions(await getLocale(request, user));
  const wanted = new URL(request.url).searchParams.get("document");
  return { options, documentId: options.documents.find((d) => d.value === wanted)?.value ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema: recommendationFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { errors, demandIds } = await checkRecommendationReferences(submission.value);
  if (Object.keys(errors).length) return data({ result: submission.reply({ fieldErrors: errors }) }, { status: 400 });
  const rec = await createRecommendation(submission.value, demandIds, user.id);
  return redirectWithToast(`/un/recommendations/${rec.id}`, { message: "toast.unCreated", vars: { name: `¶${rec.paragraph}` } });
}

export default function NewRecommendation() {
  const { options, documentId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
        {" › "}
        <Link to="/un/recommendations">{t("un.recommendations")}</Link>
      </nav>
      <h1>{t("un.newRecommendation")}</h1>
      <RecommendationEditor
        defaults={{ documentId }}
        options={options}
        lastResult={actionData?.result}
        cancelTo={documentId ? `/un/documents/${documentId}` : "/un/recommendations"}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
