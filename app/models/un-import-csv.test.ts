// Reading the recommendations' CSV (docs/decisions/010): header, Japanese text, quoted commas and
// newlines, each row's own errors, Shift_JIS from Excel.
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { CSV_TEMPLATE_ROWS, decodeCsv, parseReiterates, parseRecommendationCsv } from "./un-import-csv";

const csv = (rows: string[][]) => stringify(rows, { record_delimiter: "\r\n", quoted_match: /\n/ });

describe("the recommendations' CSV", () => {
  it("reads Japanese text with quoted commas and line breaks, sub-paragraphs and every column", () => {
    const text = csv([
      ["paragraph", "sub_paragraph", "heading", "heading_ja", "text_en", "text_ja", "articles", "themes", "follow_up", "reiterates", "demands"],
      ["12", "", "Technical intern training", "技能実習制度", "The Committee recommends, in particular:\nthat the programme be replaced.", "委員会は、特に、\n同制度の廃止を勧告する。", "5 (e)", "labour; trainees", "yes", "CERD/C/JPN/CO/7-9, para. 20", "D-001, D-004"],
      ["12", "a", "", "", "Ensure that trainees can change employers, \"in particular\" after abuse.", "", "", "", "いいえ", "", ""],
    ]);
    const { rows, fileErrors, columns } = parseRecommendationCsv(text);
    expect(fileErrors).toEqual([]);
    expect(columns).toContain("text_ja");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      line: 2,
      paragraph: "12",
      position: 12,
      headingEn: "Technical intern training",
      headingJa: "技能実習制度",
      textEn: "The Committee recommends, in particular:\nthat the programme be replaced.",
      textJa: "委員会は、特に、\n同制度の廃止を勧告する。",
      articles: "5 (e)",
      themes: ["labour", "trainees"],
      followUp: true,
      reiterates: { raw: "CERD/C/JPN/CO/7-9, para. 20", symbol: "CERD/C/JPN/CO/7-9", paragraph: "20" },
      demandRefs: ["D-001", "D-004"],
      errors: [],
    });
    // The two quoted line breaks of the first row (lines 2 to 4) put the next row on line 5.
    expect(rows[1]).toMatchObject({ line: 5, paragraph: "12 (a)", followUp: false, textEn: 'Ensure that trainees can change employers, "in particular" after abuse.', errors: [] });
  });

  it("gives each row its own errors: bad or missing paragraph, no text, bad follow-up or citation, a paragraph twice", () => {
    const text = csv([
      ["Paragraph", "Text_EN", "follow_up", "reiterates"],
      ["12", "First.", "", ""],
      ["twelve", "Second.", "", ""],
      ["", "Third.", "", ""],
      ["13", "", "", ""],
      ["14", "Fourth.", "maybe", "somewhere"],
      ["12", "Again.", "", ""],
    ]);
    const { rows, fileErrors } = parseRecommendationCsv(text);
    expect(fileErrors).toEqual([]);
    expect(rows.map((r) => r.errors)).toEqual([
      ["un.csv.error.duplicate?lines=7"],
      ["un.csv.error.badParagraph?value=twelve"],
      ["un.csv.error.noParagraph"],
      ["un.csv.error.noText"],
      ["un.csv.error.badFollowUp?value=maybe", "un.csv.error.badReiterates?value=somewhere"],
      ["un.csv.error.duplicate?lines=2"],
    ]);
  });

  it("refuses a file without the required columns, with unknown ones, or that is not CSV, naming the problem", () => {
    expect(parseRecommendationCsv("heading,text_ja\nA,B\n").fileErrors).toEqual(["un.csv.error.missingColumns?columns=paragraph%2C+text_en"]);
    expect(parseRecommendationCsv("paragraph,text_en,grade\n1,A,B\n").fileErrors).toEqual(["un.csv.error.unknownColumns?columns=grade"]);
    expect(parseRecommendationCsv('paragraph,text_en\n1,"open quote\n').fileErrors[0]).toMatch(/^un\.csv\.error\.unreadable\?line=/);
    expect(parseRecommendationCsv("paragraph,text_en\n").fileErrors).toEqual(["un.csv.error.empty"]);
    expect(parseRecommendationCsv("").fileErrors).toEqual(["un.csv.error.empty"]);
  });

  it("reads UTF-8 with a byte-order mark and Excel's Shift_JIS, and drops the formula guard of our exports", () => {
    const utf8 = new TextEncoder().encode("\uFEFFparagraph,text_en,text_ja\n1,'-minus,移住者\n");
    const parsed = parseRecommendationCsv(decodeCsv(utf8));
    expect(parsed.rows[0]).toMatchObject({ paragraph: "1", textEn: "-minus", textJa: "移住者" });
    // "移住者" in Shift_JIS.
    const sjis = new Uint8Array([...new TextEncoder().encode("paragraph,text_en,text_ja\n1,A,"), 0x88, 0xda, 0x8f, 0x5a, 0x8e, 0xd2, 0x0a]);
    expect(parseRecommendationCsv(decodeCsv(sjis)).rows[0].textJa).toBe("移住者");
  });

  it("reads the earlier recommendation as symbol and paragraph, and the template as a valid file", () => {
    expect(parseReiterates("CERD/C/JPN/CO/7-9 ¶17 (a)")).toEqual({ symbol: "CERD/C/JPN/CO/7-9", paragraph: "17 (a)" });
    expect(parseReiterates("E/C.12/JPN/CO/3 para 22")).toEqual({ symbol: "E/C.12/JPN/CO/3", paragraph: "22" });
    expect(parseReiterates("A/HRC/17/33/Add.3 81")).toEqual({ symbol: "A/HRC/17/33/Add.3", paragraph: "81" });
    expect(parseReiterates("para. 17")).toBeNull();
    const template = parseRecommendationCsv(csv(CSV_TEMPLATE_ROWS));
    expect(template.fileErrors).toEqual([]);
    expect(template.rows.map((r) => [r.paragraph, r.errors])).toEqual([
      ["12", []],
      ["12 (a)", []],
    ]);
  });
});
