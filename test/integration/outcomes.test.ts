import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createInstrument } from "~/models/instrument.server";
import { demandStatus } from "~/models/status.server";
import { loader as formOptionsLoader } from "~/routes/outcomes.form-options";
import { action as detailAction, loader as detailLoader } from "~/routes/outcomes.$outcomeId._index";
import { action as editAction, loader as editLoader } from "~/routes/outcomes.$outcomeId.edit";
import { action as newAction, loader as newLoader } from "~/routes/outcomes.new";
import { attachmentFullPath } from "~/utils/attachments.server";
import { db } from "~/utils/db.server";
import { args, type DemoRole, makeRequest, payload, run, sessionCookie, statusOf } from "../request";

const INTERNAL = "内部限定メモ：交渉担当者の個人的見解";
const pdf = (name = "answer.pdf", text = "%PDF-1.4\n% test answer\n") => new File([new TextEncoder().encode(text)], name, { type: "application/pdf" });

/** A multipart POST with files, as the outcome editor sends it. */
async function multipart(url: string, role: DemoRole, fields: Record<string, string | string[]>, files: File[] = []) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  for (const f of files) body.append("attachments", f);
  return new Request(new URL(url, "http://localhost"), { method: "POST", headers: { Cookie: await sessionCookie(role) }, body });
}

let demandId: string;
let otherDemandId: string;
let instrumentId: string;
let requestId: string;
let roundId: string;
let agendaItemId: string;
let foreignRequestId: string;

beforeAll(async () => {
  const staff = await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } });
  // Demands of the test's own, so that the demo data (which may grow) never changes what is expected.
  const demand = await db.demand.create({ data: { ref: "O-001", titleJa: "医療通訳の配置", titleEn: "Medical interpreters", firstRaisedOn: "2010" } });
  const other = await db.demand.create({ data: { ref: "O-002", titleJa: "別の要求", titleEn: "Another demand" } });
  demandId = demand.id;
  otherDemandId = other.id;
  const mhlw = await db.body.findFirstOrThrow({ where: { nameEn: "Ministry of Health, Labour and Welfare" } });
  instrumentId = (await createInstrument({ kind: "guideline", titleJa: "試験用ガイドライン", titleEn: "Test guideline", adoptedOn: "2012-04" }, staff.id)).id;
  const request = await db.request.create({
    data: { kind: "regular", titleJa: "試験用要望書", titleEn: "Test request", sentOn: "2011-10", items: { create: [{ position: 1, demandId }] } },
  });
  requestId = request.id;
  const round = await db.negotiationRound.create({
    data: {
      kind: "ministry_round",
      titleJa: "試験用省庁交渉",
      titleEn: "Test negotiations",
      heldOn: "2011-12-05",
      requestId,
      items: { create: [{ position: 1, demandId, bodyId: mhlw.id, questionJa: "通訳の配置を求める" }] },
    },
    include: { items: true },
  });
  roundId = round.id;
  agendaItemId = round.items[0].id;
  foreignRequestId = (
    await db.request.create({ data: { kind: "individual", titleJa: "別の要望書", titleEn: "Another request", sentOn: "2011-11", items: { create: [{ position: 1, demandId: otherDemandId }] } } })
  ).id;
});

const validForm = () => ({
  demandId,
  instrumentId,
  degree: "partially_reflected",
  occurredOn: "2012年4月",
  quoteJa: "医療通訳の配置に努める",
  quoteEn: "shall endeavour to provide medical interpreters",
  sourceUrl: "https://www.mhlw.go.jp/example",
  note: "一部反映と評価",
  internalNote: INTERNAL,
  requestIds: [requestId],
  roundIds: [roundId],
  agendaItemIds: [agendaItemId],
});

async function createViaForm(extra: Record<string, string | string[]> = {}, files: File[] = []) {
  const result = await newAction(args(await multipart("/outcomes/new", "staff", { ...validForm(), ...extra }, files)));
  expect(statusOf(result)).toBe(302);
  return db.outcome.findFirstOrThrow({ where: { demandId: (extra.demandId as string) ?? demandId, deletedAt: null }, orderBy: { createdAt: "desc" } });
}

