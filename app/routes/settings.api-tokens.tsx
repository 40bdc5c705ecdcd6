// /settings/api-tokens: the signed-in user's personal tokens for the read API (docs/decisions/017).
// A new token is shown once, in the answer to the form that made it; only its hash is kept.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { useLocale, useT } from "~/i18n/react";
import { TOKEN_NAME_MAX, tokenCreateSchema, tokenRevokeSchema } from "~/models/api-token";
import { createToken, listTokens, revokeToken } from "~/models/api-token.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("apiToken.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { tokens: await listTokens(user.id), origin: new URL(request.url).origin };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const parsed = tokenRevokeSchema.safeParse({ intent: "revoke", tokenId: formData.get("tokenId") ?? undefined });
    if (!parsed.success || !(await revokeToken(user.id, parsed.data.tokenId))) {
      return redirectWithToast("/settings/api-tokens", { kind: "error", message: "apiToken.notFound" });
    }
    return redirectWithToast("/settings/api-tokens", { message: "apiToken.revoked" });
  }
  const submission = parseWithZod(formData, { schema: tokenCreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });
  const created = await createToken(user.id, submission.value.name);
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: created.fieldErrors }), created: null }, { status: 400 });
  // Not a redirect: the token travels once, in this answer, and the form is emptied.
  return data({ result: submission.reply({ resetForm: true }), created: { name: submission.value.name, token: created.token } }, { headers: { "Cache-Control": "no-store" } });
}

export default function ApiTokens() {
  const { tokens, origin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "api-token-create",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: tokenCreateSchema }),
  });
  const created = actionData?.created;
  return (
    <section>
      <h1>{t("apiToken.title")}</h1>
      <p className="muted">{t("apiToken.intro")}</p>
      {created ? (
        <div className="toast" role="status">
          <p>{t("apiToken.created", { name: created.name })}</p>
          <label htmlFor="new-token">{t("apiToken.value")}</label>
          <input id="new-token" className="token-value" readOnly value={created.token} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="editor-form">
        <input type="hidden" name="intent" value="create" />
        <FormErrors errors={form.errors} />
        <Field
          label={t("apiToken.name")}
          id={fields.name.id}
          name={fields.name.name}
          key={fields.name.key}
          defaultValue={fields.name.initialValue}
          errors={fields.name.errors}
          help={t("apiToken.nameHelp")}
          maxLength={TOKEN_NAME_MAX}
          required
        />
        <div className="form-actions">
          <button type="submit" className="primary">
            {t("apiToken.create")}
          </button>
        </div>
      </Form>
      <h2>{t("apiToken.list")}</h2>
      {tokens.length === 0 ? (
        <p className="muted">{t("apiToken.none")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("apiToken.name")}</th>
              <th scope="col">{t("apiToken.prefix")}</th>
              <th scope="col">{t("apiToken.createdAt")}</th>
              <th scope="col">{t("apiToken.lastUsed")}</th>
              <th scope="col">{t("apiToken.state")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("apiToken.revoke")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{formatDateTime(token.createdAt, locale)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t("apiToken.never")}</td>
                <td>{token.revokedAt ? t("apiToken.revokedAt", { date: formatDateTime(token.revokedAt, locale) }) : t("apiToken.active")}</td>
                <td>
                  {token.revokedAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button type="submit" className="danger" aria-label={t("apiToken.revokeNamed", { name: token.name })}>
                        {t("apiToken.revoke")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{t("apiToken.docs", { origin })}</p>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
