import { describe, expect, it, vi } from "vitest";

// A 1 MB attachment limit for this file, set before the app (and its config) is imported.
vi.hoisted(() => {
  process.env.ATTACHMENT_MAX_MB = "1";
});

import { loader as downloadLoader } from "~/routes/attachments.$attachmentId";
import { loader as detailLoader } from "~/routes/requests.$requestId._index";
import { action as editAction, loader as editLoader } from "~/routes/requests.$requestId.edit";
import { loader as listLoader } from "~/routes/requests._index";
import { action as newAction, loader as newLoader } from "~/routes/requests.new";
import { db } from "~/utils/db.server";
import { args, type DemoRole, makeRequest, payload, run, sessionCookie, statusOf } from "../request";

const MB = 1024 * 1024;
const NOTE = "内部メモ：MHLW の担当者は異動予定（非公開）";

type Fields = Record<string, string | string[]>;

/** A multipart POST as the editor's form sends it. */
async function multipart(url: string, role: DemoRole, fields: Fields, files: File[] = []) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) formData.append(name, v);
  for (const file of files) formData.append("attachments", file);
  return new Request(new URL(url, "http://localhost"), { method: "POST", body: formData, headers: { Cookie: await sessionCookie(role) } });
}

const pdfBytes = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const pdf = (name: string, text = "test") => new File([pdfBytes(text)], name, { type: "application/pdf" });

async function demand(ref: string) {
  return db.demand.findUniqueOrThrow({ where: { ref }, select: { id: true, ref: true, titleJa: true } });
}
async function bodyByName(nameEn: string) {
  return db.body.findFirstOrThrow({ where: { nameEn }, select: { id: true } });
}
async function smj() {
  return db.organisation.findFirstOrThrow({ where: { kind: "our_network" }, select: { id: true } });
}

/** A complete, valid form; tests change one thing at a time. */
async function validForm(overrides: Fields = {}): Promise<Fields> {
  const [d1, d2, d3, immigration, org] = await Promise.all([demand("D-001"), demand("D-002"), demand("D-003"), bodyByName("Immigration Bureau"), smj()]);
  return {
    kind: "regular",
    titleJa: "2011年度 省庁への定期要望書",
    titleEn: "Regular requests to the ministries, 2011",
    sentOn: "2011-10-03",
    sender: `org:${org.id}`,
    addresseeIds: [immigration.id],
    "items[0].demandId": d1.id,
    "items[0].wordingJa": "一つ目の文言",
    "items[0].wordingEn": "First wording",
    "items[1].demandId": d2.id,
    "items[1].wordingJa": "二つ目の文言",
    "items[2].demandId": d3.id,
    "items[2].wordingEn": "Third wording",
    internalNote: NOTE,
    ...overrides,
  };
}

async function createOne(overrides: Fields = {}, files: File[] = []) {
  const result = await newAction(args(await multipart("/requests/new", "staff", await validForm(overrides), files)));
  expect(statusOf(result)).toBe(302);
  const location = result instanceof Response ? result.headers.get("Location") : null;
  const id = /^\/requests\/([^/]+)$/.exec(location ?? "")?.[1];
  if (!id) throw new Error(`unexpected redirect ${location}`);
  return id;
}

