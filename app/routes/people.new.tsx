import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PersonEditor } from "~/components/person-editor";
import { useT } from "~/i18n/react";
import { personFormSchema } from "~/models/person";
import { createPerson } from "~/models/person.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: personFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const person = await createPerson(submission.value, user.id);
  const locale = await getLocale(request, user);
  const name = locale === "ja" ? person.nameJa || person.nameEn : person.nameEn || person.nameJa;
  return redirectWithToast(`/people/${person.id}`, { message: "toast.personCreated", vars: { name } });
}

export default function NewPerson() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <h1>{t("people.new")}</h1>
      <PersonEditor defaults={{}} lastResult={actionData?.result} cancelTo="/people" />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
