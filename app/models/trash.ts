// The types of record that go to the trash rather than away (they have a deletedAt column).

/** In the order the trash's filter offers them. */
export const TRASH_TYPES = [
  "Demand",
  "Request",
  "NegotiationRound",
  "Consultation",
  "CommentSubmission",
  "Outcome",
  "Instrument",
  "Recommendation",
  "UnDocument",
  "ReviewCycle",
  "UnMechanism",
  "Body",
  "Organisation",
  "ProjectNetwork",
  "Person",
  "MembershipFigure",
  "ActivityPlanGoal",
  "Attachment",
] as const;
export type TrashType = (typeof TRASH_TYPES)[number];

export function isTrashType(value: unknown): value is TrashType {
  return typeof value === "string" && (TRASH_TYPES as readonly string[]).includes(value);
}
