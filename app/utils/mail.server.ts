// Outgoing mail through nodemailer, when SMTP_URL is configured; without it, mail is silently off
// (reminders still appear in the app). One transport per process.
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "~/utils/env.server";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { send: (mail: Mail) => Promise<void> };

let cached: Mailer | null | undefined;

export function mailerFor(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
  };
}

/** The configured mailer, or null when SMTP_URL is not set. */
export function mailer(): Mailer | null {
  if (cached === undefined) cached = mailerFor(config.smtpUrl, config.mailFrom);
  return cached;
}
