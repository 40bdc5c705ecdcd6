import { expect, test, signIn, switchLanguage } from "./helpers";

test("staff create a demand with rich text, then edit it", async ({ page }) => {
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  await page.goto("/demands/new");
  const title = `Access to interpreters at immigration interviews ${Date.now()}`;
  await page.getByLabel("Title (English)").fill(title);
  await page.getByLabel("Title (Japanese)").fill("入管の面接での通訳の保障");
  await page.getByLabel("Summary (English)").fill("Provide qualified interpreters at every interview.");
  const editor = page.getByRole("textbox", { name: "Background and detail" });
  await editor.click();
  await page.keyboard.type("Raised at the ");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("November 2011");
  await page.keyboard.press("Control+b");
  await page.keyboard.type(" round.");
  await page.keyboard.press("Enter");
  const bullets = page.getByRole("button", { name: "• List" });
  await bullets.click();
  await expect(bullets).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type("Ministry of Justice");
  await page.getByLabel("First raised").fill("2011-11");
  await page.getByRole("group", { name: "Themes" }).getByRole("checkbox").first().check();
  await page.getByRole("group", { name: "Target bodies" }).getByLabel("Ministry of Justice").check();
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("status")).toContainText(/Demand D-\d+ created/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".rich-text strong")).toHaveText("November 2011");
  await expect(page.locator(".rich-text ul li")).toHaveText("Ministry of Justice");
  await expect(page.getByText("November 2011", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Ministry of Justice" })).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Summary (Japanese)").fill("すべての面接に資格のある通訳者を配置すること。");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByText("すべての面接に資格のある通訳者を配置すること。")).toBeVisible();
});

test("an invalid date is explained next to the field and nothing typed is lost", async ({ page }) => {
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  await page.goto("/demands/new");
  await page.getByLabel("Title (Japanese)").fill("日付の検証");
  await page.getByLabel("Summary (Japanese)").fill("この文章は消えてはいけない。");
  await page.getByLabel("First raised").fill("2011-13");
  await page.getByRole("button", { name: "Save" }).click();
  const date = page.getByLabel("First raised");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await date.getAttribute("aria-describedby").then((v) => v?.split(" ")[0])}`)).toContainText("Enter a date as 2008");
  await expect(page.getByLabel("Summary (Japanese)")).toHaveValue("この文章は消えてはいけない。");
  await expect(page).toHaveURL(/\/demands\/new$/);
});

test("a member reads demands but is refused the edit page", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "en");
  await page.goto("/demands");
  await page.getByRole("link", { name: /DV victims/ }).first().click();
  await page.waitForURL(/\/demands\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("DV victims");
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  const url = page.url();
  const response = await page.goto(`${url}/edit`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Error 403");
  await expect(page.getByText("Your account may not open this page")).toBeVisible();
});

test("the demand list searches Japanese text and filters by body", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "ja");
  await page.goto("/demands");
  await page.getByLabel("検索", { exact: true }).fill("研修生");
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/q=%E7%A0%94%E4%BF%AE%E7%94%9F/);
  const rows = page.locator("table.data-table tbody tr");
  await expect(rows.first()).toBeVisible();
  await page.getByLabel("対象の省庁・機関").selectOption({ label: "厚生労働省" });
  await expect(page).toHaveURL(/body=/);
  await expect(page.getByText(/全\d+件/)).toBeVisible();
  await switchLanguage(page, "en");
});
