// The paragraph splitter on layouts as they come out of the published PDFs. The fixture is written in
// the layout of CERD/C/JPN/CO/10-11 (masthead, sections, topic headings over one or two lines,
// sub-paragraphs, a page break with its footer, bar code, page number and repeated symbol, footnotes,
// a hyphen at a line's end); its wording is shortened, not the published text.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { citationsIn, followUpParagraphs, splitConcludingObservations } from "./un-import";

const fixture = fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", "cerd-co-10-11.txt"), "utf8");

describe("splitConcludingObservations on a committee's layout", () => {
  const result = splitConcludingObservations(fixture);
  const byNumber = (n: string) => result.paragraphs.find((p) => p.paragraph === n);

  it("finds the symbol and the title in the masthead", () => {
    expect(result.symbol).toBe("CERD/C/JPN/CO/10-11");
    expect(result.title).toBe("Concluding observations on the combined tenth and eleventh");
  });

  it("loses no paragraph and merges none: 1 to 9, each once, in order", () => {
    expect(result.paragraphs.map((p) => p.paragraph)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    // A line starting with a number that is not the next paragraph ("17 August 2018.") stays in its paragraph.
    expect(byNumber("1")?.text).toContain("held on 16 and 17 August 2018. At its 2678th meeting");
    expect(byNumber("1")?.text).toMatch(/present concluding observations\.$/);
  });

  it("gives each paragraph the heading it falls under, carried on until the next heading, and its section", () => {
    // Nothing of the masthead ("International Convention on … Distr.: General") becomes a heading.
    expect(byNumber("1")).toMatchObject({ section: null, heading: null });
    expect(byNumber("2")).toMatchObject({ section: "A. Introduction", heading: null });
    expect(byNumber("4")).toMatchObject({ section: "C. Concerns and recommendations", heading: "Definition of racial discrimination" });
    expect(byNumber("5")?.heading).toBe("Definition of racial discrimination");
    expect(byNumber("6")?.heading).toBe("National human rights institution");
    // A heading over two lines, after a page break.
    expect(byNumber("7")?.heading).toBe("Situation of migrants and non-citizens");
    expect(byNumber("9")).toMatchObject({ section: "D. Other recommendations", heading: "Follow-up to the present concluding observations" });
  });

  it("keeps sub-paragraphs inside their paragraph, each on a line of its own", () => {
    expect(byNumber("5")?.text).toBe(
      "Recalling its previous recommendations (CERD/C/JPN/CO/7-9, para. 7), the Committee recommends that the State party:\n" +
        "(a) Adopt a comprehensive law prohibiting direct and indirect racial discrimination, in line with articles 1 and 2 of the Convention;\n" +
        "(b) Ensure that the definition covers all the grounds set out in article 1 (1) of the Convention.",
    );
  });

  it("drops page footers, bar codes, page numbers, the repeated symbol and footnotes, and mends a hyphenated word", () => {
    const all = result.paragraphs.map((p) => p.text).join("\n");
    for (const junk of ["GE.18-16041", "*1816041*", "Adopted by the Committee", "See CERD/C/JPN/CO/7-9, para. 13", "Distr.", "Original: English"]) expect(all).not.toContain(junk);
    expect(byNumber("6")?.text).not.toMatch(/\n/);
    expect(byNumber("7")?.text).toMatch(/employing non-citizens, and sanctioning violations\.$/);
    expect(byNumber("8")?.text).toBe(
      "The Committee recommends that the State party consider ratifying the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families.",
    );
  });

  it("notes the earlier recommendations a paragraph cites, and the paragraphs chosen for follow-up", () => {
    expect(byNumber("5")?.cites).toEqual([{ symbol: "CERD/C/JPN/CO/7-9", paragraph: "7" }]);
    expect(byNumber("6")?.cites).toEqual([
      { symbol: "CERD/C/JPN/CO/7-9", paragraph: "9" },
      { symbol: "CERD/C/JPN/CO/7-9", paragraph: "10" },
    ]);
    expect(result.paragraphs.filter((p) => p.followUp).map((p) => p.paragraph)).toEqual(["5", "6"]);
  });
});

describe("other layouts", () => {
  it("reads text copied from the web page: no masthead, blank lines between paragraphs, a number on a line of its own", () => {
    const text = [
      "E/C.12/JPN/CO/3",
      "Migrant workers",
      "",
      "1.",
      "The Committee is concerned about the situation of migrant workers.",
      "",
      "2. The Committee recommends that the State party ensure equal pay for migrant workers.",
      "",
      "3. The Committee recommends that the State party consider withdrawing its reservation.",
    ].join("\r\n");
    const result = splitConcludingObservations(text);
    expect(result.symbol).toBe("E/C.12/JPN/CO/3");
    expect(result.paragraphs.map((p) => [p.paragraph, p.heading, p.text])).toEqual([
      ["1", "Migrant workers", "The Committee is concerned about the situation of migrant workers."],
      ["2", "Migrant workers", "The Committee recommends that the State party ensure equal pay for migrant workers."],
      ["3", "Migrant workers", "The Committee recommends that the State party consider withdrawing its reservation."],
    ]);
  });

  it("does not start a paragraph on a number out of sequence", () => {
    const result = splitConcludingObservations("1. First, about the events of\n2018. Then more text.\n2. Second.");
    expect(result.paragraphs.map((p) => p.text)).toEqual(["First, about the events of 2018. Then more text.", "Second."]);
  });

  it("gives nothing for text without numbered paragraphs", () => {
    expect(splitConcludingObservations("Just a note.\nNothing numbered.").paragraphs).toEqual([]);
    expect(splitConcludingObservations("").paragraphs).toEqual([]);
  });

  it("reads citations and follow-up lists in their usual wordings", () => {
    expect(citationsIn("(see A/HRC/17/33/Add.3, para. 82)")).toEqual([{ symbol: "A/HRC/17/33/Add.3", paragraph: "82" }]);
    expect(followUpParagraphs("information on its implementation of the recommendations contained in paragraphs 12, 20 (b) and 34 above.")).toEqual(["12", "20", "34"]);
    expect(followUpParagraphs("information on the implementation of the recommendation contained in paragraph 8 of the present concluding observations")).toEqual(["8"]);
  });
});
