// One entry of a demand's timeline, in words: the text equivalent of a mark in the picture. The same
// entry draws the public page's timeline (docs/decisions/018), given audience "public".
import { Link } from "@remix-run/react";
import { type ReactNode } from "react";
import { RichTextView } from "~/components/rich-text-editor";
import { isMessageKey, type MessageKey, type Translate } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isFinalTextChange, isResponseKind } from "~/models/consultation";
import { type PublicTimelineEvent } from "~/models/public.server";
import { isDegree } from "~/models/status";
import { type Assessment, type BodyRef, isAssessment, type TimelineEvent } from "~/models/timeline";
import { formatPartialDate, partialDateRange } from "~/utils/partial-date";

/** The label of an enumeration value ("requestKind.regular"), or the raw value when the catalog has none. */
export function labelOf(t: Translate, key: string, fallback: string) {
  return isMessageKey(key) ? t(key) : fallback;
}

/** Only web addresses become links: never javascript: or data: from a stored value. */
function safeHref(url: string | null | undefined) {
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

/**
 * Who the entry is drawn for. "staff" is the tracker's own page (members get it too, without the
 * internal notes their loader never sends); "public" is the public page (docs/decisions/018), whose
 * events are already cut down to PUBLIC_FIELDS and which links nowhere inside the tracker.
 */
export type TimelineAudience = "staff" | "public";

type EventItemProps = { audience: "staff"; event: TimelineEvent; demandId: string } | { audience: "public"; event: PublicTimelineEvent };

/**
 * The words each audience reads for the same field: the tracker speaks to the people who entered the
 * records, the public page to visitors ("Our question", "The government's response").
 */
const LABELS = {
  staff: {
    addressees: "timeline.addressees",
    askedOf: "timeline.answeredBy",
    question: "timeline.question",
    degree: "timeline.degree",
    quote: "timeline.quote",
    source: "timeline.source",
    issuedBy: "consultation.issuerBodyId",
    point: "timeline.comment.point",
    answer: "timeline.comment.answer",
    statusChanged: "timeline.statusChanged",
    statusWas: "timeline.statusWas",
  },
  public: {
    addressees: "public.submittedTo",
    askedOf: "public.askedOf",
    question: "public.question",
    degree: "public.degree",
    quote: "public.quote",
    source: "public.source",
    issuedBy: "public.issuedBy",
    point: "public.ourComment",
    answer: "public.governmentResponse",
    statusChanged: "public.statusChanged",
    statusWas: "public.statusWas",
  },
} as const satisfies Record<TimelineAudience, Record<string, MessageKey>>;

/** A body's name: a link to its page in the tracker, plain text on the public page. */
function BodyName({ body, link }: { body: BodyRef; link: boolean }) {
  const pick = useBilingual();
  const name = pick(body.nameJa, body.nameEn);
  return link ? <Link to={`/bodies/${body.id}`}>{name}</Link> : <>{name}</>;
}

/** A title that links to its record in the tracker; the public page shows the words alone. */
function TitleLink({ to, children }: { to: string | null; children: ReactNode }) {
  return to ? <Link to={to}>{children}</Link> : <>{children}</>;
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

/**
 * One event of a demand's timeline, for the tracker (audience "staff") or the public page ("public").
 * What the public may see is decided by the data (PUBLIC_FIELDS); the markup only differs where the
 * audience must: no links into the tracker, no assessments, notes, follow-up plans or override reasons.
 */
export function TimelineEventItem(props: EventItemProps) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const { event } = props;
  // The tracker's event, with the fields and links the public page never has; null on the public page.
  const staff = props.audience === "staff" ? props : null;
  const label = LABELS[props.audience];
  const channelLabel = props.audience === "staff" ? t(`timeline.channel.${props.event.channel}`) : t(`public.event.${props.event.channel}`);
  const header = (extra?: ReactNode) => (
    <p className="tight">
      <When date={event.date} />
      <span className="badge badge-status">{channelLabel}</span>
      {extra}
    </p>
  );

  switch (event.channel) {
    case "raised":
      return (
        <>
          {header()}
          {staff ? <p>{t("timeline.raised")}</p> : null}
        </>
      );

    case "request": {
      const s = staff?.event.channel === "request" ? staff.event : null;
      return (
        <>
          {header(<span className="badge">{labelOf(t, `requestKind.${event.request.kind}`, event.request.kind)}</span>)}
          <h3 className="event-title">
            <TitleLink to={s ? `/requests/${s.request.id}` : null}>{pick(event.request.titleJa, event.request.titleEn)}</TitleLink>
          </h3>
          {event.request.addressees.length ? (
            <p>
              <span className="muted">{t(label.addressees)}: </span>
              {event.request.addressees.map((b, i) => (
                <span key={b.id}>
                  {i > 0 ? (locale === "ja" ? "、" : ", ") : null}
                  <BodyName body={b} link={!!staff} />
                </span>
              ))}
            </p>
          ) : null}
          {event.wordingJa || event.wordingEn ? (
            <>
              {s ? (
                <p className="muted" style={{ marginBottom: 0 }}>
                  {t("timeline.wording")} ({t("timeline.item", { position: s.position })})
                </p>
              ) : null}
              <BilingualText ja={event.wordingJa} en={event.wordingEn} />
            </>
          ) : null}
          {s ? <InternalNote note={s.request.internalNote} /> : null}
        </>
      );
    }

    case "round": {
      const { item } = event;
      const s = staff?.event.channel === "round" ? staff.event : null;
      const asked = item.questionJa || item.questionEn;
      const committed = item.commitmentJa || item.commitmentEn;
      return (
        <>
          {header(
            <>
              <span className="badge">{labelOf(t, `roundKind.${event.round.kind}`, event.round.kind)}</span>
              {s ? <AssessmentBadge assessment={s.item.assessment} /> : null}
            </>,
          )}
          <h3 className="event-title">
            <TitleLink to={s ? `/rounds/${s.round.id}#item-${s.item.id}` : null}>{pick(event.round.titleJa, event.round.titleEn)}</TitleLink>
          </h3>
          <dl className="facts">
            {/* The tracker shows every row ("—" when empty); the public page only what there is. */}
            {s || event.body ? (
              <>
                <dt>{t(label.askedOf)}</dt>
                <dd>{event.body ? <BodyName body={event.body} link={!!s} /> : "—"}</dd>
              </>
            ) : null}
            {s || asked ? (
              <>
                <dt>{t(label.question)}</dt>
                <dd>
                  <BilingualText ja={item.questionJa} en={item.questionEn} />
                  {!asked ? "—" : null}
                </dd>
              </>
            ) : null}
            {s ? (
              <>
                <dt>{t("timeline.answer")}</dt>
                <dd>
                  {s.item.answerHtml ? (
                    <RichTextView html={s.item.answerHtml} />
                  ) : s.item.answerText ? (
                    <p className="multiline">{s.item.answerText}</p>
                  ) : (
                    <p className="muted">{t("timeline.noAnswer")}</p>
                  )}
                </dd>
                <dt>{t("timeline.assessment")}</dt>
                <dd>{isAssessment(s.item.assessment) ? t(`assessment.${s.item.assessment}`) : "—"}</dd>
              </>
            ) : committed ? (
              // The public page has no commitment channel (follow-up plans are ours): the words go here.
              <>
                <dt>{t("public.commitment")}</dt>
                <dd>
                  <BilingualText ja={item.commitmentJa} en={item.commitmentEn} />
                </dd>
              </>
            ) : null}
          </dl>
          {s ? (
            <>
              {committed ? (
                <p className="muted">{t("timeline.commitmentMade", { date: s.item.followUpOn ? formatPartialDate(s.item.followUpOn, locale) : "—" })}</p>
              ) : null}
              <InternalNote note={s.roundInternalNote} />
              <InternalNote note={s.item.internalNote} />
            </>
          ) : null}
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
            <dd>{event.body ? <BodyName body={event.body} link /> : "—"}</dd>
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
      const s = staff?.event.channel === "outcome" ? staff.event : null;
      const source = safeHref(outcome.sourceUrl);
      return (
        <>
          {header(isDegree(outcome.degree) ? <span className="badge">{t(`degree.${outcome.degree}`)}</span> : null)}
          <h3 className="event-title">
            <TitleLink to={s ? `/outcomes/${s.outcome.id}` : null}>
              {instrument ? pick(instrument.titleJa, instrument.titleEn) : channelLabel}
            </TitleLink>
          </h3>
          <dl className="facts">
            {s || instrument ? (
              <>
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
              </>
            ) : null}
            <dt>{t(label.degree)}</dt>
            <dd>{isDegree(outcome.degree) ? t(`degree.${outcome.degree}`) : outcome.degree}</dd>
            {outcome.quoteJa || outcome.quoteEn ? (
              <>
                <dt>{t(label.quote)}</dt>
                <dd>
                  <BilingualText ja={outcome.quoteJa} en={outcome.quoteEn} quote />
                </dd>
              </>
            ) : null}
            {s?.outcome.note ? (
              <>
                <dt>{t("timeline.note")}</dt>
                <dd className="multiline">{s.outcome.note}</dd>
              </>
            ) : null}
            {s?.outcome.recommendations?.length ? (
              <>
                <dt>{t("timeline.viaRecommendation")}</dt>
                <dd>
                  {s.outcome.recommendations.map((r, i) => (
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
                <dt>{t(label.source)}</dt>
                <dd>
                  <a href={source} rel="noopener noreferrer" target={s ? "_blank" : undefined}>
                    {source}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
          {s ? <InternalNote note={s.outcome.internalNote} /> : null}
        </>
      );
    }

    case "comment": {
      const { point, consultation } = event;
      const s = staff?.event.channel === "comment" ? staff.event : null;
      // The tracker says when no answer is recorded yet; the public page falls back to the summary.
      const answer = s ? point.responseAnswer : point.responseAnswer || point.responseSummary;
      return (
        <>
          {header(isResponseKind(point.responseKind) ? <span className="badge">{t(`responseKind.${point.responseKind}`)}</span> : null)}
          <h3 className="event-title">
            <TitleLink to={s ? `/consultations/${s.consultation.id}#point-${s.point.id}` : null}>{pick(consultation.titleJa, consultation.titleEn)}</TitleLink>
            {!s && consultation.caseNumber ? <span className="muted"> ({consultation.caseNumber})</span> : null}
          </h3>
          <dl className="facts">
            {consultation.issuerBody ? (
              <>
                <dt>{t(label.issuedBy)}</dt>
                <dd>{pick(consultation.issuerBody.nameJa, consultation.issuerBody.nameEn)}</dd>
              </>
            ) : null}
            <dt>{t(label.point)}</dt>
            <dd>
              <BilingualText ja={point.textJa} en={point.textEn} />
            </dd>
            {s || answer ? (
              <>
                <dt>{t(label.answer)}</dt>
                <dd className="multiline">{answer || <span className="muted">{t("timeline.comment.noAnswer")}</span>}</dd>
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
      const s = staff?.event.channel === "recommendation" ? staff.event : null;
      const heading = pick(r.headingJa, r.headingEn);
      return (
        <>
          {header(r.grade ? <span className={`badge grade grade-${r.grade}`}>{t("timeline.recommendationGrade", { grade: r.grade })}</span> : null)}
          <h3 className="event-title">
            <TitleLink to={s ? `/un/recommendations/${s.recommendation.id}` : null}>
              <span lang="en">{d.symbol ?? d.mechanism}</span> {t("un.paragraphShort", { n: r.paragraph })}
              {heading ? ` ${heading}` : ""}
            </TitleLink>
          </h3>
          <p className="multiline" lang="en">
            {r.textEn}
          </p>
        </>
      );
    }

    case "status": {
      const s = staff?.event.channel === "status" ? staff.event : null;
      return (
        <>
          {header()}
          <p>
            <TitleLink to={staff ? `/demands/${staff.demandId}/status` : null}>{t(label.statusChanged, { status: t(`status.${event.status}`) })}</TitleLink>
            {event.previous ? <span className="muted"> {t(label.statusWas, { status: t(`status.${event.previous}`) })}</span> : null}
          </p>
          {s?.override ? (
            <>
              <p className="multiline">{t("timeline.override", { reason: s.override.reason })}</p>
              <p className="muted">{t("timeline.derived", { status: t(`status.${s.derived}`) })}</p>
            </>
          ) : null}
        </>
      );
    }
  }
}
