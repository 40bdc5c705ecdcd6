import { describe, expect, it } from "vitest";
import { loader as detailLoader } from "~/routes/bodies.$bodyId._index";
import { action as editAction, loader as editLoader } from "~/routes/bodies.$bodyId.edit";
import { loader as listLoader } from "~/routes/bodies._index";
import { action as newAction, loader as newLoader } from "~/routes/bodies.new";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

const byNameEn = (nameEn: string) => db.body.findFirstOrThrow({ where: { nameEn } });

async function editForm(id: string, changes: Record<string, string> = {}) {
  const b = await db.body.findUniqueOrThrow({ where: { id } });
  return {
    kind: b.kind,
    nameJa: b.nameJa,
    nameEn: b.nameEn,
    shortNameJa: b.shortNameJa ?? "",
    shortNameEn: b.shortNameEn ?? "",
    parentId: b.parentId ?? "",
    website: b.website ?? "",
    notes: b.notes ?? "",
    sortOrder: String(b.sortOrder),
    version: String(b.version),
    ...changes,
  };
}

describe("body list", () => {
  it("sends anonymous visitors to sign in", async () => {
    const result = await run(async () => listLoader(args(await makeRequest("/bodies?q=MOJ"))));
    expect(statusOf(result)).toBe(302);
    expect(result instanceof Response && result.headers.get("Location")).toBe("/login?redirectTo=%2Fbodies%3Fq%3DMOJ");
    const moj = await byNameEn("Ministry of Justice");
    const detail = await run(async () => detailLoader(args(await makeRequest(`/bodies/${moj.id}`), { bodyId: moj.id })));
    expect(statusOf(detail)).toBe(302);
  });

  it("shows members the whole tree, each body under its parent, with counts", async () => {
    const result = await listLoader(args(await makeRequest("/bodies", { role: "member" })));
    expect(result.mode).toBe("tree");
    expect(result.canEdit).toBe(false);
    expect(result.rows).toHaveLength(await db.body.count({ where: { deletedAt: null } }));
    const moj = result.rows.findIndex((b) => b.nameEn === "Ministry of Justice");
    const bureau = result.rows.findIndex((b) => b.nameEn === "Immigration Bureau");
    expect(result.rows[moj].depth).toBe(0);
    expect(bureau).toBeGreaterThan(moj);
    expect(result.rows[bureau].depth).toBe(1);
    expect(result.rows.slice(moj + 1, bureau).every((b) => b.depth > 0)).toBe(true);
    // D-018 targets the ministry too but is archived: only active demands count.
    const activeToMoj = await db.demand.count({ where: { deletedAt: null, archived: false, targets: { some: { bodyId: result.rows[moj].id } } } });
    expect(result.rows[moj].demands).toBe(activeToMoj);
    expect(activeToMoj).toBeGreaterThan(0);
  });

  it("searches Japanese and English names and short names as a flat list with the parent path", async () => {
    const ja = await listLoader(args(await makeRequest("/bodies?q=入管", { role: "member" })));
    expect(ja.mode).toBe("list");
    expect(ja.items.map((b) => b.nameEn)).toEqual(["Immigration Bureau"]);
    expect(ja.items[0].path.map((p) => p.nameEn)).toEqual(["Ministry of Justice"]);

    const en = await listLoader(args(await makeRequest("/bodies?q=justice", { role: "member" })));
    expect(en.items.map((b) => b.nameEn)).toContain("Ministry of Justice");

    const division = await listLoader(args(await makeRequest("/bodies?q=adjudication", { role: "member" })));
    expect(division.items[0].path.map((p) => p.nameEn)).toEqual(["Ministry of Justice", "Immigration Bureau"]);
  });

  it("filters by kind, sorts, pages, and ignores nonsense parameters", async () => {
    const divisions = await listLoader(args(await makeRequest("/bodies?kind=division&sort=demands&dir=desc", { role: "member" })));
    expect(divisions.mode).toBe("list");
    expect(divisions.total).toBe(await db.body.count({ where: { kind: "division", deletedAt: null } }));
    for (const b of divisions.items) expect(b.kind).toBe("division");
    const counts = divisions.items.map((b) => b.demands);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const bogus = await listLoader(args(await makeRequest("/bodies?kind=planet&sort=nope&page=-3", { role: "member" })));
    expect(bogus.mode).toBe("tree");
    expect(bogus.query.sort).toBe("name");
    expect(bogus.query.page).toBe(1);

    const none = await listLoader(args(await makeRequest("/bodies?q=no-such-body-anywhere", { role: "member" })));
    expect(none.items).toEqual([]);
    expect(none.total).toBe(0);
  });
});

