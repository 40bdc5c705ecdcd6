import { describe, expect, it } from "vitest";
import { formatPartialDate, normalizePartialDate, partialDateRange } from "./partial-date";

describe("partial dates", () => {
  it.each([
    ["2008", "2008"],
    ["2008-1", "2008-01"],
    ["2008-01-15", "2008-01-15"],
    ["2008/1/15", "2008-01-15"],
    ["2008.01", "2008-01"],
    ["2008年1月", "2008-01"],
    ["2008年1月15日", "2008-01-15"],
    ["２００８年１月", "2008-01"],
    [" 2007-06 ", "2007-06"],
    ["2024-02-29", "2024-02-29"],
  ])("reads %s as %s", (input, expected) => {
    expect(normalizePartialDate(input)).toBe(expected);
  });

  it.each(["", "08", "2008-13", "2008-00", "2023-02-29", "2008-04-31", "1899", "20080115", "January 2008", "2008-01-15T00:00", "'; DROP TABLE"])(
    "refuses %j",
    (input) => {
      expect(normalizePartialDate(input)).toBeNull();
    },
  );

  it("formats at the precision it was given, in both languages", () => {
    expect(formatPartialDate("2008-01", "ja")).toBe("2008年1月");
    expect(formatPartialDate("2008-01", "en")).toBe("January 2008");
    expect(formatPartialDate("2007-06-11", "ja")).toBe("2007年6月11日");
    expect(formatPartialDate("2007-06-11", "en")).toBe("11 June 2007");
    expect(formatPartialDate("2011", "ja")).toBe("2011年");
    expect(formatPartialDate("2011", "en")).toBe("2011");
    expect(formatPartialDate(null, "en")).toBe("");
  });

  it("gives the span of days a partial date covers, across month ends and leap years", () => {
    expect(partialDateRange("2008")).toEqual({ start: "2008-01-01", end: "2008-12-31" });
    expect(partialDateRange("2008-02")).toEqual({ start: "2008-02-01", end: "2008-02-29" });
    expect(partialDateRange("2007-02")).toEqual({ start: "2007-02-01", end: "2007-02-28" });
    expect(partialDateRange("2007-06-11")).toEqual({ start: "2007-06-11", end: "2007-06-11" });
    expect(partialDateRange("nonsense")).toBeNull();
  });

  it("sorts as text in calendar order", () => {
    const dates = ["2011-11", "2007", "2008-01", "2007-10-15", "2007-06"];
    expect([...dates].sort()).toEqual(["2007", "2007-06", "2007-10-15", "2008-01", "2011-11"]);
  });
});
