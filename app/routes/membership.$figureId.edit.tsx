import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MembershipEditor } from "~/components/membership-editor";
import { useT } from "~/i18n/react";
import { historyPath } from "~/models/history";
import { membershipFigureUpdateSchema } from "~/models/membership";
import { getFigure, updateFigure } from "~/models/membership.server";
import { requireStaff } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, (t) => (data ? t("membership.edit", { year: data.figure.year }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const figure = await getFigure(params.figureId ?? "");
  if (!figure) throw new Response("Not found", { status: 404 });
  return { figure };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.figureId ?? "";
  if (!(await getFigure(id))) throw new Response("Not found", { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: membershipFigureUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const saved = await updateFigure(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok && "fieldErrors" in saved) return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }), conflict: null }, { status: 400 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast("/membership", { message: "toast.saved" });
}

export default function EditMembershipFigure() {
  const { figure } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const conflict = actionData?.conflict ?? null;
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/membership">{t("membership.title")}</Link>
      </nav>
      <div className="page-header">
        <h1>{t("membership.edit", { year: figure.year })}</h1>
        <div className="page-actions">
          <Link to={historyPath("MembershipFigure", figure.id)}>{t("history.link")}</Link>
        </div>
      </div>
      <MembershipEditor
        key={conflict?.version ?? figure.version}
        defaults={figure}
        lastResult={actionData?.result}
        version={conflict?.version ?? figure.version}
        conflict={conflict}
        cancelTo="/membership"
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
