import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login";
import { action as detailAction, loader as detailLoader } from "~/routes/admin.users.$userId";
import { loader as listLoader } from "~/routes/admin.users._index";
import { action as newAction, loader as newLoader } from "~/routes/admin.users.new";
import { action as passwordAction, loader as passwordLoader } from "~/routes/settings.password";
import { updateUser } from "~/models/user.server";
import { NO_PASSWORD } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { DEMO, args, makeRequest, payload, run, sessionCookie, statusOf } from "../request";

let counter = 0;
const uniqueEmail = (prefix = "user") => `${prefix}-${++counter}-${Date.now()}@example.org`;

/** Signs in through the real sign-in action; the session cookie, or null when refused. */
async function signIn(email: string, password: string) {
  const body = new URLSearchParams({ email, password, redirectTo: "/" });
  const result = await loginAction(args(new Request("http://localhost/login", { method: "POST", body })));
  if (!(result instanceof Response)) return null;
  return result.headers.get("Set-Cookie")?.split(";")[0] ?? null;
}

/** Whether a session cookie still opens a page for signed-in users. */
async function stillSignedIn(cookie: string) {
  const result = await run(async () => passwordLoader(args(await makeRequest("/settings/password", { headers: { Cookie: cookie } }))));
  if (statusOf(result) === 302) {
    expect(result instanceof Response && result.headers.get("Location")).toBe("/login?redirectTo=%2Fsettings%2Fpassword");
    return false;
  }
  expect(statusOf(result)).toBe(200);
  return true;
}

async function createThroughForm(fields: Partial<Record<string, string>> = {}) {
  const password = fields.password ?? "a-long-initial-password";
  const form = { email: uniqueEmail(), name: "Test User", role: "member", locale: "en", password, passwordConfirm: password, ...fields } as Record<string, string>;
  const result = await newAction(args(await makeRequest("/admin/users/new", { role: "admin", method: "POST", form })));
  expect(statusOf(result)).toBe(302);
  const user = await db.user.findUniqueOrThrow({ where: { email: form.email.toLowerCase() } });
  return { user, password, email: form.email.toLowerCase() };
}

async function loadEditor(userId: string) {
  return detailLoader(args(await makeRequest(`/admin/users/${userId}`, { role: "admin" }), { userId }));
}

async function postEdit(userId: string, form: Record<string, string>, role: "admin" | "staff" | "member" = "admin") {
  return run(async () => detailAction(args(await makeRequest(`/admin/users/${userId}`, { role, method: "POST", form }), { userId })));
}

function accountForm(user: { name: string; role: string; locale: string | null; active: boolean; personId: string | null; version: number }) {
  const form: Record<string, string> = {
    intent: "update",
    name: user.name,
    role: user.role,
    locale: user.locale ?? "",
    personId: user.personId ?? "",
    version: String(user.version),
  };
  if (user.active) form.active = "on";
  return form;
}

