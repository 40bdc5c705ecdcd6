import { beforeAll, describe, expect, it } from "vitest";
import { loader as bodyDetailLoader } from "~/routes/bodies.$bodyId._index";
import { loader as bodyListLoader } from "~/routes/bodies._index";
import { action as detailAction, loader as detailLoader } from "~/routes/people.$personId._index";
import { action as editAction, loader as editLoader } from "~/routes/people.$personId.edit";
import { loader as listLoader } from "~/routes/people._index";
import { action as newAction, loader as newLoader } from "~/routes/people.new";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

const PRIVATE = { email: "t.ishii@example.net", phone: "03-1234-5678", notes: "会合は火曜の午後が都合が良い" };

const byNameEn = (nameEn: string) => db.person.findFirstOrThrow({ where: { nameEn } });

beforeAll(async () => {
  // The demo data holds no contact details: give one person some, to check who sees them.
  await db.person.updateMany({ where: { nameEn: "Tomoko Ishii" }, data: PRIVATE });
});

async function editForm(id: string, changes: Record<string, string> = {}) {
  const p = await db.person.findUniqueOrThrow({ where: { id } });
  return { kind: p.kind, nameJa: p.nameJa, nameEn: p.nameEn, email: p.email ?? "", phone: p.phone ?? "", notes: p.notes ?? "", version: String(p.version), ...changes };
}

async function postToPerson(personId: string, form: Record<string, string>, role: "staff" | "member" | "admin" = "staff") {
  return run(async () => detailAction(args(await makeRequest(`/people/${personId}`, { role, method: "POST", form }), { personId })));
}

describe("people list", () => {
  it("sends anonymous visitors to sign in", async () => {
    const result = await run(async () => listLoader(args(await makeRequest("/people?kind=staff"))));
    expect(statusOf(result)).toBe(302);
    expect(result instanceof Response && result.headers.get("Location")).toBe("/login?redirectTo=%2Fpeople%3Fkind%3Dstaff");
  });

  it("lets members search names and filter by kind, without contact details", async () => {
    const ja = await listLoader(args(await makeRequest("/people?q=高谷", { role: "member" })));
    expect(ja.items.map((p) => p.nameEn)).toEqual(["Sachi Takaya"]);
    expect(ja.canEdit).toBe(false);
    expect(ja.emails).toBeNull();

    const en = await listLoader(args(await makeRequest("/people?q=torii", { role: "member" })));
    expect(en.items.map((p) => p.nameEn)).toEqual(["Ippei Torii"]);

    const partners = await listLoader(args(await makeRequest("/people?kind=partner", { role: "member" })));
    expect(partners.total).toBe(await db.person.count({ where: { kind: "partner", deletedAt: null } }));
    for (const p of partners.items) expect(p.kind).toBe("partner");

    // An email is no search key for members: it would tell them whose address it is.
    const byEmail = await listLoader(args(await makeRequest(`/people?q=${PRIVATE.email}`, { role: "member" })));
    expect(byEmail.total).toBe(0);
    expect(JSON.stringify(partners)).not.toContain(PRIVATE.email);
  });

  it("lets staff search by email and see it", async () => {
    const result = await listLoader(args(await makeRequest(`/people?q=${PRIVATE.email}`, { role: "staff" })));
    expect(result.items.map((p) => p.nameEn)).toEqual(["Tomoko Ishii"]);
    expect(result.emails?.[result.items[0].id]).toBe(PRIVATE.email);
  });

  it("shows current affiliations only, sorts by name and pages", async () => {
    const result = await listLoader(args(await makeRequest("/people?sort=name&dir=asc", { role: "member" })));
    const names = result.items.map((p) => p.nameEn || p.nameJa);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    const takaya = result.items.find((p) => p.nameEn === "Sachi Takaya");
    expect(takaya?.current.map((a) => a.organisation?.nameEn)).toEqual(["Solidarity Network with Migrants Japan"]);
    // Manami Yano left in 2007.
    expect(result.items.find((p) => p.nameEn === "Manami Yano")?.current).toEqual([]);

    const desc = await listLoader(args(await makeRequest("/people?sort=name&dir=desc&page=99&kind=nonsense", { role: "member" })));
    expect(desc.items).toEqual([]);
    expect(desc.query.kind).toBeUndefined();
    expect(desc.query.page).toBe(99);
  });
});

