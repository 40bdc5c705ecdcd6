import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { EditorActions } from "~/components/conflict-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { PasswordFields, RoleLocaleFields } from "~/components/user-fields";
import { useT } from "~/i18n/react";
import { PASSWORD_FIELDS, userCreateSchema } from "~/models/user";
import { createUser } from "~/models/user.server";
import { requireAdmin } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("users.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: userCreateSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: PASSWORD_FIELDS }) }, { status: 400 });
  }
  const created = await createUser(submission.value, admin.id);
  if (!created.ok) {
    return data({ result: submission.reply({ fieldErrors: created.fieldErrors, hideFields: PASSWORD_FIELDS }) }, { status: 400 });
  }
  return redirectWithToast(`/admin/users/${created.id}`, { message: "toast.userCreated", vars: { name: submission.value.name } });
}

export default function NewUser() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "user-new",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: userCreateSchema }),
    defaultValue: { role: "member", locale: "" },
  });
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/admin/users">{t("users.title")}</Link>
      </nav>
      <h1>{t("users.new")}</h1>
      <p className="muted">{t("users.newIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="editor-form">
        <FormErrors errors={form.errors} />
        <div className="field-pair">
          <Field
            label={t("user.email")}
            id={fields.email.id}
            name={fields.email.name}
            defaultValue={fields.email.initialValue}
            errors={fields.email.errors}
            type="email"
            autoComplete="off"
            maxLength={254}
            required
          />
          <Field
            label={t("user.name")}
            id={fields.name.id}
            name={fields.name.name}
            defaultValue={fields.name.initialValue}
            errors={fields.name.errors}
            autoComplete="off"
            maxLength={200}
            required
          />
        </div>
        <RoleLocaleFields role={fields.role} locale={fields.locale} />
        <PasswordFields
          password={fields.password}
          confirm={fields.passwordConfirm}
          label={t("user.initialPassword")}
          confirmLabel={t("user.passwordConfirm")}
        />
        <EditorActions cancelTo="/admin/users" saveLabel={t("common.create")} />
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
