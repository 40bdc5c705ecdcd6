// The activity plan's goals, walked as staff and members would: staff add a goal in Japanese, are told
// what is missing next to the field, assess the goal, and find it in the report's draft and its
// Markdown export; members read the plan in English without edit controls.
import fs from "node:fs";
import { expect, test, expectAccessible, signIn, switchLanguage } from "./helpers";

test("staff add and assess a goal in Japanese; it reaches the report's plan-versus-result lines and its Markdown", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "staff");
  await switchLanguage(page, "ja");
  await page.goto("/reports/2009");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2009年 活動報告");
  await page.getByRole("link", { name: "計画と結果" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2009年 活動計画");
  await expect(page.getByText("2009年の目標はまだ記録されていません。")).toBeVisible();
  await page.getByRole("link", { name: "「政策提言活動」に目標を追加" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2009年の目標を追加");
  await expect(page.getByLabel("章")).toHaveValue("advocacy");

  // Words for a result before choosing one, and no goal: both explained beside their fields, nothing lost.
  await page.getByLabel("実施内容（日本語）").fill("入管法改定案について3回要望した");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByLabel("目標（日本語）")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("目標を日本語か英語で書いてください。")).toBeVisible();
  await expect(page.getByText("内容を書く前に結果を選んでください。")).toBeVisible();
  await expect(page.getByLabel("実施内容（日本語）")).toHaveValue("入管法改定案について3回要望した");
  await page.getByLabel("実施内容（日本語）").fill("");
  await page.getByLabel("目標（日本語）").fill("在留管理制度の見直しについて法務省と協議する");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/reports\/2009\/plan#goal-/);
  await expect(page.locator(".toast")).toContainText("目標を追加しました。");
  const advocacy = page.getByRole("region", { name: "政策提言活動" });
  await expect(advocacy.locator(".plan-goal")).toHaveCount(1);
  await expect(advocacy).toContainText("在留管理制度の見直しについて法務省と協議する");
  await expect(advocacy.locator(".badge")).toHaveText("未評価");
  await expectAccessible(page);

  // Assess it.
  await advocacy.getByRole("link", { name: "「政策提言活動」の目標1を編集" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("目標の編集");
  await page.getByLabel("結果", { exact: true }).selectOption({ label: "一部達成" });
  await page.getByLabel("実施内容（日本語）").fill("法務省と2回協議したが、見直しは一部にとどまった。");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/reports\/2009\/plan#goal-/);
  await expect(advocacy.locator(".badge")).toHaveText("一部達成");
  await expect(page.getByText("達成0件・一部達成1件・未達成0件・未評価0件")).toBeVisible();

  // The report's draft, and its Markdown export.
  await page.getByRole("link", { name: "2009年 活動報告を開く" }).click();
  const section = page.getByRole("region", { name: "1. 政策提言活動" });
  await expect(section.getByRole("heading", { name: "計画と結果" })).toBeVisible();
  await expect(section).toContainText("目標：在留管理制度の見直しについて法務省と協議する → 一部達成 法務省と2回協議したが、見直しは一部にとどまった。");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("activity-report-2009.md");
  const md = fs.readFileSync(await file.path(), "utf8");
  expect(md).toContain("### 計画と結果");
  expect(md).toContain("目標：在留管理制度の見直しについて法務省と協議する → **一部達成** 法務省と2回協議したが、見直しは一部にとどまった。");
});

test("members read a year's plan and its results in English, without edit controls", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "en");
  await page.goto("/reports/2011/plan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activity plan 2011");
  const organisation = page.getByRole("region", { name: "Organisation, management and finances" });
  await expect(organisation).toContainText("Gain revenue from the dispatch of lecturers");
  await expect(organisation.locator(".badge")).toHaveText("Not achieved");
  await expect(organisation).toContainText("some revenue came from the sale of literature");
  await expect(page.getByRole("link", { name: /Edit|Add a goal/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Move/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("staff reorder goals and delete one to the trash", async ({ page }) => {
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  for (const goal of ["First networking goal", "Second networking goal"]) {
    await page.goto("/reports/2010/plan/new?section=networking");
    await page.getByLabel("Goal (English)").fill(goal);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/reports\/2010\/plan#goal-/);
  }
  const networking = page.getByRole("region", { name: "Networking" });
  await expect(networking.locator(".plan-goal")).toHaveText([/First networking goal/, /Second networking goal/]);
  await networking.getByRole("button", { name: "Move goal 2 of “Networking” up" }).click();
  await expect(networking.locator(".plan-goal")).toHaveText([/Second networking goal/, /First networking goal/]);
  await expect(networking.getByRole("button", { name: "Move goal 1 of “Networking” up" })).toBeDisabled();

  await networking.getByRole("link", { name: "Delete goal 2 of “Networking”" }).click();
  await page.getByRole("button", { name: /Delete|Move to the trash/ }).click();
  await expect(page).toHaveURL(/\/reports\/2010\/plan$/);
  await expect(networking.locator(".plan-goal")).toHaveText([/Second networking goal/]);
});
