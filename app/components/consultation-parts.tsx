// Small pieces the public-comment screens share: the state of a consultation on a Japan date.
import { useT } from "~/i18n/react";
import { type ConsultationState, daysLeft } from "~/models/consultation";

export function ConsultationStateBadge({ state, deadlineOn, today }: { state: ConsultationState; deadlineOn: string; today: string }) {
  const t = useT();
  const days = daysLeft(deadlineOn, today);
  const className = state === "closingSoon" ? "badge badge-due-soon" : state === "open" ? "badge badge-status" : "badge";
  return (
    <>
      <span className={className}>{t(`consultationState.${state}`)}</span>
      {state === "closingSoon" ? <span className="muted"> {days === 0 ? t("consultation.closesToday") : t("consultation.daysLeft", { days })}</span> : null}
    </>
  );
}
