// A record's history: the fields an edit changed, before and after, labelled from the catalogs and
// readable (names, dates, rich text as words); child records on the parent's page; staff only.
import { beforeAll, describe, expect, it } from "vitest";
import { type AgendaItemFormValues } from "~/models/round";
import { createAgendaItem, moveAgendaItem, removeAgendaItem, updateAgendaItem } from "~/models/round.server";
import { setStatusOverride } from "~/models/status.server";
import { loader as historyLoader } from "~/routes/history.$entityType.$entityId";
import { action as editAction } from "~/routes/requests.$requestId.edit";
import { action as newAction } from "~/routes/requests.new";
import { db } from "~/utils/db.server";
import { args, type DemoRole, makeRequest, payload, run, sessionCookie, statusOf } from "../request";

type Fields = Record<string, string | string[]>;
const NOTE = "内部メモ：担当課長は次回異動予定";
const doc = (...paragraphs: string[]) => JSON.stringify({ type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });

async function multipart(url: string, role: DemoRole, fields: Fields) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) formData.append(name, v);
  return new Request(new URL(url, "http://localhost"), { method: "POST", body: formData, headers: { Cookie: await sessionCookie(role) } });
}

async function history(slug: string, id: string, role: DemoRole = "staff", search = "") {
  return run(async () => historyLoader(args(await makeRequest(`/history/${slug}/${id}${search}`, { role }), { entityType: slug, entityId: id })));
}

let staffId: string;
let d1: { id: string; ref: string };
let d2: { id: string; ref: string };
let immigration: { id: string; nameJa: string };
let requestId: string;
let requestForm: Fields;

