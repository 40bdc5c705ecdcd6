// Pieces of the public page (docs/decisions/018): a status without staff's override marker. It links
// nowhere inside the tracker: the public has no account. The public timeline's events are drawn by
// TimelineEventItem (app/components/timeline-event.tsx) with audience "public".
import { useLocale, useT } from "~/i18n/react";
import { isStatus } from "~/models/status";
import { formatPartialDate } from "~/utils/partial-date";

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
