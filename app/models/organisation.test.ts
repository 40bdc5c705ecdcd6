import { describe, expect, it } from "vitest";
import { endsBeforeStart, formerNameSchema, organisationFormSchema, safeHref, sortFormerNames } from "./organisation";

const issues = (result: { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort() ?? [];

describe("partial date order", () => {
  it("counts a date as before another only when it lies wholly before it", () => {
    expect(endsBeforeStart("2007", "2006-12")).toBe(true);
    expect(endsBeforeStart("2007-06", "2007-05-31")).toBe(true);
    expect(endsBeforeStart("2007-06", "2007")).toBe(false);
    expect(endsBeforeStart("2007", "2007-01-01")).toBe(false);
    expect(endsBeforeStart("2007", "2008")).toBe(false);
    expect(endsBeforeStart(null, "2008")).toBe(false);
    expect(endsBeforeStart("2007", undefined)).toBe(false);
    expect(endsBeforeStart("nonsense", "2008")).toBe(false);
  });
});

describe("organisation form", () => {
  it("needs a kind and a name in one language, and a dissolution not before the founding", () => {
    const result = organisationFormSchema.safeParse({ foundedOn: "2007", dissolvedOn: "2006", website: "javascript:alert(1)" });
    expect(issues(result)).toEqual(["dissolvedOn:error.dateOrder", "kind:error.required", "nameJa:error.organisationNameOneLanguage", "website:error.url"]);
    expect(issues(organisationFormSchema.safeParse({ kind: "club", nameEn: "X" }))).toEqual(["kind:error.unknownChoice"]);
  });

  it("reports an unreadable date by its field, without tripping the date-order check", () => {
    expect(issues(organisationFormSchema.safeParse({ kind: "partner", nameEn: "X", foundedOn: "not a date", dissolvedOn: "2008" }))).toEqual(["foundedOn:error.partialDate"]);
    expect(issues(organisationFormSchema.safeParse({ kind: "partner", nameEn: "X", foundedOn: "2007", dissolvedOn: "13/13" }))).toEqual(["dissolvedOn:error.partialDate"]);
  });

  it("normalises dates and keeps what is valid", () => {
    const value = organisationFormSchema.parse({ kind: "partner", nameJa: "外国人研修生権利ネットワーク", foundedOn: "2007年6月", dissolvedOn: "2007" });
    expect(value.foundedOn).toBe("2007-06");
    expect(value.dissolvedOn).toBe("2007");
  });
});

describe("former names", () => {
  it("need a name in one language and an end not before the start", () => {
    expect(issues(formerNameSchema.safeParse({ fromOn: "2005", untilOn: "2004-12" }))).toEqual([
      "nameJa:error.organisationNameOneLanguage",
      "untilOn:error.dateOrder",
    ]);
    expect(formerNameSchema.parse({ nameEn: "Kenshu Mondai Network", untilOn: "2007/6" })).toEqual({ nameEn: "Kenshu Mondai Network", untilOn: "2007-06" });
  });

  it("sort oldest first", () => {
    const names = [
      { id: "c", fromOn: null, untilOn: null },
      { id: "b", fromOn: "2003", untilOn: "2005" },
      { id: "a", fromOn: null, untilOn: "2001" },
    ];
    expect(sortFormerNames(names).map((n) => n.id)).toEqual(["a", "b", "c"]);
  });
});

describe("safeHref", () => {
  it("links only http and https addresses", () => {
    expect(safeHref("https://www.amnesty.or.jp")).toBe("https://www.amnesty.or.jp/");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("www.example.org")).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
