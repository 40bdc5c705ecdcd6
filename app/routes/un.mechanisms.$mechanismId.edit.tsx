import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MechanismEditor } from "~/components/un-editors";
import { useT } from "~/i18n/react";
import { mechanismUpdateSchema } from "~/models/un";
import { getMechanism, updateMechanism, unRecordExists } from "~/models/un.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("un.editMechanism", { name: data.mechanism.abbreviation }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const m = await getMechanism(params.mechanismId ?? "");
  if (!m) throw new Response("Not found", { status: 404 });
  const { cycles, documents, createdAt, updatedAt, deletedAt, sortOrder, ...mechanism } = m;
  void [cycles, documents, createdAt, updatedAt, deletedAt, sortOrder];
  return { mechanism };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.mechanismId ?? "";
  if (!(await unRecordExists("UnMechanism", id))) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: mechanismUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const saved = await updateMechanism(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/un/mechanisms/${id}`, { message: "toast.saved" });
}

export default function EditMechanism() {
  const { mechanism } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const conflict = actionData?.conflict ?? null;
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
        {" › "}
        <Link to={`/un/mechanisms/${mechanism.id}`}>{mechanism.abbreviation}</Link>
      </nav>
      <h1>{t("un.editMechanism", { name: mechanism.abbreviation })}</h1>
      <MechanismEditor
        key={conflict?.version ?? mechanism.version}
        defaults={mechanism}
        lastResult={actionData?.result}
        version={conflict?.version ?? mechanism.version}
        conflict={conflict}
        cancelTo={`/un/mechanisms/${mechanism.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
