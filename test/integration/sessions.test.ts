// Sessions and sign-in, beyond what users.test.ts covers (deactivation, password change, unlock):
// the session id changes at sign-in, signing out ends one or every session, and the lockout after
// repeated failures answers the same for emails that have no account; the page after sign-in is on
// this site.
import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as setLanguageAction } from "~/routes/set-language";
import { loader as passwordLoader } from "~/routes/settings.password";
import { hashPassword, MAX_FAILED_LOGINS, sessionIdFrom } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { DEMO, args, makeRequest, payload, run, statusOf } from "../request";

let counter = 0;

async function newAccount() {
  const email = `session-${++counter}-${Date.now()}@example.org`;
  const password = "a-long-test-password";
  const user = await db.user.create({ data: { email, name: "Session Test", role: "member", passwordHash: await hashPassword(password) } });
  return { user, email, password };
}

/** Posts the sign-in form, with a cookie already held when given. */
async function postLogin(email: string, password: string, cookie?: string) {
  const headers = cookie ? { Cookie: cookie } : undefined;
  return loginAction(args(await makeRequest("/login", { method: "POST", headers, form: { email, password, redirectTo: "/" } })));
}

async function signIn(email: string, password: string) {
  const result = await postLogin(email, password);
  if (!(result instanceof Response)) throw new Error("sign-in refused");
  return result.headers.get("Set-Cookie")?.split(";")[0] ?? "";
}

const idOf = async (cookie: string) => sessionIdFrom(new Request("http://localhost/", { headers: { Cookie: cookie } }));

async function signedIn(cookie: string) {
  const result = await run(async () => passwordLoader(args(await makeRequest("/settings/password", { headers: { Cookie: cookie } }))));
  return statusOf(result) === 200;
}

async function postLogout(cookie: string, everywhere = false) {
  const form: Record<string, string> = everywhere ? { everywhere: "true" } : {};
  return logoutAction(args(await makeRequest("/logout", { method: "POST", headers: { Cookie: cookie }, form })));
}

