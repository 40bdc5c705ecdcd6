import { describe, expect, it } from "vitest";
import { type BoardFact, activeYears, filterBoard, groupBoard } from "~/models/board";

const fact = (ref: string, extra: Partial<BoardFact> = {}): BoardFact => ({
  id: ref,
  ref,
  titleJa: ref,
  titleEn: ref,
  archived: false,
  isPublic: false,
  networkId: null,
  themeIds: [],
  bodyIds: [],
  status: "open",
  sinceOn: null,
  overrideReason: null,
  lastActivityOn: null,
  activeYears: [],
  ...extra,
});

describe("groupBoard", () => {
  const facts = [
    fact("D-1", { status: "open", themeIds: ["t2"], lastActivityOn: "2008" }),
    fact("D-2", { status: "reflected", themeIds: ["t1", "t2"], lastActivityOn: "2011-03" }),
    fact("D-3", { status: "open", lastActivityOn: "2011-03-02" }),
    fact("D-4", { status: "reflected", themeIds: ["t9"] }),
    fact("D-5", { status: "open", themeIds: ["t1"], lastActivityOn: "2011-03-02" }),
  ];

  it("puts groups in the given order, newest activity first within each, undated last, ties by reference", () => {
    const rows = groupBoard(facts, "status", ["reflected", "open"]);
    expect(rows.map((r) => `${r.group}:${r.fact.ref}`)).toEqual(["reflected:D-2", "reflected:D-4", "open:D-3", "open:D-5", "open:D-1"]);
  });

  it("lists a demand under each of its themes, unknown groups after the known ones, and demands without a theme last", () => {
    const rows = groupBoard(facts, "theme", ["t1", "t2"]);
    expect(rows.map((r) => `${r.group}:${r.fact.ref}`)).toEqual(["t1:D-5", "t1:D-2", "t2:D-2", "t2:D-1", "t9:D-4", "null:D-3"]);
  });

  it("does not depend on the order the facts come in", () => {
    const reversed = groupBoard([...facts].reverse(), "theme", ["t1", "t2"]);
    expect(reversed).toEqual(groupBoard(facts, "theme", ["t1", "t2"]));
  });

  it("keeps only the filtered bodies as groups", () => {
    const rows = groupBoard([fact("D-6", { bodyIds: ["a", "b"] })], "body", ["a", "b"], new Set(["b"]));
    expect(rows.map((r) => r.group)).toEqual(["b"]);
  });
});

describe("activeYears", () => {
  it("gives each year once, newest first", () => {
    expect(activeYears([fact("A", { activeYears: ["2007", "2011"] }), fact("B", { activeYears: ["2011", "2008"] })])).toEqual(["2011", "2008", "2007"]);
  });
});

describe("the public-only filter", () => {
  it("keeps the demands shown on the public page", () => {
    const facts = [fact("D-1", { isPublic: true }), fact("D-2"), fact("D-3", { isPublic: true, archived: true })];
    expect(filterBoard(facts, { state: "all", publicOnly: true }).map((f) => f.ref)).toEqual(["D-1", "D-3"]);
    expect(filterBoard(facts, { state: "active", publicOnly: true }).map((f) => f.ref)).toEqual(["D-1"]);
    expect(filterBoard(facts, { state: "all" })).toHaveLength(3);
  });
});
