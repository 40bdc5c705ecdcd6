// The process environment, parsed once. Every setting has a default so that a fresh clone runs
// with none set; the README's configuration table lists them all.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { databaseFile, resolveDatabaseUrl } from "./database-url.js";

const boolean = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  DEMO_DATA: boolean.optional(),
  COOKIE_SECURE: boolean.optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  ATTACHMENTS_DIR: z.string().optional(),
  ATTACHMENT_MAX_MB: z.coerce.number().min(1).max(200).default(20),
  BACKUP_DIR: z.string().optional(),
  SIGN_IN_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(120),
  API_BAD_TOKEN_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Advocacy Tracker <no-reply@localhost>"),
  APP_URL: z.string().url().optional(),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  PUBLIC_PAGE: boolean.optional(),
});

function readOrCreateSecret(file) {
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet
  }
  const secret = crypto.randomBytes(48).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** @param {NodeJS.ProcessEnv} env */
export function parseConfig(env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const databaseUrl = resolveDatabaseUrl(e.DATABASE_URL);
  const dataDir = path.dirname(databaseFile(databaseUrl));
  return {
    nodeEnv: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    dataDir,
    /** Generated on first start and kept beside the database when not given. */
    sessionSecret: () => e.SESSION_SECRET ?? readOrCreateSecret(path.join(dataDir, "session-secret")),
    demoData: e.DEMO_DATA ?? !production,
    cookieSecure: e.COOKIE_SECURE ?? production,
    sessionDays: e.SESSION_DAYS,
    logLevel: e.LOG_LEVEL,
    attachmentsDir: path.resolve(dataDir, e.ATTACHMENTS_DIR ?? "attachments"),
    attachmentMaxBytes: Math.round(e.ATTACHMENT_MAX_MB * 1024 * 1024),
    backupDir: path.resolve(dataDir, e.BACKUP_DIR ?? "backups"),
    /** Sign-in attempts per minute from one address, over all accounts (the lockout counts per account). */
    signInLimit: e.SIGN_IN_LIMIT,
    /** Read API requests a minute per token (docs/decisions/017). */
    apiRateLimit: e.API_RATE_LIMIT,
    /** Read API requests a minute with a missing or bad token from one address (slows token guessing). */
    apiBadTokenLimit: e.API_BAD_TOKEN_LIMIT,
    /** Reminders by email (docs/decisions/015): off when not set. */
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    /** The address links in emails point to. */
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    /** How often the server makes reminders (0: never, e.g. when another process does it). */
    reminderIntervalMinutes: e.REMINDER_INTERVAL_MINUTES,
    /** The public page (/public, docs/decisions/018): off unless PUBLIC_PAGE is "true" or "1". */
    publicPage: e.PUBLIC_PAGE ?? false,
  };
}

export const config = parseConfig(process.env);
