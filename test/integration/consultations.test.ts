import { describe, expect, it, vi } from "vitest";

// A 1 MB attachment limit for this file, set before the app (and its config) is imported.
vi.hoisted(() => {
  process.env.ATTACHMENT_MAX_MB = "1";
});

import { recordHistory } from "~/models/history.server";
import { createOutcome, outcomeChannelOptions } from "~/models/outcome.server";
import { loadTimeline } from "~/models/timeline.server";
import { moveToTrash, restoreFromTrash } from "~/models/trash.server";
import { loader as detailLoader } from "~/routes/consultations.$consultationId._index";
import { action as editAction, loader as editLoader } from "~/routes/consultations.$consultationId.edit";
import { action as submissionEditAction, loader as submissionEditLoader } from "~/routes/consultations.$consultationId.submissions.$submissionId.edit";
import { action as submissionNewAction } from "~/routes/consultations.$consultationId.submissions.new";
import { loader as listLoader } from "~/routes/consultations._index";
import { action as newAction } from "~/routes/consultations.new";
import { loader as homeLoader } from "~/routes/_index";
import { db } from "~/utils/db.server";
import { addDaysIso, todayInJapan } from "~/utils/partial-date";
import { args, type DemoRole, makeRequest, payload, sessionCookie, statusOf } from "../request";

const NOTE = "内部メモ：所管課の担当者名は非公開";
type Fields = Record<string, string | string[]>;