describe("body page", () => {
  it("shows the breadcrumb, children and the demands to the body and the bodies under it", async () => {
    const bureau = await byNameEn("Immigration Bureau");
    const result = await detailLoader(args(await makeRequest(`/bodies/${bureau.id}`, { role: "member" }), { bodyId: bureau.id }));
    expect(result.canEdit).toBe(false);
    expect(result.trail.map((b) => b.nameEn)).toEqual(["Ministry of Justice"]);
    expect(result.children.map((b) => b.nameEn).sort()).toEqual(["Adjudication Division", "Enforcement Division", "Entry and Residence Division"]);
    const refs = result.demands.map((d) => d.ref);
    // D-012 targets the bureau directly; D-018 is archived.
    expect(refs).toContain("D-012");
    expect(refs).not.toContain("D-018");
    expect(result.demandTotal).toBe(result.demands.length);

    const moj = await byNameEn("Ministry of Justice");
    const ministry = await detailLoader(args(await makeRequest(`/bodies/${moj.id}`, { role: "member" }), { bodyId: moj.id }));
    // D-012, D-013 and D-026 target the bureau but not the ministry: they count for the ministry above it.
    const direct = await db.demand.count({ where: { deletedAt: null, archived: false, targets: { some: { bodyId: moj.id } } } });
    expect(ministry.demandTotal).toBe(direct + 3);
    expect(ministry.demands.length).toBe(Math.min(ministry.demandTotal, 20));
  });

  it("answers 404 for an unknown or deleted body", async () => {
    const result = await run(async () => detailLoader(args(await makeRequest("/bodies/nope", { role: "member" }), { bodyId: "nope" })));
    expect(statusOf(result)).toBe(404);
    const edit = await run(async () => editLoader(args(await makeRequest("/bodies/nope/edit", { role: "staff" }), { bodyId: "nope" })));
    expect(statusOf(edit)).toBe(404);
    const post = await run(async () =>
      editAction(args(await makeRequest("/bodies/nope/edit", { role: "staff", method: "POST", form: { kind: "other", nameJa: "x", version: "1" } }), { bodyId: "nope" })),
    );
    expect(statusOf(post)).toBe(404);
    const trashed = await db.body.create({ data: { kind: "other", nameJa: "廃止された機関", nameEn: "", deletedAt: new Date() } });
    const gone = await run(async () => detailLoader(args(await makeRequest(`/bodies/${trashed.id}`, { role: "member" }), { bodyId: trashed.id })));
    expect(statusOf(gone)).toBe(404);
    const tree = await listLoader(args(await makeRequest("/bodies", { role: "member" })));
    expect(tree.rows.some((b) => b.id === trashed.id)).toBe(false);
  });
});

