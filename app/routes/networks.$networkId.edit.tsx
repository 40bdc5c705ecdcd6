import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NetworkEditor } from "~/components/network-editor";
import { useBilingual, useT } from "~/i18n/react";
import { networkUpdateSchema } from "~/models/network";
import { checkNetworkReferences, getNetwork, networkExists, updateNetwork } from "~/models/network.server";
import { organisationOptions } from "~/models/organisation.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const network = await getNetwork(params.networkId ?? "");
  if (!network) throw new Response("Not found", { status: 404 });
  return {
    network: {
      id: network.id,
      version: network.version,
      nameJa: network.nameJa,
      nameEn: network.nameEn,
      descriptionJa: network.descriptionJa,
      descriptionEn: network.descriptionEn,
      organisationId: network.organisationId,
    },
    organisations: await organisationOptions(await getLocale(request, user)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.networkId ?? "";
  if (!(await networkExists(id))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: networkUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const fieldErrors = await checkNetworkReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateNetwork(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/networks/${id}`, { message: "toast.saved" });
}

export default function EditNetwork() {
  const { network, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  const name = pick(network.nameJa, network.nameEn);
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/networks">{t("networks.title")}</Link>
        {" › "}
        <Link to={`/networks/${network.id}`}>{name}</Link>
      </nav>
      <h1>{t("networks.edit", { name })}</h1>
      <NetworkEditor
        key={conflict?.version ?? network.version}
        mode="edit"
        defaults={network}
        organisations={organisations}
        lastResult={actionData?.result}
        version={conflict?.version ?? network.version}
        conflict={conflict}
        cancelTo={`/networks/${network.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
