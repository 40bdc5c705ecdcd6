// A demand's status as one badge: the status in the reader's language, since when, and a visible
// "manual" marker when staff set it by hand (the reason in its title, and for screen readers in text).
// Colours: the classes status-<status> and status-manual in app.css.
import { useLocale, useT } from "~/i18n/react";
import { isStatus } from "~/models/status";
import { formatPartialDate } from "~/utils/partial-date";


export type StatusBadgeOverride = {
  reason: string;
  /** the status the outcomes give, shown in the marker's title */
  derived?: string | null;
} | null;

export function StatusBadge({
  status,
  since,
  override,
  showReason = false,
}: {
  status: string;
  /** the day the status took this value (YYYY-MM-DD or partial) */
  since?: string | null;
  override?: StatusBadgeOverride;
  /** also print the reason of a manual status next to the marker (the status page does) */
  showReason?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const known = isStatus(status) ? status : "open";
  const derived = override?.derived && isStatus(override.derived) && override.derived !== known ? override.derived : null;
  const manualTitle = override
    ? derived
      ? t("statusBadge.manualTitleDerived", { reason: override.reason, derived: t(`status.${derived}`) })
      : t("statusBadge.manualTitle", { reason: override.reason })
    : undefined;
  return (
    <span className="status-badge">
      <span className={`badge badge-status status-${known}`}>{t(`status.${known}`)}</span>
      {since ? <span className="muted status-since"> {t("statusBadge.since", { date: formatPartialDate(since, locale) })}</span> : null}
      {override ? (
        <>
          {" "}
          <span className="badge status-manual" title={manualTitle}>
            {t("statusBadge.manual")}
            {showReason ? null : <span className="visually-hidden">{` (${t("statusBadge.reason", { reason: override.reason })})`}</span>}
          </span>
          {showReason ? <span className="status-reason"> {t("statusBadge.reason", { reason: override.reason })}</span> : null}
        </>
      ) : null}
    </span>
  );
}
