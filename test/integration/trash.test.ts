// Deleting to the trash and restoring: staff delete after a confirmation page, the record leaves
// lists, pages, choices and timelines, an administrator restores it from the trash, and both steps
// are in its history. Restoring what would clash or hang is refused with a message, never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { action as trashAction, loader as trashLoader } from "~/routes/admin.trash";
import { action as deleteBodyAction } from "~/routes/bodies.$bodyId.delete";
import { loader as attachmentDownload } from "~/routes/attachments.$attachmentId";
import { loader as demandDetail } from "~/routes/demands.$demandId._index";
import { action as deleteDemandAction, loader as deleteDemandLoader } from "~/routes/demands.$demandId.delete";
import { loader as demandTimeline } from "~/routes/demands.$demandId.timeline";
import { loader as demandList } from "~/routes/demands._index";
import { loader as historyLoader } from "~/routes/history.$entityType.$entityId";
import { action as deleteInstrumentAction } from "~/routes/instruments.$instrumentId.delete";
import { loader as outcomeDetail } from "~/routes/outcomes.$outcomeId._index";
import { loader as requestDetail } from "~/routes/requests.$requestId._index";
import { action as deleteRequestAction, loader as deleteRequestLoader } from "~/routes/requests.$requestId.delete";
import { loader as requestList } from "~/routes/requests._index";
import { loader as requestNew } from "~/routes/requests.new";
import { loader as roundDetail } from "~/routes/rounds.$roundId._index";
import { action as deleteRoundAction } from "~/routes/rounds.$roundId.delete";
import { loader as roundList } from "~/routes/rounds._index";
import { loader as roundNew } from "~/routes/rounds.new";
import { storeAttachmentBytes } from "~/utils/attachments.server";
import { db } from "~/utils/db.server";
import { args, type DemoRole, makeRequest, payload, run, statusOf } from "../request";

type Fn<T> = (a: ReturnType<typeof args>) => Promise<T>;
async function get<T>(fn: Fn<T>, url: string, params: Record<string, string>, role: DemoRole = "staff") {
  return run(async () => fn(args(await makeRequest(url, { role }), params)));
}
async function post<T>(fn: Fn<T>, url: string, params: Record<string, string>, role: DemoRole = "staff", form: Record<string, string> = {}) {
  return run(async () => fn(args(await makeRequest(url, { role, method: "POST", form }), params)));
}
const restore = (type: string, id: string, role: DemoRole = "admin") => post(trashAction, "/admin/trash", {}, role, { intent: "restore", type, id });
const location = (r: unknown) => (r instanceof Response ? r.headers.get("Location") : null);
const toastCookie = (r: unknown) => (r instanceof Response ? (r.headers.get("Set-Cookie") ?? "") : "");

async function trashItems(search = "") {
  return payload(await get(trashLoader, `/admin/trash${search}`, {}, "admin")).items;
}

let staffName: string;
let demand: { id: string; ref: string };
let requestId: string;
let roundId: string;

beforeAll(async () => {
  staffName = (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).name;
  demand = await db.demand.create({ data: { ref: "T-001", titleJa: "ごみ箱テストの要求", titleEn: "Trash test demand" } });
  requestId = (
    await db.request.create({
      data: { kind: "regular", titleJa: "ごみ箱テストの要望書", titleEn: "Trash test request", sentOn: "2011-10", items: { create: [{ position: 1, demandId: demand.id }] } },
    })
  ).id;
  roundId = (
    await db.negotiationRound.create({
      data: {
        kind: "ministry_round",
        titleJa: "ごみ箱テストの交渉",
        titleEn: "Trash test round",
        heldOn: "2011-12-05",
        requestId,
        items: { create: [{ position: 1, demandId: demand.id, questionJa: "ごみ箱テストの質問" }] },
      },
    })
  ).id;
});

