// Open commitments of government bodies that are overdue or due in the next 30 days (home page).
import { Link } from "@remix-run/react";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { type CommitmentDue } from "~/models/timeline";
import { formatPartialDate } from "~/utils/partial-date";

function CommitmentList({ items, emptyText }: { items: CommitmentDue[]; emptyText: string }) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const dueLabel = (days: number) =>
    days === -1
      ? t("commitments.oneDayOverdue")
      : days <= -730
        ? t("commitments.yearsOverdue", { years: Math.floor(-days / 365) })
        : days <= -60
          ? t("commitments.monthsOverdue", { months: Math.floor(-days / 30) })
          : days < 0
            ? t("commitments.daysOverdue", { days: -days })
        : days === 0
          ? t("commitments.dueToday")
          : days === 1
            ? t("commitments.dueTomorrow")
            : t("commitments.daysLeft", { days });
  if (items.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="plain-list">
      {items.map((c) => (
        <li key={c.id}>
          <p className="tight">
            <span className="nowrap strong">
              {formatPartialDate(c.followUpOn, locale)}
            </span>
            <span className="muted">
              {" · "}
              {dueLabel(c.days)}
            </span>
          </p>
          <p style={{ margin: "0.15rem 0" }}>{pick(c.commitmentJa, c.commitmentEn) || "—"}</p>
          <p className="muted" style={{ margin: 0, fontSize: "0.9rem" }}>
            <Link to={`/demands/${c.demand.id}`}>
              <span className="record-ref">{c.demand.ref}</span> {pick(c.demand.titleJa, c.demand.titleEn)}
            </Link>
            {c.body ? <> · {t("commitments.by", { name: pick(c.body.shortNameJa || c.body.nameJa, c.body.shortNameEn || c.body.nameEn) })}</> : null}
            {" · "}
            {t("commitments.atRound")}: <Link to={`/rounds/${c.round.id}#item-${c.id}`}>{pick(c.round.titleJa, c.round.titleEn)}</Link> ({formatPartialDate(c.round.heldOn, locale)})
          </p>
        </li>
      ))}
    </ul>
  );
}

export function CommitmentsPanel({
  today,
  overdue,
  dueSoon,
  overdueTotal = overdue.length,
  dueSoonTotal = dueSoon.length,
}: {
  today: string;
  overdue: CommitmentDue[];
  dueSoon: CommitmentDue[];
  overdueTotal?: number;
  dueSoonTotal?: number;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="commitments-heading" className="panel commitments-panel">
      <h2 id="commitments-heading">{t("commitments.title")}</h2>
      <p className="muted">{t("commitments.caption", { today: formatPartialDate(today, locale) })}</p>
      {overdue.length === 0 && dueSoon.length === 0 ? (
        <p className="empty">{t("commitments.empty")}</p>
      ) : (
        <>
          <h3>
            {t("commitments.overdue")} <span className="badge">{overdueTotal}</span>
          </h3>
          {overdueTotal > overdue.length ? <p className="muted">{t("commitments.latestOverdue", { shown: overdue.length, total: overdueTotal })}</p> : null}
          <CommitmentList items={overdue} emptyText={t("commitments.noneOverdue")} />
          <h3>
            {t("commitments.dueSoon")} <span className="badge">{dueSoonTotal}</span>
          </h3>
          <CommitmentList items={dueSoon} emptyText={t("commitments.noneDueSoon")} />
          {dueSoonTotal > dueSoon.length ? <p className="muted">{t("commitments.moreDueSoon", { count: dueSoonTotal - dueSoon.length })}</p> : null}
        </>
      )}
    </section>
  );
}
