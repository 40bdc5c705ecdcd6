import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { type Translate } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { type Locale } from "~/i18n/locales";
import { isNetworkStatus, NETWORK_STATUSES, phaseFormSchema, phaseTimeline, removePhaseSchema } from "~/models/network";
import { addPhase, getNetwork, networkExists, removePhase } from "~/models/network.server";
import { isOrganisationKind } from "~/models/organisation";
import { hasRole } from "~/models/roles";
import { requireStaff, requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { formatPartialDate } from "~/utils/partial-date";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.network.nameJa || data.network.nameEn : "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const network = await getNetwork(params.networkId ?? "");
  if (!network) throw new Response("Not found", { status: 404 });
  const { current, ...rest } = network;
  return {
    network: { ...rest, nameJa: current?.nameJa ?? rest.nameJa, nameEn: current?.nameEn ?? rest.nameEn },
    currentPhaseId: current?.id ?? null,
    currentStatus: current && isNetworkStatus(current.status) ? current.status : null,
    since: current?.fromOn ?? null,
    canEdit: hasRole(user.role, "staff"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.networkId ?? "";
  if (!(await networkExists(id))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "addPhase") {
    const submission = parseWithZod(formData, { schema: phaseFormSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const added = await addPhase(id, submission.value, user.id);
    if (!added.ok && "notFound" in added) throw new Response("Not found", { status: 404 });
    if (!added.ok) return data({ intent, result: submission.reply({ fieldErrors: added.fieldErrors }) }, { status: 400 });
    return redirectWithToast(`/networks/${id}`, { message: "toast.phaseAdded" });
  }

  if (intent === "removePhase") {
    const submission = parseWithZod(formData, { schema: removePhaseSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const removed = await removePhase(id, submission.value.phaseId, user.id);
    if (!removed.ok && "notFound" in removed) throw new Response("Not found", { status: 404 });
    if (!removed.ok) return data({ intent, result: submission.reply({ fieldErrors: removed.fieldErrors }) }, { status: 400 });
    return redirectWithToast(`/networks/${id}`, { message: "toast.phaseRemoved" });
  }

  throw new Response("Bad request", { status: 400 });
}

/** "2007 – June 2007", "from June 2007". */
function span(t: Translate, locale: Locale, from: string, until: string | null) {
  const f = formatPartialDate(from, locale);
  return until ? t("network.phase.span", { from: f, until: formatPartialDate(until, locale) }) : t("network.phase.from", { from: f });
}

function periodOf(t: Translate, locale: Locale, from: string | null, until: string | null) {
  const f = formatPartialDate(from, locale);
  const u = formatPartialDate(until, locale);
  if (f && u) return t("organisation.span.fromUntil", { from: f, until: u });
  if (f) return t("organisation.span.from", { from: f });
  if (u) return t("organisation.span.until", { until: u });
  return "—";
}

function AddPhaseForm({
  lastResult,
  defaults,
}: {
  lastResult?: SubmissionResult<string[]>;
  defaults: { status: string | null; nameJa: string; nameEn: string };
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "phase-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: phaseFormSchema }),
    defaultValue: { status: defaults.status ?? "sub_network", nameJa: defaults.nameJa, nameEn: defaults.nameEn },
  });
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "addPhase";
  return (
    <Form method="post" {...getFormProps(form)} className="panel" aria-labelledby="add-phase-heading">
      <h3 id="add-phase-heading">{t("network.phase.add")}</h3>
      <p className="muted">{t("network.phase.addHelp")}</p>
      <input type="hidden" name="intent" value="addPhase" />
      <FormErrors errors={form.errors} />
      <div className="field-row">
        <SelectField
          label={t("network.phase.status")}
          id={fields.status.id}
          name={fields.status.name}
          defaultValue={fields.status.initialValue}
          errors={fields.status.errors}
          options={NETWORK_STATUSES.map((s) => ({ value: s, label: t(`network.status.${s}`) }))}
        />
        <Field
          label={t("network.phase.fromOn")}
          id={fields.fromOn.id}
          name={fields.fromOn.name}
          defaultValue={fields.fromOn.initialValue}
          errors={fields.fromOn.errors}
          help={t("help.partialDate")}
          required
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("network.phase.nameJa")}
          id={fields.nameJa.id}
          name={fields.nameJa.name}
          defaultValue={fields.nameJa.initialValue}
          errors={fields.nameJa.errors}
          lang="ja"
          maxLength={300}
          required
        />
        <Field
          label={t("network.phase.nameEn")}
          id={fields.nameEn.id}
          name={fields.nameEn.name}
          defaultValue={fields.nameEn.initialValue}
          errors={fields.nameEn.errors}
          lang="en"
          maxLength={300}
          required
        />
      </div>
      <div className="field-pair">
        <TextareaField
          label={t("network.phase.noteJa")}
          id={fields.noteJa.id}
          name={fields.noteJa.name}
          defaultValue={fields.noteJa.initialValue}
          errors={fields.noteJa.errors}
          rows={3}
          lang="ja"
        />
        <TextareaField
          label={t("network.phase.noteEn")}
          id={fields.noteEn.id}
          name={fields.noteEn.name}
          defaultValue={fields.noteEn.initialValue}
          errors={fields.noteEn.errors}
          rows={3}
          lang="en"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t("network.phase.add")}
        </button>
      </div>
    </Form>
  );
}

export default function NetworkDetail() {
  const { network, currentPhaseId, currentStatus, since, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const timeline = phaseTimeline(network.phases);
  const statusInline = (s: string) => (isNetworkStatus(s) ? t(`network.statusInline.${s}`) : s);
  const removeResult = actionData?.intent === "removePhase" ? actionData.result : undefined;
  const removeErrors = removeResult?.error ? Object.values(removeResult.error).flat() : undefined;
  const organisationKind = network.organisation && isOrganisationKind(network.organisation.kind) ? t(`organisation.kind.${network.organisation.kind}`) : null;

  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/networks">{t("networks.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          <h1>{pick(network.nameJa, network.nameEn)}</h1>
          {currentStatus ? (
            <span className="badge badge-status">{t(`network.status.${currentStatus}`)}</span>
          ) : (
            <span className="badge">{t("network.status.none")}</span>
          )}
          {since ? <span className="muted"> {t("network.phase.from", { from: formatPartialDate(since, locale) })}</span> : null}
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/networks/${network.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <RecordTools historyTo={`/history/network/${network.id}`} deleteTo={`/networks/${network.id}/delete`} />
          </div>
        ) : null}
      </div>

      <BilingualTitles
        ja={network.nameJa}
        en={network.nameEn}
        extra={{
          ja: (
            <>
              <p className="multiline">{network.descriptionJa || <span className="muted">{t("common.notGiven")}</span>}</p>
            </>
          ),
          en: (
            <>
              <p className="multiline">{network.descriptionEn || <span className="muted">{t("common.notGiven")}</span>}</p>
            </>
          ),
        }}
      />

      <dl className="facts">
        <dt>{t("network.status")}</dt>
        <dd>{currentStatus ? t(`network.status.${currentStatus}`) : t("network.status.none")}</dd>
        <dt>{t("network.organisation")}</dt>
        <dd>
          {network.organisation ? (
            <>
              <Link to={`/organisations/${network.organisation.id}`}>{pick(network.organisation.nameJa, network.organisation.nameEn)}</Link>
              {organisationKind ? <span className="badge">{organisationKind}</span> : null}
            </>
          ) : (
            "—"
          )}
        </dd>
      </dl>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("network.history")}</h2>
        {timeline.length > 1 ? (
          <p>
            <span className="muted">{t("network.path")}: </span>
            {timeline
              .map((p, i) => {
                const vars = { name: pick(p.nameJa, p.nameEn), status: statusInline(p.status) };
                return i === 0 ? t("network.path.step", vars) : t("network.path.stepFrom", { ...vars, from: formatPartialDate(p.fromOn, locale) });
              })
              .join(" → ")}
          </p>
        ) : null}
        <FormErrors errors={removeErrors} />
        {timeline.length ? (
          <ol className="timeline-list">
            {timeline.map((p) => (
              <li key={p.id} aria-current={p.id === currentPhaseId ? "true" : undefined}>
                <p>
                  <strong className="nowrap">{span(t, locale, p.fromOn, p.untilOn)}</strong>
                  <span className="badge badge-status">{isNetworkStatus(p.status) ? t(`network.status.${p.status}`) : p.status}</span>
                  {p.id === currentPhaseId ? <span className="badge badge-public">{t("network.phase.current")}</span> : null}
                </p>
                <p className="bilingual-title">
                  {pick(p.nameJa, p.nameEn)}
                  {p.nameJa && p.nameEn ? (
                    <span className="muted" lang={locale === "ja" ? "en" : "ja"}>
                      {" "}
                      ({locale === "ja" ? p.nameEn : p.nameJa})
                    </span>
                  ) : null}
                </p>
                {p.noteJa || p.noteEn ? <p>{pick(p.noteJa, p.noteEn)}</p> : null}
                {canEdit && timeline.length > 1 ? (
                  <Form
                    method="post"
                    onSubmit={(e) => {
                      if (!window.confirm(t("network.phase.confirmRemove"))) e.preventDefault();
                    }}
                  >
                    <input type="hidden" name="intent" value="removePhase" />
                    <input type="hidden" name="phaseId" value={p.id} />
                    <button type="submit" className="danger" aria-label={t("network.phase.removeLabel", { from: formatPartialDate(p.fromOn, locale) })}>
                      {t("network.phase.remove")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("network.history.empty")}</p>
        )}
        {canEdit ? (
          <AddPhaseForm
            key={network.phases.map((p) => p.id).join(",")}
            lastResult={actionData?.intent === "addPhase" ? actionData.result : undefined}
            defaults={{ status: currentStatus, nameJa: network.nameJa, nameEn: network.nameEn }}
          />
        ) : null}
      </section>

      <section aria-labelledby="demands-heading">
        <h2 id="demands-heading">{t("network.demands")}</h2>
        {network.demands.length ? (
          <ul className="plain-list">
            {network.demands.map((d) => (
              <li key={d.id}>
                <Link to={`/demands/${d.id}`}>
                  {d.ref} {pick(d.titleJa, d.titleEn)}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("network.demands.empty")}</p>
        )}
        <p>
          <Link to={`/demands?network=${network.id}`}>{t("network.demands.all")}</Link>
        </p>
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t("network.people")}</h2>
        {network.affiliations.length ? (
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t("network.person")}</th>
                <th scope="col">{t("network.role")}</th>
                <th scope="col">{t("network.period")}</th>
              </tr>
            </thead>
            <tbody>
              {network.affiliations.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/people/${a.person.id}`}>{pick(a.person.nameJa, a.person.nameEn)}</Link>
                  </td>
                  <td>{pick(a.roleJa, a.roleEn) || "—"}</td>
                  <td className="nowrap">{periodOf(t, locale, a.startOn, a.endOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("network.people.empty")}</p>
        )}
      </section>

      <p className="record-meta muted">
        {t("common.updatedAt")}: {formatDateTime(network.updatedAt, locale)}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
