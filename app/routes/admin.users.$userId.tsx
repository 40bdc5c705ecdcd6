import { type SubmissionResult, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { ConflictPanel } from "~/components/conflict-panel";
import { CheckboxField, Field, FormErrors, type Option, SelectField } from "~/components/forms";
import { PasswordFields, RoleLocaleFields } from "~/components/user-fields";
import { roleLabels, userLocaleLabels } from "~/components/value-labels";
import { useLocale, useT } from "~/i18n/react";
import { PASSWORD_FIELDS, isLocked, userSetPasswordSchema, userUpdateSchema } from "~/models/user";
import { checkUserPerson, getUserAccount, setUserPassword, staffPersonOptions, unlockUser, updateUser } from "~/models/user.server";
import { requireAdmin } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, () => data?.user.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const locale = await getLocale(request, admin);
  const user = await getUserAccount(params.userId ?? "");
  if (!user) throw new Response("Not found", { status: 404 });
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      locale: user.locale,
      active: user.active,
      personId: user.personId,
      failedLogins: user.failedLogins,
      lockedUntil: user.lockedUntil?.toISOString() ?? null,
      locked: isLocked(user.lockedUntil),
      noPassword: user.noPassword,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
      version: user.version,
    },
    isSelf: user.id === admin.id,
    people: await staffPersonOptions(locale, user.id),
  };
}

type Intent = "update" | "setPassword" | "unlock";
type ConflictView = {
  name: string;
  role: string;
  locale: string | null;
  active: boolean;
  personName: string | null;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
};
type ActionReply = { intent: Intent; result: SubmissionResult<string[]>; conflict: ConflictView | null };

const reply = (body: ActionReply, status: number) => data(body, { status });

async function personName(id: string | null, locale: string) {
  if (!id) return null;
  const p = await db.person.findUnique({ where: { id }, select: { nameJa: true, nameEn: true } });
  if (!p) return null;
  return locale === "ja" ? p.nameJa || p.nameEn : p.nameEn || p.nameJa;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const id = params.userId ?? "";
  const account = await getUserAccount(id);
  if (!account) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "update") {
    const submission = parseWithZod(formData, { schema: userUpdateSchema });
    if (submission.status !== "success") return reply({ intent, result: submission.reply(), conflict: null }, 400);
    const fieldErrors = await checkUserPerson(submission.value.personId, id);
    if (Object.keys(fieldErrors).length) return reply({ intent, result: submission.reply({ fieldErrors }), conflict: null }, 400);
    const saved = await updateUser(id, submission.value, admin.id);
    if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
    if (!saved.ok && "formError" in saved) return reply({ intent, result: submission.reply({ formErrors: [saved.formError] }), conflict: null }, 400);
    if (!saved.ok) {
      const c = saved.conflict;
      const conflict: ConflictView = {
        name: c.name,
        role: c.role,
        locale: c.locale,
        active: c.active,
        personName: await personName(c.personId, await getLocale(request, admin)),
        version: c.version,
        updatedAt: c.updatedAt,
        updatedByName: c.updatedByName,
      };
      return reply({ intent, result: submission.reply({ formErrors: ["error.conflict"] }), conflict }, 409);
    }
    return redirectWithToast(
      `/admin/users/${id}`,
      saved.sessionsEnded ? { message: "toast.userSavedSignedOut", vars: { name: submission.value.name } } : { message: "toast.saved" },
    );
  }

  if (intent === "setPassword") {
    // The password may not be the account's email: the saved one, whatever the form sent.
    formData.set("email", account.email);
    const submission = parseWithZod(formData, { schema: userSetPasswordSchema });
    if (submission.status !== "success") {
      return reply({ intent, result: submission.reply({ hideFields: PASSWORD_FIELDS }), conflict: null }, 400);
    }
    const done = await setUserPassword(id, submission.value.password, admin.id);
    if (!done.ok) throw new Response("Not found", { status: 404 });
    return redirectWithToast(`/admin/users/${id}`, { message: "toast.userPasswordSet", vars: { name: account.name } });
  }

  if (intent === "unlock") {
    const done = await unlockUser(id, admin.id);
    if (!done.ok) throw new Response("Not found", { status: 404 });
    return redirectWithToast(`/admin/users/${id}`, { message: "toast.userUnlocked", vars: { name: account.name } });
  }

  throw new Response("Bad request", { status: 400 });
}

