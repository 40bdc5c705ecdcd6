import { describe, expect, it } from "vitest";
import { phaseAsOf } from "~/models/network";
import { loader as listLoader } from "~/routes/networks._index";
import { action as detailAction, loader as detailLoader } from "~/routes/networks.$networkId._index";
import { action as editAction, loader as editLoader } from "~/routes/networks.$networkId.edit";
import { action as newAction, loader as newLoader } from "~/routes/networks.new";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

const TRAINEES = "Advocacy Network for Foreign Trainees";
const byNameEn = (nameEn: string) => db.projectNetwork.findFirstOrThrow({ where: { nameEn }, include: { phases: { orderBy: { fromOn: "asc" } } } });

describe("project network list", () => {
  it("sends anonymous visitors to sign in", async () => {
    const result = await run(async () => listLoader(args(await makeRequest("/networks"))));
    expect(statusOf(result)).toBe(302);
    expect(result instanceof Response && result.headers.get("Location")).toBe("/login?redirectTo=%2Fnetworks");
    const network = await byNameEn(TRAINEES);
    const detail = await run(async () => detailLoader(args(await makeRequest(`/networks/${network.id}`), { networkId: network.id })));
    expect(statusOf(detail)).toBe(302);
  });

  it("shows the trainee network under its current name, independent, with its earlier name", async () => {
    const result = await listLoader(args(await makeRequest("/networks", { role: "member" })));
    expect(result.canEdit).toBe(false);
    expect(result.total).toBe(await db.projectNetwork.count({ where: { deletedAt: null } }));
    const trainees = result.items.find((n) => n.nameEn === TRAINEES);
    expect(trainees).toMatchObject({ status: "independent", since: "2007-06", formerNames: [{ nameEn: "Kenshu Mondai Network" }] });
    const network = await byNameEn(TRAINEES);
    const active = await db.demand.count({ where: { projectNetworkId: network.id, deletedAt: null, archived: false } });
    expect(active).toBeGreaterThan(0);
    expect(trainees?.activeDemandCount).toBe(active);
  });

  it("finds a network by any name it has had", async () => {
    const result = await listLoader(args(await makeRequest("/networks?q=Kenshu", { role: "member" })));
    expect(result.items.map((n) => n.nameEn)).toEqual([TRAINEES]);
    const ja = await listLoader(args(await makeRequest(`/networks?q=${encodeURIComponent("医療問題")}`, { role: "member" })));
    expect(ja.items.map((n) => n.nameEn)).toEqual(["Medical Care and Livelihood Support Network"]);
  });

  it("filters by current status and sorts by name", async () => {
    const sub = await listLoader(args(await makeRequest("/networks?status=sub_network", { role: "member" })));
    expect(sub.total).toBeGreaterThan(0);
    for (const n of sub.items) expect(n.status).toBe("sub_network");
    expect(sub.items.map((n) => n.nameEn)).not.toContain(TRAINEES);
    const independent = await listLoader(args(await makeRequest("/networks?status=independent", { role: "member" })));
    expect(independent.items.map((n) => n.nameEn)).toEqual([TRAINEES]);

    const desc = await listLoader(args(await makeRequest("/networks?sort=name&dir=desc", { role: "member" })));
    const names = desc.items.map((n) => n.nameEn);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, "en")));

    const bogus = await listLoader(args(await makeRequest("/networks?status=asleep&sort=size&page=-1", { role: "member" })));
    expect(bogus.query).toMatchObject({ status: undefined, sort: "name", dir: "asc", page: 1 });
    expect(bogus.total).toBe(desc.total);

    const byDemands = await listLoader(args(await makeRequest("/networks?sort=demands", { role: "member" })));
    const counts = byDemands.items.map((n) => n.activeDemandCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe("project network page", () => {
  it("tells the history of the trainee network, the organisation it became and its demands", async () => {
    const network = await byNameEn(TRAINEES);
    const result = await detailLoader(args(await makeRequest(`/networks/${network.id}`, { role: "member" }), { networkId: network.id }));
    expect(result.canEdit).toBe(false);
    expect(result.network.nameEn).toBe(TRAINEES);
    expect(result.currentStatus).toBe("independent");
    expect(result.since).toBe("2007-06");
    expect(result.network.phases.map((p) => [p.status, p.nameEn, p.fromOn])).toEqual([
      ["sub_network", "Kenshu Mondai Network", "2007"],
      ["independent", TRAINEES, "2007-06"],
    ]);
    expect(result.currentPhaseId).toBe(result.network.phases[1].id);
    expect(phaseAsOf(result.network.phases, "2007-03")).toMatchObject({ status: "sub_network", nameEn: "Kenshu Mondai Network" });
    expect(result.network.organisation?.nameEn).toBe(TRAINEES);
    expect(result.network.demands.length).toBeGreaterThan(0);
  });

  it("lists the people affiliated with a network", async () => {
    const network = await byNameEn("Medical Care and Livelihood Support Network");
    const result = await detailLoader(args(await makeRequest(`/networks/${network.id}`, { role: "member" }), { networkId: network.id }));
    expect(result.network.affiliations.map((a) => a.person.nameEn)).toContain("Okawa");
  });

  it("answers 404 for an unknown network, on every screen", async () => {
    const params = { networkId: "nope" };
    expect(statusOf(await run(async () => detailLoader(args(await makeRequest("/networks/nope", { role: "member" }), params))))).toBe(404);
    expect(statusOf(await run(async () => editLoader(args(await makeRequest("/networks/nope/edit", { role: "staff" }), params))))).toBe(404);
    const edit = { nameEn: "X", version: "1" };
    expect(statusOf(await run(async () => editAction(args(await makeRequest("/networks/nope/edit", { role: "staff", method: "POST", form: edit }), params))))).toBe(404);
    const phase = { intent: "addPhase", status: "dormant", nameJa: "x", nameEn: "x", fromOn: "2012" };
    expect(statusOf(await run(async () => detailAction(args(await makeRequest("/networks/nope", { role: "staff", method: "POST", form: phase }), params))))).toBe(404);
  });
});

describe("editing project networks", () => {
  it("refuses members on every editing loader and action, and changes nothing", async () => {
    const network = await byNameEn(TRAINEES);
    const params = { networkId: network.id };
    const member = { role: "member" as const };
    expect(statusOf(await run(async () => newLoader(args(await makeRequest("/networks/new", member)))))).toBe(403);
    const create = { nameEn: "Sneaky", status: "sub_network", fromOn: "2012" };
    expect(statusOf(await run(async () => newAction(args(await makeRequest("/networks/new", { ...member, method: "POST", form: create })))))).toBe(403);
    expect(statusOf(await run(async () => editLoader(args(await makeRequest(`/networks/${network.id}/edit`, member), params))))).toBe(403);
    const edit = { nameEn: "Sneaky", version: String(network.version) };
    expect(statusOf(await run(async () => editAction(args(await makeRequest(`/networks/${network.id}/edit`, { ...member, method: "POST", form: edit }), params))))).toBe(403);
    const add = { intent: "addPhase", status: "dormant", nameJa: "x", nameEn: "Sneaky", fromOn: "2012" };
    expect(statusOf(await run(async () => detailAction(args(await makeRequest(`/networks/${network.id}`, { ...member, method: "POST", form: add }), params))))).toBe(403);
    const remove = { intent: "removePhase", phaseId: network.phases[0].id };
    expect(statusOf(await run(async () => detailAction(args(await makeRequest(`/networks/${network.id}`, { ...member, method: "POST", form: remove }), params))))).toBe(403);

    const after = await byNameEn(TRAINEES);
    expect(after.version).toBe(network.version);
    expect(after.phases).toEqual(network.phases);
    expect(await db.projectNetwork.count({ where: { nameEn: "Sneaky" } })).toBe(0);
  });

  it("gives field errors on a new network and keeps what was typed", async () => {
    const form = { nameJa: "", nameEn: "", descriptionJa: "入力した説明", status: "asleep", fromOn: "" };
    const result = await newAction(args(await makeRequest("/networks/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.result.error?.nameJa).toEqual(["error.networkNameOneLanguage"]);
    expect(reply.result.error?.status).toEqual(["error.unknownChoice"]);
    expect(reply.result.error?.fromOn).toEqual(["error.required"]);
    expect(reply.result.initialValue?.descriptionJa).toBe("入力した説明");

    const unknownOrg = { nameEn: "Youth Project", status: "sub_network", fromOn: "2012", organisationId: "no-such-organisation" };
    const refused = payload(await newAction(args(await makeRequest("/networks/new", { role: "staff", method: "POST", form: unknownOrg }))));
    expect(refused.result.error?.organisationId).toEqual(["error.unknownChoice"]);
    expect(await db.projectNetwork.count({ where: { nameEn: "Youth Project" } })).toBe(0);
  });

  it("creates a network with its first phase, audited", async () => {
    const options = await newLoader(args(await makeRequest("/networks/new", { role: "staff" })));
    const smj = options.organisations.find((o) => o.label === "移住労働者と連帯する全国ネットワーク");
    expect(smj).toBeDefined();
    const form = { nameJa: "ユース・プロジェクト", nameEn: "Youth Project", descriptionEn: "Second generation", status: "sub_network", fromOn: "2012年4月", organisationId: smj?.value ?? "" };
    const result = await newAction(args(await makeRequest("/networks/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(302);
    const created = await byNameEn("Youth Project");
    expect(result instanceof Response && result.headers.get("Location")).toBe(`/networks/${created.id}`);
    expect(created).toMatchObject({ nameJa: form.nameJa, descriptionEn: "Second generation", organisationId: smj?.value });
    expect(created.phases).toMatchObject([{ status: "sub_network", nameJa: form.nameJa, nameEn: "Youth Project", fromOn: "2012-04" }]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ProjectNetwork", entityId: created.id, action: "create" }, include: { user: true } });
    expect(audit.user?.email).toBe("staff@example.org");
    expect(JSON.parse(audit.after ?? "{}").phases).toHaveLength(1);
  });

  it("saves an edit, renaming the phase in force too, then refuses a stale version with 409", async () => {
    const network = await byNameEn("Migrant Poverty Project");
    const params = { networkId: network.id };
    const loaded = await editLoader(args(await makeRequest(`/networks/${network.id}/edit`, { role: "staff" }), params));
    const base = { nameJa: loaded.network.nameJa, nameEn: loaded.network.nameEn, descriptionJa: loaded.network.descriptionJa ?? "", version: String(loaded.network.version) };

    const first = await editAction(args(await makeRequest(`/networks/${network.id}/edit`, { role: "admin", method: "POST", form: { ...base, nameEn: "Migrants' Poverty Project" } }), params));
    expect(statusOf(first)).toBe(302);
    const saved = await db.projectNetwork.findUniqueOrThrow({ where: { id: network.id }, include: { phases: true } });
    expect(saved.nameEn).toBe("Migrants' Poverty Project");
    expect(saved.version).toBe(network.version + 1);
    expect(saved.phases.map((p) => p.nameEn)).toEqual(["Migrants' Poverty Project"]);

    const second = await editAction(args(await makeRequest(`/networks/${network.id}/edit`, { role: "staff", method: "POST", form: { ...base, descriptionEn: "Stale" } }), params));
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.result.error?.[""]).toEqual(["error.conflict"]);
    expect(reply.conflict).toMatchObject({ nameEn: "Migrants' Poverty Project", version: network.version + 1 });
    expect(reply.result.initialValue?.descriptionEn).toBe("Stale");
    expect(await db.projectNetwork.findUniqueOrThrow({ where: { id: network.id }, include: { phases: true } })).toEqual(saved);
    expect(await db.auditEvent.count({ where: { entityType: "ProjectNetwork", entityId: network.id, action: "update" } })).toBe(1);
  });

  it("refuses an unknown organisation on edit", async () => {
    const network = await byNameEn("Women's Project");
    const form = { nameJa: network.nameJa, nameEn: network.nameEn, organisationId: "gone", version: String(network.version) };
    const result = await editAction(args(await makeRequest(`/networks/${network.id}/edit`, { role: "staff", method: "POST", form }), { networkId: network.id }));
    expect(statusOf(result)).toBe(400);
    expect(payload(result).result.error?.organisationId).toEqual(["error.unknownChoice"]);
  });
});

describe("phases", () => {
  it("adds a phase that renames the network, and removes it again, audited", async () => {
    const network = await byNameEn("Xenophobia Watch Network / Taskforce for Immigration Control Act");
    const params = { networkId: network.id };
    const form = { intent: "addPhase", status: "dormant", nameJa: "入管法対策会議", nameEn: "Taskforce for Immigration Control Act", fromOn: "2013-04", noteEn: "Paused after the new residence system took effect." };
    const added = await detailAction(args(await makeRequest(`/networks/${network.id}`, { role: "staff", method: "POST", form }), params));
    expect(statusOf(added)).toBe(302);

    const renamed = await db.projectNetwork.findUniqueOrThrow({ where: { id: network.id }, include: { phases: true } });
    expect(renamed.nameEn).toBe("Taskforce for Immigration Control Act");
    expect(renamed.version).toBe(network.version + 1);
    const phase = renamed.phases.find((p) => p.fromOn === "2013-04");
    expect(phase).toMatchObject({ status: "dormant", noteEn: form.noteEn, noteJa: null });
    expect(await db.auditEvent.count({ where: { entityType: "ProjectNetworkPhase", entityId: phase?.id, action: "create" } })).toBe(1);

    const detail = await detailLoader(args(await makeRequest(`/networks/${network.id}`, { role: "member" }), params));
    expect(detail.currentStatus).toBe("dormant");
    const list = await listLoader(args(await makeRequest("/networks?status=dormant", { role: "member" })));
    expect(list.items.map((n) => n.id)).toEqual([network.id]);
    expect(list.items[0].formerNames.map((n) => n.nameEn)).toEqual(["Xenophobia Watch Network / Taskforce for Immigration Control Act", "Xenophobia Watch Project"]);

    const remove = { intent: "removePhase", phaseId: phase?.id ?? "" };
    const removed = await detailAction(args(await makeRequest(`/networks/${network.id}`, { role: "staff", method: "POST", form: remove }), params));
    expect(statusOf(removed)).toBe(302);
    const back = await db.projectNetwork.findUniqueOrThrow({ where: { id: network.id }, include: { phases: true } });
    expect(back.nameEn).toBe(network.nameEn);
    expect(back.phases).toHaveLength(network.phases.length);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ProjectNetworkPhase", entityId: phase?.id, action: "delete" } });
    expect(JSON.parse(audit.before ?? "{}").fromOn).toBe("2013-04");

    const again = await run(async () => detailAction(args(await makeRequest(`/networks/${network.id}`, { role: "staff", method: "POST", form: remove }), params)));
    expect(statusOf(again)).toBe(404);
  });

  it("refuses a phase starting on the same date as another, and keeps the input", async () => {
    const network = await byNameEn(TRAINEES);
    const form = { intent: "addPhase", status: "dormant", nameJa: "休止中", nameEn: "Resting", fromOn: "2007/6" };
    const result = await detailAction(args(await makeRequest(`/networks/${network.id}`, { role: "staff", method: "POST", form }), { networkId: network.id }));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.intent).toBe("addPhase");
    expect(reply.result.error?.fromOn).toEqual(["error.phaseSameDate"]);
    expect(reply.result.initialValue?.nameEn).toBe("Resting");
    expect(await db.projectNetworkPhase.count({ where: { projectNetworkId: network.id } })).toBe(2);
  });

  it("checks the phase form: status, both names and the start date are required", async () => {
    const network = await byNameEn(TRAINEES);
    const form = { intent: "addPhase", status: "", nameJa: "名前だけ", nameEn: "", fromOn: "" };
    const result = await detailAction(args(await makeRequest(`/networks/${network.id}`, { role: "staff", method: "POST", form }), { networkId: network.id }));
    expect(statusOf(result)).toBe(400);
    const errors = payload(result).result.error;
    expect(errors?.status).toEqual(["error.required"]);
    expect(errors?.nameEn).toEqual(["error.required"]);
    expect(errors?.fromOn).toEqual(["error.required"]);
  });

  it("keeps the last phase of a network", async () => {
    // Any network with a single phase (the poverty project, possibly renamed by a test above).
    const network = await db.projectNetwork.findFirstOrThrow({ where: { nameEn: { contains: "Poverty" } }, include: { phases: true } });
    expect(network.phases).toHaveLength(1);
    const remove = { intent: "removePhase", phaseId: network.phases[0].id };
    const result = await detailAction(args(await makeRequest(`/networks/${network.id}`, { role: "staff", method: "POST", form: remove }), { networkId: network.id }));
    expect(statusOf(result)).toBe(400);
    expect(payload(result).result.error?.phaseId).toEqual(["error.networkLastPhase"]);
    expect(await db.projectNetworkPhase.count({ where: { projectNetworkId: network.id } })).toBe(1);
  });
});
