import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { useT } from "~/i18n/react";
import { createUserSession, getUser, safeRedirect, verifySignIn } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

const signInSchema = z.object({
  email: z.string({ error: "error.required" }).trim().max(254, "error.tooLong").email("error.email"),
  password: z.string({ error: "error.required" }).min(1, "error.required").max(200, "error.tooLong"),
  redirectTo: z.string().max(2000).optional(),
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("login.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const result = await verifySignIn(submission.value.email, submission.value.password);
  if (!result.ok) {
    const message = result.reason === "locked" ? "error.signInLocked" : result.reason === "noPassword" ? "error.signInNoPassword" : "error.signInInvalid";
    return data({ result: submission.reply({ formErrors: [message], hideFields: ["password"] }) }, { status: 400 });
  }
  return createUserSession(request, result.userId, safeRedirect(submission.value.redirectTo));
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  });
  return (
    <section className="login-page">
      <h1>{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field
          label={t("login.email")}
          id={fields.email.id}
          name={fields.email.name}
          defaultValue={fields.email.initialValue}
          errors={fields.email.errors}
          type="email"
          autoComplete="username"
          autoFocus
          required
        />
        <Field
          label={t("login.password")}
          id={fields.password.id}
          name={fields.password.name}
          errors={fields.password.errors}
          type="password"
          autoComplete="current-password"
          required
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
