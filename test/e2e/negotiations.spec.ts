// The negotiation cycle as staff log it: a round with three agenda items and the ministries'
// answers, an outcome citing that round, and both on the demand's timeline in Japanese and English.
// Then a member reads the same timeline: no internal note, no edit controls.
import { type Locator, type Page } from "@playwright/test";
import { expect, test, expectAccessible, keepScreenshot, signIn, switchLanguage } from "./helpers";

// Unique to this run, so that a rerun against the same database still finds its own records.
const stamp = Date.now().toString(36);
const roundTitle = `E2E 2026年秋の省庁交渉 ${stamp}`;
const roundTitleEn = `E2E autumn 2026 ministry round ${stamp}`;
const internalRoundNote = `E2E internal: the official asked not to be quoted ${stamp}`;
const internalOutcomeNote = `E2E internal: check the final text ${stamp}`;
const quote = `E2E 在留資格の有無にかかわらず保護の対象とする ${stamp}`;

/** Picks the option of a select whose text contains `text` (labels carry refs and dates). */
async function selectContaining(select: Locator, text: string) {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  if (!value) throw new Error(`no option containing ${text}`);
  await select.selectOption(value);
}

async function demandPath(page: Page, ref: string) {
  await page.goto(`/demands?q=${encodeURIComponent(ref)}`);
  const href = await page.locator("table.data-table tbody tr", { hasText: ref }).locator("a").first().getAttribute("href");
  if (!href) throw new Error(`no demand ${ref}`);
  return href;
}

type Item = { ref: string; body: string; question: string; answer: string; assessment: string; commitment?: { text: string; by: string } };

const items: Item[] = [
  {
    ref: "D-014",
    body: "Immigration Bureau",
    question: `E2E Q1 在留資格のないDV被害者の保護について ${stamp}`,
    answer: `E2E A1 個別の事情を考慮して対応する ${stamp}`,
    assessment: "Commitment",
    commitment: { text: `E2E C1 report back on shelter guidance ${stamp}`, by: "2027-03-31" },
  },
  { ref: "D-006", body: "Ministry of Justice", question: `E2E Q2 研修制度の見直し ${stamp}`, answer: `E2E A2 検討中である ${stamp}`, assessment: "Will consider" },
  { ref: "D-002", body: "Cabinet Secretariat", question: `E2E Q3 外国人政策の担当部署 ${stamp}`, answer: `E2E A3 お答えできない ${stamp}`, assessment: "Evasive" },
];