describe("access to user administration", () => {
  it("sends anonymous visitors to sign in", async () => {
    const list = await run(async () => listLoader(args(await makeRequest("/admin/users?q=x"))));
    expect(statusOf(list)).toBe(302);
    expect(list instanceof Response && list.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers%3Fq%3Dx");
    const create = await run(async () => newAction(args(await makeRequest("/admin/users/new", { method: "POST", form: { email: "x@example.org" } }))));
    expect(statusOf(create)).toBe(302);
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin.email } });
    const edit = await run(async () => detailAction(args(await makeRequest(`/admin/users/${admin.id}`, { method: "POST", form: { intent: "unlock" } }), { userId: admin.id })));
    expect(statusOf(edit)).toBe(302);
    const password = await run(async () => passwordLoader(args(await makeRequest("/settings/password"))));
    expect(statusOf(password)).toBe(302);
  });

  it.each(["member", "staff"] as const)("answers 403 to a %s for every loader and action", async (role) => {
    const target = await db.user.findUniqueOrThrow({ where: { email: DEMO.member.email } });
    const before = JSON.stringify(target);
    const attempts = [
      () => run(async () => listLoader(args(await makeRequest("/admin/users", { role })))),
      () => run(async () => newLoader(args(await makeRequest("/admin/users/new", { role })))),
      () =>
        run(async () =>
          newAction(args(await makeRequest("/admin/users/new", { role, method: "POST", form: { email: uniqueEmail(), name: "X", role: "admin", password: "0123456789ab", passwordConfirm: "0123456789ab" } }))),
        ),
      () => run(async () => detailLoader(args(await makeRequest(`/admin/users/${target.id}`, { role }), { userId: target.id }))),
      () => postEdit(target.id, { ...accountForm(target), role: "admin" }, role),
      () => postEdit(target.id, { intent: "setPassword", password: "another-password-1", passwordConfirm: "another-password-1" }, role),
      () => postEdit(target.id, { intent: "unlock" }, role),
    ];
    for (const attempt of attempts) expect(statusOf(await attempt())).toBe(403);
    expect(JSON.stringify(await db.user.findUniqueOrThrow({ where: { id: target.id } }))).toBe(before);
  });

  it("lets any signed-in user open the password page", async () => {
    for (const role of ["member", "staff", "admin"] as const) {
      expect(statusOf(await passwordLoader(args(await makeRequest("/settings/password", { role }))))).toBe(200);
    }
  });
});

describe("the user list", () => {
  it("searches names and emails, filters by role and status, sorts and pages", async () => {
    const all = await listLoader(args(await makeRequest("/admin/users", { role: "admin" })));
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.items.find((u) => u.email === DEMO.admin.email)?.isSelf).toBe(true);
    expect(JSON.stringify(all)).not.toContain("passwordHash");

    const byEmail = await listLoader(args(await makeRequest("/admin/users?q=STAFF@example", { role: "admin" })));
    expect(byEmail.items.map((u) => u.email)).toEqual([DEMO.staff.email]);
    const byName = await listLoader(args(await makeRequest("/admin/users?q=Santos", { role: "admin" })));
    expect(byName.items.map((u) => u.email)).toEqual([DEMO.member.email]);

    const staff = await listLoader(args(await makeRequest("/admin/users?role=staff", { role: "admin" })));
    expect(staff.items.length).toBeGreaterThan(0);
    for (const u of staff.items) expect(u.role).toBe("staff");

    const sorted = await listLoader(args(await makeRequest("/admin/users?sort=email&dir=desc", { role: "admin" })));
    const emails = sorted.items.map((u) => u.email);
    expect(emails).toEqual([...emails].sort().reverse());

    const bogus = await listLoader(args(await makeRequest("/admin/users?sort=password&role=root&state=x&page=-1", { role: "admin" })));
    expect(bogus.query).toMatchObject({ sort: "name", role: undefined, state: "all", page: 1 });
  });

  it("filters deactivated and locked accounts", async () => {
    const { user } = await createThroughForm({ name: "Locked Person" });
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 10 * 60_000) } });
    const locked = await listLoader(args(await makeRequest("/admin/users?state=locked", { role: "admin" })));
    expect(locked.items.map((u) => u.id)).toContain(user.id);
    for (const u of locked.items) expect(u.locked).toBe(true);
    const deactivated = await listLoader(args(await makeRequest("/admin/users?state=deactivated", { role: "admin" })));
    for (const u of deactivated.items) expect(u.active).toBe(false);
    expect(deactivated.items.map((u) => u.id)).not.toContain(user.id);
  });
});

