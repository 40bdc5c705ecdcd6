import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { ConsultationStateBadge } from "~/components/consultation-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { AttachmentList, RequestSenderName } from "~/components/request-parts";
import { RichTextView } from "~/components/rich-text-editor";
import { translateMaybe } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { consultationState, isFinalTextChange, isResponseKind } from "~/models/consultation";
import { getConsultation } from "~/models/consultation.server";
import { hasRole } from "~/models/roles";
import { canSeeInternal, listWithoutInternal, withoutInternal } from "~/models/visibility";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate, todayInJapan } from "~/utils/partial-date";
import { renderRichText } from "~/utils/rich-text.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (_t, locale) => (data ? (locale === "ja" ? data.consultation.titleJa || data.consultation.titleEn : data.consultation.titleEn || data.consultation.titleJa) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await getConsultation(params.consultationId ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  // Internal notes never leave the server for members.
  const { createdById: _c, updatedById: _u, deletedAt: _d, submissions, ...rest } = withoutInternal(found, user.role);
  return {
    consultation: rest,
    submissions: listWithoutInternal(submissions, user.role).map(({ body, createdById: _sc, updatedById: _su, deletedAt: _sd, ...s }) => ({ ...s, bodyHtml: renderRichText(body) })),
    today: todayInJapan(),
    canEdit: hasRole(user.role, "staff"),
    showInternal: canSeeInternal(user.role),
  };
}

