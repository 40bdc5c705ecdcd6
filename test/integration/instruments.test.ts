import { describe, expect, it } from "vitest";
import { createInstrument } from "~/models/instrument.server";
import { type OutcomeFormValues } from "~/models/outcome";
import { createOutcome, deleteOutcome } from "~/models/outcome.server";
import { loader as detailLoader } from "~/routes/instruments.$instrumentId._index";
import { action as editAction, loader as editLoader } from "~/routes/instruments.$instrumentId.edit";
import { loader as listLoader } from "~/routes/instruments._index";
import { action as newAction, loader as newLoader } from "~/routes/instruments.new";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

const bodyByName = (nameEn: string) => db.body.findFirstOrThrow({ where: { nameEn } });
const staffId = async () => (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;

const outcomeValues = (demandId: string, instrumentId: string, extra: Partial<OutcomeFormValues> = {}): OutcomeFormValues => ({
  demandId,
  instrumentId,
  degree: "partially_reflected",
  occurredOn: "2031-02",
  quoteJa: "外国人住民への配慮",
  quoteEn: undefined,
  sourceUrl: undefined,
  note: undefined,
  internalNote: "内部メモ",
  requestIds: [],
  roundIds: [],
  agendaItemIds: [],
  commentPointIds: [],
  removeAttachmentIds: [],
  ...extra,
});

describe("instrument list", () => {
  it("sends anonymous visitors to sign in and lets members read without the staff controls", async () => {
    const anonymous = await run(async () => listLoader(args(await makeRequest("/instruments?kind=law"))));
    expect(statusOf(anonymous)).toBe(302);
    const member = await listLoader(args(await makeRequest("/instruments", { role: "member" })));
    expect(member.canEdit).toBe(false);
    expect(member.total).toBe(await db.instrument.count({ where: { deletedAt: null } }));
    expect((await listLoader(args(await makeRequest("/instruments", { role: "staff" })))).canEdit).toBe(true);
  });

  it("searches titles, filters by kind, issuing body (with the bodies below it) and year adopted, and sorts by adoption", async () => {
    const userId = await staffId();
    const bureau = await bodyByName("Immigration Bureau");
    const moj = await bodyByName("Ministry of Justice");
    const mhlw = await bodyByName("Ministry of Health, Labour and Welfare");
    await createInstrument({ kind: "guideline", titleJa: "試験用在留特別許可ガイドライン", titleEn: "Test guideline on special permission", issuerBodyId: bureau.id, adoptedOn: "2039-07", draftOn: "2039" }, userId);
    await createInstrument({ kind: "law", titleJa: "試験用法律", titleEn: "Test law", issuerBodyId: mhlw.id, adoptedOn: "2039-03-01" }, userId);
    await createInstrument({ kind: "law", titleJa: "試験用法案", titleEn: "Test bill without adoption", issuerBodyId: moj.id }, userId);

    const search = await listLoader(args(await makeRequest(`/instruments?q=${encodeURIComponent("試験用")}`, { role: "member" })));
    expect(search.total).toBe(3);
    const searchEn = await listLoader(args(await makeRequest("/instruments?q=special%20permission", { role: "member" })));
    expect(searchEn.items.map((i) => i.titleEn)).toEqual(["Test guideline on special permission"]);

    const byMoj = await listLoader(args(await makeRequest(`/instruments?body=${moj.id}&q=Test`, { role: "member" })));
    expect(byMoj.items.map((i) => i.titleEn).sort()).toEqual(["Test bill without adoption", "Test guideline on special permission"]);

    const laws = await listLoader(args(await makeRequest("/instruments?kind=law&q=Test", { role: "member" })));
    expect(laws.items.map((i) => i.kind)).toEqual(["law", "law"]);

    const year = await listLoader(args(await makeRequest("/instruments?year=2039", { role: "member" })));
    expect(year.items.map((i) => i.adoptedOn)).toEqual(["2039-07", "2039-03-01"]);
    expect(year.options.years.map((y) => y.value)).toContain("2039");

    const ascending = await listLoader(args(await makeRequest("/instruments?sort=adopted&dir=asc", { role: "member" })));
    const dates = ascending.items.map((i) => i.adoptedOn).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort());

    const bogus = await listLoader(args(await makeRequest("/instruments?kind=decree&year=20x9&sort=size&page=-1", { role: "member" })));
    expect(bogus.query).toMatchObject({ kind: undefined, year: undefined, sort: "adopted", dir: "desc", page: 1 });

    const none = await listLoader(args(await makeRequest("/instruments?q=no-such-document-anywhere", { role: "member" })));
    expect(none.items).toEqual([]);
  });
});