describe("creating and editing a body", () => {
  it("refuses members every editor loader and action, changing nothing", async () => {
    const moj = await byNameEn("Ministry of Justice");
    const before = await db.body.count();
    const attempts: Array<() => Promise<unknown>> = [
      async () => newLoader(args(await makeRequest("/bodies/new", { role: "member" }))),
      async () => newAction(args(await makeRequest("/bodies/new", { role: "member", method: "POST", form: { kind: "other", nameJa: "侵入" } }))),
      async () => editLoader(args(await makeRequest(`/bodies/${moj.id}/edit`, { role: "member" }), { bodyId: moj.id })),
      async () =>
        editAction(args(await makeRequest(`/bodies/${moj.id}/edit`, { role: "member", method: "POST", form: await editForm(moj.id, { nameEn: "Hacked" }) }), { bodyId: moj.id })),
    ];
    for (const attempt of attempts) expect(statusOf(await run(attempt))).toBe(403);
    expect(await db.body.count()).toBe(before);
    expect((await byNameEn("Ministry of Justice")).version).toBe(moj.version);
  });

  it("gives field errors and keeps what was typed", async () => {
    const form = { kind: "planet", nameJa: "", nameEn: "", website: "javascript:alert(1)", sortOrder: "first", notes: "入力したメモ" };
    const result = await newAction(args(await makeRequest("/bodies/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.result.error?.kind).toEqual(["error.required"]);
    expect(reply.result.error?.nameJa).toEqual(["error.bodyNameOneLanguage"]);
    expect(reply.result.error?.website).toEqual(["error.url"]);
    expect(reply.result.error?.sortOrder).toEqual(["error.sortOrder"]);
    expect(reply.result.initialValue?.notes).toBe("入力したメモ");
  });

  it("refuses an unknown parent as a field error", async () => {
    const form = { kind: "division", nameJa: "新しい課", parentId: "no-such-body" };
    const result = await newAction(args(await makeRequest("/bodies/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(400);
    expect(payload(result).result.error?.parentId).toEqual(["error.unknownChoice"]);
  });

  it("creates a body under a parent and records it in the audit log", async () => {
    const bureau = await byNameEn("Immigration Bureau");
    const options = (await newLoader(args(await makeRequest("/bodies/new", { role: "staff" })))).options;
    expect(options.parents.some((o) => o.value === bureau.id)).toBe(true);
    const form = {
      kind: "division",
      nameJa: "在留管理支援課",
      nameEn: "",
      shortNameJa: "支援課",
      parentId: bureau.id,
      website: "https://www.moj.go.jp/isa/",
      sortOrder: "5",
    };
    const result = await newAction(args(await makeRequest("/bodies/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(302);
    const created = await db.body.findFirstOrThrow({ where: { nameJa: form.nameJa } });
    expect(result instanceof Response && result.headers.get("Location")).toBe(`/bodies/${created.id}`);
    expect(created).toMatchObject({ parentId: bureau.id, kind: "division", nameEn: "", shortNameJa: "支援課", sortOrder: 5, version: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Body", entityId: created.id, action: "create" }, include: { user: true } });
    expect(JSON.parse(audit.after ?? "{}").nameJa).toBe(form.nameJa);
    expect(audit.user?.email).toBe("staff@example.org");

    const detail = await detailLoader(args(await makeRequest(`/bodies/${created.id}`, { role: "staff" }), { bodyId: created.id }));
    expect(detail.trail.map((b) => b.nameEn)).toEqual(["Ministry of Justice", "Immigration Bureau"]);
    expect(detail.canEdit).toBe(true);
  });

  it("refuses to put a body under itself or under one of its sub-bodies, on the server too", async () => {
    const moj = await byNameEn("Ministry of Justice");
    const division = await byNameEn("Adjudication Division");

    const loaded = await editLoader(args(await makeRequest(`/bodies/${moj.id}/edit`, { role: "staff" }), { bodyId: moj.id }));
    const choices = new Set(loaded.options.parents.map((o) => o.value));
    expect(choices.has(moj.id)).toBe(false);
    expect(choices.has(division.id)).toBe(false);
    expect(choices.has((await byNameEn("Cabinet")).id)).toBe(true);

    const loop = await editAction(args(await makeRequest(`/bodies/${moj.id}/edit`, { role: "staff", method: "POST", form: await editForm(moj.id, { parentId: division.id }) }), { bodyId: moj.id }));
    expect(statusOf(loop)).toBe(400);
    expect(payload(loop).result.error?.parentId).toEqual(["error.bodyParentLoop"]);

    const self = await editAction(args(await makeRequest(`/bodies/${moj.id}/edit`, { role: "staff", method: "POST", form: await editForm(moj.id, { parentId: moj.id }) }), { bodyId: moj.id }));
    expect(payload(self).result.error?.parentId).toEqual(["error.bodyParentSelf"]);

    const after = await db.body.findUniqueOrThrow({ where: { id: moj.id } });
    expect(after.parentId).toBeNull();
    expect(after.version).toBe(moj.version);
  });

  it("never overwrites a newer version silently, and shows the newer one", async () => {
    const npa = await byNameEn("National Police Agency");
    const base = await editForm(npa.id);

    const first = await editAction(args(await makeRequest(`/bodies/${npa.id}/edit`, { role: "admin", method: "POST", form: { ...base, shortNameEn: "NPA" } }), { bodyId: npa.id }));
    expect(statusOf(first)).toBe(302);

    const second = await editAction(args(await makeRequest(`/bodies/${npa.id}/edit`, { role: "staff", method: "POST", form: { ...base, shortNameEn: "Police" } }), { bodyId: npa.id }));
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.conflict?.shortNameEn).toBe("NPA");
    expect(reply.conflict?.version).toBe(npa.version + 1);
    expect(reply.conflict?.updatedByName).toBe("佐藤 由美");
    expect(reply.result.initialValue?.shortNameEn).toBe("Police");
    const saved = await db.body.findUniqueOrThrow({ where: { id: npa.id } });
    expect(saved.shortNameEn).toBe("NPA");
    expect(await db.auditEvent.count({ where: { entityType: "Body", entityId: npa.id, action: "update" } })).toBe(1);

    const third = await editAction(
      args(await makeRequest(`/bodies/${npa.id}/edit`, { role: "staff", method: "POST", form: { ...base, shortNameEn: "NPA (Police)", version: String(reply.conflict?.version) } }), { bodyId: npa.id }),
    );
    expect(statusOf(third)).toBe(302);
    expect((await db.body.findUniqueOrThrow({ where: { id: npa.id } })).shortNameEn).toBe("NPA (Police)");
  });
});