test("staff log a round with answers and an outcome; members read the timeline without internal notes", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "staff");
  await switchLanguage(page, "en");

  // The round.
  await page.goto("/rounds/new");
  await page.getByLabel("Kind").selectOption({ label: "Ministry negotiations" });
  await page.getByLabel("Date").fill("2026-11-20");
  await page.getByLabel("Place").fill("参議院議員会館 / House of Councillors Members' Office Building");
  await page.getByLabel("Title (Japanese)").fill(roundTitle);
  await page.getByLabel("Title (English)").fill(roundTitleEn);
  const bodies = page.getByRole("group", { name: "Bodies present" });
  await bodies.getByLabel("Immigration Bureau", { exact: true }).check();
  await bodies.getByLabel("Ministry of Justice", { exact: true }).check();
  await page.getByLabel(/^Internal note/).fill(internalRoundNote);
  await page.locator("main form button[type=submit]", { hasText: /Create|Save/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(roundTitleEn);
  const roundPath = new URL(page.url()).pathname;

  // Three agenda items, each with the question, the answer and our assessment.
  for (const item of items) {
    await page.goto(`${roundPath}/items/new`);
    await selectContaining(page.getByLabel("Demand", { exact: true }), item.ref);
    await selectContaining(page.getByLabel("Answering body"), item.body);
    await page.getByLabel("Question sent in advance (Japanese)").fill(item.question);
    const answer = page.locator(".ProseMirror");
    await answer.click();
    await page.keyboard.type(item.answer);
    await page.getByLabel("Our assessment").selectOption({ label: item.assessment });
    if (item.commitment) {
      await page.getByLabel("Commitment (English)").fill(item.commitment.text);
      await page.getByLabel("Follow up by").fill(item.commitment.by);
    }
    await page.locator("main form button[type=submit]", { hasText: /Create|Save|Add/ }).first().click();
    await expect(page).toHaveURL(new RegExp(`${roundPath}(#item-|$)`));
    await expect(page.getByText(item.answer)).toBeVisible();
  }
  await expect(page.locator(".agenda-list > li")).toHaveCount(3);
  await keepScreenshot(page, "negotiations-round-en");

  // A commitment without a follow-up date is refused next to the field, and the typed text stays.
  await page.goto(`${roundPath}/items/new`);
  await selectContaining(page.getByLabel("Demand", { exact: true }), "D-014");
  await page.getByLabel("Commitment (English)").fill(`E2E C-unsaved ${stamp}`);
  await page.locator("main form button[type=submit]", { hasText: /Create|Save|Add/ }).first().click();
  await expect(page.getByLabel("Follow up by")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Commitment (English)")).toHaveValue(`E2E C-unsaved ${stamp}`);

  // The outcome, citing the round.
  const demand = await demandPath(page, "D-014");
  const demandId = demand.split("/").pop() ?? "";
  await page.goto(`/outcomes/new?demand=${demandId}`);
  await page.getByLabel("Degree").selectOption({ label: "Partially reflected" });
  await page.getByLabel("Date", { exact: true }).fill("2026-11-21");
  await page.getByLabel("Quoted passage (Japanese)").fill(quote);
  await page.getByLabel(/^Internal note/).fill(internalOutcomeNote);
  await page.getByRole("group", { name: "Negotiation rounds that discussed it" }).getByLabel(roundTitleEn, { exact: false }).check();
  await page.locator("main form button[type=submit]", { hasText: /Create|Save/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`${demand}$`));
  await expect(page.getByText(quote)).toBeVisible();

  // The timeline, in English then Japanese: the round's answer, the commitment and the outcome.
  await page.goto(`${demand}/timeline`);
  await expect(page.getByText(items[0].answer)).toBeVisible();
  await expect(page.getByText(items[0].commitment!.text).filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByText(quote)).toBeVisible();
  await expect(page.getByText(internalOutcomeNote)).toBeVisible();
  await expect(page.locator("svg[role=img], figure svg").first()).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, "negotiations-timeline-staff-en");
  await switchLanguage(page, "ja");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("経過");
  await expect(page.getByText(quote)).toBeVisible();
  await expect(page.getByText(roundTitle).filter({ visible: true }).first()).toBeVisible();
  await keepScreenshot(page, "negotiations-timeline-staff-ja");
  await switchLanguage(page, "en");

  // The body's answers page lists the new answer.
  await page.goto("/bodies?q=Immigration%20Bureau");
  await page.locator("table.data-table tbody a", { hasText: "Immigration Bureau" }).first().click();
  await page.getByRole("link", { name: "Answers" }).click();
  await expect(page.getByText(items[0].answer)).toBeVisible();

  // A member: the same timeline without internal notes or edit controls.
  await page.context().clearCookies();
  await signIn(page, "member");
  await page.goto(`${demand}/timeline`);
  await expect(page.getByText(quote)).toBeVisible();
  await expect(page.getByText(items[0].answer)).toBeVisible();
  await expect(page.getByText(internalOutcomeNote)).toHaveCount(0);
  await expect(page.getByText(internalRoundNote)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await keepScreenshot(page, "negotiations-timeline-member-en");
  await page.goto(roundPath);
  await expect(page.getByText(items[1].answer)).toBeVisible();
  await expect(page.getByText(internalRoundNote)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^(Edit|Add agenda item)/ })).toHaveCount(0);
  await page.goto(demand);
  await expect(page.getByText(internalOutcomeNote)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Record an outcome|^Edit$/ })).toHaveCount(0);
  // Members cannot reach the edit screens by address either.
  const response = await page.goto(`${roundPath}/edit`);
  expect(response?.status()).toBe(403);
});
