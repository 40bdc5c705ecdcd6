import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { StatusBadge } from "~/components/status-badge";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { liftOverrideSchema, parseAsOf, statusOverrideSchema } from "~/models/outcome";
import { hasRole } from "~/models/roles";
import { STATUSES, isDegree, isStatus } from "~/models/status";
import { type StatusHistoryPoint, type StatusOutcome, demandStatus, demandStatusHistory, liftStatusOverride, setStatusOverride, statusPageDemand } from "~/models/status.server";
import { requireStaff, requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate, todayInJapan } from "~/utils/partial-date";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("statusPage.title", { ref: data.demand.ref }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const demand = await statusPageDemand(params.demandId ?? "");
  if (!demand) throw new Response("Not found", { status: 404 });
  const today = todayInJapan();
  const asOfParam = new URL(request.url).searchParams.get("asOf");
  const asOf = parseAsOf(asOfParam, today);
  const [current, history, asOfStatus] = await Promise.all([
    demandStatus(demand.id, today),
    demandStatusHistory(demand.id),
    asOf.asOf ? demandStatus(demand.id, asOf.asOf) : Promise.resolve(null),
  ]);
  return {
    demand,
    today,
    current,
    history: history.history,
    overrides: history.overrides,
    activeOverride: history.active,
    asOf: { value: (asOfParam ?? "").slice(0, 40), normalized: asOf.asOf, error: asOf.error, status: asOfStatus },
    canEdit: hasRole(user.role, "staff"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const demand = await statusPageDemand(params.demandId ?? "");
  if (!demand) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/demands/${demand.id}/status`;

  if (intent === "setOverride") {
    const submission = parseWithZod(formData, { schema: statusOverrideSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    await setStatusOverride(demand.id, submission.value, user.id);
    return redirectWithToast(back, { message: "toast.statusOverridden" });
  }

  if (intent === "liftOverride") {
    const submission = parseWithZod(formData, { schema: liftOverrideSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const lifted = await liftStatusOverride(demand.id, submission.value.overrideId, user.id);
    if (!lifted) throw new Response("Not found", { status: 404 });
    return redirectWithToast(back, { message: "toast.statusOverrideLifted" });
  }

  throw new Response("Bad request", { status: 400 });
}

/** "Partially reflected in the Basic Plan (July 2009)": the outcome behind a status, as a link. */
function OutcomeCause({ outcome }: { outcome: StatusOutcome }) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const degree = isDegree(outcome.degree) ? t(`degree.${outcome.degree}`) : outcome.degree;
  return (
    <>
      <Link to={`/outcomes/${outcome.id}`}>{outcome.instrument ? pick(outcome.instrument.titleJa, outcome.instrument.titleEn) : t("outcome.noInstrument")}</Link>
      <span className="muted">
        {" "}
        ({degree}, {formatPartialDate(outcome.occurredOn, locale)})
      </span>
    </>
  );
}

function Cause({ point }: { point: StatusHistoryPoint }) {
  const t = useT();
  const locale = useLocale();
  if (point.cause === "override" && point.override) {
    return (
      <>
        <span className="badge status-manual">{t("statusBadge.manual")}</span> {point.override.reason}
        <span className="muted"> ({t("statusPage.overrideFrom", { date: formatPartialDate(point.override.fromOn, locale) })})</span>
      </>
    );
  }
  if (point.cause === "overrideLifted") {
    return (
      <>
        {t("statusPage.causeLifted")}
        {point.outcome ? (
          <>
            {" — "}
            <OutcomeCause outcome={point.outcome} />
          </>
        ) : null}
      </>
    );
  }
  if (point.cause === "outcome" && point.outcome) return <OutcomeCause outcome={point.outcome} />;
  return <>{t("statusPage.causeRaised")}</>;
}

function OverrideForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "override-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: statusOverrideSchema }),
  });
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "setOverride";
  return (
    <Form method="post" {...getFormProps(form)} className="panel" aria-labelledby="override-heading">
      <h3 id="override-heading">{t("statusPage.setOverride")}</h3>
      <p className="muted">{t("statusPage.setOverrideHelp")}</p>
      <input type="hidden" name="intent" value="setOverride" />
      <FormErrors errors={form.errors} />
      <div className="field-row">
        <SelectField
          label={t("statusPage.overrideStatus")}
          id={fields.status.id}
          name={fields.status.name}
          defaultValue={fields.status.initialValue}
          errors={fields.status.errors}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          emptyLabel={t("statusPage.chooseStatus")}
          required
        />
        <Field
          label={t("statusPage.overrideFromOn")}
          id={fields.fromOn.id}
          name={fields.fromOn.name}
          defaultValue={fields.fromOn.initialValue}
          errors={fields.fromOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
          required
        />
      </div>
      <TextareaField
        label={t("statusPage.overrideReason")}
        id={fields.reason.id}
        name={fields.reason.name}
        defaultValue={fields.reason.initialValue}
        errors={fields.reason.errors}
        help={t("statusPage.overrideReasonHelp")}
        rows={3}
        maxLength={2000}
        required
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t("statusPage.setOverride")}
        </button>
      </div>
    </Form>
  );
}

export default function DemandStatusPage() {
  const { demand, current, history, overrides, activeOverride, asOf, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const navigation = useNavigation();
  const lifting = navigation.state === "submitting" && navigation.formData?.get("intent") === "liftOverride";
  const liftErrors = actionData?.intent === "liftOverride" ? Object.values(actionData.result.error ?? {}).flat() : undefined;
  const newestFirst = [...history].reverse();
  const statusLabel = (s: string) => (isStatus(s) ? t(`status.${s}`) : s);

  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/demands">{t("demands.title")}</Link>
        {" › "}
        <Link to={`/demands/${demand.id}`}>
          {demand.ref} {pick(demand.titleJa, demand.titleEn)}
        </Link>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">{demand.ref}</p>
          <h1>{t("statusPage.heading", { title: pick(demand.titleJa, demand.titleEn) })}</h1>
        </div>
        {canEdit ? (
          <Link to={`/outcomes/new?demand=${encodeURIComponent(demand.id)}`} className="button">
            {t("outcomes.new")}
          </Link>
        ) : null}
      </div>

      <section aria-labelledby="current-heading">
        <h2 id="current-heading">{t("statusPage.current")}</h2>
        <p>
          <StatusBadge
            status={current.status}
            since={current.sinceOn}
            override={current.override ? { reason: current.override.reason, derived: current.derived } : null}
            showReason
          />
        </p>
        {current.override ? (
          <p className="muted">
            {t("statusPage.derivedIs", { status: statusLabel(current.derived) })}
            {current.outcome ? (
              <>
                {" "}
                <OutcomeCause outcome={current.outcome} />
              </>
            ) : null}
          </p>
        ) : current.outcome ? (
          <p>
            {t("statusPage.setBy")} <OutcomeCause outcome={current.outcome} />
          </p>
        ) : (
          <p className="muted">{t("statusPage.noOutcome")}</p>
        )}
      </section>

      <section aria-labelledby="as-of-heading">
        <h2 id="as-of-heading">{t("statusPage.asOf")}</h2>
        <Form method="get" className="filters" role="search" aria-labelledby="as-of-heading">
          <div className="field">
            <label htmlFor="status-as-of">{t("statusPage.asOfDate")}</label>
            <input
              id="status-as-of"
              name="asOf"
              defaultValue={asOf.value}
              inputMode="numeric"
              placeholder="2010-04"
              aria-invalid={asOf.error ? true : undefined}
              aria-describedby={asOf.error ? "status-as-of-help status-as-of-error" : "status-as-of-help"}
            />
            <p id="status-as-of-help" className="field-help">
              {t("help.partialDate")}
            </p>
            <ErrorList id="status-as-of-error" errors={asOf.error ? [asOf.error] : undefined} />
          </div>
          <div className="filter-actions">
            <button type="submit">{t("statusPage.asOfShow")}</button>
            {asOf.value ? <Link to={`/demands/${demand.id}/status`}>{t("statusPage.asOfClear")}</Link> : null}
          </div>
        </Form>
        {asOf.status && asOf.normalized ? (
          <p role="status">
            {t("statusPage.asOfResult", { date: formatPartialDate(asOf.normalized, locale) })}{" "}
            <StatusBadge
              status={asOf.status.status}
              since={asOf.status.sinceOn}
              override={asOf.status.override ? { reason: asOf.status.override.reason, derived: asOf.status.derived } : null}
            />
            {asOf.status.outcome && !asOf.status.override ? (
              <>
                {" — "}
                <OutcomeCause outcome={asOf.status.outcome} />
              </>
            ) : null}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("statusPage.history")}</h2>
        {newestFirst.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("statusPage.changedOn")}</th>
                <th scope="col">{t("statusPage.status")}</th>
                <th scope="col">{t("statusPage.cause")}</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((p) => (
                <tr key={`${p.on}-${p.status}-${p.override?.id ?? ""}`}>
                  <td className="nowrap">{formatPartialDate(p.onPartial, locale)}</td>
                  <td className="nowrap">
                    <span className={`badge badge-status status-${p.status}`}>{statusLabel(p.status)}</span>
                  </td>
                  <td>
                    <Cause point={p} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="empty">{t("statusPage.historyEmpty")}</p>
        )}
      </section>

      <section aria-labelledby="overrides-heading">
        <h2 id="overrides-heading">{t("statusPage.overrides")}</h2>
        <FormErrors errors={liftErrors} />
        {activeOverride && canEdit ? (
          <div className="panel">
            <p>
              {t("statusPage.activeOverride", {
                status: statusLabel(activeOverride.status),
                date: formatPartialDate(activeOverride.fromOn, locale),
              })}
            </p>
            <p className="multiline">{activeOverride.reason}</p>
            <Form
              method="post"
              onSubmit={(e) => {
                if (!window.confirm(t("statusPage.confirmLift"))) e.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="liftOverride" />
              <input type="hidden" name="overrideId" value={activeOverride.id} />
              <button type="submit" className="danger" disabled={lifting}>
                {t("statusPage.liftOverride")}
              </button>
            </Form>
          </div>
        ) : null}
        {overrides.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("statusPage.status")}</th>
                <th scope="col">{t("statusPage.overrideFromOn")}</th>
                <th scope="col">{t("statusPage.overrideReason")}</th>
                <th scope="col">{t("statusPage.overrideSetBy")}</th>
                <th scope="col">{t("statusPage.overrideLiftedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => (
                <tr key={o.id}>
                  <td className="nowrap">
                    <span className={`badge badge-status status-${o.status}`}>{statusLabel(o.status)}</span>
                  </td>
                  <td className="nowrap">{formatPartialDate(o.fromOn, locale)}</td>
                  <td className="multiline">{o.reason}</td>
                  <td>
                    {o.createdByName ?? "—"}
                    <div className="muted nowrap">{formatDateTime(o.createdAt, locale)}</div>
                  </td>
                  <td className="nowrap">{o.clearedAt ? formatDateTime(o.clearedAt, locale) : <span className="badge">{t("statusPage.inForce")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("statusPage.overridesEmpty")}</p>
        )}
        {canEdit ? (
          <OverrideForm
            key={overrides.map((o) => `${o.id}:${o.clearedAt ? 1 : 0}`).join(",")}
            lastResult={actionData?.intent === "setOverride" ? actionData.result : undefined}
          />
        ) : null}
      </section>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
