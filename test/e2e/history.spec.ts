// History and the trash in the browser: staff edit a request and read the change in its history;
// staff delete a round after the confirmation page; an administrator restores it from the trash.
// Both screens are kept as screenshots in Japanese and English and checked with axe-core.
import { expect, test, expectAccessible, keepScreenshot, signIn, switchLanguage } from "./helpers";

// Unique to this run, so that a rerun against the same database still finds its own records.
const stamp = Date.now().toString(36);

test("staff edit a request and see the change, before and after, in its history", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  await page.goto("/requests");
  const href = await page.locator("table.data-table tbody a").first().getAttribute("href");
  if (!href) throw new Error("no request in the demo data");

  await page.goto(`${href}/edit`);
  const titleEn = page.getByLabel("Title (English)");
  const oldTitle = await titleEn.inputValue();
  const newTitle = `E2E renamed request ${stamp}`;
  await titleEn.fill(newTitle);
  await page.locator("main form button[type=submit]", { hasText: "Save" }).first().click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));

  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("History:");
  const latest = page.locator(".history-event").first();
  await expect(latest.locator(".history-action")).toHaveText("Edited");
  const row = latest.getByRole("row", { name: /Title \(English\)/ });
  await expect(row.locator(".history-after")).toHaveText(newTitle);
  if (oldTitle) await expect(row.locator(".history-before")).toHaveText(oldTitle);
  // Only what changed: the Japanese title was left as it was.
  await expect(latest.getByRole("row", { name: /Title \(Japanese\)/ })).toHaveCount(0);
  await expectAccessible(page);
  await keepScreenshot(page, "history-en");

  await switchLanguage(page, "ja");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("履歴：");
  await expect(latest.locator(".history-action")).toHaveText("編集");
  await expect(latest.getByRole("row", { name: /タイトル（英語）/ }).locator(".history-after")).toHaveText(newTitle);
  await expectAccessible(page);
  await keepScreenshot(page, "history-ja");
});

test("staff delete a round after confirming; an administrator restores it from the trash", async ({ page }) => {
  test.setTimeout(90_000);
  const title = `E2E ごみ箱に入れる交渉 ${stamp}`;
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  await page.goto("/rounds/new");
  await page.getByLabel("Kind").selectOption({ label: "Ministry negotiations" });
  await page.getByLabel("Date").fill("2026-11-21");
  await page.getByLabel("Title (Japanese)").fill(title);
  await page.locator("main form button[type=submit]", { hasText: /Create|Save/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  const roundPath = new URL(page.url()).pathname;

  // The confirmation is a page of its own: nothing is deleted until it is confirmed.
  await page.getByRole("link", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(`${roundPath}/delete`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expectAccessible(page);
  await keepScreenshot(page, "delete-confirm-en");
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/rounds$/);
  await expect(page.getByRole("status")).toContainText("moved to the trash");
  await page.goto(`/rounds?q=${encodeURIComponent(stamp)}`);
  await expect(page.locator("table.data-table", { hasText: title })).toHaveCount(0);
  const gone = await page.goto(roundPath);
  expect(gone?.status()).toBe(404);

  // Staff have no trash; an administrator reaches it from the user administration.
  await page.context().clearCookies();
  await signIn(page, "admin");
  await switchLanguage(page, "en");
  await page.getByRole("navigation", { name: "Main" }).getByText("Directory").click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await page.getByRole("main").getByRole("link", { name: "Trash" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trash");
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("Negotiation round");
  await expect(row).toContainText("高谷幸");
  await expectAccessible(page);
  await keepScreenshot(page, "trash-en");

  await switchLanguage(page, "ja");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ごみ箱");
  await expect(row).toContainText("省庁交渉・面談");
  await expectAccessible(page);
  await keepScreenshot(page, "trash-ja");

  await row.getByRole("button", { name: `「${title}」を復元` }).click();
  await expect(page.getByRole("status")).toContainText("を復元しました");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toHaveCount(0);
  await page.goto(roundPath);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  // Its history tells both steps.
  await page.getByRole("link", { name: "履歴", exact: true }).click();
  await expect(page.locator(".history-event .history-action").first()).toHaveText("復元");
  await expect(page.locator(".history-event .history-action").nth(1)).toHaveText("ごみ箱へ移動");
});
