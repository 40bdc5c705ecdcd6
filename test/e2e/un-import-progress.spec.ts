// Saving a long pasted import shows its progress (issue 4): the page saves the paragraphs in batches of
// 50 and says how many are saved so far, with a progress bar; the second batch's reply is held back
// here to look at the page half way. In English; then in Japanese with one paragraph changed, which
// someone else edits while the save is under way: the save stops before that paragraph's batch, says
// what was and was not saved, previews again, and saving again finishes without duplicates. And a batch
// the server cannot save (the database locked by another process) is retried from where it stopped. A CSV
// file of 120 rows is saved the same way, batch by batch, in Japanese.
import Database from "better-sqlite3";
import { type Page } from "@playwright/test";
import { E2E_DATABASE } from "../../playwright.config";
import { expect, test, expectAccessible, signIn, switchLanguage, newUnDocument } from "./helpers";

const stamp = Date.now().toString(36).toUpperCase();
const pasted = (n: number, changed?: number) =>
  Array.from({ length: n }, (_, i) => `${i + 1}. The Committee recommends that the State party take measure ${i + 1}${i + 1 === changed ? " without delay" : ""}.`).join("\n\n");

/** Holds the reply to the request for batch 1 until the returned function is called. */
async function holdSecondBatch(page: Page) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/import\.data/, async (route) => {
    // The pasted text's batches are form-encoded, the CSV's multipart.
    const body = route.request().postData() ?? "";
    if (route.request().method() === "POST" && (/(^|&)batch=1(&|$)/.test(body) || /name="batch"\r\n\r\n1\r\n/.test(body))) await held;
    await route.continue();
  });
  return release;
}

test("a long pasted import is saved in batches with its progress shown, in English and Japanese", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "staff", { to: "/un" });
  await page.goto("/un");
  await switchLanguage(page, "en");
  const symbol = `CERD/E2E/BATCH-${stamp}`;
  const documentPath = await newUnDocument(page, { symbol, title: `Batched import (e2e ${stamp})`, issued: "2036-07" });

  await page.goto(`${documentPath}/import`);
  await page.getByLabel("Text of the document").fill(pasted(120));
  await page.getByRole("button", { name: "Split into paragraphs" }).click();
  await expect(page.getByText("120 paragraphs: 120 new, 0 changed, 0 unchanged.")).toBeVisible();
  let release = await holdSecondBatch(page);
  await page.getByRole("button", { name: "Save 120 paragraphs" }).click();
  await expect(page.getByText("Saved 50 of 120 paragraphs.")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Saving the paragraphs" })).toHaveAttribute("value", "50");
  await expect(page.getByRole("button", { name: "Save 120 paragraphs" })).toBeDisabled();
  await expectAccessible(page);
  await page.getByText("Saved 50 of 120 paragraphs.").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/un-import-progress-en.png" });
  release();
  await expect(page).toHaveURL(new RegExp(`${documentPath}$`));
  await expect(page.locator(".toast, [role=status]").first()).toContainText("120 added, 0 updated, 0 unchanged");
  await page.screenshot({ path: "test-results/screenshots/un-import-finished-en.png" });
  await page.unrouteAll();

  // Japanese: the same text with paragraph 90 changed.
  await switchLanguage(page, "ja");
  await page.goto(`${documentPath}/import`);
  await page.getByLabel("文書の本文").fill(pasted(120, 90));
  await page.getByRole("button", { name: "パラグラフに分割" }).click();
  await expect(page.getByText("120件のパラグラフ：新規0件、変更1件、変更なし119件。")).toBeVisible();
  release = await holdSecondBatch(page);
  await page.getByRole("button", { name: "120件のパラグラフを保存" }).click();
  await expect(page.getByText("120件中50件のパラグラフを保存しました。")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "パラグラフの保存" })).toHaveAttribute("value", "50");
  await page.getByText("120件中50件のパラグラフを保存しました。").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/un-import-progress-ja.png" });
  // Someone else edits paragraph 90 before the second batch reaches the server.
  const db = new Database(E2E_DATABASE, { fileMustExist: true });
  try {
    const edited = db
      .prepare('UPDATE "Recommendation" SET textEn = ?, version = version + 1 WHERE paragraph = ? AND documentId = (SELECT id FROM "UnDocument" WHERE symbol = ?)')
      .run("Edited by someone else.", "90", symbol);
    expect(edited.changes).toBe(1);
  } finally {
    db.close();
  }
  release();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("保存を中断しました。保存済み：パラグラフ1–50。未保存：パラグラフ51–120。");
  await expect(alert).toContainText("パラグラフ90はプレビューの後にほかの人が変更したため、上書きしていません。");
  // The preview again, as things are now: the first batch unchanged, paragraph 90 to be updated.
  await expect(page.getByText("120件のパラグラフ：新規0件、変更1件、変更なし119件。")).toBeVisible();
  await expectAccessible(page);
  await alert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/un-import-stopped-ja.png" });
  await page.unrouteAll();
  await page.getByRole("button", { name: "120件のパラグラフを保存" }).click();
  await expect(page).toHaveURL(new RegExp(`${documentPath}$`));
  await expect(page.locator(".toast, [role=status]").first()).toContainText("追加0件、更新1件、変更なし119件");
  await page.screenshot({ path: "test-results/screenshots/un-import-finished-ja.png" });
});

