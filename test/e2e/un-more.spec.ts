// What was left of UN reporting, as staff use it (docs/decisions/010): an outcome names the UN
// recommendations that led to it (one linked to the demand, one found by symbol and paragraph) and the
// demand's timeline shows it; a CSV of recommendations is checked, saved, and imported again with one
// change, which the preview calls "changed". In English and Japanese.
import { expect, test, expectAccessible, keepScreenshot, signIn, switchLanguage, newUnDocument } from "./helpers";

const stamp = Date.now().toString(36).toUpperCase();

test("staff choose the recommendations that led to an outcome, and the timeline links them", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "staff", { to: "/outcomes/new" });
  await page.goto("/outcomes/new");
  await switchLanguage(page, "en");
  const demandValue = await page.locator("select[name=demandId] option", { hasText: "D-006" }).first().getAttribute("value");
  await page.getByLabel("Demand", { exact: true }).selectOption(demandValue ?? "");
  // The demand's own recommendation is offered at once.
  const linked = page.getByRole("checkbox", { name: /CERD\/C\/JPN\/CO\/3-6 ¶24/ });
  await expect(linked).toBeVisible();
  await linked.check();
  // Another is found by symbol and paragraph; Enter searches and does not submit the outcome.
  await page.getByLabel("Find a recommendation").fill("CO/3-6 ¶12");
  await page.getByLabel("Find a recommendation").press("Enter");
  const found = page.getByRole("checkbox", { name: /CERD\/C\/JPN\/CO\/3-6 ¶12/ });
  await expect(found).toBeVisible();
  await found.check();
  await page.getByLabel("Degree").selectOption({ label: "Mentioned" });
  await page.getByLabel("Date", { exact: true }).fill("2013-06");
  await page.getByLabel("Quoted passage (English)").fill(`e2e outcome ${stamp}`);
  await expectAccessible(page);
  await keepScreenshot(page, "outcome-recommendations-en");
  await page.locator("main form button[type=submit]", { hasText: "Save" }).click();
  await expect(page).toHaveURL(/\/demands\/[^/]+$/);

  await page.goto(`${new URL(page.url()).pathname}/timeline?channel=outcome&order=desc`);
  const event = page.locator("li, article").filter({ hasText: `e2e outcome ${stamp}` }).last();
  await expect(event).toContainText("Through UN recommendation");
  await event.getByRole("link", { name: "CERD/C/JPN/CO/3-6 ¶12" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("National human rights institution");

  // Japanese: the same form.
  await switchLanguage(page, "ja");
  await page.goto(`/outcomes/new?demand=${demandValue}`);
  await expect(page.getByRole("group", { name: "国連勧告" })).toBeVisible();
  await keepScreenshot(page, "outcome-recommendations-ja");
});

const csvOf = (rows: string[][]) => `\uFEFF${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\r\n")}\r\n`;
const header = ["paragraph", "sub_paragraph", "heading", "heading_ja", "text_en", "text_ja", "follow_up", "demands"];
const rows = (last: string) => [
  header,
  ["7", "", "Technical intern training", "技能実習制度", "The Committee recommends, in particular,\nthat the programme be replaced.", "委員会は、特に、同制度の置き換えを勧告する。", "yes", "D-006, D-007"],
  ["7", "a", "", "", last, "実習生が雇用主を変更できるよう確保すること。", "no", ""],
];

test("staff import recommendations from a CSV, then import it again with one change", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "staff", { to: "/un" });
  await page.goto("/un");
  await switchLanguage(page, "en");
  const symbol = `CESCR/E2E/CSV-${stamp}`;
  const documentPath = await newUnDocument(page, { symbol, title: `CSV import (e2e ${stamp})`, issued: "2036-05" });

  // In Japanese.
  await switchLanguage(page, "ja");
  await page.goto(`${documentPath}/import`);
  const file = (text: string) => ({ name: "recommendations.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await page.getByLabel("CSVファイル", { exact: true }).setInputFiles(file(csvOf(rows("Ensure that trainees can change employers."))));
  await page.getByRole("button", { name: "ファイルを確認" }).click();
  await expect(page.getByText("2行：新規2、変更0、変更なし0、エラー0。")).toBeVisible();
  await expect(page.locator(".csv-preview tbody tr").first()).toContainText("技能実習制度");
  await expectAccessible(page);
  await keepScreenshot(page, "un-csv-preview-ja");
  await page.getByRole("button", { name: "2行を保存" }).click();
  await expect(page).toHaveURL(new RegExp(`${documentPath}$`));
  await expect(page.locator("main")).toContainText("追加2件");
  await expect(page.locator("main")).toContainText("技能実習制度");

  // Again, with one paragraph changed: the preview says so, and saving updates it.
  await page.goto(`${documentPath}/import`);
  await page.getByLabel("CSVファイル", { exact: true }).setInputFiles(file(csvOf(rows("Ensure that trainees can change employers, in particular after abuse."))));
  await page.getByRole("button", { name: "ファイルを確認" }).click();
  // Row 7 as saved reads "unchanged" (it read "changed" while the page ran without JavaScript: its route
  // module failed to load in the browser, and the form's native submission stored a stray U+FFFD).
  await expect(page.getByText("2行：新規0、変更1、変更なし1、エラー0。")).toBeVisible();
  await expect(page.locator(".csv-preview tbody tr").first()).toContainText("変更なし");
  await expect(page.locator(".csv-preview tbody tr").nth(1)).toContainText("変更");
  await page.getByRole("button", { name: /行を保存$/ }).click();
  await expect(page).toHaveURL(new RegExp(`${documentPath}$`));

  // English, with an error beside its row.
  await switchLanguage(page, "en");
  await page.goto(`${documentPath}/import`);
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(file(csvOf([header, ["8", "", "", "", "Text.", "", "maybe", "D-9999"]])));
  await page.getByRole("button", { name: "Check the file" }).click();
  const row = page.locator(".csv-preview tbody tr").first();
  await expect(row).toContainText("No demand has these numbers: D-9999");
  await expect(row).toContainText("follow_up “maybe” is neither yes nor no.");
  await expect(page.getByRole("button", { name: /^Save \d+ rows$/ })).toHaveCount(0);
  await keepScreenshot(page, "un-csv-errors-en");
});
