import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { BodyEditor } from "~/components/body-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n/react";
import { bodyFormSchema } from "~/models/body";
import { bodyFormOptions, checkBodyReferences, createBody } from "~/models/body.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return { options: await bodyFormOptions(await getLocale(request, user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: bodyFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const fieldErrors = await checkBodyReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const body = await createBody(submission.value, user.id);
  const locale = await getLocale(request, user);
  const name = locale === "ja" ? body.nameJa || body.nameEn : body.nameEn || body.nameJa;
  return redirectWithToast(`/bodies/${body.id}`, { message: "toast.bodyCreated", vars: { name } });
}

export default function NewBody() {
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [params] = useSearchParams();
  // "New body" from a body's page can start under that body (?parent=ID).
  const parentId = options.parents.some((o) => o.value === params.get("parent")) ? params.get("parent") : null;
  return (
    <section>
      <h1>{t("bodies.new")}</h1>
      <BodyEditor defaults={{ parentId }} options={options} lastResult={actionData?.result} cancelTo="/bodies" />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
