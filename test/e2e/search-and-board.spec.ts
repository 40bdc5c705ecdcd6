// Search and the status board as a member and staff would use them, in Japanese and English.
import { expect, test, expectAccessible, signIn, switchLanguage } from "./helpers";

test("a member searches from the header in Japanese, narrows by kind and opens a demand", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "ja");
  const box = page.locator("header").getByRole("search").getByLabel("記録を検索");
  await box.fill("研修生");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("検索");
  await expect(page.locator(".search-summary")).toContainText("「研修生」の検索結果");
  await expect(page.locator(".search-snippet mark").first()).toHaveText("研修生");
  // The search box in the header keeps the words.
  await expect(box).toHaveValue("研修生");

  await page.locator("main").getByLabel("種類").selectOption({ label: "要求" });
  await page.locator("main").getByRole("button", { name: "検索" }).click();
  await expect(page.locator(".search-hit .badge").first()).toHaveText("要求");
  await expect(page.locator(".search-hit .badge").filter({ hasNotText: "要求" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "D-007 研修生への労働関係法令の適用" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("研修生への労働関係法令の適用");
  await switchLanguage(page, "en");
});

test("a two-character word and an English part of a word both find records; a bad year is explained", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "en");
  await page.goto("/search?q=" + encodeURIComponent("研修"));
  await expect(page.locator(".search-summary")).toContainText("found for “研修”");
  await expect(page.getByText(/Words of one or two characters/)).toBeVisible();

  await page.goto("/search?q=traine");
  await expect(page.getByRole("link", { name: "D-007 Apply labour law to trainees" })).toBeVisible();
  await page.locator("main").getByLabel("From (year)").fill("20x7");
  await page.locator("main").getByRole("button", { name: "Search" }).click();
  const from = page.locator("main").getByLabel("From (year)");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(from).toHaveValue("20x7");
  await expect(page.getByText("Enter a year such as 2007.")).toBeVisible();
});

test("markup in a record shows as text in search results", async ({ page }) => {
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  await page.goto("/demands/new");
  await page.getByLabel("Title (English)").fill("<img src=x onerror=window.__pwned=1> snarfblat");
  await page.getByLabel("Title (Japanese)").fill("スナーフ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText(/created/);
  await page.goto("/search?q=snarfblat");
  await expect(page.locator(".search-hit")).toHaveCount(1);
  await expect(page.locator(".search-hit img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("staff find a record by its internal note; members do not", async ({ page }) => {
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  await page.goto("/search?q=" + encodeURIComponent("突き合わせ"));
  await expect(page.locator(".search-snippet.internal-note mark")).toHaveText("突き合わせ");
  await page.locator(".user-menu summary").click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();

  await signIn(page, "member", { to: "/search?q=" + encodeURIComponent("突き合わせ") });
  await expect(page.locator(".search-hit")).toHaveCount(0);
  await expect(page.getByText("Nothing found for “突き合わせ”.")).toBeVisible();
});

test("public comments and UN recommendations are found, narrowed by their kinds, and open where they are", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "ja");
  await page.goto("/search?q=" + encodeURIComponent("研修生"));
  await page.locator("main").getByLabel("種類").selectOption({ label: "国連勧告" });
  await page.locator("main").getByRole("button", { name: "検索" }).click();
  await expect(page).toHaveURL(/kind=recommendation/);
  await expect(page.locator(".search-hit .badge").first()).toHaveText("国連勧告");
  await expect(page.locator(".search-hit .badge").filter({ hasNotText: "国連勧告" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "CERD/C/JPN/CO/3-6 パラ24 · 研修生・技能実習生" }).click();
  await expect(page).toHaveURL(/\/un\/recommendations\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("研修生・技能実習生");

  // Our comment on a consultation, found by a point's wording, opens at the submission on the consultation's page.
  await page.goto("/search?q=" + encodeURIComponent("在留資格の有無"));
  const comment = page.locator(".search-hit").filter({ has: page.locator(".badge", { hasText: "提出した意見" }) });
  await expect(comment).toHaveCount(1);
  await expect(comment.locator(".search-snippet mark").first()).toHaveText("在留資格の有無");
  await comment.getByRole("link").click();
  await expect(page).toHaveURL(/\/consultations\/[^/#]+#submission-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/基本的な方針（案）に対する意見募集/);

  await switchLanguage(page, "en");
  await page.goto("/search?q=CERD");
  await page.locator("main").getByLabel("Kind").selectOption({ label: "UN document" });
  await page.locator("main").getByRole("button", { name: "Search" }).click();
  await expect(page.locator(".search-hit .badge").first()).toHaveText("UN document");
  await expect(page.locator(".search-hit .badge").filter({ hasNotText: "UN document" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: /^CERD\/C\/JPN\/CO\/3-6 / }).click();
  await expect(page).toHaveURL(/\/un\/documents\/[^/]+$/);

  await page.goto("/search?q=" + encodeURIComponent("DV Prevention") + "&kind=consultation");
  await expect(page.locator(".search-hit")).toHaveCount(1);
  await expect(page.locator(".search-hit .badge")).toHaveText("Public consultation");
});

test("a member reads the status board in both languages, filters it, and opens a timeline", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "en");
  await page.getByRole("link", { name: "Status board" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where demands stand");
  await expect(page.locator(".board-table .group-row").first()).toBeVisible();
  await expectAccessible(page);

  // Group by theme and keep the demands with activity in 2007.
  await page.getByLabel("Group by").selectOption("theme");
  await expect(page).toHaveURL(/group=theme/);
  await page.getByLabel("Activity in year").selectOption("2007");
  await expect(page).toHaveURL(/year=2007/);
  const rows = page.locator(".board-table tbody tr:not(.group-row)");
  await expect(rows.first()).toBeVisible();
  const count = await page.locator(".board-table tbody tr:not(.group-row)").count();
  expect(count).toBeGreaterThan(0);

  // A status chip filters by that status.
  await page.goto("/status-board?group=none");
  const chip = page.locator(".status-count").filter({ hasText: "Partially reflected" });
  await chip.click();
  await expect(page).toHaveURL(/status=partially_reflected/);
  const badges = page.locator(".board-table .badge-status");
  await expect(badges.first()).toHaveText("Partially reflected");
  await expect(badges.filter({ hasNotText: "Partially reflected" })).toHaveCount(0);

  await page.locator(".board-table tbody tr").first().getByRole("link", { name: /^Timeline of D-/ }).click();
  await expect(page).toHaveURL(/\/demands\/[^/]+\/timeline/);

  await switchLanguage(page, "ja");
  await page.goto("/status-board");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("要求の到達状況");
  await expect(page.locator(".board-table thead")).toContainText("直近の動き");
  await expectAccessible(page);
  await switchLanguage(page, "en");
});

test("the board and the demand list download as CSV, as filtered", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "en");
  await page.goto("/status-board?status=reflected&group=none");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^status-board-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString("utf8");
  });
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toContain("No.,Title (Japanese),Title (English),Status");
  expect(lines.length - 1).toBe(await page.locator(".board-table tbody tr").count());
  for (const line of lines.slice(1)) expect(line).toContain(",Reflected,");

  await page.goto("/demands?q=trainee");
  const [list] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(list.suggestedFilename()).toMatch(/^demands-.*\.csv$/);
});