describe("accounts without a password", () => {
  it("are marked in the list and on their page, can be filtered, and lose the mark once a password is set", async () => {
    const { user } = await createThroughForm({ name: "Restored Person" });
    const { user: other } = await createThroughForm({ name: "Person With Password" });
    // What a data import made without password hashes leaves (docs/decisions/017).
    await db.user.update({ where: { id: user.id }, data: { passwordHash: NO_PASSWORD } });

    const all = await listLoader(args(await makeRequest("/admin/users?q=Person", { role: "admin" })));
    expect(all.items.find((u) => u.id === user.id)?.noPassword).toBe(true);
    expect(all.items.find((u) => u.id === other.id)?.noPassword).toBe(false);
    const filtered = await listLoader(args(await makeRequest("/admin/users?state=noPassword", { role: "admin" })));
    expect(filtered.items.map((u) => u.id)).toEqual([user.id]);
    expect(JSON.stringify(filtered)).not.toContain("passwordHash");

    const page = async () => payload(await run(async () => detailLoader(args(await makeRequest(`/admin/users/${user.id}`, { role: "admin" }), { userId: user.id }))));
    expect((await page()).user.noPassword).toBe(true);
    const done = await postEdit(user.id, { intent: "setPassword", password: "restored-password-1", passwordConfirm: "restored-password-1" });
    expect(statusOf(done)).toBe(302);
    expect((await page()).user.noPassword).toBe(false);
    const after = await listLoader(args(await makeRequest("/admin/users?state=noPassword", { role: "admin" })));
    expect(after.items.map((u) => u.id)).not.toContain(user.id);
  });
});

