// Dashboards, membership figures and the yearly activity report, walked as members and staff would,
// in Japanese and English.
import fs from "node:fs";
import JSZip from "jszip";
import { expect, test, expectAccessible, signIn, switchLanguage } from "./helpers";

test("a member reads the dashboard in Japanese and English: each chart is drawn, with its table", async ({ page }) => {
  // Two languages and two accessibility checks of five charts.
  test.setTimeout(90_000);
  await signIn(page, "member");
  await switchLanguage(page, "ja");
  await page.locator("header nav").getByRole("link", { name: "ダッシュボード" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ダッシュボード");
  const outcomes = page.locator("#outcomes");
  await expect(outcomes.getByRole("heading", { level: 2 })).toHaveText("年別の成果（反映の度合い）");
  // The chart (drawn in the browser) and its table with the 2007 report's outcomes.
  await expect(outcomes.locator("figure svg.recharts-surface[width='560']")).toBeVisible();
  await expect(outcomes.getByRole("img", { name: /^グラフ：年別の成果/ })).toBeVisible();
  const row2007 = outcomes.locator("table tbody tr").filter({ has: page.getByRole("rowheader", { name: "2007" }) });
  await expect(row2007.locator("td")).toHaveText(["0", "0", "2", "0", "1", "3"]);
  // Membership as the reports give it, units in brackets.
  const membership = page.locator("#membership");
  await expect(membership.locator("table")).toContainText("302（313口）");
  await expect(membership.getByRole("link", { name: /編集/ })).toHaveCount(0);
  await expectAccessible(page);

  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  const commitments = page.locator("#commitments");
  await expect(commitments.getByRole("heading", { level: 2 })).toHaveText("Commitments kept and overdue");
  await expect(commitments.locator("figure svg.recharts-surface[width='560']")).toBeVisible();
  await expect(commitments.locator("thead")).toContainText("Overdue");
  await expect(page.locator("#membership table")).toContainText("325 (331)");
  await expect(page.locator("#answers figure svg.recharts-surface[width='560']")).toBeVisible();
  await expectAccessible(page);
});

test("without JavaScript the dashboard still gives every figure in its tables", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "member", { to: "/dashboard" }).catch(() => undefined);
  await page.goto("/dashboard");
  await expect(page.locator(".dashboard-section table")).toHaveCount(5);
  await expect(page.locator(".chart-pending").first()).toBeVisible();
  await context.close();
});

test("staff correct a year's membership figures; a mistake is explained next to the field and nothing typed is lost", async ({ page }) => {
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Edit the figures of 2011" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Membership figures 2011");
  const members = page.getByLabel("Organisational members", { exact: true });
  await members.fill("81");
  const units = page.getByRole("textbox", { name: "Organisational members: units" });
  await units.fill("70");
  await page.getByLabel("Note").fill("Checked against the 2011 report");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(units).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Units cannot be fewer than the count.")).toBeVisible();
  await expect(page.getByLabel("Note")).toHaveValue("Checked against the 2011 report");
  await units.fill("103");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/membership$/);
  await expect(page.locator("table")).toContainText("Checked against the 2011 report");
  await expectAccessible(page);
});

test("staff draft the 2007 activity report from the records, edit a section and export it", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Activity reports" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await page.getByLabel("Year", { exact: true }).fill("2007");
  await page.getByRole("button", { name: "Open the draft" }).click();
  await expect(page).toHaveURL(/\/reports\/2007$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activity report 2007");
  const advocacy = page.getByRole("region", { name: "1. Advocacy activities" });
  await expect(advocacy.getByRole("link", { name: "Basic Policy for the Protection of DV Victims" })).toBeVisible();
  await expect(advocacy).toContainText("Not achieved");
  await expectAccessible(page);

  await page.getByRole("button", { name: /Store this draft to edit it|Assemble the draft again/ }).click();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  const publicity = page.getByRole("textbox", { name: "4. Publicity and information" });
  await publicity.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("M-Net: 900 copies published; the July issue was the 100th.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/reports\/2007$/);
  await expect(page.getByRole("region", { name: "4. Publicity and information" })).toContainText("M-Net: 900 copies published");

  // Assembling the draft again keeps the edited section.
  await page.getByRole("button", { name: "Assemble the draft again" }).click();
  await expect(page.locator(".toast")).toContainText("your edits were kept in: Publicity and information");
  await expect(page.getByRole("region", { name: "4. Publicity and information" })).toContainText("M-Net: 900 copies published");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Word (DOCX)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("activity-report-2007.docx");
  const zip = await JSZip.loadAsync(fs.readFileSync(await file.path()));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  expect(xml).toContain("Advocacy activities");
  expect(xml).toContain("M-Net: 900 copies published");

  await switchLanguage(page, "ja");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2007年 活動報告");
  await expect(page.getByRole("heading", { name: "1. 政策提言活動" })).toBeVisible();
  await expectAccessible(page);
});
