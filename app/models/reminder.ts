// Reminders (docs/decisions/015): what a user chose and which calendar events are due a reminder on a
// given Japan day. Pure; the database, the mail and the scheduler are in reminder.server.ts.
import { z } from "zod";
import { addDays, type CalendarEvent, type CalendarKind } from "~/models/calendar";
import { versionField } from "~/utils/validation";

export const COMMITMENT_CHOICES = ["none", "own", "all"] as const;
export type CommitmentChoice = (typeof COMMITMENT_CHOICES)[number];
export const MAX_DAYS_BEFORE = 60;

export type ReminderChoice = { consultations: boolean; commitments: CommitmentChoice; unStages: boolean; daysBefore: number; email: boolean };

/** What a user without a saved choice gets. */
export const DEFAULT_REMINDERS: ReminderChoice = { consultations: true, commitments: "own", unStages: false, daysBefore: 7, email: true };

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

export const reminderFormSchema = z.object({
  consultations: checkbox,
  commitments: z.enum(COMMITMENT_CHOICES, { error: "error.commitmentsChoice" }),
  unStages: checkbox,
  daysBefore: z.coerce.number({ error: "error.daysBefore" }).int("error.daysBefore").min(0, "error.daysBefore").max(MAX_DAYS_BEFORE, "error.daysBefore"),
  email: checkbox,
  version: versionField.optional(),
});

export function isCommitmentChoice(value: unknown): value is CommitmentChoice {
  return typeof value === "string" && (COMMITMENT_CHOICES as readonly string[]).includes(value);
}

/** The kinds a choice asks the calendar for. */
export function kindsOf(choice: ReminderChoice): CalendarKind[] {
  return [
    ...(choice.consultations ? (["consultation_deadline"] as const) : []),
    ...(choice.commitments !== "none" ? (["commitment"] as const) : []),
    ...(choice.unStages ? (["un_stage"] as const) : []),
  ];
}

/**
 * The events a user is due a reminder of on `today` (a Japan date): those of the chosen kinds whose day is
 * from today to today + daysBefore. Commitments only while open, and "own" ones only of rounds the user
 * attended on our side. Running it again the next day finds the same events: the reminder log's unique
 * key (user, event, day) keeps each to one reminder.
 */
export function remindersDue(events: CalendarEvent[], choice: ReminderChoice, today: string, ownRounds: ReadonlySet<string>): CalendarEvent[] {
  const last = addDays(today, choice.daysBefore);
  const kinds = new Set(kindsOf(choice));
  return events.filter((e) => {
    if (!kinds.has(e.kind) || e.date < today || e.date > last) return false;
    if (e.kind === "commitment") return e.open && (choice.commitments === "all" || (e.roundId !== null && ownRounds.has(e.roundId)));
    return true;
  });
}
