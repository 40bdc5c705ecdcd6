// The CSV import of a UN document's recommendations through its page's action (docs/decisions/010):
// preview with each row's state and errors, save, re-import updates rather than duplicates, and the
// time saving 300 paragraphs takes (decision 014's progress).
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { createDocument } from "~/models/un.server";
import { parseRecommendationCsv } from "~/models/un-import-csv";
import { planCsvImport, saveCsvImport } from "~/models/un-import-csv.server";
import { action as importAction } from "~/routes/un.documents.$unDocumentId.import";
import { loader as templateLoader } from "~/routes/un.import-template[.]csv";
import { db } from "~/utils/db.server";
import { args, type DemoRole, makeRequest, payload, run, sessionCookie, statusOf } from "../request";

const staffId = async () => (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;
const HEADER = ["paragraph", "sub_paragraph", "heading", "text_en", "text_ja", "articles", "themes", "follow_up", "reiterates", "demands"];
const csv = (rows: string[][]) => stringify([HEADER, ...rows], { bom: true, record_delimiter: "\r\n", quoted_match: /\n/ });

async function newDocument(symbol: string) {
  const m = await db.unMechanism.findFirstOrThrow({ where: { abbreviation: "ICERD" } });
  return createDocument({ mechanismId: m.id, kind: "concluding_observations", symbol, titleEn: `Concluding observations ${symbol}`, issuedOn: "2036-08", languages: ["en"] }, await staffId());
}

/** The CSV form as the page sends it: multipart, the file (or the text kept from the preview) and the intent. */
async function send(documentId: string, intent: "csv-preview" | "csv-save" | "csv-save-batch", file: string | null, kept?: string, role: DemoRole = "staff", extra: Record<string, string> = {}) {
  const body = new FormData();
  body.append("intent", intent);
  body.append("file", file === null ? new File([], "") : new File([file], "recommendations.csv", { type: "text/csv" }));
  if (kept) body.append("csvText", kept);
  for (const [name, value] of Object.entries(extra)) body.append(name, value);
  const request = new Request(new URL(`/un/documents/${documentId}/import`, "http://localhost"), { method: "POST", headers: { Cookie: await sessionCookie(role) }, body });
  return run(() => importAction(args(request, { unDocumentId: documentId })));
}

const rows = (earlier: string): string[][] => [
  ["14", "", "Technical intern training programme", "The Committee recommends, in particular:\n(a) that abuses be investigated;\n(b) that the programme be replaced.", "委員会は、特に、\n虐待の調査と制度の置き換えを勧告する。", "5 (e)", "Trainees and technical interns", "yes", `${earlier} para. 9`, "D-001, D-004"],
  ["14", "a", "", "Ensure that trainees can change employers, \"in particular\" after abuse.", "実習生が雇用主を変更できるよう確保すること。", "", "", "no", "", ""],
  ["15", "", "Migrant women", "Protect migrant women, including those whose status depends on their spouse.", "", "", "移住女性・DV", "", "", "D-004"],
];

describe("the CSV import of recommendations", () => {
  it("previews each row with its state, saves, and on re-import with one change says changed, updating rather than duplicating", async () => {
    const earlier = await newDocument("CERD/C/JPN/CO/96-97");
    await db.recommendation.create({ data: { documentId: earlier.id, paragraph: "9", position: 9, textEn: "Earlier recommendation." } });
    const doc = await newDocument("CERD/C/JPN/CO/98-99");
    const file = csv(rows("CERD/C/JPN/CO/96-97"));

    const preview = await send(doc.id, "csv-preview", file);
    expect(statusOf(preview)).toBe(200);
    const view = payload(preview).csv;
    expect(view?.rows.map((r) => [r.line, r.paragraph, r.state, r.errors])).toEqual([
      [2, "14", "new", []],
      [6, "14 (a)", "new", []],
      [7, "15", "new", []],
    ]);
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(0);

    // "Save" sends the text kept from the preview (the file input is empty again).
    const saved = await send(doc.id, "csv-save", null, view?.text ?? "");
    expect(statusOf(saved)).toBe(302);
    const p14 = await db.recommendation.findFirstOrThrow({
      where: { documentId: doc.id, paragraph: "14" },
      include: { themes: { include: { theme: true } }, demands: { include: { demand: true } }, reiterates: true },
    });
    expect(p14).toMatchObject({ headingEn: "Technical intern training programme", textJa: "委員会は、特に、\n虐待の調査と制度の置き換えを勧告する。", articles: "5 (e)", followUp: true });
    expect(p14.textEn).toContain("(b) that the programme be replaced.");
    expect(p14.reiterates?.paragraph).toBe("9");
    expect(p14.themes.map((t) => t.theme.slug)).toEqual(["trainees-technical-interns"]);
    expect(p14.demands.map((d) => d.demand.ref).sort()).toEqual(["D-001", "D-004"]);
    expect((await db.recommendation.findFirstOrThrow({ where: { documentId: doc.id, paragraph: "14 (a)" } })).textEn).toBe('Ensure that trainees can change employers, "in particular" after abuse.');
    expect(await db.auditEvent.count({ where: { entityType: "Recommendation", entityId: p14.id, action: "create" } })).toBe(1);
    // Staff grade a paragraph after the import: a re-import keeps it.
    await db.recommendation.update({ where: { id: p14.id }, data: { grade: "D", governmentClaimEn: "The programme is being reviewed." } });

    const changedRows = rows("CERD/C/JPN/CO/96-97");
    changedRows[2][3] = "Protect migrant women, including those whose residence status depends on their spouse.";
    const again = await send(doc.id, "csv-preview", csv(changedRows));
    expect(payload(again).csv?.rows.map((r) => r.state)).toEqual(["same", "same", "changed"]);
    expect(statusOf(await send(doc.id, "csv-save", csv(changedRows)))).toBe(302);
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(3);
    expect((await db.recommendation.findFirstOrThrow({ where: { documentId: doc.id, paragraph: "15" } })).textEn).toContain("residence status");
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: p14.id } })).toMatchObject({ grade: "D", governmentClaimEn: "The programme is being reviewed.", version: 1 });
  });

  it("shows unknown demands, themes and earlier recommendations beside their rows, and saves nothing while a row has an error", async () => {
    const doc = await newDocument("CERD/C/JPN/CO/100-101");
    const file = csv([
      ["1", "", "", "Fine.", "", "", "", "", "", ""],
      ["2", "", "", "Unknown things.", "", "", "No such theme", "", "CERD/C/JPN/CO/1-2 para. 3", "D-001, D-9999"],
      ["1", "", "", "Twice.", "", "", "", "", "", ""],
    ]);
    const preview = await send(doc.id, "csv-preview", file);
    expect(statusOf(preview)).toBe(400);
    expect(payload(preview).csv?.rows.map((r) => r.errors)).toEqual([
      ["un.csv.error.duplicate?lines=4"],
      ["un.error.unknownDemands?refs=D-9999", "un.csv.error.unknownThemes?themes=No+such+theme", "un.csv.error.unknownReiterates?value=CERD%2FC%2FJPN%2FCO%2F1-2+para.+3"],
      ["un.csv.error.duplicate?lines=2"],
    ]);
    const save = await send(doc.id, "csv-save", file);
    expect(statusOf(save)).toBe(400);
    expect(payload(save).csv?.fileErrors).toEqual(["un.csv.fixErrors"]);
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(0);

    const noFile = await send(doc.id, "csv-preview", null);
    expect(payload(noFile).csv?.fileErrors).toEqual(["un.csv.chooseFile"]);
    const badHeader = await send(doc.id, "csv-preview", "para,body\n1,x\n");
    expect(payload(badHeader).csv?.fileErrors).toEqual(["un.csv.error.missingColumns?columns=text_en", "un.csv.error.unknownColumns?columns=body"]);
  });

  it("is for staff: members get 403 on the import and the template; the template is a valid file", async () => {
    const doc = await newDocument("CERD/C/JPN/CO/102-103");
    expect(statusOf(await send(doc.id, "csv-preview", csv(rows("X/1")), undefined, "member"))).toBe(403);
    expect(statusOf(await run(async () => templateLoader(args(await makeRequest("/un/import-template.csv", { role: "member" })))))).toBe(403);
    const template = await templateLoader(args(await makeRequest("/un/import-template.csv", { role: "staff" })));
    expect(template.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const parsed = parseRecommendationCsv(await template.text());
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.rows).toHaveLength(2);
  });

  it("with JavaScript saves batch by batch; a row changed by someone else after the preview stops it before its batch, and saving again finishes without duplicates", async () => {
    const doc = await newDocument("CERD/C/JPN/CO/106-107");
    const many = (changed?: number) =>
      Array.from({ length: 120 }, (_, i) => [String(i + 1), "", "", `The Committee recommends measure ${i + 1}${i + 1 === changed ? ", urgently" : ""}.`, "", "", "", "", "", ""]);
    const first = payload(await send(doc.id, "csv-preview", csv(many()))).csv;
    expect(first?.rows).toHaveLength(120);
    const kept = first?.text ?? "";
    const versions = first?.versions ?? "";
    const batch = async (index: number, counts: Record<string, string> = {}) => send(doc.id, "csv-save-batch", null, kept, "staff", { versions, batch: String(index), ...counts });

    const one = await batch(0);
    expect(statusOf(one)).toBe(200);
    expect(payload(one).batch).toMatchObject({ index: 0, batches: 3, total: 120, failed: false, created: 50 });
    expect(payload(one).batch?.saved).toHaveLength(50);
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(50);
    expect(payload(await batch(1)).batch).toMatchObject({ index: 1, failed: false, created: 50 });
    // The last batch goes to the document with the counts of the whole import.
    const last = await batch(2, { created: "100", updated: "0", unchanged: "0" });
    expect(statusOf(last)).toBe(302);
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(120);
    expect(statusOf(await batch(3))).toBe(400);

    // The file again with paragraphs 20 and 90 changed; someone edits paragraph 90 after the preview.
    const second = payload(await send(doc.id, "csv-preview", csv(many(20).map((r, i) => (i === 89 ? many(90)[89] : r))))).csv;
    expect(second?.rows.filter((r) => r.state === "changed").map((r) => r.paragraph)).toEqual(["20", "90"]);
    const p90 = await db.recommendation.findFirstOrThrow({ where: { documentId: doc.id, paragraph: "90" } });
    await db.recommendation.update({ where: { id: p90.id }, data: { textEn: "Edited by someone else.", version: { increment: 1 } } });
    const again = (index: number) => send(doc.id, "csv-save-batch", null, second?.text ?? "", "staff", { versions: second?.versions ?? "", batch: String(index) });
    expect(payload(await again(0)).batch).toMatchObject({ failed: false, updated: 1 });
    const stopped = await again(1);
    expect(statusOf(stopped)).toBe(409);
    expect(payload(stopped).batch).toMatchObject({ index: 1, failed: true, conflicts: ["90"] });
    expect(payload(stopped).batch?.notSaved).toContain("90");
    expect(payload(stopped).batch?.notSaved).toContain("120");
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: p90.id } })).textEn).toBe("Edited by someone else.");

    // Without JavaScript, the same stop: the preview again, made against the records as they are now.
    const noJs = await send(doc.id, "csv-save", null, second?.text ?? "", "staff", { versions: second?.versions ?? "" });
    expect(statusOf(noJs)).toBe(409);
    expect(JSON.stringify(payload(noJs).csv?.fileErrors)).toContain("un.csv.conflict");
    const fresh = payload(noJs).csv;
    expect(fresh?.rows.filter((r) => r.state === "changed").map((r) => r.paragraph)).toEqual(["90"]);
    // Saving that preview replaces the other person's text knowingly, and duplicates nothing.
    expect(statusOf(await send(doc.id, "csv-save", null, fresh?.text ?? "", "staff", { versions: fresh?.versions ?? "" }))).toBe(302);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: p90.id } })).textEn).toBe("The Committee recommends measure 90, urgently.");
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(120);
  });

  it("saves 300 paragraphs in batches, reporting progress, within a few seconds", async () => {
    const doc = await newDocument("CERD/C/JPN/CO/104-105");
    const many = Array.from({ length: 300 }, (_, i) => [String(i + 1), "", `Heading ${i + 1}`, `The Committee recommends measure ${i + 1}, with care.`, `措置${i + 1}を勧告する。`, "5", "", "", "", "D-001"]);
    const plan = await planCsvImport(doc.id, parseRecommendationCsv(csv(many)));
    const steps: Array<[number, number]> = [];
    const started = performance.now();
    const saved = await saveCsvImport(doc.id, plan, await staffId(), { progress: (done, total) => steps.push([done, total]) });
    const ms = performance.now() - started;
    console.info(`CSV import: 300 paragraphs saved in ${Math.round(ms)} ms`);
    expect(saved).toMatchObject({ created: 300, updated: 0, unchanged: 0, notSaved: [], conflicts: [] });
    expect(saved.saved).toHaveLength(300);
    expect(steps).toEqual([50, 100, 150, 200, 250, 300].map((n) => [n, 300]));
    expect(await db.recommendation.count({ where: { documentId: doc.id } })).toBe(300);
    expect(ms).toBeLessThan(15_000);
  });
});
