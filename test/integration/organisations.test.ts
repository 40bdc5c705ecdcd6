import { describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/organisations._index";
import { action as detailAction, loader as detailLoader } from "~/routes/organisations.$organisationId._index";
import { action as editAction, loader as editLoader } from "~/routes/organisations.$organisationId.edit";
import { action as newAction, loader as newLoader } from "~/routes/organisations.new";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

const byNameEn = (nameEn: string) => db.organisation.findFirstOrThrow({ where: { nameEn }, include: { formerNames: true } });
const TRAINEES = "Advocacy Network for Foreign Trainees";

describe("organisation list", () => {
  it("sends anonymous visitors to sign in", async () => {
    const result = await run(async () => listLoader(args(await makeRequest("/organisations?kind=partner"))));
    expect(statusOf(result)).toBe(302);
    expect(result instanceof Response && result.headers.get("Location")).toBe("/login?redirectTo=%2Forganisations%3Fkind%3Dpartner");
    const org = await byNameEn(TRAINEES);
    const detail = await run(async () => detailLoader(args(await makeRequest(`/organisations/${org.id}`), { organisationId: org.id })));
    expect(statusOf(detail)).toBe(302);
  });

  it("lets a member read, without the staff controls", async () => {
    const result = await listLoader(args(await makeRequest("/organisations", { role: "member" })));
    expect(result.total).toBe(await db.organisation.count({ where: { deletedAt: null } }));
    expect(result.canEdit).toBe(false);
    const staff = await listLoader(args(await makeRequest("/organisations", { role: "staff" })));
    expect(staff.canEdit).toBe(true);
  });

  it("finds an organisation by a former name, a short name or a name in either language", async () => {
    const former = await listLoader(args(await makeRequest("/organisations?q=Kenshu", { role: "member" })));
    expect(former.items.map((o) => o.nameEn)).toEqual([TRAINEES]);
    expect(former.items[0].formerNames.map((n) => n.nameEn)).toEqual(["Kenshu Mondai Network"]);
    const formerJa = await listLoader(args(await makeRequest(`/organisations?q=${encodeURIComponent("研修生問題")}`, { role: "member" })));
    expect(formerJa.items.map((o) => o.nameEn)).toEqual([TRAINEES]);
    const short = await listLoader(args(await makeRequest("/organisations?q=jnatip", { role: "member" })));
    expect(short.items.map((o) => o.shortName)).toEqual(["JNATIP"]);
    const ja = await listLoader(args(await makeRequest(`/organisations?q=${encodeURIComponent("移住労働者")}`, { role: "member" })));
    expect(ja.items.map((o) => o.kind)).toEqual(["our_network"]);
  });

  it("filters by kind, sorts by founding date and ignores nonsense parameters", async () => {
    const coalitions = await listLoader(args(await makeRequest("/organisations?kind=coalition", { role: "member" })));
    expect(coalitions.total).toBeGreaterThan(0);
    for (const o of coalitions.items) expect(o.kind).toBe("coalition");

    const founded = await listLoader(args(await makeRequest("/organisations?sort=founded&dir=asc", { role: "member" })));
    const dates = founded.items.map((o) => o.foundedOn).filter((d): d is string => d !== null);
    expect(dates[0]).toBe("1997");
    expect(dates).toEqual([...dates].sort());
    expect(founded.items.at(-1)?.foundedOn).toBeNull();

    const bogus = await listLoader(args(await makeRequest("/organisations?kind=club&sort=size&dir=up&page=0", { role: "member" })));
    expect(bogus.query).toMatchObject({ kind: undefined, sort: "name", dir: "asc", page: 1 });
  });

  it("sorts by name in the reader's language", async () => {
    const result = await listLoader(args(await makeRequest("/organisations?sort=name&dir=desc", { role: "member", headers: { "Accept-Language": "en" } })));
    const names = result.items.map((o) => o.nameEn);
    expect(names).toEqual([...names].sort().reverse());
  });
});

describe("organisation page", () => {
  it("shows former names, the project network it came from and its people", async () => {
    const org = await byNameEn(TRAINEES);
    const result = await detailLoader(args(await makeRequest(`/organisations/${org.id}`, { role: "member" }), { organisationId: org.id }));
    expect(result.canEdit).toBe(false);
    expect(result.organisation.formerNames).toMatchObject([{ nameEn: "Kenshu Mondai Network", untilOn: "2007-06" }]);
    expect(result.organisation.projectNetworks).toMatchObject([{ nameEn: TRAINEES, status: "independent", since: "2007-06" }]);

    const smj = await byNameEn("Solidarity Network with Migrants Japan");
    const ours = await detailLoader(args(await makeRequest(`/organisations/${smj.id}`, { role: "member" }), { organisationId: smj.id }));
    expect(ours.organisation.affiliations.map((a) => a.person.nameEn)).toContain("Sachi Takaya");
  });

  it("answers 404 for an unknown organisation, on every screen", async () => {
    const params = { organisationId: "nope" };
    expect(statusOf(await run(async () => detailLoader(args(await makeRequest("/organisations/nope", { role: "member" }), params))))).toBe(404);
    expect(statusOf(await run(async () => editLoader(args(await makeRequest("/organisations/nope/edit", { role: "staff" }), params))))).toBe(404);
    const form = { kind: "partner", nameEn: "X", version: "1" };
    expect(statusOf(await run(async () => editAction(args(await makeRequest("/organisations/nope/edit", { role: "staff", method: "POST", form }), params))))).toBe(404);
    const add = { intent: "addFormerName", nameEn: "X" };
    expect(statusOf(await run(async () => detailAction(args(await makeRequest("/organisations/nope", { role: "staff", method: "POST", form: add }), params))))).toBe(404);
  });
});

describe("editing organisations", () => {
  it("refuses members on every editing loader and action, and changes nothing", async () => {
    const org = await byNameEn(TRAINEES);
    const params = { organisationId: org.id };
    const member = { role: "member" as const };
    expect(statusOf(await run(async () => newLoader(args(await makeRequest("/organisations/new", member)))))).toBe(403);
    expect(statusOf(await run(async () => newAction(args(await makeRequest("/organisations/new", { ...member, method: "POST", form: { kind: "partner", nameEn: "Sneaky" } })))))).toBe(403);
    expect(statusOf(await run(async () => editLoader(args(await makeRequest(`/organisations/${org.id}/edit`, member), params))))).toBe(403);
    const edit = { kind: "other", nameEn: "Renamed", version: String(org.version) };
    expect(statusOf(await run(async () => editAction(args(await makeRequest(`/organisations/${org.id}/edit`, { ...member, method: "POST", form: edit }), params))))).toBe(403);
    const add = { intent: "addFormerName", nameEn: "Sneaky" };
    expect(statusOf(await run(async () => detailAction(args(await makeRequest(`/organisations/${org.id}`, { ...member, method: "POST", form: add }), params))))).toBe(403);
    const remove = { intent: "removeFormerName", formerNameId: org.formerNames[0].id };
    expect(statusOf(await run(async () => detailAction(args(await makeRequest(`/organisations/${org.id}`, { ...member, method: "POST", form: remove }), params))))).toBe(403);

    const after = await byNameEn(TRAINEES);
    expect(after.kind).toBe(org.kind);
    expect(after.version).toBe(org.version);
    expect(after.formerNames).toHaveLength(1);
    expect(await db.organisation.count({ where: { nameEn: "Sneaky" } })).toBe(0);
  });

  it("gives field errors and keeps what was typed", async () => {
    const form = { kind: "partner", nameJa: "", nameEn: "", notesJa: "入力したメモ", foundedOn: "2010", dissolvedOn: "2009-12", website: "ftp://example.org" };
    const result = await newAction(args(await makeRequest("/organisations/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.result.error?.nameJa).toEqual(["error.organisationNameOneLanguage"]);
    expect(reply.result.error?.dissolvedOn).toEqual(["error.dateOrder"]);
    expect(reply.result.error?.website).toEqual(["error.url"]);
    expect(reply.result.initialValue?.notesJa).toBe("入力したメモ");
    expect(reply.result.initialValue?.foundedOn).toBe("2010");
  });

  it("creates an organisation with normalised dates and records who did it", async () => {
    expect(await newLoader(args(await makeRequest("/organisations/new", { role: "staff" })))).toBeNull();
    const form = { kind: "member", nameJa: "移住者と連帯する北海道の会", nameEn: "Hokkaido Solidarity", shortName: "HSM", website: "https://example.org/hsm", foundedOn: "2003年4月" };
    const result = await newAction(args(await makeRequest("/organisations/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(302);
    const created = await byNameEn("Hokkaido Solidarity");
    expect(result instanceof Response && result.headers.get("Location")).toBe(`/organisations/${created.id}`);
    expect(created).toMatchObject({ kind: "member", shortName: "HSM", foundedOn: "2003-04", dissolvedOn: null, website: "https://example.org/hsm", version: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Organisation", entityId: created.id, action: "create" }, include: { user: true } });
    expect(audit.user?.email).toBe("staff@example.org");
    expect(JSON.parse(audit.after ?? "{}").nameJa).toBe(form.nameJa);
  });

  it("saves an edit, then refuses a stale version with 409, keeping the input and changing nothing", async () => {
    const org = await byNameEn("Migrant Forum in Asia");
    const params = { organisationId: org.id };
    const loaded = await editLoader(args(await makeRequest(`/organisations/${org.id}/edit`, { role: "staff" }), params));
    const base = { kind: loaded.organisation.kind, nameJa: loaded.organisation.nameJa, nameEn: loaded.organisation.nameEn, version: String(loaded.organisation.version) };

    const first = await editAction(args(await makeRequest(`/organisations/${org.id}/edit`, { role: "admin", method: "POST", form: { ...base, shortName: "MFA Asia", dissolvedOn: "" } }), params));
    expect(statusOf(first)).toBe(302);
    const saved = await db.organisation.findUniqueOrThrow({ where: { id: org.id } });
    expect(saved).toMatchObject({ shortName: "MFA Asia", version: org.version + 1, website: null });

    const second = await editAction(args(await makeRequest(`/organisations/${org.id}/edit`, { role: "staff", method: "POST", form: { ...base, shortName: "Stale" } }), params));
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.result.error?.[""]).toEqual(["error.conflict"]);
    expect(reply.conflict).toMatchObject({ shortName: "MFA Asia", version: org.version + 1, updatedByName: expect.any(String) });
    expect(reply.result.initialValue?.shortName).toBe("Stale");
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).toEqual(saved);

    const audits = await db.auditEvent.count({ where: { entityType: "Organisation", entityId: org.id, action: "update" } });
    expect(audits).toBe(1);
  });

  it("refuses a dissolution before the founding on edit", async () => {
    const org = await byNameEn("Solidarity Network with Migrants Japan");
    const form = { kind: org.kind, nameJa: org.nameJa, nameEn: org.nameEn, foundedOn: "1997", dissolvedOn: "1996", version: String(org.version) };
    const result = await editAction(args(await makeRequest(`/organisations/${org.id}/edit`, { role: "staff", method: "POST", form }), { organisationId: org.id }));
    expect(statusOf(result)).toBe(400);
    expect(payload(result).result.error?.dissolvedOn).toEqual(["error.dateOrder"]);
    expect((await byNameEn("Solidarity Network with Migrants Japan")).dissolvedOn).toBeNull();
  });
});

describe("former names", () => {
  it("adds and removes a former name, audited", async () => {
    const org = await byNameEn("NGO Network for the Elimination of Racial Discrimination");
    const params = { organisationId: org.id };
    const form = { intent: "addFormerName", nameEn: "NGO Network Against Racial Discrimination", fromOn: "2011", untilOn: "2011-12" };
    const added = await detailAction(args(await makeRequest(`/organisations/${org.id}`, { role: "staff", method: "POST", form }), params));
    expect(statusOf(added)).toBe(302);
    const name = await db.organisationName.findFirstOrThrow({ where: { organisationId: org.id } });
    expect(name).toMatchObject({ nameJa: "", nameEn: form.nameEn, fromOn: "2011", untilOn: "2011-12" });
    expect(await db.auditEvent.count({ where: { entityType: "OrganisationName", entityId: name.id, action: "create" } })).toBe(1);

    const found = await listLoader(args(await makeRequest("/organisations?q=Against Racial", { role: "member" })));
    expect(found.items.map((o) => o.id)).toEqual([org.id]);

    const remove = { intent: "removeFormerName", formerNameId: name.id };
    const removed = await detailAction(args(await makeRequest(`/organisations/${org.id}`, { role: "staff", method: "POST", form: remove }), params));
    expect(statusOf(removed)).toBe(302);
    expect(await db.organisationName.count({ where: { organisationId: org.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "OrganisationName", entityId: name.id, action: "delete" } });
    expect(JSON.parse(audit.before ?? "{}").nameEn).toBe(form.nameEn);

    const again = await run(async () => detailAction(args(await makeRequest(`/organisations/${org.id}`, { role: "staff", method: "POST", form: remove }), params)));
    expect(statusOf(again)).toBe(404);
  });

  it("checks a former name: one language at least, and its dates in order", async () => {
    const org = await byNameEn("Amnesty International Japan");
    const form = { intent: "addFormerName", nameJa: "", nameEn: "", fromOn: "2005", untilOn: "2004" };
    const result = await detailAction(args(await makeRequest(`/organisations/${org.id}`, { role: "staff", method: "POST", form }), { organisationId: org.id }));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.intent).toBe("addFormerName");
    expect(reply.result.error?.nameJa).toEqual(["error.organisationNameOneLanguage"]);
    expect(reply.result.error?.untilOn).toEqual(["error.dateOrder"]);
    expect(reply.result.initialValue?.fromOn).toBe("2005");
    expect(await db.organisationName.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it("will not remove another organisation's former name, and refuses an unknown intent", async () => {
    const trainees = await byNameEn(TRAINEES);
    const other = await byNameEn("Amnesty International Japan");
    const remove = { intent: "removeFormerName", formerNameId: trainees.formerNames[0].id };
    const result = await run(async () => detailAction(args(await makeRequest(`/organisations/${other.id}`, { role: "staff", method: "POST", form: remove }), { organisationId: other.id })));
    expect(statusOf(result)).toBe(404);
    expect(await db.organisationName.count({ where: { id: trainees.formerNames[0].id } })).toBe(1);
    const bogus = await run(async () => detailAction(args(await makeRequest(`/organisations/${other.id}`, { role: "staff", method: "POST", form: { intent: "explode" } }), { organisationId: other.id })));
    expect(statusOf(bogus)).toBe(400);
  });
});