describe("a person's page", () => {
  it("never gives members email, phone or notes", async () => {
    const ishii = await byNameEn("Tomoko Ishii");
    const result = await detailLoader(args(await makeRequest(`/people/${ishii.id}`, { role: "member" }), { personId: ishii.id }));
    expect(result.privateInfo).toBeNull();
    expect(result.options).toBeNull();
    expect(result.canEdit).toBe(false);
    const json = JSON.stringify(result);
    for (const value of Object.values(PRIVATE)) expect(json).not.toContain(value);
    expect(Object.keys(result.person)).not.toContain("email");
  });

  it("gives staff the contact details and the affiliation form's choices", async () => {
    const ishii = await byNameEn("Tomoko Ishii");
    const result = await detailLoader(args(await makeRequest(`/people/${ishii.id}`, { role: "staff" }), { personId: ishii.id }));
    expect(result.privateInfo).toEqual(PRIVATE);
    expect(result.options?.bodies.length).toBeGreaterThan(0);
    expect(result.options?.organisations.length).toBeGreaterThan(0);
    expect(result.options?.networks.length).toBeGreaterThan(0);
  });

  it("answers 404 for an unknown person", async () => {
    const result = await run(async () => detailLoader(args(await makeRequest("/people/nope", { role: "member" }), { personId: "nope" })));
    expect(statusOf(result)).toBe(404);
    expect(statusOf(await run(async () => editLoader(args(await makeRequest("/people/nope/edit", { role: "staff" }), { personId: "nope" }))))).toBe(404);
    expect(statusOf(await postToPerson("nope", { intent: "removeAffiliation", affiliationId: "x" }))).toBe(404);
  });
});

