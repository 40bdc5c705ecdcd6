// One entry of a demand's timeline, in words: the text equivalent of a mark in the picture.
import { Link } from "@remix-run/react";
import { type ReactNode } from "react";
import { RichTextView } from "~/components/rich-text-editor";
import { isMessageKey, type Translate } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isFinalTextChange, isResponseKind } from "~/models/consultation";
import { isDegree } from "~/models/status";
import { type Assessment, type BodyRef, isAssessment, type TimelineEvent } from "~/models/timeline";
import { formatPartialDate, partialDateRange } from "~/utils/partial-date";

/** The label of an enumeration value ("requestKind.regular"), or the raw value when the catalog has none. */
export function labelOf(t: Translate, key: string, fallback: string) {
  return isMessageKey(key) ? t(key) : fallback;
}

/** Only web addresses become links: never javascript: or data: from a stored value. */
function safeHref(url: string | null) {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

const ASSESSMENT_COLOURS: Record<Assessment, { background: string; color: string }> = {
  commitment: { background: "#e7f4ec", color: "#1e6b3a" },
  will_consider: { background: "#e8f0fa", color: "#164a85" },
  evasive: { background: "#fff6db", color: "#6e5200" },
  refusal: { background: "#fdecea", color: "#b3261e" },
  no_answer: { background: "#e9ebef", color: "#4a5263" },
};

/** Our assessment of an answer, as a coloured badge (the word says it; the colour only helps). */
export function AssessmentBadge({ assessment }: { assessment: string | null | undefined }) {
  const t = useT();
  if (!isAssessment(assessment)) return null;
  return (
    <span className="badge" style={ASSESSMENT_COLOURS[assessment]}>
      {t(`assessment.${assessment}`)}
    </span>
  );
}

/** Marks an answer that repeats an earlier round's answer. */
export function StockBadge() {
  const t = useT();
  return (
    <span className="badge badge-internal" title={t("answers.stockExplain")}>
      {t("answers.stock")}
    </span>
  );
}

/** A staff-only note, marked as such. Members never receive it (stripped in the loader). */
export function InternalNote({ note }: { note: string | null | undefined }) {
  const t = useT();
  if (!note) return null;
  return (
    <p className="multiline">
      <span className="badge leading">
        {t("common.internal")}
      </span>
      <span className="muted">{note}</span>
    </p>
  );
}

/** A Ja/En pair: side by side when both are given and differ, else the one given. */
export function BilingualText({ ja, en, quote = false }: { ja: string | null | undefined; en: string | null | undefined; quote?: boolean }) {
  const t = useT();
  const Tag = quote ? "blockquote" : "p";
  if (ja && en && ja !== en) {
    return (
      <div className="bilingual">
        <section lang="ja">
          <p className="lang-heading">{t("common.japanese")}</p>
          <Tag className="multiline tight">
            {ja}
          </Tag>
        </section>
        <section lang="en">
          <p className="lang-heading">{t("common.english")}</p>
          <Tag className="multiline tight">
            {en}
          </Tag>
        </section>
      </div>
    );
  }
  const text = ja || en;
  if (!text) return null;
  return (
    <Tag lang={ja ? "ja" : "en"} className="multiline" style={quote ? { margin: "0 0 0.5rem", paddingLeft: "1rem", borderLeft: "3px solid #d6dae2" } : { margin: "0 0 0.25rem" }}>
      {text}
    </Tag>
  );
}

function BodyLink({ body }: { body: BodyRef }) {
  const pick = useBilingual();
  return <Link to={`/bodies/${body.id}`}>{pick(body.nameJa, body.nameEn)}</Link>;
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

export function TimelineEventItem({ event, demandId }: { event: TimelineEvent; demandId: string }) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const header = (extra?: ReactNode) => (
    <p className="tight">
      <When date={event.date} />
      <span className="badge badge-status">{t(`timeline.channel.${event.channel}`)}</span>
      {extra}
    </p>
  );

  switch (event.channel) {
    case "raised":
      return (
        <>
          {header()}
          <p>{t("timeline.raised")}</p>
        </>
      );

    case "request":
      return (
        <>
          {header(<span className="badge">{labelOf(t, `requestKind.${event.request.kind}`, event.request.kind)}</span>)}
          <h3 className="event-title">
            <Link to={`/requests/${event.request.id}`}>{pick(event.request.titleJa, event.request.titleEn)}</Link>
          </h3>
          {event.request.addressees.length ? (
            <p>
              <span className="muted">{t("timeline.addressees")}: </span>
              {event.request.addressees.map((b, i) => (
                <span key={b.id}>
                  {i > 0 ? (locale === "ja" ? "、" : ", ") : null}
                  <BodyLink body={b} />
                </span>
              ))}
            </p>
          ) : null}
          {event.wordingJa || event.wordingEn ? (
            <>
              <p className="muted" style={{ marginBottom: 0 }}>
                {t("timeline.wording")} ({t("timeline.item", { position: event.position })})
              </p>
              <BilingualText ja={event.wordingJa} en={event.wordingEn} />
            </>
          ) : null}
          <InternalNote note={event.request.internalNote} />
        </>
      );

    case "round": {
      const { item } = event;
      return (
        <>
          {header(
            <>
              <span className="badge">{labelOf(t, `roundKind.${event.round.kind}`, event.round.kind)}</span>
              <AssessmentBadge assessment={item.assessment} />
            </>,
          )}
          <h3 className="event-title">
            <Link to={`/rounds/${event.round.id}#item-${item.id}`}>{pick(event.round.titleJa, event.round.titleEn)}</Link>
          </h3>
          <dl className="facts">
            <dt>{t("timeline.answeredBy")}</dt>
            <dd>{event.body ? <BodyLink body={event.body} /> : "—"}</dd>
            <dt>{t("timeline.question")}</dt>
            <dd>
              <BilingualText ja={item.questionJa} en={item.questionEn} />
              {!item.questionJa && !item.questionEn ? "—" : null}
            </dd>
            <dt>{t("timeline.answer")}</dt>
            <dd>
              {item.answerHtml ? (
                <RichTextView html={item.answerHtml} />
              ) : item.answerText ? (
                <p className="multiline">{item.answerText}</p>
              ) : (
                <p className="muted">{t("timeline.noAnswer")}</p>
              )}
            </dd>
            <dt>{t("timeline.assessment")}</dt>
            <dd>{isAssessment(item.assessment) ? t(`assessment.${item.assessment}`) : "—"}</dd>
          </dl>
          {item.commitmentJa || item.commitmentEn ? (
            <p className="muted">{t("timeline.commitmentMade", { date: item.followUpOn ? formatPartialDate(item.followUpOn, locale) : "—" })}</p>
          ) : null}
          <InternalNote note={event.roundInternalNote} />
          <InternalNote note={item.internalNote} />
        </>
      );
    }

    case "commitment":
      return (
        <>
          {header(
            <>
              <span className="badge">{t(`followUp.${event.followUpStatus}`)}</span>
              {event.overdue ? <span className="badge badge-overdue">{t("timeline.overdue")}</span> : null}
              {event.dueSoon ? <span className="badge badge-due-soon">{t("timeline.dueSoon")}</span> : null}
            </>,
          )}
          <BilingualText ja={event.commitmentJa} en={event.commitmentEn} />
          <dl className="facts">
            <dt>{t("timeline.followUpOn")}</dt>
            <dd>{event.followUpOn ? formatPartialDate(event.followUpOn, locale) : "—"}</dd>
            <dt>{t("timeline.answeredBy")}</dt>
            <dd>{event.body ? <BodyLink body={event.body} /> : "—"}</dd>
            <dt>{t("timeline.givenAt")}</dt>
            <dd>
              <Link to={`/rounds/${event.round.id}#item-${event.itemId}`}>{pick(event.round.titleJa, event.round.titleEn)}</Link>
              <span className="muted"> · {formatPartialDate(event.round.heldOn, locale)}</span>
            </dd>
            {event.followUpNote ? (
              <>
                <dt>{t("timeline.followUpNote")}</dt>
                <dd className="multiline">{event.followUpNote}</dd>
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
          <h3 className="event-title">
            <Link to={`/outcomes/${outcome.id}`}>
              {instrument ? pick(instrument.titleJa, instrument.titleEn) : t("timeline.channel.outcome")}
            </Link>
          </h3>
          <dl className="facts">
            <dt>{t("timeline.instrument")}</dt>
            <dd>
              {instrument ? (
                <>
                  {labelOf(t, `instrumentKind.${instrument.kind}`, instrument.kind)}
                  {instrument.issuerBody ? (
                    <>
                      {" · "}
                      {t("timeline.issuedBy", { name: pick(instrument.issuerBody.nameJa, instrument.issuerBody.nameEn) })}
                    </>
                  ) : null}
                </>
              ) : (
                <span className="muted">{t("timeline.noInstrument")}</span>
              )}
            </dd>
            <dt>{t("timeline.degree")}</dt>
            <dd>{isDegree(outcome.degree) ? t(`degree.${outcome.degree}`) : outcome.degree}</dd>
            {outcome.quoteJa || outcome.quoteEn ? (
              <>
                <dt>{t("timeline.quote")}</dt>
                <dd>
                  <BilingualText ja={outcome.quoteJa} en={outcome.quoteEn} quote />
                </dd>
              </>
            ) : null}
            {outcome.note ? (
              <>
                <dt>{t("timeline.note")}</dt>
                <dd className="multiline">{outcome.note}</dd>
              </>
            ) : null}
            {outcome.recommendations?.length ? (
              <>
                <dt>{t("timeline.viaRecommendation")}</dt>
                <dd>
                  {outcome.recommendations.map((r, i) => (
                    <span key={r.id}>
                      {i > 0 ? ", " : null}
                      <Link to={`/un/recommendations/${r.id}`}>
                        {r.symbol || pick(r.titleJa, r.titleEn)} ¶{r.paragraph}
                      </Link>
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            {source ? (
              <>
                <dt>{t("timeline.source")}</dt>
                <dd>
                  <a href={source} rel="noopener noreferrer" target="_blank">
                    {source}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
          <InternalNote note={outcome.internalNote} />
        </>
      );
    }

    case "comment": {
      const { point, consultation } = event;
      return (
        <>
          {header(isResponseKind(point.responseKind) ? <span className="badge">{t(`responseKind.${point.responseKind}`)}</span> : null)}
          <h3 className="event-title">
            <Link to={`/consultations/${consultation.id}#point-${point.id}`}>{pick(consultation.titleJa, consultation.titleEn)}</Link>
          </h3>
          <dl className="facts">
            {consultation.issuerBody ? (
              <>
                <dt>{t("consultation.issuerBodyId")}</dt>
                <dd>{pick(consultation.issuerBody.nameJa, consultation.issuerBody.nameEn)}</dd>
              </>
            ) : null}
            <dt>{t("timeline.comment.point")}</dt>
            <dd>
              <BilingualText ja={point.textJa} en={point.textEn} />
            </dd>
            <dt>{t("timeline.comment.answer")}</dt>
            <dd className="multiline">{point.responseAnswer || <span className="muted">{t("timeline.comment.noAnswer")}</span>}</dd>
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
            <Link to={`/un/recommendations/${r.id}`}>
              <span lang="en">{d.symbol ?? d.mechanism}</span> {t("un.paragraphShort", { n: r.paragraph })}
              {heading ? ` ${heading}` : ""}
            </Link>
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
            <Link to={`/demands/${demandId}/status`}>{t("timeline.statusChanged", { status: t(`status.${event.status}`) })}</Link>
            {event.previous ? <span className="muted"> {t("timeline.statusWas", { status: t(`status.${event.previous}`) })}</span> : null}
          </p>
          {event.override ? (
            <>
              <p className="multiline">{t("timeline.override", { reason: event.override.reason })}</p>
              <p className="muted">{t("timeline.derived", { status: t(`status.${event.derived}`) })}</p>
            </>
          ) : null}
        </>
      );
  }
}
