// The reminder scheduler inside the server process: every REMINDER_INTERVAL_MINUTES it runs
// runReminders, which is idempotent (decision 015), so a restart or a second process never repeats a
// reminder or a mail. Started by server/start.js through the build's entry module.
import { runReminders } from "~/models/reminder.server";
import { config } from "~/utils/env.server";
import { mailer } from "~/utils/mail.server";

type Log = { info: (message: string, fields?: Record<string, unknown>) => void; error: (message: string, fields?: Record<string, unknown>) => void };

let timer: ReturnType<typeof setInterval> | null = null;

export function startReminderScheduler(log: Log) {
  if (timer || config.reminderIntervalMinutes === 0) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runReminders({ mailer: mailer(), appUrl: config.appUrl });
      if (result.created || result.emailed || result.failed) log.info("reminders", result);
    } catch (error) {
      log.error("reminders failed", { error: error instanceof Error ? error.message : String(error) });
    } finally {
      running = false;
    }
  };
  // A first run shortly after start, then on the interval; neither keeps the process alive.
  setTimeout(tick, 5_000).unref();
  timer = setInterval(tick, config.reminderIntervalMinutes * 60_000);
  timer.unref();
}

export function stopReminderScheduler() {
  if (timer) clearInterval(timer);
  timer = null;
}