function AccountForm({
  user,
  people,
  lastResult,
  conflict,
}: {
  user: { name: string; role: string; locale: string | null; active: boolean; personId: string | null; version: number };
  people: Option[];
  lastResult?: SubmissionResult<string[]>;
  conflict: ConflictView | null;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "user-account",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: userUpdateSchema }),
    defaultValue: { name: user.name, role: user.role, locale: user.locale ?? "", active: user.active, personId: user.personId ?? "" },
  });
  const version = conflict?.version ?? user.version;
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "update";
  return (
    <Form method="post" {...getFormProps(form)} className="editor-form">
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="version" value={version} />
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("user.name"), value: conflict.name },
            { label: t("user.role"), value: roleLabels(t).label(conflict.role) },
            { label: t("user.locale"), value: userLocaleLabels(t).label(conflict.locale) },
            { label: t("user.status"), value: conflict.active ? t("user.active") : t("user.deactivated") },
            { label: t("user.person"), value: conflict.personName },
            { label: t("common.updatedAt"), value: formatDateTime(conflict.updatedAt, locale) },
          ]}
        />
      ) : null}
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
      <RoleLocaleFields role={fields.role} locale={fields.locale} />
      <SelectField
        label={t("user.person")}
        id={fields.personId.id}
        name={fields.personId.name}
        defaultValue={fields.personId.initialValue}
        errors={fields.personId.errors}
        options={people}
        emptyLabel={t("common.none")}
        help={t("help.userPerson")}
      />
      <CheckboxField
        label={t("user.activeLabel")}
        id={fields.active.id}
        name={fields.active.name}
        defaultChecked={fields.active.initialValue === "on"}
        errors={fields.active.errors}
      />
      <p className="muted">{t("help.userActive")}</p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t("common.save")}
        </button>
        <Link to="/admin/users">{t("common.cancel")}</Link>
      </div>
    </Form>
  );
}

function PasswordForm({ email, lastResult }: { email: string; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "user-password",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: userSetPasswordSchema }),
  });
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "setPassword";
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="setPassword" />
      <input type="hidden" name="email" value={email} />
      <FormErrors errors={form.errors} />
      <PasswordFields
        password={fields.password}
        confirm={fields.passwordConfirm}
        label={t("user.newPassword")}
        confirmLabel={t("user.passwordConfirm")}
      />
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {saving ? t("common.saving") : t("users.setPassword")}
        </button>
      </div>
    </Form>
  );
}

export default function UserDetail() {
  const { user, isSelf, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const conflict = actionData?.intent === "update" ? actionData.conflict : null;
  const roles = roleLabels(t);
  return (
    <article>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/admin/users">{t("users.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          <h1>
            {user.name}
            {isSelf ? <span className="badge">{t("users.you")}</span> : null}
            {!user.active ? <span className="badge">{t("user.deactivated")}</span> : null}
            {user.locked ? <span className="badge badge-status">{t("user.locked")}</span> : null}
            {user.noPassword ? <span className="badge badge-status">{t("user.noPassword")}</span> : null}
          </h1>
        </div>
        <RecordTools historyTo={`/history/user/${user.id}`} />
      </div>
      <dl className="facts">
        <dt>{t("user.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("user.role")}</dt>
        <dd>{roles.label(user.role)}</dd>
        <dt>{t("user.createdAt")}</dt>
        <dd>{formatDateTime(user.createdAt, locale)}</dd>
        <dt>{t("common.updatedAt")}</dt>
        <dd>{formatDateTime(user.updatedAt, locale)}</dd>
        <dt>{t("user.failedLogins")}</dt>
        <dd>{user.failedLogins}</dd>
      </dl>

      {user.locked && user.lockedUntil ? (
        <section className="panel" aria-labelledby="lock-heading">
          <h2 id="lock-heading">{t("users.lockSection")}</h2>
          <p>{t("users.lockedExplain", { time: formatDateTime(user.lockedUntil, locale) })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="unlock" />
            <button type="submit">{t("users.unlock")}</button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{t("users.accountSection")}</h2>
        <p className="muted">{t("users.accountHelp")}</p>
        <AccountForm
          key={conflict?.version ?? user.version}
          user={user}
          people={people}
          lastResult={actionData?.intent === "update" ? actionData.result : undefined}
          conflict={conflict}
        />
      </section>

      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">{t("users.passwordSection")}</h2>
        {user.noPassword ? <p className="notice">{t("users.noPasswordExplain")}</p> : null}
        <p className="muted">{t("users.passwordHelp")}</p>
        {/* A new key after every navigation: typed passwords never stay in the page. */}
        <PasswordForm key={location.key} email={user.email} lastResult={actionData?.intent === "setPassword" ? actionData.result : undefined} />
      </section>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
