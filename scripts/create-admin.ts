// Creates the first administrator (or, with --reset, makes an existing account an active
// administrator with a new password), in the database named by DATABASE_URL.
//
//   npm run create-admin -- --email a@b.org --name "Name" [--password …] [--reset]
//
// The password comes from --password, else from the environment variable ADMIN_PASSWORD, else a
// strong one is generated and printed once. ADMIN_PASSWORD keeps it out of the shell history.
import crypto from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { hashPassword } from "../app/utils/auth.server";
import { db } from "../app/utils/db.server";
import { recordAudit } from "../app/models/audit.server";
import { PASSWORD_MAX, PASSWORD_MIN, emailField, samePasswordAsEmail } from "../app/models/user";

export const MISSING_TABLE_MESSAGE = "Run npm start once, or npx prisma migrate deploy, first.";

/** A refusal the command line reports as is, with exit code 1. */
export class CreateAdminError extends Error {
  constructor(
    message: string,
    readonly reason: "invalid" | "exists" | "noTable",
  ) {
    super(message);
    this.name = "CreateAdminError";
  }
}

export type CreateAdminOptions = { email: string; name?: string; password?: string; reset?: boolean };
export type CreateAdminResult = {
  id: string;
  email: string;
  action: "created" | "reset";
  /** Set only when the password was generated here: show it once, keep it nowhere. */
  generatedPassword?: string;
};

export function generatePassword() {
  // 18 random bytes: 24 characters of base64url, 144 bits.
  return crypto.randomBytes(18).toString("base64url");
}

async function userTableExists() {
  const rows = await db.$queryRaw<Array<{ name: string }>>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'User'`;
  return rows.length > 0;
}

export async function createAdmin({ email: rawEmail, name: rawName, password, reset = false }: CreateAdminOptions): Promise<CreateAdminResult> {
  const parsedEmail = emailField.safeParse(rawEmail ?? "");
  if (!parsedEmail.success) throw new CreateAdminError(`Not a valid email address: ${JSON.stringify(rawEmail ?? "")}`, "invalid");
  const email = parsedEmail.data;
  const name = rawName?.trim() || undefined;
  if (name && name.length > 200) throw new CreateAdminError("The name is longer than 200 characters.", "invalid");
  if (password !== undefined) {
    if (password.length < PASSWORD_MIN) throw new CreateAdminError(`The password must have at least ${PASSWORD_MIN} characters.`, "invalid");
    if (password.length > PASSWORD_MAX) throw new CreateAdminError(`The password must have at most ${PASSWORD_MAX} characters.`, "invalid");
    if (samePasswordAsEmail(password, email)) throw new CreateAdminError("The password must not be the email address.", "invalid");
  }
  if (!(await userTableExists())) throw new CreateAdminError(MISSING_TABLE_MESSAGE, "noTable");

  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing && !reset) {
    throw new CreateAdminError(`An account with the email ${email} already exists. Add --reset to make it an active administrator with a new password.`, "exists");
  }
  if (!existing && !name) throw new CreateAdminError("Give the administrator's name with --name.", "invalid");

  const generatedPassword = password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(password ?? generatedPassword ?? "");
  const snapshot = (u: { email: string; name: string; role: string; locale: string | null; active: boolean; personId: string | null; version: number }) => ({
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    active: u.active,
    personId: u.personId,
    version: u.version,
  });

  const id = await db.$transaction(async (tx) => {
    if (existing) {
      const before = await tx.user.findUniqueOrThrow({ where: { id: existing.id } });
      const after = await tx.user.update({
        where: { id: existing.id },
        data: {
          role: "admin",
          active: true,
          passwordHash,
          failedLogins: 0,
          lockedUntil: null,
          ...(name ? { name } : {}),
          version: { increment: 1 },
        },
      });
      // Whoever held the old password is signed out.
      await tx.session.deleteMany({ where: { userId: existing.id } });
      await recordAudit(tx, {
        userId: null,
        action: "update",
        entityType: "User",
        entityId: existing.id,
        before: snapshot(before),
        after: { ...snapshot(after), password: "changed", by: "create-admin --reset" },
      });
      return existing.id;
    }
    const created = await tx.user.create({ data: { email, name: name ?? email, role: "admin", active: true, passwordHash } });
    await recordAudit(tx, { userId: null, action: "create", entityType: "User", entityId: created.id, after: { ...snapshot(created), by: "create-admin" } });
    return created.id;
  });
  return { id, email, action: existing ? "reset" : "created", generatedPassword };
}

const USAGE = `Usage: npm run create-admin -- --email <email> --name <name> [--password <password>] [--reset]

  --email     the administrator's email address (sign-in name)
  --name      the name shown in the app (optional with --reset: the name is kept)
  --password  at least ${PASSWORD_MIN} characters; else ADMIN_PASSWORD, else a generated one is printed
  --reset     if the email exists already: make it an active administrator with the new password`;

async function main(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        reset: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.email) {
    console.error(USAGE);
    return 1;
  }
  const envPassword = process.env.ADMIN_PASSWORD || undefined;
  try {
    const result = await createAdmin({ email: values.email, name: values.name, password: values.password ?? envPassword, reset: values.reset });
    console.log(result.action === "created" ? `Administrator ${result.email} created.` : `${result.email} is now an active administrator with a new password.`);
    if (result.generatedPassword) {
      console.log(`Password (shown only this once; change it after signing in): ${result.generatedPassword}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof CreateAdminError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "");
if (isMain) {
  process.exitCode = await main(process.argv.slice(2));
}
