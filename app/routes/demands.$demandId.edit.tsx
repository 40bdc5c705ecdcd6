import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DemandEditor } from "~/components/demand-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useT } from "~/i18n/react";
import { demandUpdateSchema } from "~/models/demand";
import { checkDemandReferences, demandFormOptions, getDemand, updateDemand } from "~/models/demand.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { renderRichText } from "~/utils/rich-text.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) => (data ? t("demands.edit", { title: locale === "ja" ? data.demand.titleJa || data.demand.titleEn : data.demand.titleEn || data.demand.titleJa }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const demand = await getDemand(params.demandId ?? "");
  if (!demand) throw new Response("Not found", { status: 404 });
  return {
    demand: {
      id: demand.id,
      ref: demand.ref,
      version: demand.version,
      titleJa: demand.titleJa,
      titleEn: demand.titleEn,
      summaryJa: demand.summaryJa,
      summaryEn: demand.summaryEn,
      body: demand.body,
      parentId: demand.parentId,
      projectNetworkId: demand.projectNetworkId,
      firstRaisedOn: demand.firstRaisedOn,
      archived: demand.archived,
      isPublic: demand.isPublic,
      themeIds: demand.themes.map((x) => x.theme.id),
      targetIds: demand.targets.map((x) => x.body.id),
    },
    options: await demandFormOptions(await getLocale(request, user), demand.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.demandId ?? "";
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: demandUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const fieldErrors = await checkDemandReferences(submission.value, id);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateDemand(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) {
    const { body, ...rest } = saved.conflict;
    return data(
      { result: submission.reply({ formErrors: ["error.conflict"] }), conflict: { ...rest, bodyHtml: renderRichText(body) } },
      { status: 409 },
    );
  }
  return redirectWithToast(`/demands/${id}`, { message: "toast.saved" });
}

export default function EditDemand() {
  const { demand, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  return (
    <section>
      <p className="record-ref">{demand.ref}</p>
      <h1>{t("demands.edit", { title: pick(demand.titleJa, demand.titleEn) })}</h1>
      <DemandEditor
        key={conflict?.version ?? demand.version}
        defaults={demand}
        options={options}
        lastResult={actionData?.result}
        version={conflict?.version ?? demand.version}
        conflict={conflict}
        cancelTo={`/demands/${demand.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
