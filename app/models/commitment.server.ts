// Commitments a body made in a round (AgendaItem.commitment*, followUpOn, followUpStatus) that are
// still open: those past their follow-up date and those due in the next 30 days, Japan time.
import { type CommitmentDue, daysBetween, DUE_SOON_DAYS, followUpState } from "~/models/timeline";
import { db, type Db } from "~/utils/db.server";
import { addDaysIso, partialDateRange, todayInJapan } from "~/utils/partial-date";

export type { CommitmentDue };
/** The totals are missing when the lists are whole. */
export type CommitmentsDue = { today: string; overdue: CommitmentDue[]; dueSoon: CommitmentDue[]; overdueTotal?: number; dueSoonTotal?: number };

/** How many of each list the home page shows. */
export const COMMITMENTS_SHOWN = 20;

const itemSelect = {
  id: true,
  commitmentJa: true,
  commitmentEn: true,
  followUpOn: true,
  followUpStatus: true,
  demand: { select: { id: true, ref: true, titleJa: true, titleEn: true } },
  body: { select: { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } },
  round: { select: { id: true, titleJa: true, titleEn: true, heldOn: true } },
} as const;

/**
 * Open commitments with a follow-up date: `overdue` (the date's first day is before today, oldest
 * first) and `dueSoon` (within today..today+30, soonest first), each cut to the `limit` nearest to
 * today, with the totals. Two queries whatever the number: the dates of all open commitments, then
 * the shown ones in full (a network's whole history can hold thousands overdue: the full list made
 * the home page 1.3 MB, bench/ and decision 008).
 */
export async function commitmentsDue(
  { today = todayInJapan(), limit = COMMITMENTS_SHOWN }: { today?: string; limit?: number } = {},
  client: Pick<Db, "agendaItem"> = db,
): Promise<CommitmentsDue> {
  const dueLimit = addDaysIso(today, DUE_SOON_DAYS);
  const dates = await client.agendaItem.findMany({
    where: {
      followUpStatus: "open",
      // Partial dates compare as text like their first day: "2025-03" ≤ "2025-03-02" and "2025" ≤ any day of 2025.
      followUpOn: { not: null, lte: dueLimit },
      round: { deletedAt: null },
      demand: { deletedAt: null },
    },
    select: { id: true, followUpOn: true, followUpStatus: true, demand: { select: { ref: true } } },
  });
  type Due = { id: string; followUpOn: string; dueOn: string; ref: string };
  const overdue: Due[] = [];
  const dueSoon: Due[] = [];
  for (const row of dates) {
    const dueOn = row.followUpOn ? partialDateRange(row.followUpOn)?.start : null;
    if (!row.followUpOn || !dueOn) continue;
    const state = followUpState(row.followUpOn, row.followUpStatus, today);
    const entry = { id: row.id, followUpOn: row.followUpOn, dueOn, ref: row.demand.ref };
    if (state === "overdue") overdue.push(entry);
    else if (state === "dueSoon") dueSoon.push(entry);
  }
  const byDate = (a: Due, b: Due) => a.dueOn.localeCompare(b.dueOn) || a.followUpOn.localeCompare(b.followUpOn) || a.ref.localeCompare(b.ref) || a.id.localeCompare(b.id);
  overdue.sort(byDate);
  dueSoon.sort(byDate);
  // The overdue nearest to today (the end of the list) and the soonest due (its start).
  const shownOverdue = overdue.slice(Math.max(0, overdue.length - limit));
  const shownDueSoon = dueSoon.slice(0, limit);
  const shown = [...shownOverdue, ...shownDueSoon];
  const rows = shown.length ? await client.agendaItem.findMany({ where: { id: { in: shown.map((d) => d.id) } }, select: itemSelect }) : [];
  const byId = new Map(rows.map(({ followUpStatus: _status, ...row }) => [row.id, row]));
  const full = (list: Due[]): CommitmentDue[] =>
    list.flatMap((d) => {
      const row = byId.get(d.id);
      return row ? [{ ...row, followUpOn: d.followUpOn, dueOn: d.dueOn, days: daysBetween(today, d.dueOn) }] : [];
    });
  return { today, overdue: full(shownOverdue), dueSoon: full(shownDueSoon), overdueTotal: overdue.length, dueSoonTotal: dueSoon.length };
}