export default function ConsultationDetail() {
  const { consultation: c, submissions, today, canEdit, showInternal } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const dash = (v: string | null | undefined) => v || "—";
  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/consultations">{t("consultations.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">
            {c.caseNumber ? `${c.caseNumber} · ` : ""}
            {t("consultation.closesOn")} {formatPartialDate(c.closesOn, locale)}
            <ConsultationStateBadge state={consultationState(c.deadlineOn, today)} deadlineOn={c.deadlineOn} today={today} />
          </p>
          <h1>{pick(c.titleJa, c.titleEn)}</h1>
        </div>
        {canEdit ? (
          <div className="filter-actions">
            <Link to={`/consultations/${c.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <Link to={`/consultations/${c.id}/submissions/new`} className="button">
              {t("consultation.addSubmission")}
            </Link>
            <RecordTools historyTo={`/history/consultation/${c.id}`} deleteTo={`/consultations/${c.id}/delete`} />
          </div>
        ) : null}
      </div>

      <BilingualTitles ja={c.titleJa} en={c.titleEn} idPrefix="title-" />

      <dl className="facts">
        <dt>{t("consultation.issuerBodyId")}</dt>
        <dd>{c.issuerBody ? <Link to={`/bodies/${c.issuerBody.id}`}>{pick(c.issuerBody.nameJa, c.issuerBody.nameEn)}</Link> : "—"}</dd>
        <dt>{t("consultation.instrumentId")}</dt>
        <dd>{c.instrument ? <Link to={`/instruments/${c.instrument.id}`}>{pick(c.instrument.titleJa, c.instrument.titleEn)}</Link> : "—"}</dd>
        <dt>{t("consultation.openedOn")}</dt>
        <dd>{formatPartialDate(c.openedOn, locale) || "—"}</dd>
        <dt>{t("consultation.closesOn")}</dt>
        <dd>{formatPartialDate(c.closesOn, locale)}</dd>
        <dt>{t("consultation.url")}</dt>
        <dd>
          {c.url ? (
            <a href={c.url} rel="noreferrer noopener" target="_blank">
              {c.url}
            </a>
          ) : (
            "—"
          )}
        </dd>
      </dl>
      {c.note ? <p className="multiline">{c.note}</p> : null}

      <section aria-labelledby="result-heading">
        <h2 id="result-heading">{t("consultation.result")}</h2>
        <dl className="facts">
          <dt>{t("consultation.resultOn")}</dt>
          <dd>{formatPartialDate(c.resultOn, locale) || "—"}</dd>
          <dt>{t("consultation.finalTextChanged")}</dt>
          <dd>{isFinalTextChange(c.finalTextChanged) ? t(`finalText.${c.finalTextChanged}`) : t("consultation.finalTextUnknown")}</dd>
        </dl>
        {c.resultNote ? <p className="multiline">{c.resultNote}</p> : null}
      </section>

      <section aria-labelledby="submissions-heading">
        <h2 id="submissions-heading">
          {t("consultation.submissions")} <span className="muted">({submissions.length})</span>
        </h2>
        {submissions.length === 0 ? <p className="muted">{t("consultation.submissions.none")}</p> : null}
        {submissions.map((s) => (
          <section key={s.id} id={`submission-${s.id}`} className="panel" aria-labelledby={`submission-${s.id}-heading`}>
            <div className="page-header">
              <h3 id={`submission-${s.id}-heading`}>
                {t("submission.heading", { date: formatPartialDate(s.submittedOn, locale) })}
                {s.sender ? (
                  <>
                    {" — "}
                    <RequestSenderName sender={s.sender} link />
                  </>
                ) : null}
              </h3>
              {canEdit ? (
                <div className="filter-actions">
                  <Link to={`/consultations/${c.id}/submissions/${s.id}/edit`} className="button">
                    {t("common.edit")}
                  </Link>
                  <Link to={`/consultations/${c.id}/submissions/${s.id}/delete`} className="button danger">
                    {t("common.delete")}
                  </Link>
                </div>
              ) : null}
            </div>
            {s.cosigners.length ? (
              <p>
                {t("submission.cosigners")}:{" "}
                {s.cosigners.map((o, i) => (
                  <span key={o.id}>
                    {i ? (locale === "ja" ? "、" : ", ") : ""}
                    <Link to={`/organisations/${o.id}`}>{pick(o.nameJa, o.nameEn)}</Link>
                  </span>
                ))}
              </p>
            ) : null}
            <h4>{t("submission.points")}</h4>
            {s.points.length ? (
              <ol className="comment-points">
                {s.points.map((p) => (
                  <li key={p.id} id={`point-${p.id}`}>
                    {p.demand ? (
                      <p>
                        <Link to={`/demands/${p.demand.id}`}>{p.demand.ref}</Link> {pick(p.demand.titleJa, p.demand.titleEn)}
                      </p>
                    ) : null}
                    <div className="bilingual">
                      <section lang="ja">
                        <p className="lang-heading">{t("common.japanese")}</p>
                        <p className="multiline">{p.textJa || <span className="muted">{t("common.notGiven")}</span>}</p>
                      </section>
                      <section lang="en">
                        <p className="lang-heading">{t("common.english")}</p>
                        <p className="multiline">{p.textEn || <span className="muted">{t("common.notGiven")}</span>}</p>
                      </section>
                    </div>
                    <dl className="facts">
                      <dt>{t("submission.point.responseKind")}</dt>
                      <dd>{isResponseKind(p.responseKind) ? <span className="badge badge-status">{t(`responseKind.${p.responseKind}`)}</span> : t("submission.point.notAnswered")}</dd>
                      {p.responseSummary ? (
                        <>
                          <dt>{t("submission.point.responseSummary")}</dt>
                          <dd className="multiline">{p.responseSummary}</dd>
                        </>
                      ) : null}
                      {p.responseAnswer ? (
                        <>
                          <dt>{t("submission.point.responseAnswer")}</dt>
                          <dd className="multiline">{p.responseAnswer}</dd>
                        </>
                      ) : null}
                      {p.outcomes.length ? (
                        <>
                          <dt>{t("submission.point.outcomes")}</dt>
                          <dd>
                            <ul className="plain-list">
                              {p.outcomes.map((o) => (
                                <li key={o.id}>
                                  <Link to={`/outcomes/${o.id}`}>
                                    {formatPartialDate(o.occurredOn, locale)} {translateMaybe(t, `degree.${o.degree}`)}
                                  </Link>
                                </li>
                              ))}
                            </ul>
                          </dd>
                        </>
                      ) : null}
                    </dl>
                    {canEdit && p.demand ? (
                      <p>
                        <Link to={`/outcomes/new?demand=${encodeURIComponent(p.demand.id)}&commentPoint=${encodeURIComponent(p.id)}`}>{t("submission.point.recordOutcome")}</Link>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">{t("submission.points.none")}</p>
            )}
            <h4>{t("submission.body")}</h4>
            <RichTextView html={s.bodyHtml} emptyText={t("common.notGiven")} />
            <h4>{t("common.attachments")}</h4>
            <AttachmentList attachments={s.attachments} />
            {showInternal && s.internalNote ? (
              <div className="panel">
                <p>
                  {t("common.internalNote")} <span className="badge badge-internal">{t("common.internal")}</span>
                </p>
                <p className="multiline">{s.internalNote}</p>
              </div>
            ) : null}
          </section>
        ))}
      </section>

      <section aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">{t("common.attachments")}</h2>
        <AttachmentList attachments={c.attachments} />
      </section>

      {showInternal ? (
        <section aria-labelledby="internal-heading" className="panel">
          <h2 id="internal-heading">
            {t("common.internalNote")} <span className="badge badge-internal">{t("common.internal")}</span>
          </h2>
          {c.internalNote ? <p className="multiline">{c.internalNote}</p> : <p className="muted">{t("common.notGiven")}</p>}
        </section>
      ) : null}

      <p className="record-meta muted">
        {t("common.createdBy", { name: dash(c.createdByName), date: formatDateTime(c.createdAt, locale) })}
        {" · "}
        {t("common.updatedBy", { name: dash(c.updatedByName), date: formatDateTime(c.updatedAt, locale) })}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
