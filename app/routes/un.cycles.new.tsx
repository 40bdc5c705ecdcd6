import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleEditor } from "~/components/un-editors";
import { useT } from "~/i18n/react";
import { cycleFormSchema } from "~/models/un";
import { checkCycleReferences, createCycle, mechanismOptions } from "~/models/un.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("un.newCycle"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const mechanisms = await mechanismOptions(await getLocale(request, user));
  const wanted = new URL(request.url).searchParams.get("mechanism");
  return { mechanisms, mechanismId: mechanisms.some((m) => m.value === wanted) ? wanted : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema: cycleFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const fieldErrors = await checkCycleReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const cycle = await createCycle(submission.value, user.id);
  return redirectWithToast(`/un/cycles/${cycle.id}`, { message: "toast.unCreated", vars: { name: cycle.titleEn || cycle.titleJa } });
}

export default function NewCycle() {
  const { mechanisms, mechanismId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
      </nav>
      <h1>{t("un.newCycle")}</h1>
      <CycleEditor defaults={{ mechanismId }} options={{ mechanisms }} lastResult={actionData?.result} cancelTo={mechanismId ? `/un/mechanisms/${mechanismId}` : "/un"} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