describe("creating and editing an instrument", () => {
  it("is staff-only: members get 403 on every editing screen", async () => {
    const instrument = await createInstrument({ kind: "plan", titleJa: "会員テスト計画", titleEn: "" }, await staffId());
    const params = { instrumentId: instrument.id };
    expect(statusOf(await run(async () => newLoader(args(await makeRequest("/instruments/new", { role: "member" })))))).toBe(403);
    expect(statusOf(await run(async () => newAction(args(await makeRequest("/instruments/new", { role: "member", method: "POST", form: { kind: "law", titleJa: "x" } })))))).toBe(403);
    expect(statusOf(await run(async () => editLoader(args(await makeRequest(`/instruments/${instrument.id}/edit`, { role: "member" }), params))))).toBe(403);
    const post = await run(async () =>
      editAction(args(await makeRequest(`/instruments/${instrument.id}/edit`, { role: "member", method: "POST", form: { kind: "law", titleJa: "x", version: "1" } }), params)),
    );
    expect(statusOf(post)).toBe(403);
    expect((await db.instrument.findUniqueOrThrow({ where: { id: instrument.id } })).titleJa).toBe("会員テスト計画");
  });

  it("gives field errors next to each field and keeps what was typed", async () => {
    const form = { kind: "decree", titleJa: "", titleEn: "", draftOn: "2010-05", adoptedOn: "2009", effectiveOn: "2008-13", url: "ftp://example.org/x", notes: "入力したメモ" };
    const result = await newAction(args(await makeRequest("/instruments/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.result.error?.kind).toEqual(["error.unknownChoice"]);
    expect(reply.result.error?.titleJa).toEqual(["error.titleOneLanguage"]);
    expect(reply.result.error?.adoptedOn).toEqual(["error.dateOrder"]);
    expect(reply.result.error?.effectiveOn).toEqual(["error.partialDate"]);
    expect(reply.result.error?.url).toEqual(["error.url"]);
    expect(reply.result.initialValue?.notes).toBe("入力したメモ");

    const order = await newAction(args(await makeRequest("/instruments/new", { role: "staff", method: "POST", form: { kind: "law", titleEn: "x", adoptedOn: "2010-06", effectiveOn: "2010-05-31" } })));
    expect(payload(order).result.error?.effectiveOn).toEqual(["error.dateOrder"]);
    // Partial dates that overlap are in order: adopted "2010" and in force "2010-04".
    const overlap = await newAction(args(await makeRequest("/instruments/new", { role: "staff", method: "POST", form: { kind: "law", titleEn: "Overlap law", draftOn: "2010", adoptedOn: "2010", effectiveOn: "2010-04" } })));
    expect(statusOf(overlap)).toBe(302);

    const missingKind = await newAction(args(await makeRequest("/instruments/new", { role: "staff", method: "POST", form: { titleEn: "x" } })));
    expect(payload(missingKind).result.error?.kind).toEqual(["error.required"]);

    const unknownBody = await newAction(args(await makeRequest("/instruments/new", { role: "staff", method: "POST", form: { kind: "law", titleEn: "x", issuerBodyId: "no-such-body" } })));
    expect(statusOf(unknownBody)).toBe(400);
    expect(payload(unknownBody).result.error?.issuerBodyId).toEqual(["error.unknownChoice"]);
  });

  it("creates an instrument, records who did it, and shows it", async () => {
    const options = (await newLoader(args(await makeRequest("/instruments/new", { role: "staff" })))).options;
    const cabinetOffice = await bodyByName("Cabinet Office");
    expect(options.bodies.some((b) => b.value === cabinetOffice.id)).toBe(true);
    const form = {
      kind: "basic_policy",
      titleJa: "第5次男女共同参画基本計画（試験）",
      titleEn: "Fifth Basic Plan for Gender Equality (test)",
      issuerBodyId: cabinetOffice.id,
      draftOn: "2020年7月",
      adoptedOn: "2020/12/25",
      effectiveOn: "2021-04",
      url: "https://www.gender.go.jp/about_danjo/basic_plans/5th/",
    };
    const result = await newAction(args(await makeRequest("/instruments/new", { role: "staff", method: "POST", form })));
    expect(statusOf(result)).toBe(302);
    const created = await db.instrument.findFirstOrThrow({ where: { titleJa: form.titleJa } });
    expect(result instanceof Response && result.headers.get("Location")).toBe(`/instruments/${created.id}`);
    expect(created).toMatchObject({ draftOn: "2020-07", adoptedOn: "2020-12-25", effectiveOn: "2021-04", version: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Instrument", entityId: created.id, action: "create" }, include: { user: true } });
    expect(audit.user?.email).toBe("staff@example.org");
    expect(JSON.parse(audit.after ?? "{}").titleEn).toBe(form.titleEn);

    const detail = await detailLoader(args(await makeRequest(`/instruments/${created.id}`, { role: "member" }), { instrumentId: created.id }));
    expect(detail.canEdit).toBe(false);
    expect(detail.instrument.issuerBody?.nameEn).toBe("Cabinet Office");
  });

  it("lists every outcome recorded against it, but not deleted ones", async () => {
    const userId = await staffId();
    const instrument = await createInstrument({ kind: "notice", titleJa: "試験通知", titleEn: "Test notice" }, userId);
    const d5 = await db.demand.findUniqueOrThrow({ where: { ref: "D-005" } });
    const d6 = await db.demand.findUniqueOrThrow({ where: { ref: "D-006" } });
    const kept = await createOutcome(outcomeValues(d5.id, instrument.id), [], userId);
    const gone = await createOutcome(outcomeValues(d6.id, instrument.id, { degree: "mentioned" }), [], userId);
    await deleteOutcome(gone.id, userId);

    const detail = await detailLoader(args(await makeRequest(`/instruments/${instrument.id}`, { role: "member" }), { instrumentId: instrument.id }));
    expect(detail.instrument.outcomes).toHaveLength(1);
    expect(detail.instrument.outcomes[0]).toMatchObject({ id: kept.id, degree: "partially_reflected", occurredOn: "2031-02", quoteJa: "外国人住民への配慮", demand: { ref: "D-005" } });
    // The internal note of an outcome is never part of the instrument page.
    expect(JSON.stringify(detail)).not.toContain("内部メモ");

    const list = await listLoader(args(await makeRequest("/instruments?q=Test%20notice", { role: "member" })));
    expect(list.items[0].outcomeCount).toBe(1);
  });

  it("never overwrites a newer version silently, and shows the newer one", async () => {
    const instrument = await createInstrument({ kind: "plan", titleJa: "版テスト計画", titleEn: "Version test plan" }, await staffId());
    const params = { instrumentId: instrument.id };
    const loaded = await editLoader(args(await makeRequest(`/instruments/${instrument.id}/edit`, { role: "staff" }), params));
    const base = { kind: loaded.instrument.kind, titleJa: loaded.instrument.titleJa, version: String(loaded.instrument.version) };

    const first = await editAction(args(await makeRequest(`/instruments/${instrument.id}/edit`, { role: "admin", method: "POST", form: { ...base, titleEn: "Saved first" } }), params));
    expect(statusOf(first)).toBe(302);
    const second = await editAction(args(await makeRequest(`/instruments/${instrument.id}/edit`, { role: "staff", method: "POST", form: { ...base, titleEn: "Saved second" } }), params));
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.conflict).toMatchObject({ titleEn: "Saved first", version: 2, updatedByName: "佐藤 由美" });
    expect(reply.result.initialValue?.titleEn).toBe("Saved second");
    expect(reply.result.error?.[""]).toEqual(["error.conflict"]);
    expect((await db.instrument.findUniqueOrThrow({ where: { id: instrument.id } })).titleEn).toBe("Saved first");

    const third = await editAction(args(await makeRequest(`/instruments/${instrument.id}/edit`, { role: "staff", method: "POST", form: { ...base, titleEn: "Merged", version: "2" } }), params));
    expect(statusOf(third)).toBe(302);
    const saved = await db.instrument.findUniqueOrThrow({ where: { id: instrument.id } });
    expect(saved).toMatchObject({ titleEn: "Merged", version: 3 });
    const audits = await db.auditEvent.count({ where: { entityType: "Instrument", entityId: instrument.id, action: "update" } });
    expect(audits).toBe(2);
  });

  it("answers 404 for an unknown instrument, on every screen", async () => {
    const params = { instrumentId: "nope" };
    expect(statusOf(await run(async () => detailLoader(args(await makeRequest("/instruments/nope", { role: "member" }), params))))).toBe(404);
    expect(statusOf(await run(async () => editLoader(args(await makeRequest("/instruments/nope/edit", { role: "staff" }), params))))).toBe(404);
    const post = await run(async () => editAction(args(await makeRequest("/instruments/nope/edit", { role: "staff", method: "POST", form: { kind: "law", titleEn: "x", version: "1" } }), params)));
    expect(statusOf(post)).toBe(404);
  });
});
