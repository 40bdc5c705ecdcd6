// The agenda of a round as everyone reads it: per demand and answering body, the question sent in
// advance, the answer, our assessment, and any commitment with its follow-up. Staff also see the
// internal notes (members' data never holds them) and the controls to edit, move and remove items.
import { Form, Link, useNavigation } from "@remix-run/react";
import { type ReactNode } from "react";
import { AssessmentBadge, FollowUpBadge, InternalBadge } from "~/components/round-badges";
import { RichTextView } from "~/components/rich-text-editor";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { hasCommitment } from "~/models/round";
import { formatPartialDate } from "~/utils/partial-date";

type Named = { nameJa: string; nameEn: string };

export type AgendaItemView = {
  id: string;
  position: number;
  demand: { id: string; ref: string; titleJa: string; titleEn: string };
  body: (Named & { id: string }) | null;
  questionJa: string | null;
  questionEn: string | null;
  answerHtml: string;
  assessment: string | null;
  commitmentJa: string | null;
  commitmentEn: string | null;
  followUpOn: string | null;
  followUpStatus: string | null;
  followUpNote: string | null;
  internalNote: string | null;
  requestItemId: string | null;
  carriedFrom: { id: string; round: { id: string; titleJa: string; titleEn: string; heldOn: string } } | null;
  outcomeCount: number;
};

/** Japanese and English side by side, each marked with its language; nothing when both are empty. */
function SideBySide({ heading, ja, en, id }: { heading: string; ja: string | null; en: string | null; id: string }) {
  const t = useT();
  if (!ja && !en) return null;
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>{heading}</h4>
      <div className="bilingual">
        <div lang="ja">
          <p className="lang-heading">{t("common.japanese")}</p>
          <p className="multiline">{ja || <span className="muted">{t("common.notGiven")}</span>}</p>
        </div>
        <div lang="en">
          <p className="lang-heading">{t("common.english")}</p>
          <p className="multiline">{en || <span className="muted">{t("common.notGiven")}</span>}</p>
        </div>
      </div>
    </section>
  );
}

function ItemControls({ roundId, item, first, last }: { roundId: string; item: AgendaItemView; first: boolean; last: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("itemId") === item.id;
  const control = (intent: string, label: string, ariaLabel: string, disabled: boolean, extra?: { className?: string; confirm?: string }): ReactNode => (
    <Form
      method="post"
      preventScrollReset
      onSubmit={(event) => {
        if (extra?.confirm && !window.confirm(extra.confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={item.id} />
      <button type="submit" className={extra?.className} disabled={disabled || busy} aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  );
  const name = `${item.position}. ${item.demand.ref}`;
  return (
    <div className="form-actions">
      <Link to={`/rounds/${roundId}/items/${item.id}`} className="button" aria-label={t("agenda.editLabel", { name })}>
        {t("common.edit")}
      </Link>
      {control("moveUp", t("agenda.moveUp"), t("agenda.moveUpLabel", { name }), first)}
      {control("moveDown", t("agenda.moveDown"), t("agenda.moveDownLabel", { name }), last)}
      {control("removeItem", t("agenda.remove"), t("agenda.removeLabel", { name }), false, { className: "danger", confirm: t("agenda.removeConfirm") })}
    </div>
  );
}

export function RoundAgenda({
  roundId,
  items,
  counts,
  canEdit,
}: {
  roundId: string;
  items: AgendaItemView[];
  counts: { items: number; answered: number; openCommitments: number };
  canEdit: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("agenda.title")}</h2>
      {items.length ? (
        <p className="muted">{t("agenda.counts", { items: counts.items, answered: counts.answered, open: counts.openCommitments })}</p>
      ) : (
        <p className="empty">{canEdit ? t("agenda.emptyStaff") : t("agenda.empty")}</p>
      )}
      <ol className="agenda-list">
        {items.map((item, index) => (
          <li key={item.id} id={`item-${item.id}`} className="panel">
            <h3>
              {item.position}. <Link to={`/demands/${item.demand.id}`}>{item.demand.ref}</Link> {pick(item.demand.titleJa, item.demand.titleEn)}
            </h3>
            <p>
              {t("agenda.answeredBy")}{" "}
              {item.body ? <Link to={`/bodies/${item.body.id}`}>{pick(item.body.nameJa, item.body.nameEn)}</Link> : <span className="muted">{t("agenda.noBody")}</span>}
              <AssessmentBadge assessment={item.assessment} />
              {item.carriedFrom ? (
                <span className="badge">
                  {t("agenda.carriedFrom")}{" "}
                  <Link to={`/rounds/${item.carriedFrom.round.id}#item-${item.carriedFrom.id}`}>{formatPartialDate(item.carriedFrom.round.heldOn, locale)}</Link>
                </span>
              ) : null}
              {item.outcomeCount ? <span className="badge badge-public">{t("agenda.outcomeCount", { count: item.outcomeCount })}</span> : null}
            </p>
            <SideBySide heading={t("agenda.question")} ja={item.questionJa} en={item.questionEn} id={`item-${item.id}-question`} />
            <section aria-labelledby={`item-${item.id}-answer`}>
              <h4 id={`item-${item.id}-answer`}>{t("agenda.answer")}</h4>
              <RichTextView html={item.answerHtml} emptyText={t("agenda.noAnswer")} />
            </section>
            {hasCommitment(item) || item.followUpOn ? (
              <section aria-labelledby={`item-${item.id}-commitment`}>
                <h4 id={`item-${item.id}-commitment`}>
                  {t("agenda.commitment")} <FollowUpBadge status={item.followUpStatus} />
                </h4>
                {hasCommitment(item) ? (
                  <div className="bilingual">
                    <p lang="ja" className="multiline">
                      {item.commitmentJa || <span className="muted">{t("common.notGiven")}</span>}
                    </p>
                    <p lang="en" className="multiline">
                      {item.commitmentEn || <span className="muted">{t("common.notGiven")}</span>}
                    </p>
                  </div>
                ) : null}
                <dl className="facts">
                  <dt>{t("agenda.followUpOn")}</dt>
                  <dd>{formatPartialDate(item.followUpOn, locale) || "—"}</dd>
                  {item.followUpNote ? (
                    <>
                      <dt>{t("agenda.followUpNote")}</dt>
                      <dd className="multiline">{item.followUpNote}</dd>
                    </>
                  ) : null}
                </dl>
              </section>
            ) : null}
            {canEdit && item.internalNote ? (
              <section aria-labelledby={`item-${item.id}-internal`}>
                <h4 id={`item-${item.id}-internal`}>
                  {t("common.internalNote")} <InternalBadge />
                </h4>
                <p className="multiline">{item.internalNote}</p>
              </section>
            ) : null}
            {canEdit ? <ItemControls roundId={roundId} item={item} first={index === 0} last={index === items.length - 1} /> : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <p>
          <Link to={`/rounds/${roundId}/items/new`} className="button primary">
            {t("agenda.new")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