beforeAll(async () => {
  staffId = (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;
  d1 = await db.demand.findUniqueOrThrow({ where: { ref: "D-001" }, select: { id: true, ref: true } });
  d2 = await db.demand.findUniqueOrThrow({ where: { ref: "D-002" }, select: { id: true, ref: true } });
  immigration = await db.body.findFirstOrThrow({ where: { nameEn: "Immigration Bureau" }, select: { id: true, nameJa: true } });
  requestForm = {
    kind: "regular",
    titleJa: "履歴テスト用の要望書",
    titleEn: "A request for the history test",
    sentOn: "2011-10-03",
    addresseeIds: [immigration.id],
    "items[0].demandId": d1.id,
    "items[0].wordingJa": "最初の文言",
    body: doc("最初の本文です。"),
    internalNote: NOTE,
  };
  const created = await newAction(args(await multipart("/requests/new", "staff", requestForm)));
  expect(statusOf(created)).toBe(302);
  requestId = (await db.request.findFirstOrThrow({ where: { titleJa: "履歴テスト用の要望書" } })).id;
});

describe("a record's history", () => {
  it("shows only the fields an edit changed, before and after, labelled and readable", async () => {
    const saved = await editAction(
      args(
        await multipart(`/requests/${requestId}/edit`, "staff", {
          ...requestForm,
          titleEn: "A request for the history test, renamed",
          sentOn: "2011-11",
          "items[1].demandId": d2.id,
          body: doc("書き直した本文です。", "二段落目。"),
          internalNote: `${NOTE}（更新）`,
          version: "1",
        }),
        { requestId },
      ),
    );
    expect(statusOf(saved)).toBe(302);

    const result = payload(await history("request", requestId));
    expect(result.record.name).toBe("履歴テスト用の要望書");
    expect(result.record.deleted).toBe(false);
    expect(result.events.map((e) => e.action)).toEqual(["update", "create"]);
    const [edit, create] = result.events;
    expect(edit.byName).toBe("高谷幸");
    expect(edit.child).toBeNull();
    // Only what changed; bookkeeping (version, updatedAt) is never listed.
    expect(edit.changes.map((c) => c.field)).toEqual(["titleEn", "sentOn", "body", "internalNote", "items"]);
    const byField = Object.fromEntries(edit.changes.map((c) => [c.field, c]));
    // Labels come from the catalogs, in the staff member's language (Japanese).
    expect(byField.titleEn.label).toBe("タイトル（英語）");
    expect(byField.internalNote.label).toBe("内部メモ（スタッフのみ）");
    expect(byField.titleEn.before).toEqual({ text: "A request for the history test", long: false });
    expect(byField.titleEn.after).toEqual({ text: "A request for the history test, renamed", long: false });
    // Dates as people say them, rich text as its words (never raw JSON), demands by number and title.
    expect(byField.sentOn.before).toEqual({ text: "2011年10月3日", long: false });
    expect(byField.sentOn.after).toEqual({ text: "2011年11月", long: false });
    expect(byField.body.before).toEqual({ text: "最初の本文です。", long: false });
    expect(byField.body.after).toEqual({ text: "書き直した本文です。\n二段落目。", long: true });
    expect(JSON.stringify(byField.body)).not.toContain('"type"');
    expect(byField.items.after && "list" in byField.items.after ? byField.items.after.list : []).toEqual([
      expect.stringContaining(`${d1.ref} `),
      expect.stringContaining(`${d2.ref} `),
    ]);
    expect(JSON.stringify(byField.items)).not.toContain(d1.id);
    // The creation lists what was given, with names rather than ids.
    const addressees = create.changes.find((c) => c.field === "addresseeIds");
    expect(addressees?.after).toEqual({ list: [immigration.nameJa] });
    expect(create.changes.some((c) => c.field === "version" || c.field === "updatedAt")).toBe(false);
  });

  it("is for staff and administrators only: members get 403, visitors the sign-in page", async () => {
    expect(statusOf(await history("request", requestId, "member"))).toBe(403);
    const anonymous = await run(async () => historyLoader(args(await makeRequest(`/history/request/${requestId}`), { entityType: "request", entityId: requestId })));
    expect(statusOf(anonymous)).toBe(302);
    expect(anonymous instanceof Response ? anonymous.headers.get("Location") : "").toMatch(/^\/login\?redirectTo=/);
    expect(statusOf(await history("request", requestId, "admin"))).toBe(200);
  });

  it("shows a user's history to administrators only", async () => {
    expect(statusOf(await history("user", staffId, "staff"))).toBe(403);
    expect(statusOf(await history("user", staffId, "admin"))).toBe(200);
  });

  it("answers 404 for an unknown type or record", async () => {
    expect(statusOf(await history("attachment", requestId))).toBe(404);
    expect(statusOf(await history("request", "no-such-request"))).toBe(404);
    expect(statusOf(await history("round", requestId))).toBe(404);
  });

  it("includes a round's agenda items, even those removed or only reordered", async () => {
    const round = await db.negotiationRound.create({ data: { kind: "ministry_round", titleJa: "履歴テストの交渉", titleEn: "History test round", heldOn: "2011-12-05" } });
    const values = (demandId: string, extra: Partial<AgendaItemFormValues> = {}): AgendaItemFormValues => ({ demandId, bodyId: immigration.id, questionJa: "配置を求める", ...extra });
    const first = await createAgendaItem(round.id, values(d1.id), staffId);
    const second = await createAgendaItem(round.id, values(d2.id), staffId);
    if (!first || !second) throw new Error("the round was not found");
    const updated = await updateAgendaItem(round.id, first.id, first.version, values(d1.id, { assessment: "evasive", internalNote: "非公開の所感" }), staffId);
    expect(updated.ok).toBe(true);
    await moveAgendaItem(round.id, second.id, "up", staffId);
    await removeAgendaItem(round.id, first.id, staffId);

    const result = payload(await history("round", round.id));
    const items = result.events.filter((e) => e.child);
    // Two creations, one edit, the reordering (two position changes) and the removal.
    expect(items.map((e) => e.action).sort()).toEqual(["create", "create", "delete", "update", "update", "update"]);
    expect(items.every((e) => e.child?.label === "議題")).toBe(true);
    const edit = items.find((e) => e.action === "update" && e.changes.some((c) => c.field === "assessment"));
    expect(edit?.child?.subject).toMatch(/^D-001 /);
    expect(edit?.changes.find((c) => c.field === "assessment")?.after).toEqual({ text: "はぐらかし", long: false });
    const moved = items.filter((e) => e.changes.length === 1 && e.changes[0].field === "position");
    expect(moved).toHaveLength(2);
    expect(moved.every((e) => e.child?.subject?.startsWith("D-00"))).toBe(true);
    const removed = items.find((e) => e.action === "delete");
    expect(removed?.softDelete).toBe(false);
    expect(removed?.changes.some((c) => c.field === "internalNote" && c.after === null)).toBe(true);
  });

  it("includes a demand's manual statuses", async () => {
    await setStatusOverride(d2.id, { status: "reflected", reason: "閣議決定で反映", fromOn: "2012-04" }, staffId);
    const result = payload(await history("demand", d2.id));
    const override = result.events.find((e) => e.child?.label === "状況の手動設定");
    expect(override?.action).toBe("create");
    expect(override?.changes.find((c) => c.field === "status")?.after).toEqual({ text: "反映", long: false });
    expect(override?.changes.find((c) => c.field === "reason")?.label).toBe("理由");
  });

  it("pages the events, newest first", async () => {
    const person = await db.person.create({ data: { kind: "official", nameJa: "頁送り 太郎", nameEn: "Taro Pager" } });
    await db.auditEvent.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        userId: staffId,
        action: "update",
        entityType: "Person",
        entityId: person.id,
        at: new Date(Date.UTC(2020, 0, 1, 0, i)),
        before: JSON.stringify({ notes: `note ${i}` }),
        after: JSON.stringify({ notes: `note ${i + 1}` }),
      })),
    });
    const first = payload(await history("person", person.id));
    expect(first.total).toBe(30);
    expect(first.pageCount).toBe(2);
    expect(first.events).toHaveLength(25);
    expect(first.events[0].changes[0].after).toEqual({ text: "note 30", long: false });
    const second = payload(await history("person", person.id, "staff", "?page=2"));
    expect(second.events).toHaveLength(5);
    expect(second.events[4].changes[0].before).toEqual({ text: "note 0", long: false });
  });
});
