import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DemandEditor } from "~/components/demand-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n/react";
import { demandFormSchema } from "~/models/demand";
import { checkDemandReferences, createDemand, demandFormOptions } from "~/models/demand.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { redirectWithToast } from "~/utils/toast.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("demands.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return { options: await demandFormOptions(await getLocale(request, user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: demandFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const fieldErrors = await checkDemandReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const demand = await createDemand(submission.value, user.id);
  return redirectWithToast(`/demands/${demand.id}`, { message: "toast.demandCreated", vars: { ref: demand.ref } });
}

export default function NewDemand() {
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <h1>{t("demands.new")}</h1>
      <DemandEditor defaults={{}} options={options} lastResult={actionData?.result} cancelTo="/demands" />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
