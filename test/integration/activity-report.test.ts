import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { type ReportSection, sectionNodes } from "~/models/activity-report";
import { reportMarkdown } from "~/models/activity-report-export.server";
import { draftReport, getReport, regenerateReport } from "~/models/activity-report.server";
import { action as reportAction, loader as reportLoader } from "~/routes/reports.$year._index";
import { action as editAction } from "~/routes/reports.$year.edit";
import { loader as docxLoader } from "~/routes/reports.$year.export[.]docx";
import { loader as mdLoader } from "~/routes/reports.$year.export[.]md";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

/** A section's words, and its links. */
function words(json: string) {
  const out: string[] = [];
  const links: string[] = [];
  const walk = (nodes: ReturnType<typeof sectionNodes>) => {
    for (const n of nodes) {
      if (n.text) out.push(n.text);
      for (const m of n.marks ?? []) if (m.type === "link") links.push(String(m.attrs?.href));
      if (n.content) walk(n.content);
    }
  };
  walk(sectionNodes(json));
  return { text: out.join(""), links };
}

const paragraphDoc = (value: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });

describe("activity report draft", () => {
  it("puts the DV Basic Policy outcome under advocacy in 2007, as the 2007 report does, linked to its record", async () => {
    const draft = await draftReport(2007, "en");
    const dv = await db.outcome.findFirstOrThrow({ where: { instrument: { titleEn: "Basic Policy for the Protection of DV Victims" } } });
    const advocacy = words(draft.advocacy);
    expect(advocacy.text).toContain("Basic Policy for the Protection of DV Victims");
    expect(advocacy.text).toContain("Partially reflected");
    // Announced in January 2008, from the work of 2007.
    expect(advocacy.text).toMatch(/January 2008|2008-01|Jan(uary)? 2008/);
    expect(advocacy.text).toContain("(a result of the work of 2007)");
    expect(advocacy.links).toContain(`/outcomes/${dv.id}`);
    for (const other of ["networking", "international", "membership"] as ReportSection[]) expect(words(draft[other]).text).not.toContain("DV Victims");
    // The year's requests and rounds, dated and linked.
    const requests = await db.request.findMany({ where: { sentOn: { startsWith: "2007" }, deletedAt: null } });
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) expect(advocacy.links).toContain(`/requests/${r.id}`);
    // Never an internal note.
    expect(JSON.stringify(draft)).not.toContain("基本方針の該当箇所");
  });

  it("sets the year's plan against its result, and the membership figures against the year before", async () => {
    const draft = await draftReport(2007, "ja");
    const advocacy = words(draft.advocacy).text;
    expect(advocacy).toContain("計画と結果");
    expect(advocacy).toContain("目標：関係省庁との定期的な情報交換・対話の場を設ける");
    expect(advocacy).toContain("未達成");
    const membership = words(draft.membership).text;
    expect(membership).toContain("個人会員: 302（313口）");
    expect(membership).toContain("2006年末：275（289口）");
    expect(words(draft.networking).text).toContain("子どもの教育支援団体");
    // 2011: the trainee network's change is not in 2011, but the UN Special Rapporteur's report is.
    const later = await draftReport(2011, "en");
    expect(words(later.international).text).toContain("A/HRC/17/33/Add.3");
  });
});

