import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isInstrumentKind } from "~/models/instrument";
import { safeHref } from "~/models/organisation";
import { formatFileSize } from "~/models/outcome";
import { deleteOutcome, getOutcome } from "~/models/outcome.server";
import { hasRole } from "~/models/roles";
import { isDegree } from "~/models/status";
import { canSeeInternal, withoutInternal } from "~/models/visibility";
import { requireStaff, requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate } from "~/utils/partial-date";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? `${t("outcomes.outcome")}: ${data.outcome.demand.ref} ${locale === "ja" ? data.outcome.demand.titleJa || data.outcome.demand.titleEn : data.outcome.demand.titleEn || data.outcome.demand.titleJa}` : null,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const outcome = await getOutcome(params.outcomeId ?? "");
  if (!outcome) throw new Response("Not found", { status: 404 });
  // Members never receive the internal note: it is removed here, before anything is sent.
  return { outcome: withoutInternal(outcome, user.role), canEdit: hasRole(user.role, "staff"), showInternal: canSeeInternal(user.role) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "delete") throw new Response("Bad request", { status: 400 });
  const deleted = await deleteOutcome(params.outcomeId ?? "", user.id);
  if (!deleted) throw new Response("Not found", { status: 404 });
  return redirectWithToast(`/demands/${deleted.demandId}`, { message: "toast.outcomeDeleted" });
}