describe("deleting to the trash and restoring", () => {
  it("asks first, on a page that works without JavaScript; members may not delete", async () => {
    const page = payload(await get(deleteRequestLoader, `/requests/${requestId}/delete`, { requestId }));
    expect(page).toEqual({ id: requestId, name: "ごみ箱テストの要望書" });
    expect(statusOf(await get(deleteRequestLoader, `/requests/${requestId}/delete`, { requestId }, "member"))).toBe(403);
    expect(statusOf(await post(deleteRequestAction, `/requests/${requestId}/delete`, { requestId }, "member"))).toBe(403);
    expect(statusOf(await get(deleteRequestLoader, "/requests/nope/delete", { requestId: "nope" }))).toBe(404);
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).deletedAt).toBeNull();
  });

  it("round trip for a request: gone from its page, the list, the choices, the timeline and its files; back after restoring", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4\n% trash test\n");
    const sha256 = "f".repeat(64);
    const file = await db.attachment.create({
      data: { fileName: "要望書.pdf", contentType: "application/pdf", size: bytes.byteLength, sha256, storagePath: await storeAttachmentBytes(sha256, bytes), requestId },
    });
    const download = () => get(attachmentDownload, `/attachments/${file.id}`, { attachmentId: file.id }, "member");
    expect(statusOf(await download())).toBe(200);
    const before = payload(await get(demandTimeline, `/demands/${demand.id}/timeline`, { demandId: demand.id }));
    expect(JSON.stringify(before)).toContain("ごみ箱テストの要望書");
    const deleted = await post(deleteRequestAction, `/requests/${requestId}/delete`, { requestId });
    expect(statusOf(deleted)).toBe(302);
    expect(location(deleted)).toBe("/requests");
    expect(toastCookie(deleted)).toContain("__toast=");

    expect(statusOf(await get(requestDetail, `/requests/${requestId}`, { requestId }))).toBe(404);
    const list = payload(await get(requestList, "/requests?q=ごみ箱テスト", {}));
    expect(list.items.map((r) => r.id)).not.toContain(requestId);
    const roundForm = payload(await get(roundNew, "/rounds/new", {}));
    expect(roundForm.options.requests.map((o) => o.value)).not.toContain(requestId);
    const timeline = payload(await get(demandTimeline, `/demands/${demand.id}/timeline`, { demandId: demand.id }));
    expect(JSON.stringify(timeline)).not.toContain("ごみ箱テストの要望書");
    expect(statusOf(await download())).toBe(404);
    // Deleting again finds nothing to delete.
    expect(statusOf(await post(deleteRequestAction, `/requests/${requestId}/delete`, { requestId }))).toBe(404);

    const inTrash = (await trashItems()).find((i) => i.id === requestId);
    expect(inTrash).toMatchObject({ type: "Request", name: "ごみ箱テストの要望書", deletedByName: staffName, historyTo: `/history/request/${requestId}` });

    const restored = await restore("Request", requestId);
    expect(statusOf(restored)).toBe(302);
    expect(location(restored)).toBe("/admin/trash");
    expect(statusOf(await get(requestDetail, `/requests/${requestId}`, { requestId }))).toBe(200);
    expect(statusOf(await download())).toBe(200);
    expect((await trashItems()).some((i) => i.id === requestId)).toBe(false);
    const list2 = payload(await get(requestList, "/requests?q=ごみ箱テスト", {}));
    expect(list2.items.map((r) => r.id)).toContain(requestId);

    const history = payload(await get(historyLoader, `/history/request/${requestId}`, { entityType: "request", entityId: requestId }));
    expect(history.events.slice(0, 2).map((e) => [e.action, e.softDelete])).toEqual([
      ["restore", false],
      ["delete", true],
    ]);
    // Restoring twice says so instead of failing.
    const again = await restore("Request", requestId);
    expect(statusOf(again)).toBe(404);
    expect(payload(again).problem.error).toBe("error.restoreNotInTrash");
  });

  it("round trip for a negotiation round", async () => {
    const before = payload(await get(demandTimeline, `/demands/${demand.id}/timeline`, { demandId: demand.id }));
    expect(JSON.stringify(before)).toContain("ごみ箱テストの質問");
    const deleted = await post(deleteRoundAction, `/rounds/${roundId}/delete`, { roundId });
    expect(location(deleted)).toBe("/rounds");
    expect(statusOf(await get(roundDetail, `/rounds/${roundId}`, { roundId }))).toBe(404);
    const list = payload(await get(roundList, "/rounds?q=ごみ箱テスト", {}));
    expect(list.items).toHaveLength(0);
    const timeline = payload(await get(demandTimeline, `/demands/${demand.id}/timeline`, { demandId: demand.id }));
    expect(JSON.stringify(timeline)).not.toContain("ごみ箱テストの質問");

    const rounds = await trashItems("?type=NegotiationRound");
    expect(rounds.map((i) => i.id)).toEqual([roundId]);
    expect(await trashItems("?type=Demand")).toEqual([]);

    expect(statusOf(await restore("NegotiationRound", roundId))).toBe(302);
    const round = payload(await get(roundDetail, `/rounds/${roundId}`, { roundId }));
    expect(round.items.map((i) => i.questionJa)).toEqual(["ごみ箱テストの質問"]);
  });

  it("round trip for a demand: its page, the list and the request form's choices", async () => {
    expect(payload(await get(deleteDemandLoader, `/demands/${demand.id}/delete`, { demandId: demand.id })).name).toBe("T-001 ごみ箱テストの要求");
    const deleted = await post(deleteDemandAction, `/demands/${demand.id}/delete`, { demandId: demand.id });
    expect(location(deleted)).toBe("/demands");
    expect(statusOf(await get(demandDetail, `/demands/${demand.id}`, { demandId: demand.id }))).toBe(404);
    expect(statusOf(await get(demandTimeline, `/demands/${demand.id}/timeline`, { demandId: demand.id }))).toBe(404);
    const list = payload(await get(demandList, "/demands?q=T-001", {}));
    expect(list.items).toHaveLength(0);
    const requestForm = payload(await get(requestNew, "/requests/new", {}));
    expect(requestForm.options.demands.map((o) => o.value)).not.toContain(demand.id);

    expect(statusOf(await restore("Demand", demand.id))).toBe(302);
    expect(statusOf(await get(demandDetail, `/demands/${demand.id}`, { demandId: demand.id }))).toBe(200);
    const events = await db.auditEvent.findMany({ where: { entityType: "Demand", entityId: demand.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["delete", "restore"]);
  });

  it("a body in the trash leaves the pages that list it as a target, addressee or round body, and comes back with a restore", async () => {
    const body = await db.body.create({ data: { kind: "ministry", nameJa: "ごみ箱テスト省", nameEn: "Trash Test Ministry" } });
    await db.demandTarget.create({ data: { demandId: demand.id, bodyId: body.id } });
    await db.requestAddressee.create({ data: { requestId, bodyId: body.id } });
    await db.roundBody.create({ data: { roundId, bodyId: body.id } });
    const shown = async () => ({
      demand: JSON.stringify(payload(await get(demandDetail, `/demands/${demand.id}`, { demandId: demand.id }))),
      request: JSON.stringify(payload(await get(requestDetail, `/requests/${requestId}`, { requestId }))),
      round: JSON.stringify(payload(await get(roundDetail, `/rounds/${roundId}`, { roundId }))),
      list: JSON.stringify(payload(await get(requestList, "/requests?q=ごみ箱テスト", {}))),
    });
    for (const page of Object.values(await shown())) expect(page).toContain("ごみ箱テスト省");

    const deleted = await post(deleteBodyAction, `/bodies/${body.id}/delete`, { bodyId: body.id });
    expect(location(deleted)).toBe("/bodies");
    for (const page of Object.values(await shown())) expect(page).not.toContain("ごみ箱テスト省");

    expect(statusOf(await restore("Body", body.id))).toBe(302);
    for (const page of Object.values(await shown())) expect(page).toContain("ごみ箱テスト省");
  });

  it("a government document in the trash is not named by its outcomes, the demand's page or timeline, and comes back with a restore", async () => {
    const instrument = await db.instrument.create({ data: { kind: "basic_policy", titleJa: "ごみ箱テスト方針", titleEn: "Trash test policy", adoptedOn: "2012-03" } });
    const outcome = await db.outcome.create({ data: { demandId: demand.id, instrumentId: instrument.id, degree: "mentioned", occurredOn: "2012-03" } });
    const shown = async () => ({
      outcome: JSON.stringify(payload(await get(outcomeDetail, `/outcomes/${outcome.id}`, { outcomeId: outcome.id }))),
      demand: JSON.stringify(payload(await get(demandDetail, `/demands/${demand.id}`, { demandId: demand.id }))),
      timeline: JSON.stringify(payload(await get(demandTimeline, `/demands/${demand.id}/timeline`, { demandId: demand.id }))),
    });
    for (const page of Object.values(await shown())) expect(page).toContain("ごみ箱テスト方針");

    const deleted = await post(deleteInstrumentAction, `/instruments/${instrument.id}/delete`, { instrumentId: instrument.id });
    expect(location(deleted)).toBe("/instruments");
    const without = await shown();
    for (const page of Object.values(without)) expect(page).not.toContain("ごみ箱テスト方針");
    // The outcome itself stays: only the document's name is left out.
    expect(without.outcome).toContain(outcome.id);

    expect(statusOf(await restore("Instrument", instrument.id))).toBe(302);
    for (const page of Object.values(await shown())) expect(page).toContain("ごみ箱テスト方針");
    await db.outcome.delete({ where: { id: outcome.id } });
  });

  it("keeps the trash for administrators: staff and members get 403", async () => {
    expect(statusOf(await get(trashLoader, "/admin/trash", {}, "staff"))).toBe(403);
    expect(statusOf(await get(trashLoader, "/admin/trash", {}, "member"))).toBe(403);
    expect(statusOf(await restore("Demand", demand.id, "staff"))).toBe(403);
  });
});

