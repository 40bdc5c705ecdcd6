import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login";
import { verifySignIn } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { CreateAdminError, MISSING_TABLE_MESSAGE, createAdmin } from "../../scripts/create-admin";
import { testRoot } from "../paths";
import { DEMO, args } from "../request";

const projectRoot = path.dirname(testRoot);

async function signInCookie(email: string, password: string) {
  const body = new URLSearchParams({ email, password, redirectTo: "/" });
  const result = await loginAction(args(new Request("http://localhost/login", { method: "POST", body })));
  return result instanceof Response ? result.headers.get("Set-Cookie")?.split(";")[0] ?? null : null;
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CreateAdminError) return error.reason;
    throw error;
  }
  throw new Error("expected createAdmin to refuse");
}

/** Runs the command line as `npm run create-admin` does (tsx), on the given database. */
function runCli(cliArgs: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join("scripts", "create-admin.ts"), ...cliArgs], {
    cwd: projectRoot,
    env: { ...process.env, ADMIN_PASSWORD: undefined, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("createAdmin()", () => {
  it("creates an active administrator who can sign in", async () => {
    const result = await createAdmin({ email: "  First.Admin@Example.ORG ", name: "最初の 管理者", password: "a strong first password" });
    expect(result).toMatchObject({ email: "first.admin@example.org", action: "created" });
    expect(result.generatedPassword).toBeUndefined();
    const user = await db.user.findUniqueOrThrow({ where: { id: result.id } });
    expect(user).toMatchObject({ email: "first.admin@example.org", name: "最初の 管理者", role: "admin", active: true });
    expect(await signInCookie("first.admin@example.org", "a strong first password")).toBeTruthy();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id, action: "create" } });
    expect(audit.after).not.toContain(user.passwordHash);
    expect(audit.after).not.toContain("a strong first password");
  });

  it("generates a strong password when none is given", async () => {
    const result = await createAdmin({ email: "generated@example.org", name: "Generated" });
    expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await verifySignIn("generated@example.org", result.generatedPassword ?? "")).toMatchObject({ ok: true });
  });

  it("refuses an email that exists, whatever its case, and changes nothing", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { email: DEMO.member.email } });
    expect(await refusal(createAdmin({ email: DEMO.member.email.toUpperCase(), name: "Intruder", password: "another-password" }))).toBe("exists");
    expect(await db.user.findUniqueOrThrow({ where: { email: DEMO.member.email } })).toEqual(before);
    expect(await db.user.count({ where: { email: DEMO.member.email } })).toBe(1);
  });

  it("refuses bad input", async () => {
    expect(await refusal(createAdmin({ email: "not an email", name: "X", password: "long-enough-password" }))).toBe("invalid");
    expect(await refusal(createAdmin({ email: "short@example.org", name: "X", password: "too-short" }))).toBe("invalid");
    expect(await refusal(createAdmin({ email: "same@example.org", name: "X", password: "Same@Example.org" }))).toBe("invalid");
    expect(await refusal(createAdmin({ email: "noname@example.org", name: "  ", password: "long-enough-password" }))).toBe("invalid");
    expect(await db.user.count({ where: { email: { in: ["short@example.org", "same@example.org", "noname@example.org"] } } })).toBe(0);
  });

  it("with reset, makes an existing account an active, unlocked administrator with the new password", async () => {
    const cookie = await signInCookie(DEMO.member.email, DEMO.member.password);
    expect(cookie).toBeTruthy();
    const member = await db.user.update({
      where: { email: DEMO.member.email },
      data: { active: false, lockedUntil: new Date(Date.now() + 60 * 60_000), failedLogins: 3 },
    });
    const result = await createAdmin({ email: DEMO.member.email, name: "Maria Santos (admin)", password: "reset password 2026", reset: true });
    expect(result).toMatchObject({ id: member.id, action: "reset" });
    const after = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after).toMatchObject({ role: "admin", active: true, lockedUntil: null, failedLogins: 0, name: "Maria Santos (admin)", version: member.version + 1 });
    expect(await db.session.count({ where: { userId: member.id } })).toBe(0);
    expect(await verifySignIn(DEMO.member.email, DEMO.member.password)).toMatchObject({ ok: false });
    expect(await verifySignIn(DEMO.member.email, "reset password 2026")).toMatchObject({ ok: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: member.id }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.before ?? "{}")).toMatchObject({ role: "member", active: false });
    expect(audit.after).not.toContain("reset password 2026");
    expect(audit.after).not.toContain(after.passwordHash);
  });
});

// The command line runs on private copies in the system's temporary folder: a child process must
// not depend on files that another test run may clear meanwhile.
describe("npm run create-admin", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "create-admin-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function account(file: string, email: string) {
    const sqlite = new Database(file, { readonly: true });
    try {
      return sqlite.prepare('SELECT name, role, active, passwordHash FROM "User" WHERE email = ?').get(email) as
        | { name: string; role: string; active: number; passwordHash: string }
        | undefined;
    } finally {
      sqlite.close();
    }
  }

  it("asks for the migrations when the database has no User table", { timeout: 60_000 }, () => {
    const result = runCli(["--email", "a@example.org", "--name", "A"], { DATABASE_URL: `file:${path.join(dir, "no-tables.db")}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(MISSING_TABLE_MESSAGE);
  });

  it("creates with ADMIN_PASSWORD, refuses a second time, resets with --reset and prints a generated password", { timeout: 90_000 }, async () => {
    const file = path.join(dir, "copy.db");
    await db.$executeRawUnsafe(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
    const env = { DATABASE_URL: `file:${file}` };

    const created = runCli(["--email", "cli@example.org", "--name", "CLI Admin"], { ...env, ADMIN_PASSWORD: "from the environment" });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).not.toContain("from the environment");
    const first = account(file, "cli@example.org");
    expect(first).toMatchObject({ name: "CLI Admin", role: "admin", active: 1 });
    expect(await bcrypt.compare("from the environment", first?.passwordHash ?? "")).toBe(true);

    const again = runCli(["--email", "CLI@example.org", "--name", "Other", "--password", "yet another password"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("--reset");
    expect(account(file, "cli@example.org")?.passwordHash).toBe(first?.passwordHash);

    const reset = runCli(["--email", "cli@example.org", "--reset"], env);
    expect(reset.code, reset.stderr).toBe(0);
    const generated = /: (\S{24})\s*$/m.exec(reset.stdout)?.[1];
    expect(generated).toBeTruthy();
    const after = account(file, "cli@example.org");
    expect(after?.name).toBe("CLI Admin");
    expect(await bcrypt.compare(generated ?? "", after?.passwordHash ?? "")).toBe(true);
  });
});
