import { beforeAll, describe, expect, it } from "vitest";
import { action as detailAction, loader as detailLoader } from "~/routes/rounds.$roundId._index";
import { action as editAction, loader as editLoader } from "~/routes/rounds.$roundId.edit";
import { action as itemAction, loader as itemLoader } from "~/routes/rounds.$roundId.items.$itemId";
import { action as newItemAction, loader as newItemLoader } from "~/routes/rounds.$roundId.items.new";
import { loader as listLoader } from "~/routes/rounds._index";
import { action as newAction, loader as newLoader } from "~/routes/rounds.new";
import { db } from "~/utils/db.server";
import { getToast } from "~/utils/toast.server";
import { args, makeRequest, payload, run, sessionCookie, statusOf } from "../request";

const doc = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function demand(ref: string) {
  return db.demand.findUniqueOrThrow({ where: { ref } });
}

/** Bodies of this file only, so that demo rounds never count as "the previous round". */
let bodyA: string;
let bodyB: string;
let bodyC: string;
let officialId: string;
let staffPersonId: string;

beforeAll(async () => {
  const make = (nameEn: string) => db.body.create({ data: { kind: "ministry", nameJa: `${nameEn}（試験）`, nameEn } });
  bodyA = (await make("Test Ministry A")).id;
  bodyB = (await make("Test Ministry B")).id;
  bodyC = (await make("Test Ministry C")).id;
  officialId = (
    await db.person.create({
      data: { kind: "official", nameJa: "試験 太郎", nameEn: "Taro Shiken", affiliations: { create: { bodyId: bodyA, roleJa: "課長補佐", roleEn: "Deputy Director" } } },
    })
  ).id;
  staffPersonId = (await db.person.findFirstOrThrow({ where: { kind: "staff" } })).id;
});