async function multipart(url: string, role: DemoRole, fields: Fields, files: File[] = []) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) formData.append(name, v);
  for (const file of files) formData.append("attachments", file);
  return new Request(new URL(url, "http://localhost"), { method: "POST", body: formData, headers: { Cookie: await sessionCookie(role) } });
}
const pdf = (name: string) => new File([new TextEncoder().encode(`%PDF-1.4\n% ${name}\n%%EOF\n`)], name, { type: "application/pdf" });
const demand = (ref: string) => db.demand.findUniqueOrThrow({ where: { ref }, select: { id: true } });
const staffId = async () => (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;
let serial = 0;

async function validForm(overrides: Fields = {}): Promise<Fields> {
  const moj = await db.body.findFirstOrThrow({ where: { nameEn: "Immigration Bureau" } });
  return {
    titleJa: "出入国管理及び難民認定法施行規則の一部改正案に対する意見募集",
    titleEn: "Draft amendment of the Immigration Control Act's enforcement ordinance",
    caseNumber: `3000${++serial}`,
    issuerBodyId: moj.id,
    openedOn: "2011-11-01",
    closesOn: "2011-11-30",
    url: "https://public-comment.e-gov.go.jp/example",
    internalNote: NOTE,
    ...overrides,
  };
}

async function createConsultation(overrides: Fields = {}, files: File[] = []) {
  const result = await newAction(args(await multipart("/consultations/new", "staff", await validForm(overrides), files)));
  expect(statusOf(result)).toBe(302);
  const id = /^\/consultations\/([^/#]+)$/.exec(result instanceof Response ? (result.headers.get("Location") ?? "") : "")?.[1];
  if (!id) throw new Error("no redirect to the consultation");
  return id;
}

async function createSubmission(consultationId: string, fields: Fields) {
  const result = await submissionNewAction(args(await multipart(`/consultations/${consultationId}/submissions/new`, "staff", fields), { consultationId }));
  expect(statusOf(result)).toBe(302);
  const id = /#submission-(.+)$/.exec(result instanceof Response ? (result.headers.get("Location") ?? "") : "")?.[1];
  if (!id) throw new Error("no redirect to the submission");
  return id;
}

describe("consultations", () => {
  it("records a consultation with its draft's file, and keeps the internal note from members", async () => {
    const id = await createConsultation({}, [pdf("draft.pdf")]);
    const saved = await db.consultation.findUniqueOrThrow({ where: { id }, include: { attachments: true } });
    expect(saved).toMatchObject({ closesOn: "2011-11-30", deadlineOn: "2011-11-30", internalNote: NOTE, version: 1 });
    expect(saved.attachments.map((a) => a.fileName)).toEqual(["draft.pdf"]);
    expect(await db.auditEvent.count({ where: { entityType: "Consultation", entityId: id, action: "create" } })).toBe(1);

    const asStaff = payload(await detailLoader(args(await makeRequest(`/consultations/${id}`, { role: "staff" }), { consultationId: id })));
    expect(asStaff.consultation.internalNote).toBe(NOTE);
    const asMember = payload(await detailLoader(args(await makeRequest(`/consultations/${id}`, { role: "member" }), { consultationId: id })));
    expect(JSON.stringify(asMember)).not.toContain(NOTE);
    expect(asMember.canEdit).toBe(false);
  });

  it("answers a wrong form with field errors and the typed values, and refuses a case number already used", async () => {
    const bad = await newAction(args(await multipart("/consultations/new", "staff", await validForm({ titleJa: "", titleEn: "", closesOn: "2011-10-01" }))));
    expect(statusOf(bad)).toBe(400);
    const reply = payload(bad).result;
    expect(reply.error).toMatchObject({ titleJa: ["error.consultationTitle"], closesOn: ["error.consultationClosesBeforeOpens"] });
    expect(reply.initialValue).toMatchObject({ closesOn: "2011-10-01", url: "https://public-comment.e-gov.go.jp/example" });

    await createConsultation({ caseNumber: "CASE-DUP" });
    const dup = await newAction(args(await multipart("/consultations/new", "staff", await validForm({ caseNumber: "CASE-DUP" }))));
    expect(statusOf(dup)).toBe(400);
    expect(payload(dup).result.error).toMatchObject({ caseNumber: ["error.consultationCaseTaken"] });
  });

  it("never overwrites a newer save: the second editor gets the saved values and can save over them", async () => {
    const id = await createConsultation();
    const loaded = payload(await editLoader(args(await makeRequest(`/consultations/${id}/edit`, { role: "staff" }), { consultationId: id })));
    const version = String(loaded.consultation.version);
    const first = await editAction(args(await multipart(`/consultations/${id}/edit`, "staff", await validForm({ caseNumber: "E-1", titleEn: "Saved first", version })), { consultationId: id }));
    expect(statusOf(first)).toBe(302);
    const second = await editAction(args(await multipart(`/consultations/${id}/edit`, "staff", await validForm({ caseNumber: "E-1", titleEn: "Saved second", version })), { consultationId: id }));
    expect(statusOf(second)).toBe(409);
    const reply = payload(second);
    expect(reply.conflict?.titleEn).toBe("Saved first");
    // Named in the staff member's language (the demo staff account reads Japanese).
    expect(reply.conflict?.issuerBodyName).toBe("入国管理局");
    expect(reply.result.initialValue).toMatchObject({ titleEn: "Saved second" });
    expect((await db.consultation.findUniqueOrThrow({ where: { id } })).titleEn).toBe("Saved first");
    const third = await editAction(
      args(await multipart(`/consultations/${id}/edit`, "staff", await validForm({ caseNumber: "E-1", titleEn: "Saved second", finalTextChanged: "unchanged", version: String(reply.conflict?.version) })), { consultationId: id }),
    );
    expect(statusOf(third)).toBe(302);
    expect(await db.consultation.findUniqueOrThrow({ where: { id } })).toMatchObject({ titleEn: "Saved second", finalTextChanged: "unchanged", version: 3 });
  });

  it("lists open, closing-soon and closed consultations by the deadline in Japan", async () => {
    const today = todayInJapan();
    const soon = await createConsultation({ titleEn: "Closes in ten days", openedOn: today, closesOn: addDaysIso(today, 10) });
    const later = await createConsultation({ titleEn: "Closes in forty days", openedOn: today, closesOn: addDaysIso(today, 40) });
    const list = async (search: string) =>
      payload(await listLoader(args(await makeRequest(`/consultations?${search}`, { role: "member" })))).items.map((c) => c.titleEn);
    expect(await list("state=closingSoon")).toEqual(["Closes in ten days"]);
    expect(await list("state=open")).toEqual(["Closes in ten days", "Closes in forty days"]);
    const closed = await list("state=closed");
    expect(closed).toContain("Public comments on the draft Basic Policy for DV Prevention");
    expect(closed).not.toContain("Closes in ten days");
    expect(await list("year=2007")).toEqual(["Public comments on the draft Basic Policy for DV Prevention"]);
    // The Immigration Bureau sits under the Ministry of Justice: filtering by the ministry finds its consultations.
    const moj = await db.body.findFirstOrThrow({ where: { nameEn: "Ministry of Justice" } });
    expect(await list(`body=${moj.id}&state=open`)).toEqual(["Closes in ten days", "Closes in forty days"]);
    // The home screen lists what closes within fourteen days, nearest first.
    const home = payload(await homeLoader(args(await makeRequest("/", { role: "member" }))));
    expect(home.closing.items.map((c) => c.id)).toEqual([soon]);
    expect(home.closing.items.map((c) => c.id)).not.toContain(later);
  });
});

describe("submissions and the government's answers", () => {
  it("keeps points by id when edited, so that an outcome naming a point keeps its channel", async () => {
    const consultationId = await createConsultation();
    const [d10, d11, d15] = await Promise.all([demand("D-010"), demand("D-011"), demand("D-015")]);
    const smj = await db.organisation.findFirstOrThrow({ where: { kind: "our_network" } });
    const amnesty = await db.organisation.findFirstOrThrow({ where: { nameEn: "Amnesty International Japan" } });
    const id = await createSubmission(consultationId, {
      submittedOn: "2011-11-25",
      sender: `org:${smj.id}`,
      cosignerIds: [amnesty.id],
      "points[0].demandId": d10.id,
      "points[0].textJa": "非正規滞在者を排除しないこと",
      "points[1].demandId": d11.id,
      "points[1].textEn": "Keep services open",
    });
    const points = await db.commentPoint.findMany({ where: { submissionId: id }, orderBy: { position: "asc" } });
    expect(points.map((p) => p.demandId)).toEqual([d10.id, d11.id]);

    // The outcome editor offers the point for its demand, and an outcome names it.
    const options = await outcomeChannelOptions(d10.id, "ja");
    expect(options.commentPoints.map((o) => o.value)).toContain(points[0].id);
    const outcome = await createOutcome(
      { demandId: d10.id, degree: "partially_reflected", occurredOn: "2012-07", requestIds: [], roundIds: [], agendaItemIds: [], commentPointIds: [points[0].id], removeAttachmentIds: [] },
      [],
      await staffId(),
    );

    // The government's answers come in later: the same points, answered, reordered, one removed, one added.
    const loaded = payload(await submissionEditLoader(args(await makeRequest("/x", { role: "staff" }), { consultationId, submissionId: id })));
    const saved = await submissionEditAction(
      args(
        await multipart(`/consultations/${consultationId}/submissions/${id}/edit`, "staff", {
          submittedOn: "2011-11-25",
          sender: `org:${smj.id}`,
          version: String(loaded.submission.version),
          "points[0].id": points[0].id,
          "points[0].demandId": d10.id,
          "points[0].textJa": "非正規滞在者を排除しないこと",
          "points[0].responseSummary": "在留資格のない者への配慮を求める意見",
          "points[0].responseAnswer": "御意見は今後の参考とさせていただきます。",
          "points[0].responseKind": "for_reference",
          "points[1].demandId": d15.id,
          "points[1].textJa": "DV被害者の在留資格を取り消さないこと",
          "points[1].responseKind": "no_answer",
        }),
        { consultationId, submissionId: id },
      ),
    );
    expect(statusOf(saved)).toBe(302);
    const after = await db.commentPoint.findMany({ where: { submissionId: id }, orderBy: { position: "asc" } });
    expect(after.map((p) => [p.id === points[0].id, p.demandId, p.responseKind])).toEqual([
      [true, d10.id, "for_reference"],
      [false, d15.id, "no_answer"],
    ]);
    expect(await db.outcomeChannel.count({ where: { outcomeId: outcome.id, commentPointId: points[0].id } })).toBe(1);
    expect(await db.commentSubmissionCosigner.count({ where: { submissionId: id } })).toBe(0);

    // The consultation's page shows the answer and the outcome that names the point.
    const page = payload(await detailLoader(args(await makeRequest("/x", { role: "member" }), { consultationId })));
    const shown = page.submissions[0].points[0];
    expect(shown).toMatchObject({ responseKind: "for_reference", responseAnswer: "御意見は今後の参考とさせていただきます。" });
    expect(shown.outcomes.map((o) => o.id)).toEqual([outcome.id]);
  });

  it("refuses a point of another submission, and a stale version", async () => {
    const consultationId = await createConsultation();
    const first = await createSubmission(consultationId, { submittedOn: "2011-11-20", "points[0].textJa": "一" });
    const second = await createSubmission(consultationId, { submittedOn: "2011-11-21", "points[0].textJa": "二" });
    const foreign = await db.commentPoint.findFirstOrThrow({ where: { submissionId: first } });
    const url = `/consultations/${consultationId}/submissions/${second}/edit`;
    const stolen = await submissionEditAction(
      args(await multipart(url, "staff", { submittedOn: "2011-11-21", version: "1", "points[0].id": foreign.id, "points[0].textJa": "奪う" }), { consultationId, submissionId: second }),
    );
    expect(statusOf(stolen)).toBe(400);
    expect(payload(stolen).result.error).toMatchObject({ "points[0].textJa": ["error.unknownChoice"] });
    expect(await db.commentPoint.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ submissionId: first, textJa: "一" });

    const ok = await submissionEditAction(args(await multipart(url, "staff", { submittedOn: "2011-11-22", version: "1", "points[0].textJa": "二" }), { consultationId, submissionId: second }));
    expect(statusOf(ok)).toBe(302);
    const stale = await submissionEditAction(args(await multipart(url, "staff", { submittedOn: "2011-11-23", version: "1", "points[0].textJa": "古い" }), { consultationId, submissionId: second }));
    expect(statusOf(stale)).toBe(409);
    expect(payload(stale).conflict?.submittedOn).toBe("2011-11-22");
  });

  it("puts submissions in the trash with the consultation's history, and restores one only after its consultation", async () => {
    const consultationId = await createConsultation();
    const submissionId = await createSubmission(consultationId, { submittedOn: "2011-11-20", "points[0].textJa": "意見", internalNote: "提出前の下書きあり" });
    const user = await staffId();
    expect((await moveToTrash("CommentSubmission", submissionId, user, "ja")).ok).toBe(true);
    expect((await moveToTrash("Consultation", consultationId, user, "ja")).ok).toBe(true);
    const listed = payload(await listLoader(args(await makeRequest("/consultations?q=enforcement", { role: "staff" })))).items.map((c) => c.id);
    expect(listed).not.toContain(consultationId);
    const refused = await restoreFromTrash("CommentSubmission", submissionId, user, "en");
    expect(refused).toMatchObject({ ok: false, problem: { error: "error.restoreParentInTrash" } });
    expect((await restoreFromTrash("Consultation", consultationId, user, "en")).ok).toBe(true);
    expect((await restoreFromTrash("CommentSubmission", submissionId, user, "en")).ok).toBe(true);

    const history = await recordHistory("Consultation", consultationId, 1, "en");
    const kinds = history?.events.map((e) => `${e.child?.label ?? "self"}:${e.action}`) ?? [];
    expect(kinds.sort()).toEqual(
      ["self:create", "self:delete", "self:restore", "Public-comment submission:create", "Public-comment submission:delete", "Public-comment submission:restore"].sort(),
    );
    // The submission's fields are labelled from the catalog, not shown as raw keys.
    const created = history?.events.find((e) => e.child && e.action === "create");
    expect(created?.changes.map((c) => c.label)).toEqual(expect.arrayContaining(["Date submitted", "Points made", "Internal note (staff only)"]));
  });
});

describe("the demand's timeline", () => {
  it("shows the 2007 public comment on the DV demand, named by the outcome, without internal notes for members", async () => {
    const d14 = await demand("D-014");
    const data = await loadTimeline({ demandId: d14.id, role: "member", locale: "en", channels: ["comment", "outcome"] });
    const comment = data?.events.find((e) => e.channel === "comment");
    expect(comment).toMatchObject({ date: "2007", consultation: { titleEn: "Public comments on the draft Basic Policy for DV Prevention", finalTextChanged: "changed" } });
    expect(data?.counts.comment).toBe(1);
    expect(data?.picture.counts.comment).toBe(1);
    expect(JSON.stringify(data)).not.toContain("提出文の原本");
    // The outcome of January 2008 names that point as its channel.
    const point = await db.commentPoint.findFirstOrThrow({ where: { demandId: d14.id }, include: { outcomeChannels: { include: { outcome: true } } } });
    expect(point.outcomeChannels.map((c) => c.outcome.occurredOn)).toEqual(["2008-01"]);
  });
});