export default function OutcomeDetail() {
  const { outcome, canEdit, showInternal } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const navigation = useNavigation();
  const deleting = navigation.state === "submitting" && navigation.formData?.get("intent") === "delete";
  const source = safeHref(outcome.sourceUrl);
  const instrumentUrl = safeHref(outcome.instrument?.url);
  const degree = isDegree(outcome.degree) ? t(`degree.${outcome.degree}`) : outcome.degree;
  const noChannels = outcome.requests.length + outcome.rounds.length + outcome.agendaItems.length + outcome.commentPoints.length + outcome.recommendations.length === 0;

  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/demands">{t("demands.title")}</Link>
        {" › "}
        <Link to={`/demands/${outcome.demand.id}`}>
          {outcome.demand.ref} {pick(outcome.demand.titleJa, outcome.demand.titleEn)}
        </Link>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">{t("outcomes.outcome")}</p>
          <h1>
            {outcome.instrument ? pick(outcome.instrument.titleJa, outcome.instrument.titleEn) : t("outcome.noInstrument")}
            <span className={`badge badge-status status-${outcome.degree}`}>{degree}</span>
          </h1>
          <p className="muted">{formatPartialDate(outcome.occurredOn, locale)}</p>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/outcomes/${outcome.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <RecordTools historyTo={`/history/outcome/${outcome.id}`} />
            <Form
              method="post"
              onSubmit={(e) => {
                if (!window.confirm(t("outcome.confirmDelete"))) e.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="danger" disabled={deleting}>
                {t("common.delete")}
              </button>
            </Form>
          </div>
        ) : null}
      </div>

      <dl className="facts">
        <dt>{t("outcome.demand")}</dt>
        <dd>
          <Link to={`/demands/${outcome.demand.id}`}>
            {outcome.demand.ref} {pick(outcome.demand.titleJa, outcome.demand.titleEn)}
          </Link>{" "}
          (<Link to={`/demands/${outcome.demand.id}/status`}>{t("statusPage.link")}</Link>)
        </dd>
        <dt>{t("outcome.instrument")}</dt>
        <dd>
          {outcome.instrument ? (
            <>
              <Link to={`/instruments/${outcome.instrument.id}`}>{pick(outcome.instrument.titleJa, outcome.instrument.titleEn)}</Link>
              {isInstrumentKind(outcome.instrument.kind) ? <span className="badge">{t(`instrumentKind.${outcome.instrument.kind}`)}</span> : null}
              {outcome.instrument.adoptedOn ? <span className="muted"> {t("instrument.adoptedOnShort", { date: formatPartialDate(outcome.instrument.adoptedOn, locale) })}</span> : null}
              {instrumentUrl ? (
                <>
                  {" · "}
                  <a href={instrumentUrl} rel="noopener noreferrer external" target="_blank">
                    {t("instrument.url")}
                  </a>
                </>
              ) : null}
            </>
          ) : (
            "—"
          )}
        </dd>
        <dt>{t("outcome.degree")}</dt>
        <dd>{degree}</dd>
        <dt>{t("outcome.occurredOn")}</dt>
        <dd>{formatPartialDate(outcome.occurredOn, locale)}</dd>
        <dt>{t("outcome.sourceUrl")}</dt>
        <dd>
          {source ? (
            <a href={source} rel="noopener noreferrer external" target="_blank">
              {outcome.sourceUrl}
            </a>
          ) : (
            outcome.sourceUrl || "—"
          )}
        </dd>
      </dl>

      <section aria-labelledby="quote-heading">
        <h2 id="quote-heading">{t("outcome.quote")}</h2>
        <div className="bilingual">
          <section lang="ja" aria-labelledby="quote-ja-heading">
            <h3 id="quote-ja-heading" className="lang-heading">
              {t("common.japanese")}
            </h3>
            {outcome.quoteJa ? <blockquote className="multiline">{outcome.quoteJa}</blockquote> : <p className="muted">{t("common.notGiven")}</p>}
          </section>
          <section lang="en" aria-labelledby="quote-en-heading">
            <h3 id="quote-en-heading" className="lang-heading">
              {t("common.english")}
            </h3>
            {outcome.quoteEn ? <blockquote className="multiline">{outcome.quoteEn}</blockquote> : <p className="muted">{t("common.notGiven")}</p>}
          </section>
        </div>
      </section>

      <section aria-labelledby="note-heading">
        <h2 id="note-heading">{t("outcome.note")}</h2>
        {outcome.note ? <p className="multiline">{outcome.note}</p> : <p className="muted">{t("common.notGiven")}</p>}
        {showInternal && outcome.internalNote ? (
          <div className="panel">
            <h3>
              {t("common.internalNote")} <span className="badge badge-internal">{t("common.internal")}</span>
            </h3>
            <p className="multiline">{outcome.internalNote}</p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="channels-heading">
        <h2 id="channels-heading">{t("outcome.channels")}</h2>
        {noChannels ? (
          <p className="muted">{t("outcome.channelsNone")}</p>
        ) : (
          <ul className="plain-list">
            {outcome.requests.map((r) => (
              <li key={`r-${r.id}`}>
                <span className="badge">{t("outcome.channelRequest")}</span> <span className="nowrap">{formatPartialDate(r.sentOn, locale)}</span>{" "}
                <Link to={`/requests/${r.id}`}>{pick(r.titleJa, r.titleEn)}</Link>
              </li>
            ))}
            {outcome.rounds.map((r) => (
              <li key={`n-${r.id}`}>
                <span className="badge">{t("outcome.channelRound")}</span> <span className="nowrap">{formatPartialDate(r.heldOn, locale)}</span>{" "}
                <Link to={`/rounds/${r.id}`}>{pick(r.titleJa, r.titleEn)}</Link>
              </li>
            ))}
            {outcome.agendaItems.map((a) => (
              <li key={`a-${a.id}`}>
                <span className="badge">{t("outcome.channelAgendaItem")}</span> <span className="nowrap">{formatPartialDate(a.round.heldOn, locale)}</span>{" "}
                <Link to={`/rounds/${a.round.id}`}>{pick(a.round.titleJa, a.round.titleEn)}</Link>
                {a.body ? <> — {pick(a.body.shortNameJa || a.body.nameJa, a.body.shortNameEn || a.body.nameEn)}</> : null}
                {pick(a.questionJa, a.questionEn) ? <div className="muted">{pick(a.questionJa, a.questionEn)}</div> : null}
              </li>
            ))}
            {outcome.commentPoints.map((p) => (
              <li key={`c-${p.id}`}>
                <span className="badge">{t("outcome.channelCommentPoint")}</span> <span className="nowrap">{formatPartialDate(p.submission.submittedOn, locale)}</span>{" "}
                <Link to={`/consultations/${p.submission.consultation.id}#point-${p.id}`}>{pick(p.submission.consultation.titleJa, p.submission.consultation.titleEn)}</Link>
                {pick(p.textJa, p.textEn) ? <div className="muted">{pick(p.textJa, p.textEn)}</div> : null}
              </li>
            ))}
            {outcome.recommendations.map((r) => (
              <li key={`u-${r.id}`}>
                <span className="badge">{t("outcome.channelRecommendation")}</span>{" "}
                {r.document.issuedOn ? <span className="nowrap">{formatPartialDate(r.document.issuedOn, locale)}</span> : null}{" "}
                <Link to={`/un/recommendations/${r.id}`}>
                  {r.document.symbol || pick(r.document.titleJa, r.document.titleEn)} ¶{r.paragraph}
                </Link>
                {pick(r.headingJa, r.headingEn) ? <> — {pick(r.headingJa, r.headingEn)}</> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">{t("common.attachments")}</h2>
        {outcome.attachments.length ? (
          <ul className="plain-list">
            {outcome.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/attachments/${a.id}`} download>
                  {a.fileName}
                </a>{" "}
                <span className="muted">({formatFileSize(a.size, locale)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("outcome.attachmentsNone")}</p>
        )}
      </section>

      <p className="record-meta muted">
        {t("common.createdBy", { name: outcome.createdByName ?? "—", date: formatDateTime(outcome.createdAt, locale) })}
        {" · "}
        {t("common.updatedBy", { name: outcome.updatedByName ?? "—", date: formatDateTime(outcome.updatedAt, locale) })}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
