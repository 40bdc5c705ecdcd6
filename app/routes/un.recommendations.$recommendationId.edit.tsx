import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecommendationEditor } from "~/components/un-editors";
import { useT } from "~/i18n/react";
import { recommendationUpdateSchema } from "~/models/un";
import { checkRecommendationReferences, getRecommendation, recommendationFormOptions, updateRecommendation, unRecordExists } from "~/models/un.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

const refOf = (r: { paragraph: string; document: { symbol: string | null; titleEn: string; titleJa: string } }) => `${r.document.symbol || r.document.titleEn || r.document.titleJa} ¶${r.paragraph}`;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("un.editRecommendation", { ref: data.ref }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const r = await getRecommendation(params.recommendationId ?? "", user.role);
  if (!r) throw new Response("Not found", { status: 404 });
  return {
    ref: refOf(r),
    recommendation: {
      id: r.id,
      version: r.version,
      documentId: r.documentId,
      paragraph: r.paragraph,
      headingEn: r.headingEn,
      headingJa: r.headingJa,
      textEn: r.textEn,
      textJa: r.textJa,
      articles: r.articles,
      themeIds: r.themes.map((x) => x.theme.id),
      followUp: r.followUp,
      reiteratesId: r.reiteratesId,
      governmentClaimJa: r.governmentClaimJa,
      governmentClaimEn: r.governmentClaimEn,
      governmentClaimSource: r.governmentClaimSource,
      grade: r.grade,
      assessmentNote: r.assessmentNote,
      demandRefs: r.demands.map((d) => d.demand.ref).join(", "),
      internalNote: r.internalNote,
    },
    options: await recommendationFormOptions(await getLocale(request, user), r.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.recommendationId ?? "";
  if (!(await unRecordExists("Recommendation", id))) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: recommendationUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const { errors, demandIds } = await checkRecommendationReferences(submission.value, id);
  if (Object.keys(errors).length) return data({ result: submission.reply({ fieldErrors: errors }), conflict: null }, { status: 400 });
  const saved = await updateRecommendation(id, submission.value.version, submission.value, demandIds, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/un/recommendations/${id}`, { message: "toast.saved" });
}

export default function EditRecommendation() {
  const { ref, recommendation, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const conflict = actionData?.conflict ?? null;
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un/recommendations">{t("un.recommendations")}</Link>
        {" › "}
        <Link to={`/un/recommendations/${recommendation.id}`}>{ref}</Link>
      </nav>
      <h1>{t("un.editRecommendation", { ref })}</h1>
      <RecommendationEditor
        key={conflict?.version ?? recommendation.version}
        defaults={recommendation}
        options={options}
        lastResult={actionData?.result}
        version={conflict?.version ?? recommendation.version}
        conflict={conflict}
        cancelTo={`/un/recommendations/${recommendation.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