describe("creating and editing a person", () => {
  it("refuses members every editor loader and action, changing nothing", async () => {
    const takaya = await byNameEn("Sachi Takaya");
    const people = await db.person.count();
    const affiliations = await db.affiliation.count();
    const aff = await db.affiliation.findFirstOrThrow({ where: { personId: takaya.id } });
    const moj = await db.body.findFirstOrThrow({ where: { nameEn: "Ministry of Justice" } });
    const attempts: Array<() => Promise<unknown>> = [
      async () => newLoader(args(await makeRequest("/people/new", { role: "member" }))),
      async () => newAction(args(await makeRequest("/people/new", { role: "member", method: "POST", form: { kind: "other", nameJa: "侵入" } }))),
      async () => editLoader(args(await makeRequest(`/people/${takaya.id}/edit`, { role: "member" }), { personId: takaya.id })),
      async () =>
        editAction(args(await makeRequest(`/people/${takaya.id}/edit`, { role: "member", method: "POST", form: await editForm(takaya.id, { nameEn: "X" }) }), { personId: takaya.id })),
      async () => postToPerson(takaya.id, { intent: "addAffiliation", bodyId: moj.id }, "member"),
      async () => postToPerson(takaya.id, { intent: "removeAffiliation", affiliationId: aff.id }, "member"),
    ];
    for (const attempt of attempts) expect(statusOf(await run(attempt))).toBe(403);
    expect(await db.person.count()).toBe(people);
    expect(await db.affiliation.count()).toBe(affiliations);
    expect((await byNameEn("Sachi Takaya")).version).toBe(takaya.version);
  });

  it("gives field errors and keeps what was typed", async () => {
    const form = { kind: "alien", nameJa: "", nameEn: "", email: "not-an-email", phone: "090-0000-0000", notes: "入力したメモ" };
    const result = await newAction(args(await makeRequest("/people/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.result.error?.kind).toEqual(["error.required"]);
    expect(reply.result.error?.nameJa).toEqual(["error.personNameOneLanguage"]);
    expect(reply.result.error?.email).toEqual(["error.email"]);
    expect(reply.result.initialValue?.notes).toBe("入力したメモ");
    expect(reply.result.initialValue?.phone).toBe("090-0000-0000");
  });

  it("creates a person and records it in the audit log", async () => {
    const form = { kind: "official", nameJa: "山田 太郎", nameEn: "Taro Yamada", email: "  yamada@example.go.jp ", phone: "", notes: "" };
    const result = await newAction(args(await makeRequest("/people/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(302);
    const created = await byNameEn("Taro Yamada");
    expect(result instanceof Response && result.headers.get("Location")).toBe(`/people/${created.id}`);
    expect(created).toMatchObject({ kind: "official", nameJa: "山田 太郎", email: "yamada@example.go.jp", phone: null, notes: null, version: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Person", entityId: created.id, action: "create" } });
    expect(JSON.parse(audit.after ?? "{}").email).toBe("yamada@example.go.jp");
  });

  it("never overwrites a newer version silently, and shows the newer one", async () => {
    const okawa = await byNameEn("Okawa");
    const loaded = await editLoader(args(await makeRequest(`/people/${okawa.id}/edit`, { role: "staff" }), { personId: okawa.id }));
    const base = await editForm(okawa.id);
    expect(loaded.person.version).toBe(okawa.version);

    const first = await editAction(args(await makeRequest(`/people/${okawa.id}/edit`, { role: "admin", method: "POST", form: { ...base, phone: "03-1111-1111" } }), { personId: okawa.id }));
    expect(statusOf(first)).toBe(302);

    const second = await editAction(args(await makeRequest(`/people/${okawa.id}/edit`, { role: "staff", method: "POST", form: { ...base, phone: "03-2222-2222" } }), { personId: okawa.id }));
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.conflict?.phone).toBe("03-1111-1111");
    expect(reply.conflict?.version).toBe(okawa.version + 1);
    expect(reply.conflict?.updatedByName).toBe("佐藤 由美");
    expect(reply.result.initialValue?.phone).toBe("03-2222-2222");
    expect((await db.person.findUniqueOrThrow({ where: { id: okawa.id } })).phone).toBe("03-1111-1111");
  });
});

describe("affiliations", () => {
  it("requires exactly one body, organisation or project network", async () => {
    const yano = await byNameEn("Manami Yano");
    const moj = await db.body.findFirstOrThrow({ where: { nameEn: "Ministry of Justice" } });
    const smj = await db.organisation.findFirstOrThrow({ where: { shortName: "移住連" } });

    const none = await postToPerson(yano.id, { intent: "addAffiliation", roleJa: "書記" });
    expect(statusOf(none)).toBe(400);
    expect(payload(none).result.error?.target).toEqual(["error.affiliationTarget"]);

    const two = await postToPerson(yano.id, { intent: "addAffiliation", bodyId: moj.id, organisationId: smj.id, roleJa: "書記" });
    const reply = payload(two);
    expect(reply.result.error?.target).toEqual(["error.affiliationTarget"]);
    expect(reply.result.initialValue?.roleJa).toBe("書記");

    const unknown = await postToPerson(yano.id, { intent: "addAffiliation", bodyId: "no-such-body" });
    expect(payload(unknown).result.error?.bodyId).toEqual(["error.unknownChoice"]);
  });

  it("checks the dates: readable, and the end not before the start", async () => {
    const yano = await byNameEn("Manami Yano");
    const moj = await db.body.findFirstOrThrow({ where: { nameEn: "Ministry of Justice" } });
    const order = await postToPerson(yano.id, { intent: "addAffiliation", bodyId: moj.id, startOn: "2010-04", endOn: "2009" });
    expect(statusOf(order)).toBe(400);
    expect(payload(order).result.error?.endOn).toEqual(["error.dateOrder"]);

    const unreadable = await postToPerson(yano.id, { intent: "addAffiliation", bodyId: moj.id, startOn: "2010-13", endOn: "2009" });
    const reply = payload(unreadable);
    expect(reply.result.error?.startOn).toEqual(["error.partialDate"]);
    expect(reply.result.error?.endOn).toBeUndefined();

    // Within the same year is fine: "2010-04" … "2010".
    const sameYear = await postToPerson(yano.id, { intent: "addAffiliation", bodyId: moj.id, startOn: "2010-04", endOn: "2010" });
    expect(statusOf(sameYear)).toBe(302);
  });

  it("adds an affiliation to a body, shows it there, and removes it, all audited", async () => {
    const person = await byNameEn("Tomoko Ishii");
    const bureau = await db.body.findFirstOrThrow({ where: { nameEn: "Immigration Bureau" } });
    const form = { intent: "addAffiliation", bodyId: bureau.id, roleJa: "在留課長", roleEn: "Director, Residence Division", startOn: "2008年4月", endOn: "" };
    const added = await postToPerson(person.id, form);
    expect(statusOf(added)).toBe(302);
    const row = await db.affiliation.findFirstOrThrow({ where: { personId: person.id, bodyId: bureau.id } });
    expect(row).toMatchObject({ roleJa: "在留課長", startOn: "2008-04", endOn: null, organisationId: null, projectNetworkId: null });
    const created = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Affiliation", entityId: row.id, action: "create" } });
    expect(JSON.parse(created.after ?? "{}").personId).toBe(person.id);

    const page = await detailLoader(args(await makeRequest(`/people/${person.id}`, { role: "member" }), { personId: person.id }));
    const shown = page.person.affiliations.find((a) => a.id === row.id);
    expect(shown?.current).toBe(true);
    expect(shown?.body?.nameEn).toBe("Immigration Bureau");

    const body = await bodyDetailLoader(args(await makeRequest(`/bodies/${bureau.id}`, { role: "member" }), { bodyId: bureau.id }));
    expect(body.currentPeople.map((a) => a.person.id)).toEqual([person.id]);
    expect(JSON.stringify(body)).not.toContain(PRIVATE.email);
    const tree = await bodyListLoader(args(await makeRequest("/bodies", { role: "member" })));
    expect(tree.rows.find((b) => b.id === bureau.id)?.people).toBe(1);

    // Someone else's affiliation cannot be removed through this person's page.
    const other = await db.affiliation.findFirstOrThrow({ where: { personId: { not: person.id } } });
    expect(statusOf(await postToPerson(person.id, { intent: "removeAffiliation", affiliationId: other.id }))).toBe(404);
    expect(await db.affiliation.count({ where: { id: other.id } })).toBe(1);

    const removed = await postToPerson(person.id, { intent: "removeAffiliation", affiliationId: row.id });
    expect(statusOf(removed)).toBe(302);
    expect(await db.affiliation.count({ where: { id: row.id } })).toBe(0);
    const deleted = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Affiliation", entityId: row.id, action: "delete" } });
    expect(JSON.parse(deleted.before ?? "{}").roleJa).toBe("在留課長");
  });

  it("puts an affiliation that has ended among the past ones", async () => {
    const person = await byNameEn("Barry Steinhardt");
    const division = await db.body.findFirstOrThrow({ where: { nameEn: "Adjudication Division" } });
    expect(statusOf(await postToPerson(person.id, { intent: "addAffiliation", bodyId: division.id, roleEn: "Adviser", startOn: "2001", endOn: "2003-06" }))).toBe(302);
    const body = await bodyDetailLoader(args(await makeRequest(`/bodies/${division.id}`, { role: "member" }), { bodyId: division.id }));
    expect(body.currentPeople).toEqual([]);
    expect(body.pastPeople.map((a) => a.person.nameEn)).toEqual(["Barry Steinhardt"]);
  });

  it("refuses an unknown intent", async () => {
    const person = await byNameEn("Tomoko Ishii");
    expect(statusOf(await postToPerson(person.id, { intent: "dance" }))).toBe(400);
    expect(statusOf(await postToPerson(person.id, { intent: "removeAffiliation" }))).toBe(400);
  });
});
