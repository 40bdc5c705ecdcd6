import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleEditor } from "~/components/un-editors";
import { useBilingual, useT } from "~/i18n/react";
import { cycleUpdateSchema } from "~/models/un";
import { checkCycleReferences, getCycle, mechanismOptions, updateCycle, unRecordExists } from "~/models/un.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) => (data ? t("un.editCycle", { title: locale === "ja" ? data.cycle.titleJa || data.cycle.titleEn : data.cycle.titleEn || data.cycle.titleJa }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const c = await getCycle(params.cycleId ?? "", user.role);
  if (!c) throw new Response("Not found", { status: 404 });
  const stages = Object.fromEntries(c.stages.map((s) => [`stage_${s.kind}`, s.on]));
  return {
    cycle: { id: c.id, version: c.version, mechanismId: c.mechanismId, titleJa: c.titleJa, titleEn: c.titleEn, session: c.session, notes: c.notes, internalNote: c.internalNote, ...stages },
    mechanisms: await mechanismOptions(await getLocale(request, user)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.cycleId ?? "";
  if (!(await unRecordExists("ReviewCycle", id))) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: cycleUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const fieldErrors = await checkCycleReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateCycle(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/un/cycles/${id}`, { message: "toast.saved" });
}

export default function EditCycle() {
  const { cycle, mechanisms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  const title = pick(cycle.titleJa, cycle.titleEn);
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
        {" › "}
        <Link to={`/un/cycles/${cycle.id}`}>{title}</Link>
      </nav>
      <h1>{t("un.editCycle", { title })}</h1>
      <CycleEditor
        key={conflict?.version ?? cycle.version}
        defaults={cycle}
        options={{ mechanisms }}
        lastResult={actionData?.result}
        version={conflict?.version ?? cycle.version}
        conflict={conflict}
        cancelTo={`/un/cycles/${cycle.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
