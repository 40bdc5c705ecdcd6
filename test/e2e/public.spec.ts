// The public page (docs/decisions/018), as its users meet it: staff mark a demand public and find it
// under the public-only filter; a visitor without an account (a fresh browser) reads /public in
// Japanese and English, opens the demand's timeline, and never sees an internal note.
import { expect, test, expectAccessible, signIn, switchLanguage } from "./helpers";

// Internal notes of the demo data on D-013's timeline (staff see them on the tracker's timeline).
const ROUND_NOTE = "次回交渉の前に、内閣官房で外国人政策を受け持つ部署名と担当者を確認しておくこと。";
const REQUEST_NOTE = "要望書の全文（項目ごとの文言）は年次報告に載っていない。";

test("staff publish a demand; an anonymous visitor reads it in Japanese and English, without internal notes", async ({ page, browser }) => {
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  await page.goto("/demands?q=D-013");
  await page.getByRole("link", { name: "Limits on immigration detention" }).click();
  await page.waitForURL(/\/demands\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Limits on immigration detention");
  const demandPath = new URL(page.url()).pathname;
  const id = demandPath.split("/").pop() ?? "";

  // Before: not public, and its public address is a plain 404.
  await expect(page.getByText("Shown on the public page")).toHaveCount(0);
  const visitorContext = await browser.newContext({ locale: "ja-JP" });
  const visitor = await visitorContext.newPage();
  const hidden = await visitor.goto(`/public/demands/${id}`);
  expect(hidden?.status()).toBe(404);

  // Staff mark it public; the checkbox says what becomes public.
  await page.getByRole("link", { name: "Edit" }).click();
  const box = page.getByLabel("Show on the public page");
  await expect(box).toHaveAccessibleDescription(/internal notes/);
  await box.check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByText("Shown on the public page")).toBeVisible();
  await expect(page.getByRole("link", { name: "See it as the public does" })).toHaveAttribute("href", `/public/demands/${id}`);

  // The public-only filter of the demand list and the status board.
  await page.goto("/demands?public=1");
  const row = page.locator("tbody tr", { hasText: "D-013" });
  await expect(row.locator(".badge-public")).toHaveText("Public");
  await expect(page.locator("tbody tr", { hasText: "D-011" })).toHaveCount(0);
  await page.goto("/status-board?public=1");
  await expect(page.getByRole("link", { name: /Limits on immigration detention/ }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Keep basic public services/ })).toHaveCount(0);

  // Staff see the internal notes on the tracker's timeline.
  await page.goto(`${demandPath}/timeline`);
  await expect(page.getByText(ROUND_NOTE)).toBeVisible();

  // The visitor: Japanese first (the browser asks for it), no account, no tracker menus.
  await visitor.goto("/public");
  await expect(visitor.locator("html")).toHaveAttribute("lang", "ja");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("政策提言");
  await expect(visitor.locator(".main-nav")).toHaveCount(0);
  await expect(visitor.locator(".user-menu")).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: "入管収容の制限" })).toBeVisible();
  // Not public: D-011.
  await expect(visitor.getByText("D-011")).toHaveCount(0);
  await expectAccessible(visitor);

  // Filter by status and theme.
  await visitor.getByLabel("到達状況").selectOption({ label: "一部反映" });
  await expect(visitor).toHaveURL(/status=partially_reflected/);
  await expect(visitor.getByRole("link", { name: "入管収容の制限" })).toHaveCount(0);
  await visitor.getByRole("link", { name: "条件をクリア" }).click();
  await expect(visitor).toHaveURL(/\/public$/);

  // The demand and its timeline.
  await visitor.getByRole("link", { name: "入管収容の制限" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("入管収容の制限");
  await expect(visitor.getByRole("heading", { name: "これまでの経過" })).toBeVisible();
  await expect(visitor.getByText("要望書の提出").first()).toBeVisible();
  await expect(visitor.getByText("省庁交渉で取り上げ").first()).toBeVisible();
  const html = await visitor.content();
  expect(html).not.toContain(ROUND_NOTE);
  expect(html).not.toContain(REQUEST_NOTE);
  expect(html).not.toContain("internalNote");
  await expect(visitor).toHaveTitle(/入管収容の制限/);
  await expect(visitor.locator('meta[name="description"]')).toHaveAttribute("content", /.+/);
  await expectAccessible(visitor);

  // English, through the header's switch (a cookie: the visitor has no account).
  await switchLanguage(visitor, "en");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Limits on immigration detention");
  await expect(visitor.getByRole("heading", { name: "What happened" })).toBeVisible();
  await expect(visitor.getByText("Request submitted").first()).toBeVisible();
  expect(await visitor.content()).not.toContain(ROUND_NOTE);
  await visitor.getByRole("link", { name: "All published demands" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Policy demands");
  await expect(visitor.getByRole("link", { name: "Limits on immigration detention" })).toBeVisible();

  await visitorContext.close();

  // Staff take it off the public page again: a new visit is a 404 (a browser that has the page may
  // keep showing it for the minute of its Cache-Control, docs/decisions/018).
  await page.goto(`${demandPath}/edit`);
  await page.getByLabel("Show on the public page").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  const later = await browser.newContext();
  const gone = await (await later.newPage()).goto(`/public/demands/${id}`);
  expect(gone?.status()).toBe(404);
  await later.close();
});