test("when the server cannot save a batch, the page says what was saved and retries from that batch", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "staff", { to: "/un" });
  await page.goto("/un");
  await switchLanguage(page, "en");
  const symbol = `CERD/E2E/RETRY-${stamp}`;
  const documentPath = await newUnDocument(page, { symbol, title: `Retried import (e2e ${stamp})`, issued: "2036-07" });
  await page.goto(`${documentPath}/import`);
  await page.getByLabel("Text of the document").fill(pasted(120));
  await page.getByRole("button", { name: "Split into paragraphs" }).click();
  await expect(page.getByText("120 paragraphs: 120 new, 0 changed, 0 unchanged.")).toBeVisible();
  const release = await holdSecondBatch(page);
  await page.getByRole("button", { name: "Save 120 paragraphs" }).click();
  await expect(page.getByText("Saved 50 of 120 paragraphs.")).toBeVisible();

  // Another process holds the database's write lock longer than the server waits for it.
  const db = new Database(E2E_DATABASE, { fileMustExist: true });
  db.exec("BEGIN EXCLUSIVE");
  try {
    release();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Saving stopped. Saved: paragraphs 1–50. Not saved: paragraphs 51–120.", { timeout: 20_000 });
    await expect(alert).toContainText("The server could not save this batch; none of its paragraphs was saved.");
  } finally {
    db.exec("ROLLBACK");
    db.close();
  }
  await expectAccessible(page);
  await page.getByRole("alert").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/un-import-failed-en.png" });
  await page.unrouteAll();
  await page.getByRole("button", { name: "Retry from paragraph 51" }).click();
  await expect(page).toHaveURL(new RegExp(`${documentPath}$`));
  await expect(page.locator(".toast, [role=status]").first()).toContainText("120 added, 0 updated, 0 unchanged");
});

test("a long CSV import is saved in batches with its progress shown, in Japanese", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "staff", { to: "/un" });
  await page.goto("/un");
  await switchLanguage(page, "en");
  const symbol = `CESCR/E2E/CSV-BATCH-${stamp}`;
  const documentPath = await newUnDocument(page, { symbol, title: `Batched CSV import (e2e ${stamp})`, issued: "2036-08" });
  await switchLanguage(page, "ja");
  await page.goto(`${documentPath}/import`);
  const lines = ["paragraph,heading,text_en,text_ja", ...Array.from({ length: 120 }, (_, i) => `${i + 1},,The Committee recommends measure ${i + 1}.,措置${i + 1}を勧告する。`)];
  await page.getByLabel("CSVファイル", { exact: true }).setInputFiles({ name: "recommendations.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8") });
  await page.getByRole("button", { name: "ファイルを確認" }).click();
  await expect(page.getByRole("button", { name: "120行を保存" })).toBeVisible();
  const release = await holdSecondBatch(page);
  await page.getByRole("button", { name: "120行を保存" }).click();
  await expect(page.getByText("120件中50件のパラグラフを保存しました。")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "パラグラフの保存" })).toHaveAttribute("value", "50");
  await expect(page.getByRole("button", { name: "120行を保存" })).toBeDisabled();
  await expectAccessible(page);
  await page.getByText("120件中50件のパラグラフを保存しました。").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/un-csv-progress-ja.png" });
  release();
  await expect(page).toHaveURL(new RegExp(`${documentPath}$`));
  await expect(page.locator(".toast, [role=status]").first()).toContainText("追加120件");
  await page.unrouteAll();
});
