// UN treaty reporting as staff use it: import a committee's concluding observations from pasted text,
// review the split paragraphs, save; link a paragraph to a demand and see it on the demand's timeline
// as the UN channel; read it as a member without the internal note. In English and Japanese.
import fs from "node:fs";
import path from "node:path";
import { expect, test, expectAccessible, keepScreenshot, signIn, switchLanguage } from "./helpers";

const stamp = Date.now().toString(36).toUpperCase();
const fixture = fs.readFileSync(path.join(import.meta.dirname, "../../app/models/__fixtures__/cerd-co-10-11.txt"), "utf8");

test("staff import concluding observations, link a paragraph to a demand, and the demand's timeline shows it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "staff", { to: "/un" });
  // A full load of the page first: the language switch must be read from this page, not the sign-in page.
  await page.goto("/un");
  await switchLanguage(page, "en");

  // A new document for this run (the symbol is unique per run; the text's own symbol is replaced to match).
  const symbol = `CERD/C/JPN/CO/E2E-${stamp}`;
  await page.getByRole("link", { name: "New document" }).click();
  await page.getByLabel("Mechanism", { exact: true }).selectOption({ label: "ICERD — International Convention on the Elimination of All Forms of Racial Discrimination" });
  await page.getByLabel("Kind").selectOption({ label: "Concluding observations" });
  await page.getByLabel("UN symbol").fill(symbol.toLowerCase());
  await page.getByLabel("Title (English)").fill(`Concluding observations (e2e ${stamp})`);
  await page.getByLabel("Issued").fill("2035-08-30");
  await page.locator("main form button[type=submit]", { hasText: "Save" }).click();
  await expect(page.locator(".record-ref code")).toHaveText(symbol);

  await page.getByRole("link", { name: "Import paragraphs" }).click();
  const text = fixture.replaceAll("CERD/C/JPN/CO/10-11", symbol);
  await page.getByLabel("Text of the document").fill(text);
  await page.getByRole("button", { name: "Split into paragraphs" }).click();
  await expect(page.getByRole("status")).toHaveText("9 paragraphs: 9 new, 0 changed, 0 unchanged.");
  await expect(page.locator("tbody tr").nth(4)).toContainText("Definition of racial discrimination");
  await expectAccessible(page);
  await keepScreenshot(page, "un-import-preview-en");
  await page.getByRole("button", { name: "Save 9 paragraphs" }).click();
  await expect(page.locator(".toast, [role=status]").first()).toContainText("9 added");

  // Paragraph 6 (national human rights institution): link it to demand D-023 with a grade and an internal note.
  await page.getByRole("link", { name: "para. 6" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("National human rights institution");
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Edit:");
  await page.getByLabel("Our demands").fill("D-023, D-9999");
  await page.getByLabel("Our assessment").selectOption("D");
  await page.getByLabel(/Internal note/).fill(`e2e internal ${stamp}`);
  await page.locator("main form button[type=submit]", { hasText: "Save" }).click();
  // An unknown demand number is answered next to the field, and what was typed stays.
  await expect(page.locator("#recommendation-form-demandRefs-error, .field-errors").first()).toContainText("D-9999");
  await expect(page.getByLabel("Our demands")).toHaveValue("D-023, D-9999");
  await page.getByLabel("Our demands").fill("D-023");
  await page.locator("main form button[type=submit]", { hasText: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("National human rights institution");
  await expect(page.getByRole("link", { name: /D-023/ })).toBeVisible();
  await expect(page.getByText(`e2e internal ${stamp}`)).toBeVisible();
  const recommendationPath = new URL(page.url()).pathname;

  // The demand's timeline has the UN channel.
  await page.getByRole("link", { name: "Timeline" }).click();
  await expect(page.locator("main")).toContainText(`${symbol} para. 6`);
  await keepScreenshot(page, "un-demand-timeline-en");

  // Japanese.
  await switchLanguage(page, "ja");
  await page.goto(recommendationPath);
  await expect(page.getByRole("heading", { level: 2, name: "関連する要求" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, "un-recommendation-ja");
});

test("members read recommendations and the UN channel without internal notes", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "ja");
  await page.goto("/un");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("国連人権メカニズム");
  await expect(page.locator("main")).toContainText("未批准");
  await page.goto("/un/recommendations?q=without%20delay%20an%20independent");
  await page.locator("table.data-table tbody a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("国内人権機関");
  await expect(page.locator("main")).not.toContainText("内部メモ");
  await expect(page.getByRole("link", { name: "編集" })).toHaveCount(0);
  await expectAccessible(page);
});
