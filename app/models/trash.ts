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

/**
 * A related record as a page names it: null when it is in the trash (docs/decisions/009: the link stays
 * stored and returns with a restore), and without its deletedAt, which no page needs.
 */
export function untrashed<T extends { deletedAt: Date | null }>(record: T | null | undefined): Omit<T, "deletedAt"> | null {
  if (!record || record.deletedAt) return null;
  const { deletedAt: _, ...rest } = record;
  return rest;
}
