import { describe, expect, it } from "vitest";
import { DEGREES, statusAsOf, statusHistory, type OutcomeFact, type OverrideFact } from "./status";

let n = 0;
const outcome = (degree: string, occurredOn: string, instrumentId: string | null = "basic-policy"): OutcomeFact => ({
  id: `o${++n}`,
  degree,
  occurredOn,
  instrumentId,
  createdAt: new Date(2020, 0, 1, 0, 0, n),
});
const override = (status: string, fromOn: string, clearedAt: string | null = null): OverrideFact => ({
  id: `v${++n}`,
  status,
  reason: "agreed at the steering committee",
  fromOn,
  clearedAt,
  createdAt: new Date(2020, 0, 1, 0, 0, n),
});

describe("demand status", () => {
  it("is open, since the day it was raised, before any outcome", () => {
    expect(statusAsOf([], [], "2007-12-01", "2007-10")).toMatchObject({ status: "open", since: "2007-10-01" });
    expect(statusAsOf([], [], "2007-09-30", "2007-10")).toMatchObject({ status: "open", since: null });
  });

  it.each(DEGREES)("takes the degree %s of a single outcome from its date on", (degree) => {
    const outcomes = [outcome(degree, "2008-01")];
    expect(statusAsOf(outcomes, [], "2007-12-31", "2007-10").status).toBe("open");
    expect(statusAsOf(outcomes, [], "2008-01-01", "2007-10")).toMatchObject({ status: degree, since: "2008-01-01", outcomeId: outcomes[0].id });
    expect(statusAsOf(outcomes, [], "2026-11-22", "2007-10")).toMatchObject({ status: degree, since: "2008-01-01" });
  });

  it("keeps the best standing across instruments: a weaker mention elsewhere does not lower it", () => {
    const outcomes = [outcome("partially_reflected", "2008-01", "dv-basic-policy"), outcome("mentioned", "2008-02", "npa-notice")];
    expect(statusAsOf(outcomes, [], "2008-03-01")).toMatchObject({ status: "partially_reflected", since: "2008-01-01" });
  });

  it("follows the latest word of the same instrument, up or down", () => {
    const outcomes = [outcome("mentioned", "2007-10", "guideline"), outcome("reflected", "2009-07", "guideline"), outcome("partially_reflected", "2010-07", "guideline")];
    expect(statusAsOf(outcomes, [], "2009-12-31").status).toBe("reflected");
    expect(statusAsOf(outcomes, [], "2010-07-01")).toMatchObject({ status: "partially_reflected", since: "2010-07-01" });
  });

  it("shows a regression while it is the latest outcome, and recovers when a later one goes forward", () => {
    const outcomes = [outcome("reflected", "2009-07", "law"), outcome("regressed", "2012-07", "law"), outcome("partially_reflected", "2013-04", "guideline")];
    expect(statusAsOf(outcomes, [], "2012-06-30").status).toBe("reflected");
    expect(statusAsOf(outcomes, [], "2012-07-01")).toMatchObject({ status: "regressed", since: "2012-07-01" });
    expect(statusAsOf(outcomes, [], "2013-04-01")).toMatchObject({ status: "partially_reflected", since: "2013-04-01" });
  });

  it("reports the day the status last changed, not the day of the last outcome", () => {
    const outcomes = [outcome("partially_reflected", "2008-01", "a"), outcome("partially_reflected", "2009-05", "b"), outcome("mentioned", "2010-01", "c")];
    expect(statusAsOf(outcomes, [], "2011-01-01")).toMatchObject({ status: "partially_reflected", since: "2008-01-01" });
  });

  it("orders outcomes of the same day by when they were recorded", () => {
    const outcomes = [outcome("regressed", "2011-07-15", "x"), outcome("reflected", "2011-07-15", "x")];
    expect(statusAsOf(outcomes, [], "2011-07-15").status).toBe("reflected");
  });

  it("lets a manual override hold from its date with its reason until it is lifted", () => {
    const outcomes = [outcome("partially_reflected", "2008-01")];
    const overrides = [override("reflected", "2009-04", "2010-06-30T15:30:00Z")];
    expect(statusAsOf(outcomes, overrides, "2009-03-31")).toMatchObject({ status: "partially_reflected", override: null });
    const during = statusAsOf(outcomes, overrides, "2009-06-01");
    expect(during).toMatchObject({ status: "reflected", derived: "partially_reflected", since: "2009-04-01" });
    expect(during.override?.reason).toBe("agreed at the steering committee");
    // Lifted at 00:30 on 1 July 2010 in Japan: from that day the derived status holds again.
    expect(statusAsOf(outcomes, overrides, "2010-06-30").status).toBe("reflected");
    expect(statusAsOf(outcomes, overrides, "2010-07-01")).toMatchObject({ status: "partially_reflected", override: null, since: "2010-07-01" });
  });

  it("ignores unknown degrees and unreadable dates instead of failing", () => {
    const outcomes = [outcome("bogus", "2008-01"), outcome("reflected", "not a date"), outcome("mentioned", "2008-02")];
    expect(statusAsOf(outcomes, [], "2009-01-01").status).toBe("mentioned");
  });

  it("lists each change once, in date order", () => {
    const outcomes = [outcome("mentioned", "2007-10", "a"), outcome("mentioned", "2007-12", "b"), outcome("partially_reflected", "2008-01", "c")];
    const history = statusHistory(outcomes, [], "2006");
    expect(history.map((p) => `${p.on} ${p.status}`)).toEqual(["2006-01-01 open", "2007-10-01 mentioned", "2008-01-01 partially_reflected"]);
  });
});
