import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OrganisationEditor } from "~/components/organisation-editor";
import { useBilingual, useT } from "~/i18n/react";
import { organisationUpdateSchema } from "~/models/organisation";
import { getOrganisation, organisationExists, updateOrganisation } from "~/models/organisation.server";
import { requireStaff } from "~/utils/auth.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const organisation = await getOrganisation(params.organisationId ?? "");
  if (!organisation) throw new Response("Not found", { status: 404 });
  return {
    organisation: {
      id: organisation.id,
      version: organisation.version,
      kind: organisation.kind,
      nameJa: organisation.nameJa,
      nameEn: organisation.nameEn,
      shortName: organisation.shortName,
      website: organisation.website,
      foundedOn: organisation.foundedOn,
      dissolvedOn: organisation.dissolvedOn,
      notesJa: organisation.notesJa,
      notesEn: organisation.notesEn,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.organisationId ?? "";
  if (!(await organisationExists(id))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: organisationUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const saved = await updateOrganisation(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/organisations/${id}`, { message: "toast.saved" });
}

export default function EditOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  const name = pick(organisation.nameJa, organisation.nameEn);
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/organisations">{t("organisations.title")}</Link>
        {" › "}
        <Link to={`/organisations/${organisation.id}`}>{name}</Link>
      </nav>
      <h1>{t("organisations.edit", { name })}</h1>
      <OrganisationEditor
        key={conflict?.version ?? organisation.version}
        defaults={organisation}
        lastResult={actionData?.result}
        version={conflict?.version ?? organisation.version}
        conflict={conflict}
        cancelTo={`/organisations/${organisation.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
