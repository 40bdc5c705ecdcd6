// Commitments a body made in a round (AgendaItem.commitment*, followUpOn, followUpStatus) that are
// still open: those past their follow-up date and those due in the next 30 days, Japan time.
import { type CommitmentDue, daysBetween, DUE_SOON_DAYS, followUpState } from "~/models/timeline";
import { db, type Db } from "~/utils/db.server";
import { addDaysIso, partialDateRange, todayInJapan } from "~/utils/partial-date";

export type { CommitmentDue };
export type CommitmentsDue = { today: string; overdue: CommitmentDue[]; dueSoon: CommitmentDue[] };

/**
 * Open commitments with a follow-up date: `overdue` (the date's first day is before today, oldest
 * first) and `dueSoon` (within today..today+30, soonest first). One query.
 */
export async function commitmentsDue({ today = todayInJapan() }: { today?: string } = {}, client: Pick<Db, "agendaItem"> = db): Promise<CommitmentsDue> {
  const limit = addDaysIso(today, DUE_SOON_DAYS);
  const rows = await client.agendaItem.findMany({
    where: {
      followUpStatus: "open",
      // Partial dates compare as text like their first day: "2025-03" ≤ "2025-03-02" and "2025" ≤ any day of 2025.
      followUpOn: { not: null, lte: limit },
      round: { deletedAt: null },
      demand: { deletedAt: null },
    },
    select: {
      id: true,
      commitmentJa: true,
      commitmentEn: true,
      followUpOn: true,
      followUpStatus: true,
      demand: { select: { id: true, ref: true, titleJa: true, titleEn: true } },
      body: { select: { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } },
      round: { select: { id: true, titleJa: true, titleEn: true, heldOn: true } },
    },
  });
  const overdue: CommitmentDue[] = [];
  const dueSoon: CommitmentDue[] = [];
  for (const { followUpStatus, followUpOn, ...row } of rows) {
    const dueOn = followUpOn ? partialDateRange(followUpOn)?.start : null;
    if (!followUpOn || !dueOn) continue;
    const state = followUpState(followUpOn, followUpStatus, today);
    const entry = { ...row, followUpOn, dueOn, days: daysBetween(today, dueOn) };
    if (state === "overdue") overdue.push(entry);
    else if (state === "dueSoon") dueSoon.push(entry);
  }
  const byDate = (a: CommitmentDue, b: CommitmentDue) => a.dueOn.localeCompare(b.dueOn) || a.followUpOn.localeCompare(b.followUpOn) || a.demand.ref.localeCompare(b.demand.ref) || a.id.localeCompare(b.id);
  return { today, overdue: overdue.sort(byDate), dueSoon: dueSoon.sort(byDate) };
}