describe("creating a user", () => {
  it("creates an account that can then sign in, audited without the password", async () => {
    const email = uniqueEmail("new.person");
    const password = "correct horse battery";
    const form = { email: email.toUpperCase(), name: "新しい 会員", role: "staff", locale: "ja", password, passwordConfirm: password };
    const result = await newAction(args(await makeRequest("/admin/users/new", { role: "admin", method: "POST", form })));
    expect(statusOf(result)).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(result instanceof Response && result.headers.get("Location")).toBe(`/admin/users/${user.id}`);
    expect(user).toMatchObject({ name: "新しい 会員", role: "staff", locale: "ja", active: true });
    expect(user.passwordHash).not.toContain(password);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id, action: "create" } });
    expect(audit.after).not.toContain(user.passwordHash);
    expect(audit.after).not.toContain(password);
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ email: email.toLowerCase(), role: "staff" });

    const cookie = await signIn(email, password);
    expect(cookie).toBeTruthy();
    expect(await stillSignedIn(cookie ?? "")).toBe(true);
  });

  it("refuses an email already in use, whatever its case, and never echoes the password", async () => {
    const password = "secret-password-123";
    const form = { email: "  Staff@EXAMPLE.org ", name: "Copy", role: "member", locale: "", password, passwordConfirm: password };
    const result = await newAction(args(await makeRequest("/admin/users/new", { role: "admin", method: "POST", form })));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.result.error?.email).toEqual(["error.emailTaken"]);
    expect(reply.result.initialValue?.name).toBe("Copy");
    expect(reply.result.initialValue).not.toHaveProperty("password");
    expect(reply.result.initialValue).not.toHaveProperty("passwordConfirm");
    expect(JSON.stringify(reply)).not.toContain(password);
    expect(await db.user.count({ where: { email: DEMO.staff.email } })).toBe(1);
  });

  it("gives field errors: email, name, short password, password equal to the email, confirmation", async () => {
    const bad = await newAction(
      args(await makeRequest("/admin/users/new", { role: "admin", method: "POST", form: { email: "not-an-email", name: "", role: "root", password: "short", passwordConfirm: "shorter" } })),
    );
    expect(statusOf(bad)).toBe(400);
    const errors = payload(bad).result.error ?? {};
    expect(errors.email).toEqual(["error.email"]);
    expect(errors.name).toEqual(["error.required"]);
    expect(errors.role).toEqual(["error.unknownChoice"]);
    expect(errors.password).toEqual(["error.passwordTooShort"]);
    expect(errors.passwordConfirm).toEqual(["error.passwordMismatch"]);
    expect(JSON.stringify(payload(bad))).not.toContain("shorter");

    const email = uniqueEmail();
    const same = await newAction(args(await makeRequest("/admin/users/new", { role: "admin", method: "POST", form: { email, name: "X", role: "member", password: email.toUpperCase(), passwordConfirm: email.toUpperCase() } })));
    expect(payload(same).result.error?.password).toEqual(["error.passwordIsEmail"]);

    const mismatch = await newAction(
      args(await makeRequest("/admin/users/new", { role: "admin", method: "POST", form: { email, name: "X", role: "member", password: "first-password-1", passwordConfirm: "second-password-2" } })),
    );
    expect(payload(mismatch).result.error).toEqual({ passwordConfirm: ["error.passwordMismatch"] });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("editing a user", () => {
  it("shows the account without its password hash", async () => {
    const staff = await db.user.findUniqueOrThrow({ where: { email: DEMO.staff.email } });
    const loaded = await loadEditor(staff.id);
    expect(loaded.user.email).toBe(DEMO.staff.email);
    expect(loaded.people.map((p) => p.value)).toContain(staff.personId);
    expect(JSON.stringify(loaded)).not.toContain("passwordHash");
    expect(JSON.stringify(loaded)).not.toContain(staff.passwordHash);
    const missing = await run(async () => detailLoader(args(await makeRequest("/admin/users/nope", { role: "admin" }), { userId: "nope" })));
    expect(statusOf(missing)).toBe(404);
  });

  it("saves name, language and linked person, audited", async () => {
    const { user } = await createThroughForm();
    const free = await db.person.findFirstOrThrow({ where: { kind: "staff", deletedAt: null, user: { is: null } } });
    const loaded = await loadEditor(user.id);
    expect(loaded.people.map((p) => p.value)).toContain(free.id);
    const result = await postEdit(user.id, { ...accountForm(loaded.user), name: "Renamed", locale: "", personId: free.id });
    expect(statusOf(result)).toBe(302);
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved).toMatchObject({ name: "Renamed", locale: null, personId: free.id, version: user.version + 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id, action: "update" }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.before ?? "{}").name).toBe("Test User");
    expect(JSON.parse(audit.after ?? "{}").name).toBe("Renamed");
    expect(audit.after).not.toContain(saved.passwordHash);
  });

  it("refuses a person linked to another account, or who is not our staff", async () => {
    const { user } = await createThroughForm();
    const staffUser = await db.user.findUniqueOrThrow({ where: { email: DEMO.staff.email } });
    const partner = await db.person.findFirstOrThrow({ where: { kind: { not: "staff" } } });
    const loaded = await loadEditor(user.id);
    expect(loaded.people.map((p) => p.value)).not.toContain(staffUser.personId);
    const taken = await postEdit(user.id, { ...accountForm(loaded.user), personId: staffUser.personId ?? "" });
    expect(statusOf(taken)).toBe(400);
    expect(payload(taken).result.error?.personId).toEqual(["error.personTaken"]);
    const notStaff = await postEdit(user.id, { ...accountForm(loaded.user), personId: partner.id });
    expect(payload(notStaff).result.error?.personId).toEqual(["error.unknownChoice"]);
  });

  it("never lets an administrator demote or deactivate themself", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin.email } });
    const loaded = await loadEditor(admin.id);
    expect(loaded.isSelf).toBe(true);
    const demote = await postEdit(admin.id, { ...accountForm(loaded.user), role: "staff" });
    expect(statusOf(demote)).toBe(400);
    expect(payload(demote).result.error?.[""]).toEqual(["error.cannotDemoteSelf"]);
    const { active: _active, ...inactive } = accountForm(loaded.user);
    const deactivate = await postEdit(admin.id, inactive);
    expect(payload(deactivate).result.error?.[""]).toEqual(["error.cannotDeactivateSelf"]);
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "admin", active: true, version: admin.version });
    expect(await stillSignedIn(await sessionCookie("admin"))).toBe(true);
  });

  it("keeps the last active administrator", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin.email } });
    const staff = await db.user.findUniqueOrThrow({ where: { email: DEMO.staff.email } });
    expect(await db.user.count({ where: { role: "admin", active: true } })).toBe(1);
    // As if someone else demoted them at the same moment: the model refuses on its own.
    const values = { intent: "update" as const, name: admin.name, role: "staff" as const, locale: undefined, active: true, personId: undefined, version: admin.version };
    expect(await updateUser(admin.id, values, staff.id)).toEqual({ ok: false, formError: "error.lastAdmin" });
    expect(await updateUser(admin.id, { ...values, role: "admin", active: false }, staff.id)).toEqual({ ok: false, formError: "error.lastAdmin" });

    // With a second administrator, either may be demoted by the other.
    const { user: second } = await createThroughForm({ role: "admin" });
    const result = await postEdit(second.id, { ...accountForm(second), role: "staff" });
    expect(statusOf(result)).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: second.id } })).role).toBe("staff");
  });

  it("ends the sessions of a deactivated user, and lets them back in after reactivation", async () => {
    const { user, email, password } = await createThroughForm({ role: "staff" });
    const cookie = (await signIn(email, password)) ?? "";
    const other = (await signIn(email, password)) ?? "";
    expect(await stillSignedIn(cookie)).toBe(true);

    const { active: _active, ...form } = accountForm(user);
    const result = await postEdit(user.id, form);
    expect(statusOf(result)).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await stillSignedIn(cookie)).toBe(false);
    expect(await stillSignedIn(other)).toBe(false);
    expect(await signIn(email, password)).toBeNull();

    const reactivated = await postEdit(user.id, { ...form, active: "on", version: String(user.version + 1) });
    expect(statusOf(reactivated)).toBe(302);
    expect(await signIn(email, password)).toBeTruthy();
  });

  it("ends the sessions of a user whose role changes, but not on other edits", async () => {
    const { user, email, password } = await createThroughForm({ role: "staff" });
    const cookie = (await signIn(email, password)) ?? "";

    const renamed = await postEdit(user.id, { ...accountForm(user), name: "Only the name" });
    expect(statusOf(renamed)).toBe(302);
    expect(await stillSignedIn(cookie)).toBe(true);

    const demoted = await postEdit(user.id, { ...accountForm(user), name: "Only the name", role: "member", version: String(user.version + 1) });
    expect(statusOf(demoted)).toBe(302);
    expect(await stillSignedIn(cookie)).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("member");
  });

  it("never overwrites a newer version silently, and shows the saved values", async () => {
    const { user } = await createThroughForm();
    const loaded = await loadEditor(user.id);
    const base = accountForm(loaded.user);
    expect(statusOf(await postEdit(user.id, { ...base, name: "Saved first" }))).toBe(302);

    const second = await postEdit(user.id, { ...base, name: "Saved second" });
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.conflict?.name).toBe("Saved first");
    expect(reply.conflict?.version).toBe(loaded.user.version + 1);
    expect(reply.conflict?.updatedByName).toBe("佐藤 由美");
    expect(reply.result.error?.[""]).toEqual(["error.conflict"]);
    expect(reply.result.initialValue?.name).toBe("Saved second");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Saved first");
  });

  it("sets a new password for a user, ending their sessions, never echoing it", async () => {
    const { user, email, password } = await createThroughForm();
    const cookie = (await signIn(email, password)) ?? "";

    const mismatch = await postEdit(user.id, { intent: "setPassword", password: "brand-new-password", passwordConfirm: "brand-new-passw0rd" });
    expect(statusOf(mismatch)).toBe(400);
    const reply = payload(mismatch);
    expect(reply.intent).toBe("setPassword");
    expect(reply.result.error?.passwordConfirm).toEqual(["error.passwordMismatch"]);
    expect(JSON.stringify(reply)).not.toContain("brand-new");

    // The email check uses the saved email, whatever the form says.
    const asEmail = await postEdit(user.id, { intent: "setPassword", email: "other@example.org", password: email, passwordConfirm: email });
    expect(payload(asEmail).result.error?.password).toEqual(["error.passwordIsEmail"]);
    expect(await stillSignedIn(cookie)).toBe(true);

    const done = await postEdit(user.id, { intent: "setPassword", password: "brand-new-password", passwordConfirm: "brand-new-password" });
    expect(statusOf(done)).toBe(302);
    expect(await stillSignedIn(cookie)).toBe(false);
    expect(await signIn(email, password)).toBeNull();
    expect(await signIn(email, "brand-new-password")).toBeTruthy();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id }, orderBy: { at: "desc" } });
    expect(audit.after).not.toContain("brand-new-password");
    expect(JSON.parse(audit.after ?? "{}").password).toBe("changed");
  });

  it("unlocks an account whose sign-in is paused", async () => {
    const { user, email, password } = await createThroughForm();
    for (let i = 0; i < 5; i++) expect(await signIn(email, "wrong password")).toBeNull();
    expect(await signIn(email, password)).toBeNull();
    const loaded = await loadEditor(user.id);
    expect(loaded.user.locked).toBe(true);

    const result = await postEdit(user.id, { intent: "unlock" });
    expect(statusOf(result)).toBe(302);
    expect((await loadEditor(user.id)).user.locked).toBe(false);
    expect(await signIn(email, password)).toBeTruthy();
    expect(await db.auditEvent.count({ where: { entityType: "User", entityId: user.id, action: "update" } })).toBe(1);
  });

  it("answers 400 to an unknown intent", async () => {
    const { user } = await createThroughForm();
    expect(statusOf(await postEdit(user.id, { intent: "delete" }))).toBe(400);
  });
});