describe("what cannot be deleted or restored says why", () => {
  it("refuses to delete a body or demand with live ones under it", async () => {
    const parent = await db.body.create({ data: { kind: "ministry", nameJa: "ごみ箱テスト省", nameEn: "Ministry of Trash Tests" } });
    await db.body.create({ data: { kind: "bureau", nameJa: "ごみ箱テスト局", nameEn: "Trash Test Bureau", parentId: parent.id } });
    const refused = await post(deleteBodyAction, `/bodies/${parent.id}/delete`, { bodyId: parent.id });
    expect(statusOf(refused)).toBe(409);
    expect(payload(refused).problem).toEqual({ error: "delete.hasChildren", vars: { name: "ごみ箱テスト省", count: 1 } });
    expect((await db.body.findUniqueOrThrow({ where: { id: parent.id } })).deletedAt).toBeNull();
  });

  it("refuses to restore a demand whose proposal is still in the trash", async () => {
    const proposal = await db.demand.create({ data: { ref: "T-010", titleJa: "上位の提言", titleEn: "The proposal" } });
    const child = await db.demand.create({ data: { ref: "T-011", titleJa: "下位の要求", titleEn: "The sub-demand", parentId: proposal.id } });
    expect(location(await post(deleteDemandAction, `/demands/${child.id}/delete`, { demandId: child.id }))).toBe("/demands");
    expect(location(await post(deleteDemandAction, `/demands/${proposal.id}/delete`, { demandId: proposal.id }))).toBe("/demands");

    const refused = await restore("Demand", child.id);
    expect(statusOf(refused)).toBe(409);
    expect(payload(refused)).toEqual({ id: child.id, problem: { error: "error.restoreParentInTrash", vars: { name: "T-011 下位の要求", parent: "T-010 上位の提言" } } });
    expect((await db.demand.findUniqueOrThrow({ where: { id: child.id } })).deletedAt).not.toBeNull();

    expect(statusOf(await restore("Demand", proposal.id))).toBe(302);
    expect(statusOf(await restore("Demand", child.id))).toBe(302);
  });

  it("refuses to restore an outcome while its demand is in the trash", async () => {
    const d = await db.demand.create({ data: { ref: "T-020", titleJa: "成果のある要求", titleEn: "Demand with an outcome" } });
    const outcome = await db.outcome.create({ data: { demandId: d.id, degree: "mentioned", occurredOn: "2012-04", deletedAt: new Date() } });
    expect(location(await post(deleteDemandAction, `/demands/${d.id}/delete`, { demandId: d.id }))).toBe("/demands");
    const refused = await restore("Outcome", outcome.id);
    expect(payload(refused).problem.error).toBe("error.restoreParentInTrash");
    expect(statusOf(await restore("Demand", d.id))).toBe(302);
    expect(statusOf(await restore("Outcome", outcome.id))).toBe(302);
    expect(statusOf(await get(outcomeDetail, `/outcomes/${outcome.id}`, { outcomeId: outcome.id }))).toBe(200);
  });

  it("refuses to restore a demand whose number another demand now uses", async () => {
    // Numbers are unique across the trash today; should that ever be relaxed (a partial index), the
    // restore must still refuse rather than bring back two demands with one number.
    await db.$executeRawUnsafe('DROP INDEX IF EXISTS "Demand_ref_key"');
    const old = await db.demand.create({ data: { ref: "T-030", titleJa: "古い要求", titleEn: "Old demand", deletedAt: new Date() } });
    await db.demand.create({ data: { ref: "T-030", titleJa: "同じ番号の新しい要求", titleEn: "New demand, same number" } });
    const refused = await restore("Demand", old.id);
    expect(statusOf(refused)).toBe(409);
    expect(payload(refused).problem).toEqual({ error: "error.restoreRefTaken", vars: { name: "T-030 古い要求", ref: "T-030" } });
    const page = payload(await get(trashLoader, "/admin/trash?type=Demand", {}, "admin"));
    expect(page.items.map((i) => i.id)).toContain(old.id);
  });
});