describe("access", () => {
  it("sends anonymous visitors to sign in", async () => {
    const visits: Array<[() => Promise<unknown>, string]> = [
      [async () => listLoader(args(await makeRequest("/requests"))), "/requests"],
      [async () => newLoader(args(await makeRequest("/requests/new"))), "/requests/new"],
      [async () => detailLoader(args(await makeRequest("/requests/x"), { requestId: "x" })), "/requests/x"],
    ];
    for (const [fn, url] of visits) {
      const result = await run(fn);
      expect(statusOf(result)).toBe(302);
      expect(result instanceof Response && result.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(url)}`);
    }
  });

  it("lets members read lists and details, never the internal note, and refuses them the editor", async () => {
    const id = await createOne({ titleJa: "会員の閲覧テスト" });

    const list = await listLoader(args(await makeRequest("/requests", { role: "member" })));
    expect(list.canEdit).toBe(false);
    expect(list.items.some((r) => r.id === id)).toBe(true);
    expect(JSON.stringify(list)).not.toContain(NOTE);

    const detail = await detailLoader(args(await makeRequest(`/requests/${id}`, { role: "member" }), { requestId: id }));
    expect(detail.request.titleJa).toBe("会員の閲覧テスト");
    expect(detail.canEdit).toBe(false);
    expect(detail.showInternal).toBe(false);
    expect(JSON.stringify(detail)).not.toContain(NOTE);

    const staffDetail = await detailLoader(args(await makeRequest(`/requests/${id}`, { role: "staff" }), { requestId: id }));
    expect(staffDetail.request.internalNote).toBe(NOTE);
    expect(staffDetail.showInternal).toBe(true);

    expect(statusOf(await run(async () => newLoader(args(await makeRequest("/requests/new", { role: "member" })))))).toBe(403);
    const post = await run(async () => newAction(args(await multipart("/requests/new", "member", await validForm()))));
    expect(statusOf(post)).toBe(403);
    expect(statusOf(await run(async () => editLoader(args(await makeRequest(`/requests/${id}/edit`, { role: "member" }), { requestId: id }))))).toBe(403);
    const edit = await run(async () => editAction(args(await multipart(`/requests/${id}/edit`, "member", await validForm({ titleJa: "改ざん", version: "1" })), { requestId: id })));
    expect(statusOf(edit)).toBe(403);
    expect((await db.request.findUniqueOrThrow({ where: { id } })).titleJa).toBe("会員の閲覧テスト");
  });

  it("answers 404 for an unknown request", async () => {
    const result = await run(async () => detailLoader(args(await makeRequest("/requests/nope", { role: "member" }), { requestId: "nope" })));
    expect(statusOf(result)).toBe(404);
  });
});

describe("validation keeps everything typed", () => {
  async function attempt(overrides: Fields, files: File[] = []) {
    const before = await db.request.count();
    const result = await newAction(args(await multipart("/requests/new", "staff", await validForm(overrides), files)));
    expect(statusOf(result)).toBe(400);
    expect(await db.request.count()).toBe(before);
    const reply = payload(result).result;
    // The rest of the form comes back as typed, item rows included.
    expect(reply.initialValue?.titleEn).toBe("Regular requests to the ministries, 2011");
    const items = (reply.initialValue as { items?: Array<{ wordingJa?: string }> }).items;
    expect(items?.[0]?.wordingJa).toBe("一つ目の文言");
    return reply;
  }

  it("requires the date sent", async () => {
    const reply = await attempt({ sentOn: "" });
    expect(reply.error?.sentOn).toEqual(["error.required"]);
    expect(reply.initialValue?.titleJa).toBe("2011年度 省庁への定期要望書");
  });

  it("refuses an item without a demand, on that row", async () => {
    const reply = await attempt({ "items[1].demandId": "" });
    expect(reply.error?.["items[1].demandId"]).toEqual(["error.requestItemDemand"]);
    expect((reply.initialValue as { items: Array<{ wordingJa?: string }> }).items[1].wordingJa).toBe("二つ目の文言");
  });

  it("refuses the same demand twice, on the later row", async () => {
    const d1 = await demand("D-001");
    const reply = await attempt({ "items[2].demandId": d1.id });
    expect(reply.error?.["items[2].demandId"]).toEqual(["error.requestDuplicateDemand"]);
    expect(reply.error?.["items[0].demandId"]).toBeUndefined();
  });

  it("refuses an unknown demand and a sender that is not our network", async () => {
    const partner = await db.organisation.findFirstOrThrow({ where: { kind: "partner" } });
    const reply = await attempt({ "items[0].demandId": "no-such-demand", sender: `org:${partner.id}` });
    expect(reply.error?.["items[0].demandId"]).toEqual(["error.unknownChoice"]);
    expect(reply.error?.sender).toEqual(["error.requestSender"]);
  });

  it("refuses a file over the size limit", async () => {
    const big = new File([new Uint8Array(2 * MB + 17).fill(0x25)], "large.pdf", { type: "application/pdf" });
    const reply = await attempt({}, [big]);
    expect(reply.error?.attachments).toEqual(["error.attachmentTooLarge"]);
  });

  it("refuses a .pdf whose bytes are not a PDF", async () => {
    const fake = new File([new TextEncoder().encode("MZ this is not a PDF at all")], "report.pdf", { type: "application/pdf" });
    const reply = await attempt({}, [fake]);
    expect(reply.error?.attachments).toEqual(["error.attachmentType"]);
  });
  it("refuses more files than one save may bring", async () => {
    const files = Array.from({ length: 11 }, (_, i) => pdf(`file-${i}.pdf`, String(i)));
    const reply = await attempt({}, files);
    expect(reply.error?.attachments).toEqual(["error.requestTooManyFiles"]);
  });

  it("answers 413 when a text field is far too large to be a real form", async () => {
    const result = await newAction(args(await multipart("/requests/new", "staff", await validForm({ body: "x".repeat(1_100_000) }))));
    expect(statusOf(result)).toBe(413);
    expect(payload(result).result.error?.[""]).toEqual(["error.requestFormTooLarge"]);
  });

  it("applies a row intent sent without JavaScript and saves nothing", async () => {
    const before = await db.request.count();
    const form = await validForm({ __intent__: JSON.stringify({ type: "reorder", payload: { name: "items", from: 0, to: 2 } }) });
    const result = await newAction(args(await multipart("/requests/new", "staff", form)));
    expect(statusOf(result)).toBe(200);
    const items = (payload(result).result.initialValue as { items: Array<{ wordingJa?: string }> }).items;
    expect(items.map((i) => i.wordingJa)).toEqual(["二つ目の文言", undefined, "一つ目の文言"]);
    expect(await db.request.count()).toBe(before);
  });
});

describe("creating, reading and editing", () => {
  it("creates a request with three ordered items and an attachment, and reads it back in order", async () => {
    const [d1, d2, d3] = await Promise.all([demand("D-001"), demand("D-002"), demand("D-003")]);
    const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "要望書の本文" }] }] });
    const id = await createOne({ body }, [pdf("要望書2011.pdf", "create")]);

    const detail = await detailLoader(args(await makeRequest(`/requests/${id}`, { role: "member" }), { requestId: id }));
    const r = detail.request;
    expect(r.items.map((i) => i.demand.ref)).toEqual([d1.ref, d2.ref, d3.ref]);
    expect(r.items.map((i) => [i.wordingJa, i.wordingEn])).toEqual([
      ["一つ目の文言", "First wording"],
      ["二つ目の文言", null],
      [null, "Third wording"],
    ]);
    expect(r.sentOn).toBe("2011-10-03");
    expect(r.kind).toBe("regular");
    expect(r.sender?.type).toBe("organisation");
    expect(r.addressees.map((b) => b.nameEn)).toEqual(["Immigration Bureau"]);
    expect(detail.bodyHtml).toBe("<p>要望書の本文</p>");
    expect(r.attachments).toHaveLength(1);
    expect(r.attachments[0].fileName).toBe("要望書2011.pdf");
    expect(r.attachments[0].contentType).toBe("application/pdf");
    expect(r.attachments[0].size).toBe(pdfBytes("create").byteLength);
    expect(r.createdByName).toBeTruthy();

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Request", entityId: id, action: "create" } });
    const after = JSON.parse(audit.after ?? "{}") as { items: Array<{ demandId: string }>; attachments: unknown[] };
    expect(after.items.map((i) => i.demandId)).toEqual([d1.id, d2.id, d3.id]);
    expect(after.attachments).toHaveLength(1);
  });

  it("serves the attachment as a download with its checked type", async () => {
    const id = await createOne({ titleJa: "ダウンロード確認" }, [pdf("download.pdf", "download")]);
    const attachment = await db.attachment.findFirstOrThrow({ where: { requestId: id } });
    const response = await downloadLoader(args(await makeRequest(`/attachments/${attachment.id}`, { role: "member" }), { attachmentId: attachment.id }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="download\.pdf"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes).toEqual(pdfBytes("download"));
  });

  it("reorders the items, keeping each item row (rounds point at them)", async () => {
    const id = await createOne({ titleJa: "並べ替え" });
    const rowsBefore = await db.requestItem.findMany({ where: { requestId: id }, orderBy: { position: "asc" } });
    const loaded = await editLoader(args(await makeRequest(`/requests/${id}/edit`, { role: "staff" }), { requestId: id }));
    expect(loaded.request.items.map((i) => i.demandId)).toEqual(rowsBefore.map((r) => r.demandId));

    const [first, second, third] = loaded.request.items;
    const form = await validForm({
      titleJa: "並べ替え",
      version: String(loaded.request.version),
      "items[0].demandId": third.demandId,
      "items[0].wordingJa": third.wordingJa,
      "items[0].wordingEn": "Third wording, now first",
      "items[1].demandId": first.demandId,
      "items[1].wordingJa": first.wordingJa,
      "items[1].wordingEn": first.wordingEn,
      "items[2].demandId": second.demandId,
      "items[2].wordingJa": second.wordingJa,
    });
    const saved = await editAction(args(await multipart(`/requests/${id}/edit`, "staff", form), { requestId: id }));
    expect(statusOf(saved)).toBe(302);

    const detail = await detailLoader(args(await makeRequest(`/requests/${id}`, { role: "staff" }), { requestId: id }));
    expect(detail.request.items.map((i) => i.demand.id)).toEqual([third.demandId, first.demandId, second.demandId]);
    expect(detail.request.items[0].wordingEn).toBe("Third wording, now first");
    const rowsAfter = await db.requestItem.findMany({ where: { requestId: id } });
    expect(new Set(rowsAfter.map((r) => r.id))).toEqual(new Set(rowsBefore.map((r) => r.id)));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Request", entityId: id, action: "update" } });
    expect(JSON.parse(audit.before ?? "{}").items[0].demandId).toBe(first.demandId);
    expect(JSON.parse(audit.after ?? "{}").items[0].demandId).toBe(third.demandId);
  });

  it("removes an item and an attachment, and adds another file", async () => {
    const id = await createOne({ titleJa: "削除と追加" }, [pdf("old.pdf", "old")]);
    const loaded = await editLoader(args(await makeRequest(`/requests/${id}/edit`, { role: "staff" }), { requestId: id }));
    const old = loaded.request.attachments[0];
    const form = await validForm({ titleJa: "削除と追加", version: String(loaded.request.version), removeAttachmentIds: old.id });
    delete form["items[2].demandId"];
    delete form["items[2].wordingEn"];
    const saved = await editAction(args(await multipart(`/requests/${id}/edit`, "staff", form, [pdf("new.pdf", "new")]), { requestId: id }));
    expect(statusOf(saved)).toBe(302);
    const detail = await detailLoader(args(await makeRequest(`/requests/${id}`, { role: "staff" }), { requestId: id }));
    expect(detail.request.items).toHaveLength(2);
    expect(detail.request.attachments.map((a) => a.fileName)).toEqual(["new.pdf"]);
    expect((await db.attachment.findUniqueOrThrow({ where: { id: old.id } })).deletedAt).not.toBeNull();
  });

  it("never overwrites a newer version silently, and shows the newer one", async () => {
    const id = await createOne({ titleJa: "競合" });
    const loaded = await editLoader(args(await makeRequest(`/requests/${id}/edit`, { role: "staff" }), { requestId: id }));
    const version = String(loaded.request.version);

    const first = await editAction(args(await multipart(`/requests/${id}/edit`, "admin", await validForm({ titleJa: "競合", titleEn: "Saved first", version })), { requestId: id }));
    expect(statusOf(first)).toBe(302);

    const second = await editAction(
      args(await multipart(`/requests/${id}/edit`, "staff", await validForm({ titleJa: "競合", titleEn: "Saved second", "items[0].wordingJa": "後から入力", version })), { requestId: id }),
    );
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.conflict?.titleEn).toBe("Saved first");
    expect(reply.conflict?.version).toBe(loaded.request.version + 1);
    expect(reply.conflict?.items.map((i) => i.demandLabel.split(" ")[0])).toEqual(["D-001", "D-002", "D-003"]);
    expect(reply.result.initialValue?.titleEn).toBe("Saved second");
    expect((reply.result.initialValue as { items: Array<{ wordingJa?: string }> }).items[0].wordingJa).toBe("後から入力");
    expect((await db.request.findUniqueOrThrow({ where: { id } })).titleEn).toBe("Saved first");

    const third = await editAction(
      args(await multipart(`/requests/${id}/edit`, "staff", await validForm({ titleJa: "競合", titleEn: "Merged", version: String(reply.conflict?.version) })), { requestId: id }),
    );
    expect(statusOf(third)).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id } })).titleEn).toBe("Merged");
  });
});

describe("the list", () => {
  it("searches, filters and sorts, and counts demands and the rounds that answered", async () => {
    // The demo data may hold requests of its own: each check looks for ours and at what else matched.
    const [npa, moj, d5] = await Promise.all([bodyByName("National Police Agency"), bodyByName("Ministry of Justice"), demand("D-005")]);
    const network = await db.projectNetwork.findFirstOrThrow({ select: { id: true } });
    const emergency = await createOne({
      kind: "emergency",
      titleJa: "震災に関する緊急要望（一覧テストXQ）",
      titleEn: "Emergency request after the earthquake (list test XQ)",
      sentOn: "1999-03-18",
      sender: `net:${network.id}`,
      addresseeIds: [npa.id],
      "items[2].demandId": d5.id,
    });
    const older = await createOne({ titleJa: "古い要望書（一覧テストXQ）", titleEn: "An older request (list test XQ)", sentOn: "1998-10" });
    await db.negotiationRound.create({
      data: { kind: "ministry_round", titleJa: "震災後の交渉XQ", titleEn: "Talks after the earthquake XQ", heldOn: "1999-04-20", requestId: emergency },
    });

    const get = async (query: string) => listLoader(args(await makeRequest(`/requests${query}`, { role: "member" })));
    const ids = (result: Awaited<ReturnType<typeof get>>) => result.items.map((r) => r.id);

    const byTitle = await get(`?q=${encodeURIComponent("list test XQ")}`);
    expect(ids(byTitle)).toEqual([emergency, older]);
    const row = byTitle.items[0];
    expect(row.demandCount).toBe(3);
    expect(row.roundCount).toBe(1);
    expect(row.sender?.type).toBe("network");
    expect(row.addressees.map((a) => a.body.id)).toEqual([npa.id]);
    expect(byTitle.items[1].roundCount).toBe(0);
    expect(ids(await get(`?q=${encodeURIComponent("一覧テストXQ")}&sort=sent&dir=asc`))).toEqual([older, emergency]);

    const emergencies = await get("?kind=emergency");
    expect(ids(emergencies)).toContain(emergency);
    expect(emergencies.items.every((r) => r.kind === "emergency")).toBe(true);
    const in1999 = await get("?year=1999");
    expect(ids(in1999)).toEqual([emergency]);
    const bySender = await get(`?sender=net:${network.id}`);
    expect(ids(bySender)).toContain(emergency);
    expect(ids(bySender)).not.toContain(older);
    const byDemand = await get(`?demand=${d5.id}`);
    expect(ids(byDemand)).toContain(emergency);
    expect(ids(byDemand)).not.toContain(older);
    const toNpa = await get(`?body=${npa.id}`);
    expect(ids(toNpa)).toContain(emergency);
    expect(ids(toNpa)).not.toContain(older);
    // Ours went to the Immigration Bureau: found under the Ministry of Justice.
    const underMoj = await get(`?body=${moj.id}&q=XQ`);
    expect(ids(underMoj)).toEqual([older]);

    const newest = await get("");
    const dates = newest.items.map((r) => r.sentOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const sortedByTitle = await get("?sort=title&kind=bogus&page=-1");
    expect(sortedByTitle.query.kind).toBeUndefined();
    expect(sortedByTitle.query.page).toBe(1);
    const titles = sortedByTitle.items.map((r) => (sortedByTitle.query.locale === "ja" ? r.titleJa : r.titleEn));
    expect(titles).toEqual([...titles].sort());
    expect(newest.options.years.map((y) => y.value)).toEqual(expect.arrayContaining(["1999", "1998"]));
    expect((await get("?q=no-such-title-anywhere")).total).toBe(0);

    const detail = await detailLoader(args(await makeRequest(`/requests/${emergency}`, { role: "member" }), { requestId: emergency }));
    expect(detail.request.rounds.map((r) => r.titleEn)).toEqual(["Talks after the earthquake XQ"]);
  });
});