describe("the outcome form", () => {
  it("preselects the demand and lists its requests, rounds and agenda items, labelled with date and title", async () => {
    const result = await newLoader(args(await makeRequest(`/outcomes/new?demand=${demandId}&instrument=${instrumentId}`, { role: "staff" })));
    expect(result.defaults).toEqual({ demandId, instrumentId, commentPointIds: [], recommendationIds: [] });
    expect(result.demand?.ref).toBe("O-001");
    const channels = result.options.channels;
    expect(channels.requests).toContainEqual({ value: requestId, label: "2011年10月 試験用要望書" });
    expect(channels.requests.some((r) => r.value === foreignRequestId)).toBe(false);
    expect(channels.rounds).toContainEqual({ value: roundId, label: "2011年12月5日 試験用省庁交渉" });
    expect(channels.agendaItems.find((a) => a.value === agendaItemId)?.label).toMatch(/^2011年12月5日 試験用省庁交渉 — .+ — 通訳の配置を求める$/);
    expect(result.options.instruments.some((i) => i.value === instrumentId)).toBe(true);

    // (The staff account reads Japanese; the labels follow the reader's language.)
    // Choosing another demand in the form fetches its channels without leaving the page.
    const other = await formOptionsLoader(args(await makeRequest(`/outcomes/form-options?demand=${otherDemandId}`, { role: "staff" })));
    expect(other.channels.requests.map((r) => r.value)).toContain(foreignRequestId);
    expect(other.channels.requests.map((r) => r.value)).not.toContain(requestId);
  });

  it("gives field errors for a missing date, a bad degree and a bad address, keeping what was typed", async () => {
    const form = { ...validForm(), occurredOn: "", degree: "excellent", sourceUrl: "javascript:alert(1)" };
    const result = await newAction(args(await multipart("/outcomes/new", "staff", form)));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.result.error?.occurredOn).toEqual(["error.required"]);
    expect(reply.result.error?.degree).toEqual(["error.unknownChoice"]);
    expect(reply.result.error?.sourceUrl).toEqual(["error.url"]);
    expect(reply.result.initialValue).toMatchObject({ quoteJa: form.quoteJa, internalNote: INTERNAL, requestIds: requestId });

    const badDate = await newAction(args(await multipart("/outcomes/new", "staff", { ...validForm(), occurredOn: "2012-13" })));
    expect(payload(badDate).result.error?.occurredOn).toEqual(["error.partialDate"]);
    const noDegree = await newAction(args(await multipart("/outcomes/new", "staff", { ...validForm(), degree: "" })));
    expect(payload(noDegree).result.error?.degree).toEqual(["error.required"]);
  });

  it("refuses an unknown demand, an unknown instrument and channels of another demand, as field errors", async () => {
    const unknown = await newAction(args(await multipart("/outcomes/new", "staff", { ...validForm(), demandId: "no-such-demand", instrumentId: "no-such-instrument" })));
    expect(statusOf(unknown)).toBe(400);
    const reply = payload(unknown);
    expect(reply.result.error?.demandId).toEqual(["error.unknownChoice"]);
    expect(reply.result.error?.instrumentId).toEqual(["error.unknownChoice"]);
    expect(reply.result.initialValue?.quoteEn).toBe(validForm().quoteEn);

    const foreign = await newAction(args(await multipart("/outcomes/new", "staff", { ...validForm(), requestIds: [foreignRequestId] })));
    expect(payload(foreign).result.error?.requestIds).toEqual(["error.unknownChoice"]);
    const noDemand = await newAction(args(await multipart("/outcomes/new", "staff", { ...validForm(), demandId: "" })));
    expect(payload(noDemand).result.error?.demandId).toEqual(["error.required"]);
    expect(await db.outcome.count({ where: { demandId } })).toBe(0);
  });

  it("refuses a file that is not PDF or Word next to the file field, keeping the rest", async () => {
    const fake = new File([new TextEncoder().encode("MZ not a pdf")], "virus.pdf", { type: "application/pdf" });
    const result = await newAction(args(await multipart("/outcomes/new", "staff", { ...validForm(), occurredOn: "" }, [fake])));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.result.error?.attachments).toEqual(["error.attachmentType"]);
    expect(reply.result.error?.occurredOn).toEqual(["error.required"]);
    expect(reply.result.initialValue?.quoteJa).toBe(validForm().quoteJa);
    // The files never come back in the reply (they cannot be serialised; the browser keeps them).
    expect(JSON.stringify(reply.result.initialValue)).not.toContain("attachments");
  });

  it("records an outcome with its channels and files, audits it and goes back to the demand", async () => {
    const result = await newAction(args(await multipart("/outcomes/new", "staff", validForm(), [pdf(), pdf("回答書.pdf", "%PDF-1.7\n% another\n")])));
    expect(statusOf(result)).toBe(302);
    expect(result instanceof Response && result.headers.get("Location")).toBe(`/demands/${demandId}`);
    const outcome = await db.outcome.findFirstOrThrow({ where: { demandId }, include: { channels: true, attachments: true } });
    expect(outcome).toMatchObject({ instrumentId, degree: "partially_reflected", occurredOn: "2012-04", internalNote: INTERNAL, version: 1 });
    expect(outcome.channels).toHaveLength(3);
    expect(outcome.channels).toContainEqual(expect.objectContaining({ requestId, roundId: null, agendaItemId: null }));
    expect(outcome.channels).toContainEqual(expect.objectContaining({ requestId: null, roundId, agendaItemId: null }));
    expect(outcome.channels).toContainEqual(expect.objectContaining({ agendaItemId, roundId }));
    expect(outcome.attachments.map((a) => a.fileName).sort()).toEqual(["answer.pdf", "回答書.pdf"]);
    for (const a of outcome.attachments) {
      expect(a.contentType).toBe("application/pdf");
      expect(fs.existsSync(attachmentFullPath(a.storagePath))).toBe(true);
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Outcome", entityId: outcome.id, action: "create" }, include: { user: true } });
    expect(audit.user?.email).toBe("staff@example.org");
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ degree: "partially_reflected", requestIds: [requestId], attachments: ["answer.pdf", "回答書.pdf"] });
    expect((await demandStatus(demandId, "2012-05-01")).status).toBe("partially_reflected");

    // Sent without files (a plain form) it works too.
    const plain = await newAction(args(await makeRequest("/outcomes/new", { role: "staff", method: "POST", form: { ...validForm(), demandId: otherDemandId, requestIds: [], roundIds: [], agendaItemIds: [] } })));
    expect(statusOf(plain)).toBe(302);
  });
});

