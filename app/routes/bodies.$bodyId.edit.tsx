import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BodyEditor } from "~/components/body-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useT } from "~/i18n/react";
import { bodyUpdateSchema } from "~/models/body";
import { bodyFormOptions, checkBodyReferences, findBody, updateBody } from "~/models/body.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const body = await findBody(params.bodyId ?? "");
  if (!body) throw new Response("Not found", { status: 404 });
  return {
    body: {
      id: body.id,
      version: body.version,
      kind: body.kind,
      nameJa: body.nameJa,
      nameEn: body.nameEn,
      shortNameJa: body.shortNameJa,
      shortNameEn: body.shortNameEn,
      parentId: body.parentId,
      website: body.website,
      notes: body.notes,
      sortOrder: body.sortOrder,
    },
    options: await bodyFormOptions(await getLocale(request, user), body.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.bodyId ?? "";
  if (!(await findBody(id))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: bodyUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const fieldErrors = await checkBodyReferences(submission.value, id);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateBody(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok && "fieldErrors" in saved) return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }), conflict: null }, { status: 400 });
  if (!saved.ok) {
    return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  }
  return redirectWithToast(`/bodies/${id}`, { message: "toast.saved" });
}

export default function EditBody() {
  const { body, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  return (
    <section>
      <h1>{t("bodies.edit", { name: pick(body.nameJa, body.nameEn) })}</h1>
      <BodyEditor
        key={conflict?.version ?? body.version}
        defaults={body}
        options={options}
        lastResult={actionData?.result}
        version={conflict?.version ?? body.version}
        conflict={conflict}
        cancelTo={`/bodies/${body.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
