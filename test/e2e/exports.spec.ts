// API tokens, CSV downloads and the full data export as users would use them, in Japanese and English.
import { parse } from "csv-parse/sync";
import { type Download } from "@playwright/test";
import Database from "better-sqlite3";
import { E2E_DATABASE } from "../../playwright.config";
import { expect, test, expectAccessible, keepScreenshot, signIn, switchLanguage } from "./helpers";

async function textOf(download: Download) {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

test("a member makes an API token in Japanese, reads the API with it, and revokes it", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "ja");
  await page.locator(".user-menu summary").click();
  await page.getByRole("link", { name: "APIトークン" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("APIトークン");
  await expect(page.getByText("APIトークンはありません。")).toBeVisible();

  // An empty name is refused beside the field.
  await page.getByRole("button", { name: "トークンを作成" }).click();
  const name = page.getByLabel("名前");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("入力してください。")).toBeVisible();

  await name.fill("会員ニュース用");
  await page.getByRole("button", { name: "トークンを作成" }).click();
  await expect(page.getByText("トークン「会員ニュース用」を作成しました。")).toBeVisible();
  const token = await page.getByLabel("新しいトークン").inputValue();
  expect(token).toMatch(/^at_[A-Za-z0-9_-]{43}$/);
  await expect(page.locator("table.data-table")).toContainText("会員ニュース用");
  await expect(page.locator("table.data-table")).toContainText(token.slice(0, 10));
  await expectAccessible(page);
  await keepScreenshot(page, "api-token-created-ja");

  // The token reads the API; without it, or with a cookie only, the answer is 401.
  const ok = await page.request.get("/api/v1/demands?status=partially_reflected", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { data: Array<{ ref: string; status: string; internalNote?: unknown }>; paging: { total: number } };
  expect(body.paging.total).toBeGreaterThan(0);
  expect(body.data.every((d) => d.status === "partially_reflected")).toBe(true);
  expect((await page.request.get("/api/v1/demands")).status()).toBe(401);

  // Reloading does not show the token again.
  await page.reload();
  await expect(page.getByLabel("新しいトークン")).toHaveCount(0);

  await page.getByRole("button", { name: "トークン 会員ニュース用 を無効にする" }).click();
  await expect(page.getByRole("status").filter({ hasText: "トークンを無効にしました" })).toBeVisible();
  await expect(page.locator("table.data-table")).toContainText("に無効化");
  expect((await page.request.get("/api/v1/demands", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test("staff make and revoke a token in English", async ({ page }) => {
  await signIn(page, "staff");
  await switchLanguage(page, "en");
  await page.goto("/settings/api-tokens");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API tokens");
  await page.getByLabel("Name").fill("x".repeat(81).slice(0, 80) + "y");
  await expect(page.getByLabel("Name")).toHaveValue("x".repeat(80));
  await page.getByLabel("Name").fill("Campaign site");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Token “Campaign site” was created.")).toBeVisible();
  const token = await page.getByLabel("Your new token").inputValue();
  const outcome = await page.request.get("/api/v1/outcomes?year=2007", { headers: { Authorization: `Bearer ${token}` } });
  expect(outcome.status()).toBe(200);
  await keepScreenshot(page, "api-token-created-en");
  await page.getByRole("button", { name: "Revoke token Campaign site" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The token was revoked" })).toBeVisible();
  await expect(page.locator("table.data-table")).toContainText("revoked");
});

test("the demand list downloads as CSV with its filters", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "ja");
  await page.goto("/demands?q=" + encodeURIComponent("研修生"));
  const rows = await page.locator("table.data-table tbody tr").count();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV をダウンロード" }).click()]);
  const lines = (await textOf(download)).trim().split("\r\n");
  expect(lines.length - 1).toBe(rows);
  for (const line of lines.slice(1)) expect(line).toContain("研修生");
});

for (const locale of ["ja", "en"] as const) {
  test(`an administrator exports all data and is told why this installation refuses an import (${locale})`, async ({ page }) => {
    const words = {
      ja: { title: "全データのエクスポートとインポート", start: "全データをエクスポート", done: /に完了/, took: /所要 \d+ 秒/, size: /\(\d+(\.\d)? (KB|MB)\)/, signIn: "ログイン情報（パスワードのハッシュ）を含める", download: "JSONをダウンロード", file: "エクスポートファイル（JSON）", import: "インポート", refused: "このシステムにはすでに記録があります。" },
      en: { title: "Export and import all data", start: "Export all data", done: /Finished/, took: /took \d+ s/, size: /\(\d+(\.\d)? (KB|MB)\)/, signIn: "Include sign-in data (password hashes)", download: "Download JSON", file: "Export file (JSON)", import: "Import", refused: "This installation already holds records" },
    }[locale];
    await signIn(page, "admin");
    await switchLanguage(page, locale);
    await page.goto("/admin/users");
    await page.locator("main").getByRole("link", { name: locale === "ja" ? "エクスポートとインポート" : "Export and import" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.title);
    // Password hashes stay out unless asked for.
    const signInData = page.getByLabel(words.signIn);
    await expect(signInData).not.toBeChecked();
    if (locale === "en") await signInData.check();
    await page.getByRole("button", { name: words.start }).click();
    // The job's row shows its progress, then its end, without reloading by hand: how long it took, the file's size.
    const row = page.locator("table.data-table tbody tr").first();
    await expect(row.getByText(words.done)).toBeVisible({ timeout: 30_000 });
    await expect(row.getByText(words.took)).toBeVisible();
    await expect(row.getByText(words.size)).toBeVisible();
    await expectAccessible(page);
    await keepScreenshot(page, `admin-data-exported-${locale}`);
    const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: words.download }).click()]);
    const text = await textOf(download);
    const file = JSON.parse(text) as { format: string; tables: Record<string, { rows: unknown[] }> };
    expect(file.format).toBe("advocacy-tracker-export");
    expect(file.tables.Demand.rows.length).toBeGreaterThan(10);
    expect(Object.keys(file.tables)).not.toContain("Session");
    // The hashes are in the file only when the box was ticked (English run).
    const users = file.tables.User as unknown as { columns: string[]; rows: unknown[][] };
    const hashes = users.rows.map((r) => r[users.columns.indexOf("passwordHash")]);
    expect(hashes.every((h) => (locale === "en" ? typeof h === "string" && h.startsWith("$2") : h === null))).toBe(true);

    // This installation holds records: the import is refused, beside the file field.
    const path = test.info().outputPath(`export-${locale}.json`);
    await download.saveAs(path);
    await page.getByLabel(words.file).setInputFiles(path);
    await page.getByRole("button", { name: words.import, exact: true }).click();
    await expect(page.getByText(words.refused).last()).toBeVisible();
    await expect(page.getByLabel(words.file)).toHaveAttribute("aria-invalid", "true");
  });
}

for (const locale of ["ja", "en"] as const) {
  test(`an export that a stopped server left running is shown as interrupted, and starts again (${locale})`, async ({ page }) => {
    const words = {
      ja: { interrupted: "中断：エクスポートが完了する前にサーバーが停止しました。ファイルは残っていません。", again: "もう一度開始", done: /に完了/ },
      en: { interrupted: "Interrupted: the server stopped before the export ended. No file was kept.", again: "Start again", done: /Finished/ },
    }[locale];
    // A job row as a server process that has since stopped left it.
    const db = new Database(E2E_DATABASE);
    db.pragma("busy_timeout = 5000");
    const id = `stopped-${locale}-${Date.now()}`;
    db.prepare('INSERT INTO "DataJob" ("id", "kind", "status", "done", "total", "processId", "createdAt") VALUES (?, \'export\', \'running\', 120, 480, \'a-stopped-process\', ?)').run(id, new Date().toISOString().replace("Z", "+00:00"));
    db.close();

    await signIn(page, "admin");
    await switchLanguage(page, locale);
    await page.goto("/admin/data");
    const row = page.locator("table.data-table tbody tr").first();
    await expect(row.getByText(words.interrupted)).toBeVisible();
    // Nothing polls: no progress bar is left on the page.
    await expect(page.locator("progress")).toHaveCount(0);
    await expectAccessible(page);
    await keepScreenshot(page, `admin-data-interrupted-${locale}`);
    await row.getByRole("button", { name: words.again }).click();
    await expect(page.locator("table.data-table tbody tr").first().getByText(words.done)).toBeVisible({ timeout: 30_000 });
  });
}
/** A CSV download's rows (header first), without its byte-order mark. */
async function rowsOf(download: Download): Promise<string[][]> {
  return parse((await textOf(download)).replace(/^\uFEFF/, ""));
}

test("staff download the negotiation rounds as filtered, in Japanese, with the internal notes column", async ({ page }) => {
  await signIn(page, "staff");
  await switchLanguage(page, "ja");
  await page.goto("/rounds");
  await page.getByLabel("種別").selectOption({ label: "省庁交渉" });
  await expect(page).toHaveURL(/kind=ministry_round/);
  const link = page.getByRole("link", { name: "CSV をダウンロード" });
  await expect(link).toHaveAttribute("href", /^\/rounds\.csv\?.*kind=ministry_round/);
  const shown = await page.locator("table.data-table tbody tr").count();
  expect(shown).toBeGreaterThan(0);
  await expectAccessible(page);
  await keepScreenshot(page, "rounds-csv-link-ja");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^省庁交渉・面談-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = await rowsOf(download);
  expect(header.slice(0, 4)).toEqual(["日付", "種別", "名称（日本語）", "名称（英語）"]);
  expect(header).toContain("内部メモ（スタッフのみ）");
  expect(rows).toHaveLength(shown);
  for (const row of rows) expect(row[1]).toBe("省庁交渉");
  // The rows in the list's order: the first title on the page is the first row's.
  await expect(page.locator("table.data-table tbody tr").first().getByRole("link")).toHaveText(rows[0][2]);
});

test("a member downloads the people list as filtered, in English, without contact details", async ({ page }) => {
  await signIn(page, "member");
  await switchLanguage(page, "en");
  await page.goto("/people");
  await page.getByLabel("Kind").selectOption({ label: "Our staff" });
  await expect(page).toHaveURL(/kind=staff/);
  const names = await page.locator("table.data-table tbody tr td:first-child > a").allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  await keepScreenshot(page, "people-csv-link-en");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const [header, ...rows] = await rowsOf(download);
  expect(header.slice(0, 4)).toEqual(["Name (Japanese)", "Name (English)", "Kind", "Current affiliations"]);
  expect(header).not.toContain("Email");
  expect(rows).toHaveLength(names.length);
  for (const row of rows) expect(row[2]).toBe("Our staff");
  expect(rows.map((r) => r[1] || r[0])).toEqual(names);
});