describe("the outcome page", () => {
  it("shows the quote, source, channels and files; members never receive the internal note", async () => {
    const outcome = await createViaForm({ occurredOn: "2013-01" }, [pdf("memo.pdf")]);
    const params = { outcomeId: outcome.id };
    const staff = await detailLoader(args(await makeRequest(`/outcomes/${outcome.id}`, { role: "staff" }), params));
    expect(staff.canEdit).toBe(true);
    expect(staff.outcome.internalNote).toBe(INTERNAL);
    expect(staff.outcome.requests.map((r) => r.id)).toEqual([requestId]);
    expect(staff.outcome.rounds.map((r) => r.id)).toEqual([roundId]);
    expect(staff.outcome.agendaItems.map((a) => [a.id, a.round.id])).toEqual([[agendaItemId, roundId]]);
    expect(staff.outcome.attachments.map((a) => a.fileName)).toEqual(["memo.pdf"]);
    expect(staff.outcome.instrument?.titleEn).toBe("Test guideline");

    const member = await detailLoader(args(await makeRequest(`/outcomes/${outcome.id}`, { role: "member" }), params));
    expect(member.canEdit).toBe(false);
    expect(member.showInternal).toBe(false);
    expect(member.outcome.quoteJa).toBe(validForm().quoteJa);
    expect(JSON.stringify(member)).not.toContain(INTERNAL);
    expect(JSON.stringify(member)).not.toContain("交渉担当者");
  });

  it("answers 404 for an unknown outcome", async () => {
    expect(statusOf(await run(async () => detailLoader(args(await makeRequest("/outcomes/nope", { role: "member" }), { outcomeId: "nope" }))))).toBe(404);
    expect(statusOf(await run(async () => editLoader(args(await makeRequest("/outcomes/nope/edit", { role: "staff" }), { outcomeId: "nope" }))))).toBe(404);
  });
});

