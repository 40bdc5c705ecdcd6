// Pieces of the public page (docs/decisions/018): a status without staff's override marker, and one
// event of the public timeline. They link nowhere inside the tracker: the public has no account.
import { type ReactNode } from "react";
import { BilingualText, labelOf } from "~/components/timeline-event";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isFinalTextChange, isResponseKind } from "~/models/consultation";
import { isDegree, isStatus } from "~/models/status";
import { type PublicTimelineEvent } from "~/models/public.server";
import { formatPartialDate, partialDateRange } from "~/utils/partial-date";

/** Only web addresses become links: never javascript: or data: from a stored value. */
function safeHref(url: string | null | undefined) {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

export function PublicStatus({ status, since }: { status: string; since: string | null }) {
  const t = useT();
  const locale = useLocale();
  const known = isStatus(status) ? status : "open";
  return (
    <span className="status-badge">
      <span className={`badge badge-status status-${known}`}>{t(`status.${known}`)}</span>
      {since ? <span className="muted status-since"> {t("statusBadge.since", { date: formatPartialDate(since, locale) })}</span> : null}
    </span>
  );
}

function When({ date }: { date: string }) {
  const locale = useLocale();
  const range = partialDateRange(date);
  return (
    <time dateTime={range && range.start === range.end ? range.start : date} className="nowrap strong">
      {formatPartialDate(date, locale)}
    </time>
  );
}

type Named = { nameJa: string; nameEn: string };

export function PublicEventItem({ event }: { event: PublicTimelineEvent }) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const names = (bodies: Named[]) => bodies.map((b) => pick(b.nameJa, b.nameEn)).join(locale === "ja" ? "、" : ", ");
  const header = (extra?: ReactNode) => (
    <p className="tight">
      <When date={event.date} />
      <span className="badge badge-status">{t(`public.event.${event.channel}`)}</span>
      {extra}
    </p>
  );

  switch (event.channel) {
    case "raised":
      return header();
    case "request":
      return (
        <>
          {header(<span className="badge">{labelOf(t, `requestKind.${event.request.kind}`, event.request.kind)}</span>)}
          <h3 className="event-title">{pick(event.request.titleJa, event.request.titleEn)}</h3>
          {event.request.addressees.length ? (
            <p>
              <span className="muted">{t("public.submittedTo")}: </span>
              {names(event.request.addressees)}
            </p>
          ) : null}
          <BilingualText ja={event.wordingJa} en={event.wordingEn} />
        </>
      );
    case "round":
      return (
        <>
          {header(<span className="badge">{labelOf(t, `roundKind.${event.round.kind}`, event.round.kind)}</span>)}
          <h3 className="event-title">{pick(event.round.titleJa, event.round.titleEn)}</h3>
          <dl className="facts">
            {event.body ? (
              <>
                <dt>{t("public.askedOf")}</dt>
                <dd>{pick(event.body.nameJa, event.body.nameEn)}</dd>
              </>
            ) : null}
            {event.item.questionJa || event.item.questionEn ? (
              <>
                <dt>{t("public.question")}</dt>
                <dd>
                  <BilingualText ja={event.item.questionJa} en={event.item.questionEn} />
                </dd>
              </>
            ) : null}
            {event.item.commitmentJa || event.item.commitmentEn ? (
              <>
                <dt>{t("public.commitment")}</dt>
                <dd>
                  <BilingualText ja={event.item.commitmentJa} en={event.item.commitmentEn} />
                </dd>
              </>
            ) : null}
          </dl>
        </>
      );
    case "outcome": {
      const { outcome, instrument } = event;
      const source = safeHref(outcome.sourceUrl);
      return (
        <>
          {header(isDegree(outcome.degree) ? <span className="badge">{t(`degree.${outcome.degree}`)}</span> : null)}
          <h3 className="event-title">{instrument ? pick(instrument.titleJa, instrument.titleEn) : t("public.event.outcome")}</h3>
          <dl className="facts">
            {instrument ? (
              <>
                <dt>{t("timeline.instrument")}</dt>
                <dd>
                  {labelOf(t, `instrumentKind.${instrument.kind}`, instrument.kind)}
                  {instrument.issuerBody ? ` · ${t("timeline.issuedBy", { name: pick(instrument.issuerBody.nameJa, instrument.issuerBody.nameEn) })}` : null}
                </dd>
              </>
            ) : null}
            <dt>{t("public.degree")}</dt>
            <dd>{isDegree(outcome.degree) ? t(`degree.${outcome.degree}`) : outcome.degree}</dd>
            {outcome.quoteJa || outcome.quoteEn ? (
              <>
                <dt>{t("public.quote")}</dt>
                <dd>
                  <BilingualText ja={outcome.quoteJa} en={outcome.quoteEn} quote />
                </dd>
              </>
            ) : null}
            {source ? (
              <>
                <dt>{t("public.source")}</dt>
                <dd>
                  <a href={source} rel="noopener noreferrer">
                    {source}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </>
      );
    }
    case "comment": {
      const { point, consultation } = event;
      return (
        <>
          {header(isResponseKind(point.responseKind) ? <span className="badge">{t(`responseKind.${point.responseKind}`)}</span> : null)}
          <h3 className="event-title">
            {pick(consultation.titleJa, consultation.titleEn)}
            {consultation.caseNumber ? <span className="muted"> ({consultation.caseNumber})</span> : null}
          </h3>
          <dl className="facts">
            {consultation.issuerBody ? (
              <>
                <dt>{t("public.issuedBy")}</dt>
                <dd>{pick(consultation.issuerBody.nameJa, consultation.issuerBody.nameEn)}</dd>
              </>
            ) : null}
            <dt>{t("public.ourComment")}</dt>
            <dd>
              <BilingualText ja={point.textJa} en={point.textEn} />
            </dd>
            {point.responseAnswer || point.responseSummary ? (
              <>
                <dt>{t("public.governmentResponse")}</dt>
                <dd className="multiline">{point.responseAnswer || point.responseSummary}</dd>
              </>
            ) : null}
            {isFinalTextChange(consultation.finalTextChanged) ? (
              <>
                <dt>{t("consultation.finalTextChanged")}</dt>
                <dd>{t(`finalText.${consultation.finalTextChanged}`)}</dd>
              </>
            ) : null}
          </dl>
        </>
      );
    }
    case "recommendation": {
      const { recommendation: r, document: d } = event;
      const heading = pick(r.headingJa, r.headingEn);
      return (
        <>
          {header(r.grade ? <span className={`badge grade grade-${r.grade}`}>{t("timeline.recommendationGrade", { grade: r.grade })}</span> : null)}
          <h3 className="event-title">
            <span lang="en">{d.symbol ?? d.mechanism}</span> {t("un.paragraphShort", { n: r.paragraph })}
            {heading ? ` ${heading}` : ""}
          </h3>
          <p className="multiline" lang="en">
            {r.textEn}
          </p>
        </>
      );
    }
    case "status":
      return (
        <>
          {header()}
          <p>
            {t("public.statusChanged", { status: t(`status.${event.status}`) })}
            {event.previous ? <span className="muted"> {t("public.statusWas", { status: t(`status.${event.previous}`) })}</span> : null}
          </p>
        </>
      );
  }
}
