import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { Field, FormErrors } from "~/components/forms";
import { type Translate } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { type Locale } from "~/i18n/locales";
import { isNetworkStatus } from "~/models/network";
import { formerNameSchema, isOrganisationKind, removeFormerNameSchema, safeHref } from "~/models/organisation";
import { addFormerName, getOrganisation, organisationExists, removeFormerName } from "~/models/organisation.server";
import { hasRole } from "~/models/roles";
import { requireStaff, requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { formatPartialDate } from "~/utils/partial-date";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.organisation.nameJa || data.organisation.nameEn : "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organisation = await getOrganisation(params.organisationId ?? "");
  if (!organisation) throw new Response("Not found", { status: 404 });
  return { organisation, canEdit: hasRole(user.role, "staff") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.organisationId ?? "";
  if (!(await organisationExists(id))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "addFormerName") {
    const submission = parseWithZod(formData, { schema: formerNameSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    await addFormerName(id, submission.value, user.id);
    return redirectWithToast(`/organisations/${id}`, { message: "toast.formerNameAdded" });
  }

  if (intent === "removeFormerName") {
    const submission = parseWithZod(formData, { schema: removeFormerNameSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const removed = await removeFormerName(id, submission.value.formerNameId, user.id);
    if (!removed) throw new Response("Not found", { status: 404 });
    return redirectWithToast(`/organisations/${id}`, { message: "toast.formerNameRemoved" });
  }

  throw new Response("Bad request", { status: 400 });
}

/** "1997 – June 2007", "from 2007", "until June 2007". */
function span(t: Translate, locale: Locale, from: string | null, until: string | null) {
  const f = formatPartialDate(from, locale);
  const u = formatPartialDate(until, locale);
  if (f && u) return t("organisation.span.fromUntil", { from: f, until: u });
  if (f) return t("organisation.span.from", { from: f });
  if (u) return t("organisation.span.until", { until: u });
  return t("organisation.span.unknown");
}

function AddFormerNameForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "former-name-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formerNameSchema }),
  });
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "addFormerName";
  return (
    <Form method="post" {...getFormProps(form)} className="panel" aria-labelledby="add-former-name-heading">
      <h3 id="add-former-name-heading">{t("organisation.formerName.add")}</h3>
      <input type="hidden" name="intent" value="addFormerName" />
      <FormErrors errors={form.errors} />
      <div className="field-pair">
        <Field
          label={t("organisation.formerName.nameJa")}
          id={fields.nameJa.id}
          name={fields.nameJa.name}
          defaultValue={fields.nameJa.initialValue}
          errors={fields.nameJa.errors}
          lang="ja"
          maxLength={300}
        />
        <Field
          label={t("organisation.formerName.nameEn")}
          id={fields.nameEn.id}
          name={fields.nameEn.name}
          defaultValue={fields.nameEn.initialValue}
          errors={fields.nameEn.errors}
          lang="en"
          maxLength={300}
        />
      </div>
      <div className="field-row">
        <Field
          label={t("organisation.formerName.fromOn")}
          id={fields.fromOn.id}
          name={fields.fromOn.name}
          defaultValue={fields.fromOn.initialValue}
          errors={fields.fromOn.errors}
          help={t("help.partialDate")}
        />
        <Field
          label={t("organisation.formerName.untilOn")}
          id={fields.untilOn.id}
          name={fields.untilOn.name}
          defaultValue={fields.untilOn.initialValue}
          errors={fields.untilOn.errors}
          help={t("help.partialDate")}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t("organisation.formerName.add")}
        </button>
      </div>
    </Form>
  );
}

export default function OrganisationDetail() {
  const { organisation, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const href = safeHref(organisation.website);
  const kind = isOrganisationKind(organisation.kind) ? t(`organisation.kind.${organisation.kind}`) : organisation.kind;
  const removeError = actionData?.intent === "removeFormerName" ? actionData.result : undefined;

  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/organisations">{t("organisations.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          {organisation.shortName ? <p className="record-ref">{organisation.shortName}</p> : null}
          <h1>{pick(organisation.nameJa, organisation.nameEn)}</h1>
          <span className="badge">{kind}</span>
          {organisation.dissolvedOn ? <span className="badge">{t("organisation.dissolved")}</span> : null}
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/organisations/${organisation.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <RecordTools historyTo={`/history/organisation/${organisation.id}`} deleteTo={`/organisations/${organisation.id}/delete`} />
          </div>
        ) : null}
      </div>

      <BilingualTitles
        ja={organisation.nameJa}
        en={organisation.nameEn}
        extra={{
          ja: (
            <>
              <p className="multiline">{organisation.notesJa || <span className="muted">{t("common.notGiven")}</span>}</p>
            </>
          ),
          en: (
            <>
              <p className="multiline">{organisation.notesEn || <span className="muted">{t("common.notGiven")}</span>}</p>
            </>
          ),
        }}
      />

      <dl className="facts">
        <dt>{t("common.kind")}</dt>
        <dd>{kind}</dd>
        <dt>{t("organisation.shortName")}</dt>
        <dd>{organisation.shortName || "—"}</dd>
        <dt>{t("organisation.website")}</dt>
        <dd>
          {href ? (
            <a href={href} rel="noopener noreferrer external" target="_blank">
              {organisation.website}
            </a>
          ) : (
            organisation.website || "—"
          )}
        </dd>
        <dt>{t("organisation.foundedOn")}</dt>
        <dd>{formatPartialDate(organisation.foundedOn, locale) || "—"}</dd>
        <dt>{t("organisation.dissolvedOn")}</dt>
        <dd>{formatPartialDate(organisation.dissolvedOn, locale) || "—"}</dd>
      </dl>

      <section aria-labelledby="former-names-heading">
        <h2 id="former-names-heading">{t("organisation.formerNames")}</h2>
        <FormErrors errors={removeError?.error ? Object.values(removeError.error).flat() : undefined} />
        {organisation.formerNames.length ? (
          <ul className="plain-list">
            {organisation.formerNames.map((n) => (
              <li key={n.id}>
                <span lang="ja">{n.nameJa}</span>
                {n.nameJa && n.nameEn ? " / " : null}
                <span lang="en">{n.nameEn}</span> <span className="muted">({span(t, locale, n.fromOn, n.untilOn)})</span>
                {canEdit ? (
                  <Form
                    method="post"
                    className="inline-form"
                    onSubmit={(e) => {
                      if (!window.confirm(t("organisation.formerName.confirmRemove"))) e.preventDefault();
                    }}
                  >
                    <input type="hidden" name="intent" value="removeFormerName" />
                    <input type="hidden" name="formerNameId" value={n.id} />
                    <button type="submit" className="danger" aria-label={t("organisation.formerName.removeLabel", { name: pick(n.nameJa, n.nameEn) })}>
                      {t("organisation.formerName.remove")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("organisation.formerNames.empty")}</p>
        )}
        {canEdit ? (
          <AddFormerNameForm
            key={organisation.formerNames.map((n) => n.id).join(",")}
            lastResult={actionData?.intent === "addFormerName" ? actionData.result : undefined}
          />
        ) : null}
      </section>

      <section aria-labelledby="networks-heading">
        <h2 id="networks-heading">{t("organisation.projectNetworks")}</h2>
        {organisation.projectNetworks.length ? (
          <ul className="plain-list">
            {organisation.projectNetworks.map((n) => (
              <li key={n.id}>
                <Link to={`/networks/${n.id}`}>{pick(n.nameJa, n.nameEn)}</Link>
                {isNetworkStatus(n.status) ? <span className="badge badge-status">{t(`network.status.${n.status}`)}</span> : null}
                {n.since ? <span className="muted"> {t("organisation.span.from", { from: formatPartialDate(n.since, locale) })}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("organisation.projectNetworks.empty")}</p>
        )}
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t("organisation.people")}</h2>
        {organisation.affiliations.length ? (
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t("organisation.person")}</th>
                <th scope="col">{t("organisation.role")}</th>
                <th scope="col">{t("organisation.period")}</th>
              </tr>
            </thead>
            <tbody>
              {organisation.affiliations.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/people/${a.person.id}`}>{pick(a.person.nameJa, a.person.nameEn)}</Link>
                  </td>
                  <td>{pick(a.roleJa, a.roleEn) || "—"}</td>
                  <td className="nowrap">{a.startOn || a.endOn ? span(t, locale, a.startOn, a.endOn) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("organisation.people.empty")}</p>
        )}
      </section>

      <p className="record-meta muted">{t("common.updatedAt")}: {formatDateTime(organisation.updatedAt, locale)}</p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