describe("changing one's own password", () => {
  it("refuses a wrong current password and an unchanged one, never echoing them", async () => {
    const { email, password } = await createThroughForm();
    const cookie = (await signIn(email, password)) ?? "";
    const post = (form: Record<string, string>) => run(async () => passwordAction(args(await makeRequest("/settings/password", { method: "POST", headers: { Cookie: cookie }, form }))));

    const wrong = await post({ currentPassword: "not-the-password", newPassword: "a-new-password-1", newPasswordConfirm: "a-new-password-1" });
    expect(statusOf(wrong)).toBe(400);
    const reply = payload(wrong);
    expect(reply.result.error?.currentPassword).toEqual(["error.currentPasswordWrong"]);
    expect(JSON.stringify(reply)).not.toContain("not-the-password");
    expect(JSON.stringify(reply)).not.toContain("a-new-password-1");

    const unchanged = await post({ currentPassword: password, newPassword: password, newPasswordConfirm: password });
    expect(payload(unchanged).result.error?.newPassword).toEqual(["error.passwordUnchanged"]);
    const short = await post({ currentPassword: password, newPassword: "short", newPasswordConfirm: "other" });
    const errors = payload(short).result.error;
    expect(errors?.newPassword).toEqual(["error.passwordTooShort"]);
    expect(errors?.newPasswordConfirm).toEqual(["error.passwordMismatch"]);
    expect(await signIn(email, password)).toBeTruthy();
  });

  it("changes it, keeps this session and ends the others", async () => {
    const { user, email, password } = await createThroughForm();
    const here = (await signIn(email, password)) ?? "";
    const elsewhere = (await signIn(email, password)) ?? "";
    const form = { currentPassword: password, newPassword: "my new long password", newPasswordConfirm: "my new long password" };
    const result = await run(async () => passwordAction(args(await makeRequest("/settings/password", { method: "POST", headers: { Cookie: here }, form }))));
    expect(statusOf(result)).toBe(302);
    expect(result instanceof Response && result.headers.get("Location")).toBe("/");
    expect(result instanceof Response && result.headers.get("Set-Cookie")).toContain("__toast");

    expect(await stillSignedIn(here)).toBe(true);
    expect(await stillSignedIn(elsewhere)).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await signIn(email, password)).toBeNull();
    expect(await signIn(email, "my new long password")).toBeTruthy();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id, userId: user.id } });
    expect(audit.after).not.toContain("my new long password");
  });
});
