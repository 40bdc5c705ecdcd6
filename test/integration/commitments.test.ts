import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { CommitmentsPanel } from "~/components/commitments-panel";
import { I18nProvider } from "~/i18n/react";
import { commitmentsDue, type CommitmentsDue } from "~/models/commitment.server";
import { db } from "~/utils/db.server";
import { addDaysIso, todayInJapan } from "~/utils/partial-date";

// Follow-up dates of this file's own items (by label); other rounds in the database are ignored.
const mine = new Map<string, string>();
let demandId = "";
let roundId = "";
let bodyId = "";

async function commitment(label: string, followUpOn: string | null, followUpStatus: string | null = "open", extra: { roundId?: string; demandId?: string } = {}) {
  const count = await db.agendaItem.count({ where: { roundId: extra.roundId ?? roundId } });
  const item = await db.agendaItem.create({
    data: {
      roundId: extra.roundId ?? roundId,
      position: count + 1,
      demandId: extra.demandId ?? demandId,
      bodyId,
      commitmentJa: `約束 ${label}`,
      commitmentEn: `Commitment ${label}`,
      followUpOn,
      followUpStatus,
    },
  });
  mine.set(item.id, label);
}

const labels = (list: CommitmentsDue["overdue"]) => list.filter((c) => mine.has(c.id)).map((c) => mine.get(c.id));

beforeAll(async () => {
  bodyId = (await db.body.findFirstOrThrow({ where: { nameEn: "Immigration Bureau" } })).id;
  demandId = (await db.demand.create({ data: { ref: "T-401", titleJa: "約束のテスト", titleEn: "Commitments test" } })).id;
  roundId = (await db.negotiationRound.create({ data: { kind: "ministry_round", titleJa: "交渉", titleEn: "Round", heldOn: "2024-12-01" } })).id;
  // Around today = 2025-01-31 (a month end): today+30 = 2025-03-02, today+31 = 2025-03-03.
  await commitment("yesterday", "2025-01-30");
  await commitment("today", "2025-01-31");
  await commitment("plus30", "2025-03-02");
  await commitment("plus31", "2025-03-03");
  await commitment("february", "2025-02"); // from 1 February: due soon
  await commitment("march", "2025-03"); // from 1 March, within +30: due soon
  await commitment("april", "2025-04"); // from 1 April: later
  await commitment("january", "2025-01"); // from 1 January: overdue
  await commitment("year2024", "2024"); // a year: from 1 January 2024, overdue
  await commitment("year2025", "2025"); // from 1 January 2025: overdue
  await commitment("done", "2025-01-01", "done");
  await commitment("dropped", "2025-02-01", "dropped");
  await commitment("undated", null);
  const deletedRound = await db.negotiationRound.create({ data: { kind: "ministry_round", titleJa: "削除", titleEn: "Deleted", heldOn: "2024", deletedAt: new Date() } });
  await commitment("deletedRound", "2025-01-10", "open", { roundId: deletedRound.id });
  const deletedDemand = await db.demand.create({ data: { ref: "T-402", titleJa: "削除", titleEn: "Deleted", deletedAt: new Date() } });
  await commitment("deletedDemand", "2025-01-10", "open", { demandId: deletedDemand.id });
});

describe("commitments due", () => {
  it("splits open commitments into overdue and due within 30 days, at the boundaries", async () => {
    const due = await commitmentsDue({ today: "2025-01-31" });
    expect(due.today).toBe("2025-01-31");
    expect(labels(due.overdue)).toEqual(["year2024", "year2025", "january", "yesterday"]);
    expect(labels(due.dueSoon)).toEqual(["today", "february", "march", "plus30"]);
  });

  it("gives the demand, body, round, text and days to go", async () => {
    const due = await commitmentsDue({ today: "2025-01-31" });
    const yesterday = due.overdue.find((c) => mine.get(c.id) === "yesterday");
    expect(yesterday).toMatchObject({
      followUpOn: "2025-01-30",
      dueOn: "2025-01-30",
      days: -1,
      commitmentJa: "約束 yesterday",
      demand: { id: demandId, ref: "T-401" },
      body: { id: bodyId },
      round: { id: roundId, heldOn: "2024-12-01" },
    });
    expect(due.dueSoon.find((c) => mine.get(c.id) === "today")?.days).toBe(0);
    expect(due.dueSoon.find((c) => mine.get(c.id) === "plus30")?.days).toBe(30);
    expect(due.dueSoon.find((c) => mine.get(c.id) === "march")).toMatchObject({ dueOn: "2025-03-01", days: 29 });
  });

  it("handles the end of February in a leap year", async () => {
    // today = 2024-02-29: +30 = 2024-03-30. "2025" items are after, "2024" from 1 January is overdue.
    const due = await commitmentsDue({ today: "2024-02-29" });
    expect(labels(due.overdue)).toEqual(["year2024"]);
    expect(labels(due.dueSoon)).toEqual([]);
    const endOfMarch = await commitmentsDue({ today: "2025-03-03" });
    expect(labels(endOfMarch.dueSoon)).toEqual(["plus31", "april"]);
    expect(labels(endOfMarch.overdue)).toEqual(["year2024", "year2025", "january", "yesterday", "today", "february", "march", "plus30"]);
  });

  it("uses today in Japan by default", async () => {
    const due = await commitmentsDue();
    expect(due.today).toBe(todayInJapan());
    expect(addDaysIso(due.today, 30) > due.today).toBe(true);
  });
});

describe("the commitments panel", () => {
  async function render(due: CommitmentsDue, locale: "ja" | "en") {
    const handler = createStaticHandler([{ id: "home", path: "/", element: createElement(I18nProvider, { locale, children: createElement(CommitmentsPanel, due) }) }]);
    const context = await handler.query(new Request("http://localhost/"));
    if (context instanceof Response) throw new Error("unexpected response");
    return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
  }

  it("lists both groups with links to the round and the demand", async () => {
    const due = await commitmentsDue({ today: "2025-01-31" });
    const html = await render(due, "en");
    expect(html).toContain("Commitments due");
    expect(html).toContain("1 day overdue");
    expect(html).toContain("in 30 days");
    expect(html).toContain(`href="/demands/${demandId}"`);
    expect(html).toContain(`href="/rounds/${roundId}#item-`);
    expect(html).toContain("Commitment yesterday");
    expect(html).toContain("due today");
    expect(html.indexOf("Overdue")).toBeLessThan(html.indexOf("Due in the next 30 days"));
    const ja = await render(due, "ja");
    expect(ja).toContain("約束 yesterday");
    expect(ja).toContain("期限切れ");
  });

  it("has an empty state", async () => {
    const html = await render({ today: "2025-01-31", overdue: [], dueSoon: [] }, "en");
    expect(html).toContain("No open commitment is overdue or due in the next 30 days.");
  });
});
