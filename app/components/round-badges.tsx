// Small labels of the negotiation screens: the kind of a round, the assessment of an answer, the
// state of a commitment's follow-up, and the marker of staff-only text.
import { useT } from "~/i18n/react";
import { isAssessment, isFollowUpStatus, isRoundKind } from "~/models/round";

export function RoundKindBadge({ kind }: { kind: string }) {
  const t = useT();
  return <span className="badge badge-status nowrap">{isRoundKind(kind) ? t(`roundKind.${kind}`) : kind}</span>;
}

export function AssessmentBadge({ assessment }: { assessment: string | null }) {
  const t = useT();
  if (!assessment) return <span className="badge">{t("agenda.notAssessed")}</span>;
  const positive = assessment === "commitment" || assessment === "will_consider";
  return (
    <span className={`badge ${positive ? "badge-public" : "badge-status"} assessment-${assessment}`}>
      {isAssessment(assessment) ? t(`assessment.${assessment}`) : assessment}
    </span>
  );
}

export function FollowUpBadge({ status }: { status: string | null }) {
  const t = useT();
  if (!status) return null;
  return <span className={`badge ${status === "done" ? "badge-public" : "badge-status"}`}>{isFollowUpStatus(status) ? t(`followUp.${status}`) : status}</span>;
}

/** Marks text that members never see. */
export function InternalBadge() {
  const t = useT();
  return <span className="badge badge-internal">{t("common.internal")}</span>;
}
