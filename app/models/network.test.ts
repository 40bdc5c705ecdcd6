import { describe, expect, it } from "vitest";
import {
  currentPhase,
  formerNames,
  networkCreateSchema,
  phaseAsOf,
  phaseFormSchema,
  phaseTimeline,
  sortPhases,
  todayIso,
} from "./network";

// The trainee network of the demo data: a sub-network, then independent and renamed in June 2007.
const trainee = [
  { id: "independent", status: "independent", nameJa: "外国人研修生権利ネットワーク", nameEn: "Advocacy Network for Foreign Trainees", fromOn: "2007-06" },
  { id: "sub", status: "sub_network", nameJa: "研修生問題ネットワーク", nameEn: "Kenshu Mondai Network", fromOn: "2007" },
];

describe("phaseAsOf", () => {
  it("gives the latest phase that had started by the date, comparing partial dates as text", () => {
    expect(phaseAsOf(trainee, "2007-03")?.id).toBe("sub");
    expect(phaseAsOf(trainee, "2007")?.id).toBe("sub");
    expect(phaseAsOf(trainee, "2007-05-31")?.id).toBe("sub");
    expect(phaseAsOf(trainee, "2007-06")?.id).toBe("independent");
    expect(phaseAsOf(trainee, "2007-06-11")?.id).toBe("independent");
    expect(phaseAsOf(trainee, "2011")?.id).toBe("independent");
  });

  it("is null before the first phase and with no phases", () => {
    expect(phaseAsOf(trainee, "2006-12-31")).toBeNull();
    expect(phaseAsOf(trainee, "2006")).toBeNull();
    expect(phaseAsOf([], "2007")).toBeNull();
  });

  it("does not depend on the order the phases come in, nor change it", () => {
    const copy = [...trainee];
    expect(phaseAsOf([...trainee].reverse(), "2007-03")?.id).toBe("sub");
    expect(trainee).toEqual(copy);
  });
});

describe("currentPhase", () => {
  it("is the phase in force today", () => {
    expect(currentPhase(trainee)?.id).toBe("independent");
    expect(currentPhase(trainee, "2007-02-01")?.id).toBe("sub");
  });

  it("ignores a phase that starts in the future", () => {
    const planned = [...trainee, { id: "later", status: "dormant", nameJa: "x", nameEn: "x", fromOn: "2199" }];
    expect(currentPhase(planned)?.id).toBe("independent");
    expect(currentPhase(planned, "2199-01")?.id).toBe("later");
  });

  it("knows today's date in Japan", () => {
    // 23:30 UTC on 31 December is already 1 January in Tokyo.
    expect(todayIso(new Date("2010-12-31T23:30:00Z"))).toBe("2011-01-01");
  });
});

describe("history helpers", () => {
  it("sorts oldest first and gives each phase the date the next one took over", () => {
    expect(sortPhases(trainee).map((p) => p.id)).toEqual(["sub", "independent"]);
    const timeline = phaseTimeline(trainee);
    expect(timeline.map((p) => [p.id, p.fromOn, p.untilOn])).toEqual([
      ["sub", "2007", "2007-06"],
      ["independent", "2007-06", null],
    ]);
  });

  it("lists the former names, most recent first, without the current name or repeats", () => {
    const current = currentPhase(trainee);
    expect(formerNames(trainee, current)).toEqual([{ nameJa: "研修生問題ネットワーク", nameEn: "Kenshu Mondai Network" }]);
    const back = [
      { nameJa: "A", nameEn: "A", fromOn: "2001" },
      { nameJa: "B", nameEn: "B", fromOn: "2002" },
      { nameJa: "A", nameEn: "A", fromOn: "2003" },
      { nameJa: "C", nameEn: "C", fromOn: "2004" },
      { nameJa: "C", nameEn: "C", fromOn: "2005" },
    ];
    expect(formerNames(back, back[4]).map((n) => n.nameEn)).toEqual(["A", "B"]);
    expect(formerNames(back, null)).toEqual([]);
  });
});

describe("network forms", () => {
  it("wants the phase's status, both names and its start date", () => {
    const result = phaseFormSchema.safeParse({ status: "asleep", nameJa: " ", fromOn: "2007-13" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort();
    expect(paths).toEqual(["fromOn:error.partialDate", "nameEn:error.required", "nameJa:error.required", "status:error.unknownChoice"]);
    const ok = phaseFormSchema.parse({ status: "dormant", nameJa: "休眠", nameEn: "Dormant", fromOn: "2012年4月" });
    expect(ok.fromOn).toBe("2012-04");
  });

  it("asks a new network for a name in either language and its first phase", () => {
    const result = networkCreateSchema.safeParse({ descriptionEn: "x" });
    const paths = result.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort();
    expect(paths).toEqual(["fromOn:error.required", "nameJa:error.networkNameOneLanguage", "status:error.required"]);
    expect(networkCreateSchema.parse({ nameEn: "Youth Project", status: "sub_network", fromOn: "2011" })).toMatchObject({ nameEn: "Youth Project", fromOn: "2011" });
  });
});
