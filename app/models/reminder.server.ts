// Reminders on the database (docs/decisions/015): users' choices, making the reminders due today (the
// Reminder table's unique key is the log that keeps a rerun or a restart from repeating one), mailing
// them at most once when SMTP is configured, listing them and marking them seen.
import { translator } from "~/i18n";
import { isLocale } from "~/i18n/locales";
import { addDays, isCalendarKind } from "~/models/calendar";
import { calendarEvents } from "~/models/calendar.server";
import { DEFAULT_REMINDERS, isCommitmentChoice, kindsOf, type ReminderChoice, remindersDue } from "~/models/reminder";
import { db } from "~/utils/db.server";
import { type Mailer } from "~/utils/mail.server";
import { formatPartialDate, todayInJapan } from "~/utils/partial-date";

function choiceOf(row: { consultations: boolean; commitments: string; unStages: boolean; daysBefore: number; email: boolean } | null): ReminderChoice {
  if (!row) return DEFAULT_REMINDERS;
  return { ...row, commitments: isCommitmentChoice(row.commitments) ? row.commitments : "own" };
}

export async function reminderSettings(userId: string) {
  const row = await db.reminderSetting.findUnique({ where: { userId } });
  return { ...choiceOf(row), version: row?.version ?? null };
}

/** Saves a user's choice; false when someone (another tab) saved in between (the version moved on). */
export async function saveReminderSettings(userId: string, choice: ReminderChoice, version: number | undefined) {
  const existing = await db.reminderSetting.findUnique({ where: { userId }, select: { version: true } });
  if (!existing) {
    await db.reminderSetting.create({ data: { userId, ...choice } });
    return true;
  }
  if (version !== undefined && version !== existing.version) return false;
  const { count } = await db.reminderSetting.updateMany({ where: { userId, version: existing.version }, data: { ...choice, version: { increment: 1 } } });
  return count === 1;
}

export type ReminderRun = { today: string; created: number; emailed: number; failed: number };

/**
 * Makes the reminders due on the Japan day of `now` for every active user, then mails those not mailed
 * yet when a mailer is given. Safe to run any number of times, from any number of processes: a reminder
 * exists once per (user, event, day), and a mail is claimed (emailedAt set) before it is handed to SMTP.
 */
export async function runReminders({
  now = new Date(),
  mailer = null,
  appUrl = "http://localhost:3000",
  userId,
}: { now?: Date; mailer?: Mailer | null; appUrl?: string; userId?: string } = {}): Promise<ReminderRun> {
  const today = todayInJapan(now);
  const users = await db.user.findMany({
    where: { active: true, ...(userId ? { id: userId } : {}) },
    select: { id: true, email: true, locale: true, personId: true, reminderSetting: true },
  });
  const choices = users.map((u) => ({ user: u, choice: choiceOf(u.reminderSetting) }));
  const wanted = choices.filter((c) => kindsOf(c.choice).length > 0);
  let created = 0;
  if (wanted.length) {
    const maxDays = Math.max(...wanted.map((c) => c.choice.daysBefore));
    const kinds = [...new Set(wanted.flatMap((c) => kindsOf(c.choice)))];
    const events = await calendarEvents({ from: today, to: addDays(today, maxDays), kinds, brief: true });
    const personIds = wanted.flatMap((c) => (c.user.personId && c.choice.commitments === "own" ? [c.user.personId] : []));
    const attended = personIds.length
      ? await db.roundParticipant.findMany({ where: { personId: { in: personIds }, side: "ours", round: { deletedAt: null } }, select: { personId: true, roundId: true } })
      : [];
    for (const { user, choice } of wanted) {
      const own = new Set(attended.filter((a) => a.personId === user.personId).map((a) => a.roundId));
      for (const event of remindersDue(events, choice, today, own)) {
        const exists = await db.reminder.findUnique({ where: { userId_eventUid_eventDate: { userId: user.id, eventUid: event.uid, eventDate: event.date } }, select: { id: true } });
        if (exists) continue;
        try {
          await db.reminder.create({
            data: { userId: user.id, eventUid: event.uid, eventDate: event.date, kind: event.kind, titleJa: event.titleJa, titleEn: event.titleEn, href: event.href },
          });
          created += 1;
        } catch (error) {
          // Another process made it in between: the unique key did its work.
          if (!(error instanceof Error && "code" in error && error.code === "P2002")) throw error;
        }
      }
    }
  }
  const { emailed, failed } = mailer ? await mailReminders(mailer, today, appUrl) : { emailed: 0, failed: 0 };
  return { today, created, emailed, failed };
}

async function mailReminders(mailer: Mailer, today: string, appUrl: string) {
  const pending = await db.reminder.findMany({
    where: { emailedAt: null, eventDate: { gte: today }, user: { active: true, OR: [{ reminderSetting: null }, { reminderSetting: { email: true } }] } },
    select: { id: true, kind: true, titleJa: true, titleEn: true, href: true, eventDate: true, user: { select: { email: true, locale: true } } },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  let emailed = 0;
  let failed = 0;
  for (const r of pending) {
    // Claim it first: a crash after this line leaves it unsent rather than sent twice.
    const { count } = await db.reminder.updateMany({ where: { id: r.id, emailedAt: null }, data: { emailedAt: new Date() } });
    if (count !== 1) continue;
    const locale = isLocale(r.user.locale) ? r.user.locale : "ja";
    const t = translator(locale);
    const title = locale === "ja" ? r.titleJa || r.titleEn : r.titleEn || r.titleJa;
    const date = formatPartialDate(r.eventDate, locale);
    try {
      await mailer.send({
        to: r.user.email,
        subject: t("mail.subject", { title, date }),
        text: t("mail.body", { kind: isCalendarKind(r.kind) ? t(`calendarKind.${r.kind}`) : r.kind, title, date, url: `${appUrl}${r.href}`, settings: `${appUrl}/settings/calendar` }),
      });
      emailed += 1;
    } catch (error) {
      failed += 1;
      await db.reminder.update({ where: { id: r.id }, data: { emailError: error instanceof Error ? error.message.slice(0, 500) : "failed" } });
    }
  }
  return { emailed, failed };
}

export const REMINDERS_SHOWN = 50;

export async function unseenReminderCount(userId: string) {
  return db.reminder.count({ where: { userId, seenAt: null } });
}

export async function listReminders(userId: string) {
  return db.reminder.findMany({
    where: { userId },
    orderBy: [{ seenAt: { sort: "asc", nulls: "first" } }, { eventDate: "asc" }],
    take: REMINDERS_SHOWN,
    select: { id: true, kind: true, titleJa: true, titleEn: true, href: true, eventDate: true, eventUid: true, seenAt: true, createdAt: true },
  });
}

/** Marks one reminder (or, without an id, all) of this user as seen; another user's id changes nothing. */
export async function markRemindersSeen(userId: string, id?: string) {
  await db.reminder.updateMany({ where: { userId, seenAt: null, ...(id ? { id } : {}) }, data: { seenAt: new Date() } });
}
