import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { useT } from "~/i18n/react";
import { ROLES } from "~/models/roles";
import { PASSWORD_FIELDS, PASSWORD_MAX, PASSWORD_MIN, USER_LOCALES, userCreateSchema } from "~/models/user";
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
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "user-new",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: userCreateSchema }),
    defaultValue: { role: "member", locale: "" },
  });
  const saving = navigation.state === "submitting";
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
        <div className="field-pair">
          <SelectField
            label={t("user.role")}
            id={fields.role.id}
            name={fields.role.name}
            defaultValue={fields.role.initialValue}
            errors={fields.role.errors}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            help={t("help.userRole")}
          />
          <SelectField
            label={t("user.locale")}
            id={fields.locale.id}
            name={fields.locale.name}
            defaultValue={fields.locale.initialValue}
            errors={fields.locale.errors}
            options={USER_LOCALES.map((l) => ({ value: l, label: l === "ja" ? t("common.japanese") : t("common.english") }))}
            emptyLabel={t("user.localeBrowser")}
            help={t("help.userLocale")}
          />
        </div>
        <div className="field-pair">
          <Field
            label={t("user.initialPassword")}
            id={fields.password.id}
            name={fields.password.name}
            errors={fields.password.errors}
            type="password"
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            help={t("help.newPassword")}
            required
          />
          <Field
            label={t("user.passwordConfirm")}
            id={fields.passwordConfirm.id}
            name={fields.passwordConfirm.name}
            errors={fields.passwordConfirm.errors}
            type="password"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX}
            required
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t("common.saving") : t("common.create")}
          </button>
          <Link to="/admin/users">{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
