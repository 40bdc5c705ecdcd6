// The counter-report composer as staff use it (docs/decisions/014): open a cycle's composer, link the last
// review's paragraph to a demand and see the demand's evidence arrive as footnotes, write a section in
// English and Japanese, mark it done, export the DOCX and the print version; then read it in Japanese and
// as a member.
import fs from "node:fs";
import { expect, test, expectAccessible, keepScreenshot, signIn, switchLanguage } from "./helpers";

test("staff compose a counter-report section with the network's evidence and export it", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "staff", { to: "/un" });
  await page.goto("/un");
  await switchLanguage(page, "en");

  // CERD's review of the third to sixth reports: its last review is CERD 2001.
  await page.getByRole("link", { name: "Third to sixth periodic reports" }).first().click();
  await page.getByRole("link", { name: "Counter-report", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start the counter-report");
  await page.getByLabel("Committee's word limit").fill("fifty");
  await page.getByRole("button", { name: "Start the counter-report" }).click();
  // A wrong limit is answered next to the field; what was typed stays.
  await expect(page.locator("#report-form-wordLimit-error")).toBeVisible();
  await expect(page.getByLabel("Title (English)")).toHaveValue(/Counter-report to CERD/);
  await page.getByLabel("Committee's word limit").fill("10700");
  await page.getByRole("button", { name: "Start the counter-report" }).click();
  await expect(page.getByText("0 of 1 sections done")).toBeVisible();
  const reportPath = new URL(page.url()).pathname;
  const section = page.locator(".composer-section").first();
  await expect(section.getByRole("heading", { level: 3 })).toContainText("1. Legislation against racial discrimination (CERD/C/304/Add.114, para. 10)");

  // Link the 2001 paragraph to D-014 as well: the demand's negotiation answers and outcomes since 2001 become footnotes.
  await section.getByRole("link", { name: "CERD/C/304/Add.114, para. 10" }).click();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Edit:");
  await page.getByLabel("Our demands").fill("D-022, D-014");
  await page.locator("main form button[type=submit]", { hasText: "Save" }).click();
  await expect(page.getByRole("link", { name: /D-014/ }).first()).toBeVisible();
  await page.goto(reportPath);
  await expect(section.locator(".footnotes li").first()).toBeVisible();
  await expect(section.locator(".footnotes")).toContainText("Negotiation answer");

  // Write the section: English and Japanese side by side, the word count as one types, assigned and done.
  await section.getByRole("link", { name: "Write: 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Section 1:");
  const english = page.getByRole("textbox", { name: "Analysis (English)" });
  await english.click();
  await page.keyboard.type("The government still has no law against racial discrimination.");
  await expect(page.locator(".word-meter")).toHaveText("This section: 9 of about 10700 words");
  await page.getByRole("textbox", { name: "Analysis (Japanese working text)" }).click();
  await page.keyboard.type("政府はいまだに人種差別禁止法を制定していない。");
  await page.getByRole("textbox", { name: "Proposed questions and recommendations (English)" }).click();
  await page.keyboard.type("When will the State party adopt such a law?");
  await page.getByLabel("Assigned to").selectOption({ index: 1 });
  await page.getByLabel("This section is done").check();
  await expectAccessible(page);
  await keepScreenshot(page, "counter-report-section-write-en");
  await page.getByRole("button", { name: "Save the section" }).click();
  await expect(page.getByText("1 of 1 sections done")).toBeVisible();
  await expect(section).toContainText("The government still has no law against racial discrimination.");
  await expect(section).toContainText("政府はいまだに人種差別禁止法を制定していない。");
  await expect(section.locator(".badge-done")).toHaveText("Done");
  await expectAccessible(page);

  // Export: the Word file downloads, the print version has the sections and footnotes.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Word (DOCX)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^counter-report-ICERD-\d{4}-\d{2}-\d{2}\.docx$/);
  const file = await download.path();
  expect(fs.statSync(file).size).toBeGreaterThan(3000);
  expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");

  await page.getByRole("link", { name: "Print version (HTML)" }).click();
  await expect(page.locator(".print-cover h1")).toContainText("Counter-report to CERD");
  await expect(page.locator(".print-contents li")).toHaveCount(1);
  await expect(page.locator(".print-section")).toContainText("When will the State party adopt such a law?");
  await expect(page.locator(".print-footnotes li").first()).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, "counter-report-print-en");

  await page.goto(`${reportPath}/grading`);
  await expect(page.locator(".grading-table tbody tr")).toHaveCount(1);

  // In Japanese.
  await page.goto(reportPath);
  await switchLanguage(page, "ja");
  await expect(page.getByText("1節中1節完了")).toBeVisible();
  await expect(page.locator(".composer-section").first()).toContainText("交渉での回答");
});

test("members read the counter-report without writing it", async ({ page }) => {
  await signIn(page, "member", { to: "/un" });
  await page.goto("/un");
  await switchLanguage(page, "en");
  await page.getByRole("link", { name: "Third to sixth periodic reports" }).first().click();
  await page.getByRole("link", { name: "Counter-report", exact: true }).click();
  await expect(page).toHaveURL(/\/un\/reports\//);
  await expect(page.getByText("1 of 1 sections done")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Write/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Report settings" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a new user finds the demo counter-report in progress, in English and in Japanese", async ({ page }) => {
  await signIn(page, "staff", { to: "/un" });
  await page.goto("/un");
  await switchLanguage(page, "en");
  // CERD's review of the seventh to ninth reports: its composer follows CERD/C/JPN/CO/3-6.
  await page.getByRole("link", { name: "Seventh to ninth periodic reports" }).first().click();
  await page.getByRole("link", { name: "Counter-report", exact: true }).click();
  await expect(page).toHaveURL(/\/un\/reports\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Counter-report to CERD: Seventh to ninth periodic reports");
  await expect(page.getByText("1 of 4 sections done")).toBeVisible();
  const sections = page.locator(".composer-section");
  await expect(sections).toHaveCount(4);
  await expect(sections.nth(0).getByRole("heading", { level: 3 })).toContainText("Comprehensive legislation prohibiting racial discrimination (CERD/C/JPN/CO/3-6, para. 9)");
  await expect(sections.nth(0)).toContainText("article 14 of the Constitution guarantees equality under the law");
  await expect(sections.nth(0)).toContainText("憲法第14条が法の下の平等を定めており");
  await expect(sections.nth(0).locator(".badge-done")).toHaveText("Done");
  await expect(sections.nth(1)).toContainText("パリ原則");
  await expect(sections.nth(3)).toContainText("Advocacy Network for Foreign Trainees");
  await expectAccessible(page);
  await keepScreenshot(page, "counter-report-demo-en");

  // Only the open sections: the done one drops out.
  await page.getByLabel("State", { exact: true }).selectOption("open");
  await expect(page.locator(".composer-section")).toHaveCount(3);

  await page.goto(new URL(page.url()).pathname);
  await switchLanguage(page, "ja");
  await expect(page.getByText("4節中1節完了")).toBeVisible();
  await expect(page.locator(".composer-section").first().getByRole("heading", { level: 3 })).toContainText("包括的な人種差別禁止法");
  await expect(page.locator(".composer-section").first()).toContainText("人種差別撤廃法を制定すること");
  await expectAccessible(page);
  await keepScreenshot(page, "counter-report-demo-ja");
});
