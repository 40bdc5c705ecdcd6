import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NetworkEditor } from "~/components/network-editor";
import { useT } from "~/i18n/react";
import { networkCreateSchema } from "~/models/network";
import { checkNetworkReferences, createNetwork } from "~/models/network.server";
import { organisationOptions } from "~/models/organisation.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return { organisations: await organisationOptions(await getLocale(request, user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: networkCreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const fieldErrors = await checkNetworkReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const network = await createNetwork(submission.value, user.id);
  return redirectWithToast(`/networks/${network.id}`, { message: "toast.networkCreated" });
}

export default function NewNetwork() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/networks">{t("networks.title")}</Link>
      </nav>
      <h1>{t("networks.new")}</h1>
      <NetworkEditor mode="create" defaults={{}} organisations={organisations} lastResult={actionData?.result} cancelTo="/networks" />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