/** The message of the toast a redirect carries. */
async function toastOf(response: unknown) {
  if (!(response instanceof Response)) throw new Error("expected a redirect");
  const cookie = response.headers.get("Set-Cookie")?.split(";")[0] ?? "";
  const { toast } = await getToast(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  return toast;
}

function idFromLocation(response: unknown) {
  if (!(response instanceof Response)) throw new Error("expected a redirect");
  return /\/rounds\/([^/#?]+)/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";
}

async function createRound(form: Record<string, string | string[]>) {
  const result = await newAction(args(await makeRequest("/rounds/new", { role: "staff", method: "POST", form })));
  expect(statusOf(result), JSON.stringify(result instanceof Response ? null : payload(result))).toBe(302);
  return idFromLocation(result);
}

async function addItem(roundId: string, form: Record<string, string>) {
  const result = await newItemAction(args(await makeRequest(`/rounds/${roundId}/items/new`, { role: "staff", method: "POST", form }), { roundId }));
  expect(statusOf(result), JSON.stringify(result instanceof Response ? null : payload(result))).toBe(302);
  return db.agendaItem.findFirstOrThrow({ where: { roundId }, orderBy: { position: "desc" } });
}

describe("who may see and change rounds", () => {
  let roundId: string;
  let itemId: string;
  const roundNote = "ROUND-NOTE-内部メモ-7731";
  const itemNote = "ITEM-NOTE-担当者の感触-9923";

  beforeAll(async () => {
    roundId = await createRound({ kind: "ministry_round", titleJa: "権限テストの交渉", heldOn: "2030-01-10", bodyIds: [bodyA], internalNote: roundNote });
    itemId = (await addItem(roundId, { demandId: (await demand("D-002")).id, bodyId: bodyA, internalNote: itemNote, questionJa: "質問" })).id;
  });

  it("sends anonymous visitors to sign in", async () => {
    for (const [fn, url, params] of [
      [listLoader, "/rounds", {}],
      [detailLoader, `/rounds/${roundId}`, { roundId }],
      [newLoader, "/rounds/new", {}],
    ] as const) {
      const result = await run(async () => fn(args(await makeRequest(url), params)));
      expect(statusOf(result)).toBe(302);
      expect(result instanceof Response && result.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    }
  });

  it("lets members read the list and the round, without internal notes or edit controls", async () => {
    const list = await listLoader(args(await makeRequest("/rounds?q=権限テスト", { role: "member" })));
    expect(list.items.map((r) => r.id)).toEqual([roundId]);
    expect(list.canEdit).toBe(false);
    const detail = await detailLoader(args(await makeRequest(`/rounds/${roundId}`, { role: "member" }), { roundId }));
    expect(detail.canEdit).toBe(false);
    expect(detail.items).toHaveLength(1);
    expect(detail.items[0].questionJa).toBe("質問");
    const serialised = JSON.stringify(detail);
    expect(serialised).not.toContain(roundNote);
    expect(serialised).not.toContain(itemNote);
    expect(detail.carryChoices).toBeNull();
  });

  it("shows staff the internal notes", async () => {
    const detail = await detailLoader(args(await makeRequest(`/rounds/${roundId}`, { role: "staff" }), { roundId }));
    expect(detail.round.internalNote).toBe(roundNote);
    expect(detail.items[0].internalNote).toBe(itemNote);
    expect(detail.canEdit).toBe(true);
  });

  it("refuses members every editor and every change (403)", async () => {
    const member = (url: string, form?: Record<string, string>) => makeRequest(url, { role: "member", method: form ? "POST" : "GET", form });
    const calls: Array<() => Promise<unknown>> = [
      async () => newLoader(args(await member("/rounds/new"))),
      async () => newLoader(args(await member(`/rounds/new?request=x`))),
      async () => newAction(args(await member("/rounds/new", { kind: "ministry_round", titleJa: "x", heldOn: "2030" }))),
      async () => editLoader(args(await member(`/rounds/${roundId}/edit`), { roundId })),
      async () => editAction(args(await member(`/rounds/${roundId}/edit`, { kind: "ministry_round", titleJa: "x", heldOn: "2030", version: "1" }), { roundId })),
      async () => newItemLoader(args(await member(`/rounds/${roundId}/items/new`), { roundId })),
      async () => newItemAction(args(await member(`/rounds/${roundId}/items/new`, { demandId: "x" }), { roundId })),
      async () => itemLoader(args(await member(`/rounds/${roundId}/items/${itemId}`), { roundId, itemId })),
      async () => itemAction(args(await member(`/rounds/${roundId}/items/${itemId}`, { demandId: "x", version: "1" }), { roundId, itemId })),
      async () => detailAction(args(await member(`/rounds/${roundId}`, { intent: "removeItem", itemId }), { roundId })),
      async () => detailAction(args(await member(`/rounds/${roundId}`, { intent: "moveUp", itemId }), { roundId })),
      async () => detailAction(args(await member(`/rounds/${roundId}`, { intent: "carryForward" }), { roundId })),
    ];
    for (const call of calls) expect(statusOf(await run(call))).toBe(403);
    expect(await db.agendaItem.count({ where: { roundId } })).toBe(1);
    expect((await db.negotiationRound.findUniqueOrThrow({ where: { id: roundId } })).titleJa).toBe("権限テストの交渉");
  });

  it("answers 404 for an unknown round or item", async () => {
    expect(statusOf(await run(async () => detailLoader(args(await makeRequest("/rounds/nope", { role: "member" }), { roundId: "nope" }))))).toBe(404);
    expect(statusOf(await run(async () => itemLoader(args(await makeRequest(`/rounds/${roundId}/items/nope`, { role: "staff" }), { roundId, itemId: "nope" }))))).toBe(404);
  });
});

describe("validation", () => {
  it("requires the date of a round, keeping everything else typed", async () => {
    const form = { kind: "individual_talks", titleJa: "日付のない面談", place: "衆議院第二議員会館", bodyIds: [bodyA], heldOn: "" };
    const result = await newAction(args(await makeRequest("/rounds/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result).result;
    expect(reply.error?.heldOn).toEqual(["error.required"]);
    expect(Object.keys(reply.error ?? {})).toEqual(["heldOn"]);
    expect(reply.initialValue?.titleJa).toBe("日付のない面談");
    expect(reply.initialValue?.place).toBe("衆議院第二議員会館");
    expect(reply.initialValue?.bodyIds).toBe(bodyA);
  });

  it("refuses unknown references as field errors", async () => {
    const form = { kind: "ministry_round", titleEn: "x", heldOn: "2030", requestId: "nope", bodyIds: ["nope"], officialIds: [staffPersonId], ourIds: [officialId] };
    const reply = payload(await newAction(args(await makeRequest("/rounds/new", { role: "staff", method: "POST", form })))).result;
    expect(reply.error?.requestId).toEqual(["error.unknownChoice"]);
    expect(reply.error?.bodyIds).toEqual(["error.unknownChoice"]);
    // A staff member is not an official, and an official is not one of ours.
    expect(reply.error?.officialIds).toEqual(["error.unknownChoice"]);
    expect(reply.error?.ourIds).toEqual(["error.unknownChoice"]);
  });

  it("requires a demand on an agenda item, and a follow-up date with a commitment", async () => {
    const roundId = await createRound({ kind: "ministry_round", titleJa: "検証用", heldOn: "2030-02-01", bodyIds: [bodyA] });
    const noDemand = await newItemAction(
      args(await makeRequest(`/rounds/${roundId}/items/new`, { role: "staff", method: "POST", form: { bodyId: bodyA, questionJa: "事前質問の文" } }), { roundId }),
    );
    expect(statusOf(noDemand)).toBe(400);
    const first = payload(noDemand).result;
    expect(first.error?.demandId).toEqual(["error.required"]);
    expect(first.initialValue?.questionJa).toBe("事前質問の文");

    const form = { demandId: (await demand("D-003")).id, bodyId: bodyA, commitmentJa: "年度内に検討結果を報告する", answer: doc("検討します"), assessment: "commitment" };
    const noDate = await newItemAction(args(await makeRequest(`/rounds/${roundId}/items/new`, { role: "staff", method: "POST", form }), { roundId }));
    expect(statusOf(noDate)).toBe(400);
    const second = payload(noDate).result;
    expect(second.error).toEqual({ followUpOn: ["error.followUpOnRequired"] });
    expect(second.initialValue?.commitmentJa).toBe("年度内に検討結果を報告する");
    expect(second.initialValue?.answer).toBe(form.answer);
    expect(await db.agendaItem.count({ where: { roundId } })).toBe(0);

    const unknown = await newItemAction(args(await makeRequest(`/rounds/${roundId}/items/new`, { role: "staff", method: "POST", form: { demandId: "nope", bodyId: "nope" } }), { roundId }));
    expect(payload(unknown).result.error).toEqual({ demandId: ["error.unknownChoice"], bodyId: ["error.unknownChoice"] });
  });
});

describe("starting a round from a request", () => {
  it("prefills the form and puts each demand for each addressed body on the agenda, in order", async () => {
    const demands = await Promise.all(["D-005", "D-001", "D-010"].map(demand));
    const request = await db.request.create({
      data: {
        kind: "regular",
        titleJa: "2030年度 定例要望書",
        titleEn: "Regular request 2030",
        sentOn: "2030-10-01",
        addressees: { create: [{ bodyId: bodyB }, { bodyId: bodyA }] },
        items: {
          create: demands.map((d, i) => ({ position: i + 1, demandId: d.id, wordingJa: `文言${i + 1}`, wordingEn: `Wording ${i + 1}` })),
        },
      },
      include: { items: { orderBy: { position: "asc" } } },
    });

    const loaded = await newLoader(args(await makeRequest(`/rounds/new?request=${request.id}`, { role: "staff" })));
    expect(loaded.defaults).toMatchObject({ titleJa: request.titleJa, titleEn: request.titleEn, requestId: request.id, agendaFromRequest: true });
    expect([...(loaded.defaults.bodyIds ?? [])].sort()).toEqual([bodyA, bodyB].sort());
    expect(loaded.requestItemCount).toBe(3);
    expect(loaded.options.requests.some((o) => o.value === request.id)).toBe(true);

    const form = {
      kind: loaded.defaults.kind ?? "",
      titleJa: request.titleJa,
      titleEn: request.titleEn,
      heldOn: "2030-11-20",
      requestId: request.id,
      bodyIds: [bodyA, bodyB],
      agendaFromRequest: "on",
    };
    const result = await newAction(args(await makeRequest(`/rounds/new?request=${request.id}`, { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(302);
    expect((await toastOf(result))?.vars).toEqual({ count: 6 });
    const roundId = idFromLocation(result);
    const items = await db.agendaItem.findMany({ where: { roundId }, orderBy: { position: "asc" } });
    expect(items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(items.map((i) => i.demandId)).toEqual(demands.flatMap((d) => [d.id, d.id]));
    expect(items.map((i) => i.requestItemId)).toEqual(request.items.flatMap((ri) => [ri.id, ri.id]));
    expect(items.map((i) => i.questionJa)).toEqual(["文言1", "文言1", "文言2", "文言2", "文言3", "文言3"]);
    expect(items[0].questionEn).toBe("Wording 1");
    for (let i = 0; i < 6; i += 2) expect([items[i].bodyId, items[i + 1].bodyId].sort()).toEqual([bodyA, bodyB].sort());
    expect(await db.auditEvent.count({ where: { entityType: "AgendaItem", entityId: { in: items.map((i) => i.id) }, action: "create" } })).toBe(6);

    const detail = await detailLoader(args(await makeRequest(`/rounds/${roundId}`, { role: "member" }), { roundId }));
    expect(detail.round.request?.id).toBe(request.id);
  });

  it("puts one item per demand without a body when the request has no addressee", async () => {
    const request = await db.request.create({
      data: { kind: "emergency", titleJa: "緊急要望", titleEn: "", sentOn: "2030-03-20", items: { create: [{ position: 1, demandId: (await demand("D-004")).id }] } },
    });
    const roundId = await createRound({ kind: "individual_talks", titleJa: "緊急要望の面談", heldOn: "2030-03-25", requestId: request.id, agendaFromRequest: "on" });
    const items = await db.agendaItem.findMany({ where: { roundId } });
    expect(items).toHaveLength(1);
    expect(items[0].bodyId).toBeNull();
    expect(items[0].questionJa).toBeNull();
  });

  it("answers 404 for an unknown request", async () => {
    expect(statusOf(await run(async () => newLoader(args(await makeRequest("/rounds/new?request=nope", { role: "staff" })))))).toBe(404);
  });
});

describe("logging a round", () => {
  it("records bodies, people, three answered items, and reads them back", async () => {
    const roundId = await createRound({
      kind: "intermediary_meeting",
      titleJa: "民主党幹事長室を通じた政務三役との面談",
      titleEn: "Meeting with ministers' aides through the DPJ Secretary General's office",
      heldOn: "2011年5月18日",
      place: "衆議院第一議員会館",
      intermediaryBodyId: bodyC,
      bodyIds: [bodyA, bodyB],
      officialIds: [officialId],
      ourIds: [staffPersonId],
      summary: doc("技能実習制度と在留資格について意見交換した。"),
    });
    const round = await db.negotiationRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round.heldOn).toBe("2011-05-18");

    const [d1, d2, d3] = await Promise.all(["D-006", "D-007", "D-008"].map(demand));
    await addItem(roundId, {
      demandId: d1.id,
      bodyId: bodyA,
      questionJa: "研修・技能実習制度を廃止するか",
      answer: doc("制度の見直しを検討している"),
      assessment: "will_consider",
    });
    await addItem(roundId, {
      demandId: d2.id,
      bodyId: bodyB,
      answer: doc("通知を改正し、来年3月までに周知する"),
      assessment: "commitment",
      commitmentJa: "通知を改正し周知する",
      commitmentEn: "Revise and circulate the notice",
      followUpOn: "2012-03",
    });
    await addItem(roundId, { demandId: d3.id, bodyId: bodyA, answer: doc("お答えできない"), assessment: "refusal" });

    const detail = await detailLoader(args(await makeRequest(`/rounds/${roundId}`, { role: "member" }), { roundId }));
    expect(detail.round.kind).toBe("intermediary_meeting");
    expect(detail.round.intermediaryBody?.id).toBe(bodyC);
    expect(detail.round.bodies.map((b) => b.id).sort()).toEqual([bodyA, bodyB].sort());
    expect(detail.round.officials.map((p) => p.id)).toEqual([officialId]);
    expect(detail.round.officials[0].place?.body?.id).toBe(bodyA);
    expect(detail.round.ours.map((p) => p.id)).toEqual([staffPersonId]);
    expect(detail.summaryHtml).toBe("<p>技能実習制度と在留資格について意見交換した。</p>");
    expect(detail.items.map((i) => [i.position, i.demand.ref, i.assessment])).toEqual([
      [1, "D-006", "will_consider"],
      [2, "D-007", "commitment"],
      [3, "D-008", "refusal"],
    ]);
    expect(detail.items[1].answerHtml).toBe("<p>通知を改正し、来年3月までに周知する</p>");
    expect(detail.items[1]).toMatchObject({ commitmentEn: "Revise and circulate the notice", followUpOn: "2012-03", followUpStatus: "open" });
    expect(detail.items[0].followUpStatus).toBeNull();
    expect(detail.counts).toEqual({ items: 3, answered: 3, openCommitments: 1 });
    const stored = await db.agendaItem.findFirstOrThrow({ where: { roundId, position: 1 } });
    expect(stored.answerText).toBe("制度の見直しを検討している");

    const list = await listLoader(args(await makeRequest(`/rounds?year=2011&kind=intermediary_meeting&body=${bodyB}&demand=${d2.id}`, { role: "member" })));
    expect(list.items.map((r) => r.id)).toEqual([roundId]);
    expect(list.items[0].counts).toEqual({ items: 3, answered: 3, openCommitments: 1 });
    expect(list.options.years.some((y) => y.value === "2011")).toBe(true);
    const byPlace = await listLoader(args(await makeRequest("/rounds?q=第一議員会館", { role: "member" })));
    expect(byPlace.items.map((r) => r.id)).toContain(roundId);
    const none = await listLoader(args(await makeRequest(`/rounds?year=2011&kind=ministry_round&body=${bodyB}`, { role: "member" })));
    expect(none.items).toEqual([]);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "NegotiationRound", entityId: roundId, action: "create" } });
    expect(JSON.parse(audit.after ?? "{}").officialIds).toEqual([officialId]);
  });

  it("sorts newest first by default and pages", async () => {
    const list = await listLoader(args(await makeRequest("/rounds?page=-1&sort=bogus", { role: "member" })));
    const dates = list.items.map((r) => r.heldOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(list.query).toMatchObject({ page: 1, sort: "date", dir: "desc" });
    const asc = await listLoader(args(await makeRequest("/rounds?sort=date&dir=asc", { role: "member" })));
    const ascDates = asc.items.map((r) => r.heldOn);
    expect(ascDates).toEqual([...ascDates].sort());
  });

  it("moves and removes items, keeping positions 1…n", async () => {
    const roundId = await createRound({ kind: "ministry_round", titleJa: "並べ替え", heldOn: "2030-04-01", bodyIds: [bodyA] });
    const a = await addItem(roundId, { demandId: (await demand("D-011")).id });
    const b = await addItem(roundId, { demandId: (await demand("D-012")).id });
    const c = await addItem(roundId, { demandId: (await demand("D-013")).id });
    const post = async (form: Record<string, string>) => detailAction(args(await makeRequest(`/rounds/${roundId}`, { role: "staff", method: "POST", form }), { roundId }));
    const order = async () => (await db.agendaItem.findMany({ where: { roundId }, orderBy: { position: "asc" } })).map((i) => [i.position, i.id]);

    expect(statusOf(await post({ intent: "moveUp", itemId: c.id }))).toBe(302);
    expect(await order()).toEqual([[1, a.id], [2, c.id], [3, b.id]]);
    await post({ intent: "moveUp", itemId: a.id });
    expect(await order()).toEqual([[1, a.id], [2, c.id], [3, b.id]]);
    await post({ intent: "moveDown", itemId: a.id });
    expect(await order()).toEqual([[1, c.id], [2, a.id], [3, b.id]]);

    const removed = await post({ intent: "removeItem", itemId: c.id });
    expect((await toastOf(removed))?.message).toBe("toast.agendaItemRemoved");
    expect(await order()).toEqual([[1, a.id], [2, b.id]]);
    expect(await db.auditEvent.count({ where: { entityType: "AgendaItem", entityId: c.id, action: "delete" } })).toBe(1);
    expect(statusOf(await run(() => post({ intent: "removeItem", itemId: c.id })))).toBe(404);
    expect(statusOf(await run(() => post({ intent: "bogus", itemId: a.id })))).toBe(400);
  });
});

describe("carrying unanswered items forward", () => {
  it("copies only the previous round's unanswered items and skips pairs already on the agenda", async () => {
    const [d1, d2, d3, d4, d5] = await Promise.all(["D-014", "D-015", "D-016", "D-017", "D-018"].map(demand));
    // An older round with the same body, and a later one with another body: neither is "previous".
    const older = await createRound({ kind: "ministry_round", titleJa: "2031年 交渉（古い）", heldOn: "2031-01-10", bodyIds: [bodyB] });
    await addItem(older, { demandId: d1.id, bodyId: bodyB });
    const unrelated = await createRound({ kind: "ministry_round", titleJa: "別の機関との交渉", heldOn: "2032-03-01", bodyIds: [bodyC] });
    await addItem(unrelated, { demandId: d2.id, bodyId: bodyC });

    const previous = await createRound({ kind: "ministry_round", titleJa: "2032年 交渉", heldOn: "2032-02-01", bodyIds: [bodyA, bodyB] });
    const unanswered = await addItem(previous, { demandId: d1.id, bodyId: bodyA, questionJa: "未回答の質問" });
    const evasive = await addItem(previous, { demandId: d2.id, bodyId: bodyB, answer: doc("適切に対応している"), assessment: "evasive" });
    await addItem(previous, { demandId: d3.id, bodyId: bodyA, answer: doc("通知を出す"), assessment: "commitment", commitmentJa: "通知", followUpOn: "2032-12" });
    const noAnswer = await addItem(previous, { demandId: d4.id, bodyId: bodyA, answer: doc("…"), assessment: "no_answer" });
    await addItem(previous, { demandId: d5.id, bodyId: bodyB, answer: doc("できない"), assessment: "refusal" });

    const current = await createRound({ kind: "ministry_round", titleJa: "2033年 交渉", heldOn: "2033-02-01", bodyIds: [bodyB] });
    const existing = await addItem(current, { demandId: d4.id, bodyId: bodyA });

    const staffDetail = await detailLoader(args(await makeRequest(`/rounds/${current}`, { role: "staff" }), { roundId: current }));
    expect(staffDetail.previousRound?.id).toBe(previous);
    expect(staffDetail.carryChoices?.some((c) => c.value === older)).toBe(true);

    const post = async (form: Record<string, string>) => detailAction(args(await makeRequest(`/rounds/${current}`, { role: "staff", method: "POST", form }), { roundId: current }));
    const result = await post({ intent: "carryForward", sourceRoundId: "" });
    expect(statusOf(result)).toBe(302);
    expect(await toastOf(result)).toMatchObject({ message: "toast.carriedForward", vars: { count: 2, skipped: 1 } });
    expect(["2032年2月1日", "1 February 2032"]).toContain((await toastOf(result))?.vars?.date);

    const items = await db.agendaItem.findMany({ where: { roundId: current }, orderBy: { position: "asc" } });
    expect(items.map((i) => [i.position, i.demandId, i.bodyId, i.carriedFromId])).toEqual([
      [1, d4.id, bodyA, null],
      [2, d1.id, bodyA, unanswered.id],
      [3, d2.id, bodyB, evasive.id],
    ]);
    expect(items[1].questionJa).toBe("未回答の質問");
    expect(items[1].answer).toBeNull();
    expect(items.some((i) => i.carriedFromId === noAnswer.id)).toBe(false);
    expect(existing.carriedFromId).toBeNull();

    // Again: everything is on the agenda already.
    const again = await post({ intent: "carryForward" });
    expect(await toastOf(again)).toMatchObject({ message: "toast.carriedForwardNone", vars: { count: 0, skipped: 3 } });
    expect(await db.agendaItem.count({ where: { roundId: current } })).toBe(3);

    // From a round chosen in the select.
    const chosen = await post({ intent: "carryForward", sourceRoundId: older });
    expect(await toastOf(chosen)).toMatchObject({ message: "toast.carriedForward", vars: { count: 1, skipped: 0 } });
    const carried = await db.agendaItem.findFirstOrThrow({ where: { roundId: current, position: 4 } });
    expect(carried).toMatchObject({ demandId: d1.id, bodyId: bodyB });

    const member = await detailLoader(args(await makeRequest(`/rounds/${current}`, { role: "member" }), { roundId: current }));
    expect(member.items[1].carriedFrom?.round.id).toBe(previous);
  });

  it("says so when there is no earlier round with a shared body", async () => {
    const lonely = await createRound({ kind: "individual_talks", titleJa: "最初の面談", heldOn: "2020-01-01", bodyIds: [bodyC] });
    const result = await detailAction(args(await makeRequest(`/rounds/${lonely}`, { role: "staff", method: "POST", form: { intent: "carryForward" } }), { roundId: lonely }));
    expect(await toastOf(result)).toMatchObject({ kind: "info", message: "toast.carryForwardNoSource" });
    const unknown = await detailAction(args(await makeRequest(`/rounds/${lonely}`, { role: "staff", method: "POST", form: { intent: "carryForward", sourceRoundId: "nope" } }), { roundId: lonely }));
    expect(await toastOf(unknown)).toMatchObject({ kind: "error", message: "error.unknownChoice" });
  });
});

describe("version conflicts", () => {
  it("never overwrites a newer round silently (409 with the saved values)", async () => {
    const roundId = await createRound({ kind: "ministry_round", titleJa: "版の競合", heldOn: "2030-05-01", bodyIds: [bodyA] });
    const loaded = await editLoader(args(await makeRequest(`/rounds/${roundId}/edit`, { role: "staff" }), { roundId }));
    const base = { kind: loaded.round.kind, titleJa: loaded.round.titleJa, heldOn: loaded.round.heldOn, bodyIds: loaded.round.bodyIds, version: String(loaded.round.version) };

    const first = await editAction(args(await makeRequest(`/rounds/${roundId}/edit`, { role: "admin", method: "POST", form: { ...base, place: "先に保存" } }), { roundId }));
    expect(statusOf(first)).toBe(302);
    const second = await editAction(args(await makeRequest(`/rounds/${roundId}/edit`, { role: "staff", method: "POST", form: { ...base, place: "後から保存" } }), { roundId }));
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.conflict?.place).toBe("先に保存");
    expect(reply.conflict?.version).toBe(loaded.round.version + 1);
    expect(reply.result.initialValue?.place).toBe("後から保存");
    expect((await db.negotiationRound.findUniqueOrThrow({ where: { id: roundId } })).place).toBe("先に保存");

    const third = await editAction(
      args(await makeRequest(`/rounds/${roundId}/edit`, { role: "staff", method: "POST", form: { ...base, place: "統合", version: String(reply.conflict?.version) } }), { roundId }),
    );
    expect(statusOf(third)).toBe(302);
    expect(await db.auditEvent.count({ where: { entityType: "NegotiationRound", entityId: roundId, action: "update" } })).toBe(2);
  });

  it("never overwrites a newer agenda item silently (409 with the saved values)", async () => {
    const roundId = await createRound({ kind: "ministry_round", titleJa: "議題の競合", heldOn: "2030-06-01", bodyIds: [bodyA] });
    const item = await addItem(roundId, { demandId: (await demand("D-019")).id, bodyId: bodyA });
    const loaded = await itemLoader(args(await makeRequest(`/rounds/${roundId}/items/${item.id}`, { role: "staff" }), { roundId, itemId: item.id }));
    expect(loaded.options.bodiesAtRound.map((o) => o.value)).toEqual([bodyA]);
    const base = { demandId: loaded.item.demandId, bodyId: bodyA, version: String(loaded.item.version) };
    const post = async (form: Record<string, string>, role: "staff" | "admin" = "staff") =>
      itemAction(args(await makeRequest(`/rounds/${roundId}/items/${item.id}`, { role, method: "POST", form }), { roundId, itemId: item.id }));

    expect(statusOf(await post({ ...base, answer: doc("先の回答"), assessment: "will_consider" }, "admin"))).toBe(302);
    const second = await post({ ...base, answer: doc("後の回答"), assessment: "refusal" });
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.conflict?.answerHtml).toBe("<p>先の回答</p>");
    expect(reply.conflict?.assessment).toBe("will_consider");
    expect(reply.result.initialValue?.assessment).toBe("refusal");
    const saved = await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved.answerText).toBe("先の回答");
    expect(saved.version).toBe(2);

    expect(statusOf(await post({ ...base, version: "2", commitmentJa: "約束", followUpOn: "2031", followUpStatus: "done" }))).toBe(302);
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ followUpStatus: "done", answer: null, answerText: null });
  });
});

describe("attachments", () => {
  const pdf = () => new File([new TextEncoder().encode("%PDF-1.4\n% test\n")], "回答書.pdf", { type: "application/pdf" });

  async function multipart(url: string, fields: Record<string, string | string[]>, files: File[]) {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    for (const f of files) body.append("attachments", f);
    return new Request(new URL(url, "http://localhost"), { method: "POST", body, headers: { Cookie: await sessionCookie("staff") } });
  }

  it("stores uploaded documents, refuses other files next to the input, and removes them on edit", async () => {
    const fields = { kind: "ministry_round", titleJa: "資料つきの交渉", heldOn: "2030-07-01", bodyIds: [bodyA] };
    const refused = await newAction(args(await multipart("/rounds/new", fields, [new File(["hello"], "note.txt", { type: "text/plain" })])));
    expect(statusOf(refused)).toBe(400);
    const reply = payload(refused).result;
    expect(reply.error).toEqual({ attachments: ["error.attachmentType"] });
    expect(reply.initialValue?.titleJa).toBe("資料つきの交渉");

    const created = await newAction(args(await multipart("/rounds/new", fields, [pdf()])));
    expect(statusOf(created)).toBe(302);
    const roundId = idFromLocation(created);
    const detail = await detailLoader(args(await makeRequest(`/rounds/${roundId}`, { role: "member" }), { roundId }));
    expect(detail.round.attachments.map((a) => a.fileName)).toEqual(["回答書.pdf"]);

    const loaded = await editLoader(args(await makeRequest(`/rounds/${roundId}/edit`, { role: "staff" }), { roundId }));
    const attachmentId = loaded.round.attachments[0].id;
    const edited = await editAction(
      args(await multipart(`/rounds/${roundId}/edit`, { ...fields, version: String(loaded.round.version), removeAttachmentIds: attachmentId }, []), { roundId }),
    );
    expect(statusOf(edited)).toBe(302);
    expect((await db.attachment.findUniqueOrThrow({ where: { id: attachmentId } })).deletedAt).not.toBeNull();
    const after = await detailLoader(args(await makeRequest(`/rounds/${roundId}`, { role: "member" }), { roundId }));
    expect(after.round.attachments).toEqual([]);
  });
});