describe("the session cookie", () => {
  it("holds only a signed random id, HttpOnly and SameSite=Lax", async () => {
    const result = await postLogin(DEMO.member.email, DEMO.member.password);
    const setCookie = result instanceof Response ? (result.headers.get("Set-Cookie") ?? "") : "";
    expect(setCookie).toMatch(/^__session=/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toContain(DEMO.member.email);
    const id = await idOf(setCookie.split(";")[0]);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A cookie with the same id but without the signature is not accepted.
    expect(await idOf(`__session=${encodeURIComponent(btoa(JSON.stringify(id)))}`)).toBeNull();
  });

  it("gets a new id at sign-in: a session held before is ended, not kept", async () => {
    const { user, email, password } = await newAccount();
    const before = await signIn(email, password);
    const beforeId = await idOf(before);
    expect(await signedIn(before)).toBe(true);

    // Signing in again while holding the cookie (as the same or another account) drops the old id.
    const again = await postLogin(email, password, before);
    const after = again instanceof Response ? (again.headers.get("Set-Cookie")?.split(";")[0] ?? "") : "";
    const afterId = await idOf(after);
    expect(afterId).toBeTruthy();
    expect(afterId).not.toBe(beforeId);
    expect(await db.session.findUnique({ where: { id: beforeId ?? "" } })).toBeNull();
    expect(await signedIn(before)).toBe(false);
    expect(await signedIn(after)).toBe(true);

    const other = await postLogin(DEMO.staff.email, DEMO.staff.password, after);
    expect(statusOf(other)).toBe(302);
    expect(await signedIn(after)).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("is not replaced when sign-in fails", async () => {
    const { email, password } = await newAccount();
    const cookie = await signIn(email, password);
    const refused = await postLogin(email, "not the password", cookie);
    expect(statusOf(refused)).toBe(400);
    expect(refused instanceof Response ? refused.headers.get("Set-Cookie") : null).toBeNull();
    expect(await signedIn(cookie)).toBe(true);
  });

  it("of an expired session signs nobody in", async () => {
    const { user, email, password } = await newAccount();
    const cookie = await signIn(email, password);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await signedIn(cookie)).toBe(false);
  });
});

describe("signing out", () => {
  it("ends this session only, and clears the cookie", async () => {
    const { user, email, password } = await newAccount();
    const here = await signIn(email, password);
    const elsewhere = await signIn(email, password);
    const result = await postLogout(here);
    expect(statusOf(result)).toBe(302);
    expect(result.headers.get("Location")).toBe("/login");
    expect(result.headers.get("Set-Cookie")).toMatch(/^__session=; .*Max-Age=0/);
    expect(await signedIn(here)).toBe(false);
    expect(await signedIn(elsewhere)).toBe(true);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("everywhere ends every session of the account, and no one else's", async () => {
    const { user, email, password } = await newAccount();
    const cookies = [await signIn(email, password), await signIn(email, password), await signIn(email, password)];
    const bystander = await signIn(DEMO.member.email, DEMO.member.password);
    const result = await postLogout(cookies[1], true);
    expect(statusOf(result)).toBe(302);
    for (const cookie of cookies) expect(await signedIn(cookie)).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await signedIn(bystander)).toBe(true);
    // And signing in again works.
    expect(await signedIn(await signIn(email, password))).toBe(true);
  });

  it("without a session changes nothing", async () => {
    const sessions = await db.session.count();
    const result = await logoutAction(args(await makeRequest("/logout", { method: "POST", form: { everywhere: "true" } })));
    expect(statusOf(result)).toBe(302);
    expect(await db.session.count()).toBe(sessions);
  });
});

describe("the sign-in lockout", () => {
  /** The answer to one attempt, without the email typed (the only part that may differ). */
  async function answer(email: string, password: string) {
    const result = await postLogin(email, password);
    expect(statusOf(result)).toBe(400);
    const { result: reply } = payload(result as Exclude<typeof result, Response>);
    return { status: reply.status, error: reply.error, fields: Object.keys(reply.initialValue ?? {}).sort() };
  }

  it("answers the same, attempt after attempt, for an email with an account and one without", async () => {
    const { email, password } = await newAccount();
    const unknown = `nobody-${Date.now()}@example.org`;
    const known: unknown[] = [];
    const nobody: unknown[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS + 2; i++) {
      known.push(await answer(email, `wrong password ${i}`));
      nobody.push(await answer(unknown, `wrong password ${i}`));
    }
    expect(nobody).toEqual(known);
    expect(known[0]).toMatchObject({ error: { "": ["error.signInInvalid"] } });
    expect(known[MAX_FAILED_LOGINS - 2]).toMatchObject({ error: { "": ["error.signInInvalid"] } });
    expect(known[MAX_FAILED_LOGINS - 1]).toMatchObject({ error: { "": ["error.signInLocked"] } });
    expect(known[MAX_FAILED_LOGINS + 1]).toMatchObject({ error: { "": ["error.signInLocked"] } });
    // While locked, even the right password is refused, with the same answer.
    expect(await answer(email, password)).toEqual(await answer(unknown, password));
    // The count is kept per email, whatever its case and spaces.
    expect(await answer(`  ${unknown.toUpperCase()} `, "x")).toMatchObject({ error: { "": ["error.signInLocked"] } });
  });

  it("answers the same for a deactivated account as for one that does not exist", async () => {
    const { user, email, password } = await newAccount();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    const unknown = `nobody-else-${Date.now()}@example.org`;
    expect(await answer(email, password)).toEqual(await answer(unknown, password));
  });
});

describe("the page after signing in or switching language", () => {
  // Each of these leaves the site in a browser: tabs and line breaks are dropped, "\\" reads as "/".
  const elsewhere = ["https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\r/evil.example", "\t//evil.example", "javascript:alert(1)"];

  it("is a path on this site, or the home page", async () => {
    for (const redirectTo of elsewhere) {
      const signIn = await loginAction(args(await makeRequest("/login", { method: "POST", form: { ...DEMO.member, redirectTo } })));
      expect(statusOf(signIn), JSON.stringify(redirectTo)).toBe(302);
      expect((signIn as Response).headers.get("Location"), JSON.stringify(redirectTo)).toBe("/");
      const language = await setLanguageAction(args(await makeRequest("/set-language", { method: "POST", form: { locale: "en", redirectTo } })));
      expect(language.headers.get("Location"), JSON.stringify(redirectTo)).toBe("/");
    }
    const kept = await loginAction(args(await makeRequest("/login", { method: "POST", form: { ...DEMO.member, redirectTo: "/demands?q=%E5%85%A5%E7%AE%A1#list" } })));
    expect((kept as Response).headers.get("Location")).toBe("/demands?q=%E5%85%A5%E7%AE%A1#list");
  });
});
