// The user's calendar feed (create, copy, renew, revoke) and reminder choices (docs/decisions/015).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, Field, FormErrors, SelectField } from "~/components/forms";
import { useLocale, useT } from "~/i18n/react";
import { createFeedToken, feedPath, feedStatus, revokeFeed } from "~/models/calendar-feed.server";
import { COMMITMENT_CHOICES, MAX_DAYS_BEFORE, reminderFormSchema } from "~/models/reminder";
import { reminderSettings, runReminders, saveReminderSettings } from "~/models/reminder.server";
import { requireUser } from "~/utils/auth.server";
import { config } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("feed.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [feed, reminders] = await Promise.all([feedStatus(user.id), reminderSettings(user.id)]);
  return { feed, reminders, email: user.email, mailOn: Boolean(config.smtpUrl) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "create-feed") {
    const token = await createFeedToken(user.id);
    // Shown once, in this answer: only the token's hash is kept.
    return data({ feedUrl: new URL(feedPath(token), request.url).toString(), result: undefined });
  }
  if (intent === "revoke-feed") {
    await revokeFeed(user.id);
    return redirectWithToast("/settings/calendar", { message: "toast.feedRevoked" });
  }
  const submission = parseWithZod(formData, { schema: reminderFormSchema });
  if (submission.status !== "success") return data({ feedUrl: null, result: submission.reply() }, { status: 400 });
  const { version, ...choice } = submission.value;
  const saved = await saveReminderSettings(user.id, choice, version);
  if (!saved) return data({ feedUrl: null, result: submission.reply({ formErrors: ["error.settingsChanged"] }) }, { status: 409 });
  // The reminders the new choice asks for appear at once rather than at the scheduler's next run (mail goes with it).
  await runReminders({ userId: user.id });
  return redirectWithToast("/settings/calendar", { message: "toast.remindersSaved" });
}

function CopyField({ value }: { value: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor="feed-url">{t("feed.address")}</label>
      <div className="feed-url">
        <input id="feed-url" type="text" readOnly value={value} size={70} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          {copied ? t("feed.copied") : t("feed.copy")}
        </button>
      </div>
    </div>
  );
}

export default function CalendarSettings() {
  const { feed, reminders, email, mailOn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "reminders",
    lastResult: actionData?.result,
    defaultValue: {
      consultations: reminders.consultations ? "on" : undefined,
      commitments: reminders.commitments,
      unStages: reminders.unStages ? "on" : undefined,
      daysBefore: String(reminders.daysBefore),
      email: reminders.email ? "on" : undefined,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reminderFormSchema }),
  });
  const feedUrl = actionData?.feedUrl;
  // After a refused save the form shows what was sent, not what is stored.
  const checked = (sent: unknown, stored: boolean) => (actionData?.result ? sent === "on" : stored);
  return (
    <section>
      <h1>{t("feed.title")}</h1>
      <section className="panel" aria-labelledby="feed-heading">
        <h2 id="feed-heading">{t("feed.heading")}</h2>
        <p className="muted">{t("feed.intro")}</p>
        {feedUrl ? (
          <div role="status" className="notice">
            <p>{t("feed.created")}</p>
            <CopyField value={feedUrl} />
            <p className="muted">{t("feed.howTo")}</p>
          </div>
        ) : feed ? (
          <p>
            {t("feed.active", { date: formatDateTime(feed.createdAt, locale) })}{" "}
            {feed.usedAt ? t("feed.lastUsed", { date: formatDateTime(feed.usedAt, locale) }) : t("feed.neverUsed")}
          </p>
        ) : (
          <p>{t("feed.none")}</p>
        )}
        <div className="form-actions">
          <Form method="post">
            <button type="submit" name="intent" value="create-feed" className="primary" disabled={busy}>
              {feed || feedUrl ? t("feed.regenerate") : t("feed.create")}
            </button>
          </Form>
          {feed || feedUrl ? (
            <Form method="post">
              <button type="submit" name="intent" value="revoke-feed" className="danger" disabled={busy}>
                {t("feed.revoke")}
              </button>
            </Form>
          ) : null}
        </div>
      </section>

      <section className="panel" aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">{t("reminders.heading")}</h2>
        <p className="muted">{t("reminders.intro")}</p>
        <Form method="post" {...getFormProps(form)} className="editor-form">
          <FormErrors errors={form.errors} />
          <input type="hidden" name="intent" value="reminders" />
          {reminders.version ? <input type="hidden" name="version" value={reminders.version} /> : null}
          <CheckboxField label={t("reminders.consultations")} id={fields.consultations.id} name={fields.consultations.name} defaultChecked={checked(fields.consultations.initialValue, reminders.consultations)} errors={fields.consultations.errors} />
          <SelectField
            label={t("reminders.commitments")}
            id={fields.commitments.id}
            name={fields.commitments.name}
            defaultValue={typeof fields.commitments.initialValue === "string" ? fields.commitments.initialValue : reminders.commitments}
            errors={fields.commitments.errors}
            options={COMMITMENT_CHOICES.map((c) => ({ value: c, label: t(`reminders.commitments.${c}`) }))}
          />
          <CheckboxField label={t("reminders.unStages")} id={fields.unStages.id} name={fields.unStages.name} defaultChecked={checked(fields.unStages.initialValue, reminders.unStages)} errors={fields.unStages.errors} />
          <Field
            label={t("reminders.daysBefore")}
            id={fields.daysBefore.id}
            name={fields.daysBefore.name}
            defaultValue={typeof fields.daysBefore.initialValue === "string" ? fields.daysBefore.initialValue : String(reminders.daysBefore)}
            errors={fields.daysBefore.errors}
            help={t("reminders.daysBeforeHelp")}
            inputMode="numeric"
            size={4}
            max={MAX_DAYS_BEFORE}
          />
          {mailOn ? (
            <CheckboxField label={t("reminders.email", { email })} id={fields.email.id} name={fields.email.name} defaultChecked={checked(fields.email.initialValue, reminders.email)} errors={fields.email.errors} />
          ) : (
            <>
              {/* Kept as it is, for when mail gets configured. */}
              {reminders.email ? <input type="hidden" name="email" value="on" /> : null}
              <p className="muted">{t("reminders.emailOff")}</p>
            </>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t("reminders.save")}
            </button>
            <Link to="/reminders">{t("reminders.title")}</Link>
          </div>
        </Form>
      </section>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