describe("stored activity report", () => {
  it("is stored from its page, edited with its version, and regenerated without losing edits unless asked", async () => {
    const stored = await reportAction(args(await makeRequest("/reports/2011", { role: "staff", method: "POST", form: { intent: "regenerate" } }), { year: "2011" }));
    expect(statusOf(stored)).toBe(302);
    const report = await getReport(2011);
    expect(report).not.toBeNull();
    if (!report) return;
    expect(await db.auditEvent.count({ where: { entityType: "ActivityReport", entityId: report.id, action: "create" } })).toBe(1);

    const edited = await run(async () =>
      editAction(args(await makeRequest("/reports/2011/edit", { role: "staff", method: "POST", form: { version: String(report.version), ...report.sections, publicity: paragraphDoc("M-Netの内容とデザインを充実させた。") } }), { year: "2011" })),
    );
    expect(statusOf(edited)).toBe(302);

    // Someone else, on the version before that save, is refused with the saved text.
    const stale = await editAction(args(await makeRequest("/reports/2011/edit", { role: "admin", method: "POST", form: { version: String(report.version), ...report.sections, publicity: paragraphDoc("別の文章") } }), { year: "2011" }));
    expect(statusOf(stale)).toBe(409);
    expect(payload(stale).conflict?.html.publicity).toContain("M-Netの内容とデザイン");
    expect(payload(stale).result.initialValue).toMatchObject({ publicity: paragraphDoc("別の文章") });

    // A new outcome in 2011, then the draft again: advocacy takes it, the edited section stays.
    const demand = await db.demand.findFirstOrThrow({ where: { deletedAt: null } });
    await db.outcome.create({ data: { demandId: demand.id, degree: "mentioned", occurredOn: "2011-11" } });
    const { kept } = await regenerateReport(2011, "ja", (await db.user.findFirstOrThrow({ where: { role: "staff" } })).id);
    expect(kept).toEqual(["publicity"]);
    const again = await getReport(2011);
    expect(words(again?.sections.publicity ?? "").text).toBe("M-Netの内容とデザインを充実させた。");
    expect(words(again?.sections.advocacy ?? "").text).toContain("言及");

    // Asked to, it replaces the edits too.
    const replaced = await reportAction(args(await makeRequest("/reports/2011", { role: "staff", method: "POST", form: { intent: "regenerate", replaceEdits: "on" } }), { year: "2011" }));
    expect(statusOf(replaced)).toBe(302);
    expect(words((await getReport(2011))?.sections.publicity ?? "").text).not.toContain("M-Net");
  });

  it("refuses a section that is not an editor document, keeping the others as typed", async () => {
    await regenerateReport(2010, "en", (await db.user.findFirstOrThrow({ where: { role: "staff" } })).id);
    const report = await getReport(2010);
    if (!report) throw new Error("no report");
    const result = await editAction(args(await makeRequest("/reports/2010/edit", { role: "staff", method: "POST", form: { version: String(report.version), ...report.sections, networking: "{not json", organisation: paragraphDoc("kept") } }), { year: "2010" }));
    expect(statusOf(result)).toBe(400);
    expect(payload(result).result.error?.networking).toEqual(["error.richTextInvalid"]);
    expect(payload(result).result.initialValue).toMatchObject({ organisation: paragraphDoc("kept") });
    expect((await getReport(2010))?.version).toBe(report.version);
  });

  it("answers 404 for a year outside the range", async () => {
    const result = await run(async () => reportLoader(args(await makeRequest("/reports/1800", { role: "staff" }), { year: "1800" })));
    expect(statusOf(result)).toBe(404);
  });
});

describe("activity report exports", () => {
  it("writes a Word document with the report's section headings and its items, in the reader's language (staff: Japanese)", async () => {
    const response = await docxLoader(args(await makeRequest("/reports/2007/export.docx", { role: "staff" }), { year: "2007" }));
    expect(response.headers.get("Content-Type")).toContain("wordprocessingml");
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    for (const heading of ["政策提言活動", "ネットワークづくり", "国際人権", "広報・情報発信", "組織・運営・財政", "会員数"]) expect(xml).toContain(heading);
    expect(xml).toContain("配偶者からの暴力の防止及び被害者の保護のための施策に関する基本的な方針");
    expect(xml).toContain("Heading1");
    const rels = (await zip.file("word/_rels/document.xml.rels")?.async("string")) ?? "";
    expect(rels).toMatch(/http:\/\/localhost\/outcomes\/\w+/);
  });

  it("writes Markdown with the headings and absolute links, for staff only", async () => {
    const refused = await run(async () => mdLoader(args(await makeRequest("/reports/2007/export.md", { role: "member" }), { year: "2007" })));
    expect(statusOf(refused)).toBe(403);
    const response = await mdLoader(args(await makeRequest("/reports/2007/export.md", { role: "staff" }), { year: "2007" }));
    expect(response.headers.get("Content-Disposition")).toContain("activity-report-2007.md");
    const md = await response.text();
    expect(md).toMatch(/^# 2007年 活動報告/);
    expect(md).toContain("## 政策提言活動");
    expect(md).toContain("## 会員数");
    expect(md).toMatch(/\[配偶者からの暴力の防止及び被害者の保護のための施策に関する基本的な方針\]\(http:\/\/localhost\/outcomes\/\w+\)/);
    // In English, from the same records.
    const en = reportMarkdown(2007, await draftReport(2007, "en"), "en", "https://tracker.example.org");
    expect(en).toContain("## Advocacy activities");
    expect(en).toMatch(/\[Basic Policy for the Protection of DV Victims\]\(https:\/\/tracker\.example\.org\/outcomes\/\w+\)/);
  });
});
