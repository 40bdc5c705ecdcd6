import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, markTerms, parseSearchQuery, snippetSegments } from "~/models/search";

describe("parseSearchQuery", () => {
  it("quotes every term for FTS5, so that its operators are plain text", () => {
    const q = parseSearchQuery('研修生 NEAR(x OR "y');
    expect(q.match).toBe('"研修生" AND "NEAR(x"');
    expect(q.short).toEqual(["OR", "y"]);
    expect(parseSearchQuery("trainee* ^col:value").match).toBe('"trainee*" AND "^col:value"');
  });

  it("keeps a quoted phrase together and drops repeated terms", () => {
    expect(parseSearchQuery('"labour law" trainee trainee').terms).toEqual(["labour law", "trainee"]);
  });

  it("sets terms under three characters apart, for substring matching", () => {
    const q = parseSearchQuery("研修 在留資格 DV");
    expect(q.short).toEqual(["研修", "DV"]);
    expect(q.match).toBe('"在留資格"');
    expect(parseSearchQuery("研修").match).toBeNull();
  });

  it("splits on full-width spaces and folds full-width letters", () => {
    expect(parseSearchQuery("ＪＩＴＣＯ　研修生").terms).toEqual(["JITCO", "研修生"]);
  });

  it("gives nothing for blank input", () => {
    expect(parseSearchQuery("   ").terms).toEqual([]);
  });
});

describe("snippets", () => {
  it("turns SQLite's markers into segments, leaving markup as plain text", () => {
    const segments = snippetSegments(`…<b>x</b> ${MARK_START}研修生${MARK_END}の<script>…`);
    expect(segments).toEqual([
      { text: "…<b>x</b> ", hit: false },
      { text: "研修生", hit: true },
      { text: "の<script>…", hit: false },
    ]);
  });

  it("marks short terms around their first occurrence, ignoring ASCII case", () => {
    const text = `${"前置き".repeat(20)}DV被害者の保護と dv 対策`;
    const segments = markTerms(text, ["DV"], 40);
    expect(segments[0]).toEqual({ text: expect.stringMatching(/^…/), hit: false });
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["DV", "dv"]);
    expect(markTerms("nothing here", ["研修"])).toEqual([]);
  });
});
