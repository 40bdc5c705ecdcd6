import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { EditorActions } from "~/components/conflict-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { PasswordFields } from "~/components/user-fields";
import { useT } from "~/i18n/react";
import { PASSWORD_FIELDS, PASSWORD_MAX, passwordChangeSchema } from "~/models/user";
import { changeOwnPassword, currentSessionId } from "~/models/user.server";
import { requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("password.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: passwordChangeSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: PASSWORD_FIELDS }) }, { status: 400 });
  }
  const changed = await changeOwnPassword(user.id, submission.value, await currentSessionId(request));
  if (!changed.ok) {
    return data({ result: submission.reply({ fieldErrors: changed.fieldErrors, hideFields: PASSWORD_FIELDS }) }, { status: 400 });
  }
  return redirectWithToast("/", { message: "toast.passwordChanged" });
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "password-change",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordChangeSchema }),
  });
  return (
    <section>
      <h1>{t("password.title")}</h1>
      <p className="muted">{t("password.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="editor-form">
        <FormErrors errors={form.errors} />
        <Field
          label={t("password.current")}
          id={fields.currentPassword.id}
          name={fields.currentPassword.name}
          errors={fields.currentPassword.errors}
          type="password"
          autoComplete="current-password"
          maxLength={PASSWORD_MAX}
          required
        />
        <PasswordFields
          password={fields.newPassword}
          confirm={fields.newPasswordConfirm}
          label={t("password.new")}
          confirmLabel={t("password.confirm")}
        />
        <EditorActions cancelTo="/" saveLabel={t("password.submit")} />
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
