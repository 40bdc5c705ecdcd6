// The outcomes of one demand (newest first) and the section of the demand's page that shows them
// with the current status and the links to record an outcome and to the status page.
import { Link } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isInstrumentKind } from "~/models/instrument";
import { safeHref } from "~/models/organisation";
import { isDegree } from "~/models/status";
import { formatPartialDate } from "~/utils/partial-date";

export type OutcomeListItem = {
  id: string;
  degree: string;
  occurredOn: string;
  quoteJa: string | null;
  quoteEn: string | null;
  sourceUrl: string | null;
  note: string | null;
  internalNote: string | null;
  instrument: { id: string; kind: string; titleJa: string; titleEn: string } | null;
  _count?: { channels: number; attachments: number };
};

export function OutcomeList({ outcomes, showInternal, emptyText }: { outcomes: OutcomeListItem[]; showInternal: boolean; emptyText?: string }) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  if (outcomes.length === 0) return <p className="empty">{emptyText ?? t("outcomes.empty")}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t("outcome.occurredOn")}</th>
          <th scope="col">{t("outcome.instrument")}</th>
          <th scope="col">{t("outcome.degree")}</th>
          <th scope="col">{t("outcome.quote")}</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((o) => {
          const quote = pick(o.quoteJa, o.quoteEn);
          const source = safeHref(o.sourceUrl);
          return (
            <tr key={o.id}>
              <td className="nowrap">
                <Link to={`/outcomes/${o.id}`}>{formatPartialDate(o.occurredOn, locale)}</Link>
              </td>
              <td>
                {o.instrument ? (
                  <>
                    <Link to={`/instruments/${o.instrument.id}`}>{pick(o.instrument.titleJa, o.instrument.titleEn)}</Link>
                    {isInstrumentKind(o.instrument.kind) ? <span className="badge">{t(`instrumentKind.${o.instrument.kind}`)}</span> : null}
                  </>
                ) : (
                  <span className="muted">{t("outcome.noInstrument")}</span>
                )}
              </td>
              <td className="nowrap">
                <span className={`badge badge-status status-${o.degree}`}>{isDegree(o.degree) ? t(`degree.${o.degree}`) : o.degree}</span>
              </td>
              <td>
                {quote ? (
                  <blockquote className="multiline" lang={quote === o.quoteJa ? "ja" : "en"}>
                    {quote}
                  </blockquote>
                ) : null}
                {o.note ? <p className="multiline">{o.note}</p> : null}
                {showInternal && o.internalNote ? (
                  <p className="multiline">
                    <span className="badge badge-internal">{t("common.internal")}</span> {o.internalNote}
                  </p>
                ) : null}
                {source ? (
                  <a href={source} rel="noopener noreferrer external" target="_blank">
                    {t("outcome.source")}
                  </a>
                ) : null}
                {!quote && !o.note && !source ? <span className="muted">—</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export type DemandOutcomesData = {
  /** DemandStatus from models/status.server.ts (sinceOn: the change's date as precisely as known) */
  status: { status: string; sinceOn: string | null; derived: string; override: { reason: string } | null };
  outcomes: OutcomeListItem[];
};

/** The section of a demand's page: status, outcomes, and the links to record one and to the status page. */
export function DemandOutcomes({ demandId, data, canEdit, showInternal }: { demandId: string; data: DemandOutcomesData; canEdit: boolean; showInternal: boolean }) {
  const t = useT();
  const { status } = data;
  return (
    <section aria-labelledby="outcomes-heading">
      <div className="page-header">
        <h2 id="outcomes-heading">{t("outcomes.title")}</h2>
        {canEdit ? (
          <Link to={`/outcomes/new?demand=${encodeURIComponent(demandId)}`} className="button">
            {t("outcomes.new")}
          </Link>
        ) : null}
      </div>
      <p>
        {t("statusPage.current")}:{" "}
        <StatusBadge status={status.status} since={status.sinceOn} override={status.override ? { reason: status.override.reason, derived: status.derived } : null} />{" "}
        <Link to={`/demands/${demandId}/status`}>{t("statusPage.historyLink")}</Link>
      </p>
      <OutcomeList outcomes={data.outcomes} showInternal={showInternal} />
    </section>
  );
}