describe("editing and deleting an outcome", () => {
  it("refuses members with 403 on every editing screen and action", async () => {
    const outcome = await createViaForm({ occurredOn: "2014" });
    const params = { outcomeId: outcome.id };
    const attempts: Array<() => Promise<unknown>> = [
      async () => newLoader(args(await makeRequest(`/outcomes/new?demand=${demandId}`, { role: "member" }))),
      async () => newAction(args(await multipart("/outcomes/new", "member", validForm()))),
      async () => editLoader(args(await makeRequest(`/outcomes/${outcome.id}/edit`, { role: "member" }), params)),
      async () => editAction(args(await multipart(`/outcomes/${outcome.id}/edit`, "member", { ...validForm(), degree: "reflected", version: "1" }), params)),
      async () => detailAction(args(await makeRequest(`/outcomes/${outcome.id}`, { role: "member", method: "POST", form: { intent: "delete" } }), params)),
      async () => formOptionsLoader(args(await makeRequest(`/outcomes/form-options?demand=${demandId}`, { role: "member" }))),
    ];
    for (const attempt of attempts) expect(statusOf(await run(attempt))).toBe(403);
    expect(await db.outcome.findUniqueOrThrow({ where: { id: outcome.id } })).toMatchObject({ degree: "partially_reflected", deletedAt: null, version: 1 });
  });

  it("never overwrites a newer version silently, shows the newer one, and then saves on purpose", async () => {
    const outcome = await createViaForm({ occurredOn: "2015-06" }, [pdf("old.pdf")]);
    const params = { outcomeId: outcome.id };
    const loaded = await editLoader(args(await makeRequest(`/outcomes/${outcome.id}/edit`, { role: "staff" }), params));
    expect(loaded.defaults).toMatchObject({ demandId, instrumentId, requestIds: [requestId], roundIds: [roundId], agendaItemIds: [agendaItemId], internalNote: INTERNAL });
    const base = { ...validForm(), occurredOn: "2015-06", version: String(loaded.version) };

    const first = await editAction(args(await multipart(`/outcomes/${outcome.id}/edit`, "admin", { ...base, degree: "reflected", note: "Saved first" }), params));
    expect(statusOf(first)).toBe(302);
    expect(first instanceof Response && first.headers.get("Location")).toBe(`/demands/${demandId}`);

    const second = await editAction(args(await multipart(`/outcomes/${outcome.id}/edit`, "staff", { ...base, degree: "mentioned", note: "Saved second" }), params));
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.conflict).toMatchObject({ degree: "reflected", note: "Saved first", version: 2, updatedByName: "佐藤 由美" });
    expect(reply.result.initialValue).toMatchObject({ degree: "mentioned", note: "Saved second" });
    expect(await db.outcome.findUniqueOrThrow({ where: { id: outcome.id } })).toMatchObject({ degree: "reflected", note: "Saved first" });

    const oldFile = loaded.attachments[0];
    const third = await editAction(
      args(await multipart(`/outcomes/${outcome.id}/edit`, "staff", { ...base, degree: "mentioned", requestIds: [], roundIds: [], removeAttachmentIds: [oldFile.id], version: "2" }, [pdf("new.pdf")]), params),
    );
    expect(statusOf(third)).toBe(302);
    const saved = await db.outcome.findUniqueOrThrow({ where: { id: outcome.id }, include: { channels: true, attachments: true } });
    expect(saved).toMatchObject({ degree: "mentioned", version: 3 });
    expect(saved.channels.map((c) => c.agendaItemId)).toEqual([agendaItemId]);
    expect(saved.attachments.find((a) => a.id === oldFile.id)?.deletedAt).not.toBeNull();
    expect(saved.attachments.filter((a) => !a.deletedAt).map((a) => a.fileName)).toEqual(["new.pdf"]);
    expect(await db.auditEvent.count({ where: { entityType: "Outcome", entityId: outcome.id, action: "update" } })).toBe(2);
  });

  it("refuses to remove a file of another outcome", async () => {
    const a = await createViaForm({ occurredOn: "2016" }, [pdf("a.pdf")]);
    const b = await createViaForm({ occurredOn: "2016" });
    const fileOfA = await db.attachment.findFirstOrThrow({ where: { outcomeId: a.id } });
    const result = await editAction(args(await multipart(`/outcomes/${b.id}/edit`, "staff", { ...validForm(), removeAttachmentIds: [fileOfA.id], version: "1" }), { outcomeId: b.id }));
    expect(statusOf(result)).toBe(400);
    expect(payload(result).result.error?.removeAttachmentIds).toEqual(["error.unknownChoice"]);
  });

  it("deletes an outcome into the trash (audited): it no longer shows nor counts", async () => {
    const outcome = await createViaForm({ demandId: otherDemandId, requestIds: [], roundIds: [], agendaItemIds: [], degree: "reflected", occurredOn: "2017-03" });
    expect((await demandStatus(otherDemandId, "2017-04-01")).status).toBe("reflected");
    const params = { outcomeId: outcome.id };
    const result = await detailAction(args(await makeRequest(`/outcomes/${outcome.id}`, { role: "staff", method: "POST", form: { intent: "delete" } }), params));
    expect(statusOf(result)).toBe(302);
    expect(result instanceof Response && result.headers.get("Location")).toBe(`/demands/${otherDemandId}`);
    expect((await db.outcome.findUniqueOrThrow({ where: { id: outcome.id } })).deletedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityType: "Outcome", entityId: outcome.id, action: "delete" } })).toBe(1);
    expect(statusOf(await run(async () => detailLoader(args(await makeRequest(`/outcomes/${outcome.id}`, { role: "staff" }), params))))).toBe(404);
    expect((await demandStatus(otherDemandId, "2017-04-01")).outcome?.id).not.toBe(outcome.id);
    const again = await run(async () => detailAction(args(await makeRequest(`/outcomes/${outcome.id}`, { role: "staff", method: "POST", form: { intent: "delete" } }), params)));
    expect(statusOf(again)).toBe(404);
  });
});
