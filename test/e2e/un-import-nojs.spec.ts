// The imports of recommendations without JavaScript (docs/decisions/010, issue 4). CSV: the preview keeps the
// file's text in a hidden field and the native submission of "Save" sends it back. Japanese text must be
// stored exactly as the file has it (a session found a stray U+FFFD in it once), whether the file is UTF-8
// or Shift_JIS, and importing the same file again must read "unchanged". The stored text is read from the
// test server's database. Pasted text: more than one batch is saved by the one native submission.
import Database from "better-sqlite3";
import { E2E_DATABASE } from "../../playwright.config";
import { expect, test, signIn, switchLanguage, newUnDocument } from "./helpers";

test.use({ javaScriptEnabled: false });

const stamp = Date.now().toString(36).toUpperCase();
const header = ["paragraph", "sub_paragraph", "heading", "heading_ja", "text_en", "text_ja", "follow_up"];
// Multibyte text: kana, kanji, full-width punctuation and space, corner brackets, and a quoted cell that
// spans lines (the form sends its line end back as CRLF).
const headingJa = "技能実習制度、外国人労働者";
const textJa = "委員会は、締約国が技能実習制度を廃止し、\n雇用許可制度に置き換えるよう勧告する。　「移住者」の権利を保障すること。";
const rowsOf = (textEn: string) => [header, ["21", "", "Technical intern training", headingJa, textEn, textJa, "yes"]];
const csvOf = (rows: string[][]) => `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\r\n")}\r\n`;

/** Shift_JIS bytes of text that has only characters of JIS X 0208 (enough for this file). */
function shiftJis(text: string) {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("shift_jis");
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`not in Shift_JIS: ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}

function stored(symbol: string) {
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT r.paragraph, r.headingJa, r.textJa, r.textEn FROM "Recommendation" r JOIN "UnDocument" d ON d.id = r.documentId WHERE d.symbol = ? ORDER BY r.paragraph')
      .all(symbol);
  } finally {
    db.close();
  }
}

for (const encoding of ["utf-8", "shift_jis"] as const) {
  test(`without JavaScript, a ${encoding} CSV with Japanese text is previewed, saved exactly, and reads unchanged when imported again`, async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, "staff", { to: "/un" });
    await switchLanguage(page, "en");
    const symbol = `CESCR/E2E/NOJS-${encoding === "utf-8" ? "UTF8" : "SJIS"}-${stamp}`;
    const documentPath = await newUnDocument(page, { symbol, title: `CSV import without JavaScript (e2e ${stamp})`, issued: "2036-06" });

    const text = csvOf(rowsOf("The Committee recommends that the State party abolish the programme."));
    const bytes = encoding === "utf-8" ? Buffer.from(`\uFEFF${text}`, "utf8") : shiftJis(text);
    const file = { name: "recommendations.csv", mimeType: "text/csv", buffer: bytes };
    await page.goto(`${documentPath}/import`);
    await page.getByLabel("CSV file", { exact: true }).setInputFiles(file);
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByText("1 rows: 1 new, 0 changed, 0 unchanged, 0 with errors.")).toBeVisible();
    await expect(page.locator(".csv-preview tbody tr").first()).toContainText(headingJa);
    await page.getByRole("button", { name: "Save 1 rows" }).click();
    await expect(page).toHaveURL(new RegExp(`${documentPath}$`));

    expect(stored(symbol)).toEqual([{ paragraph: "21", headingJa, textJa, textEn: "The Committee recommends that the State party abolish the programme." }]);

    // The same file again: nothing to save.
    await page.goto(`${documentPath}/import`);
    await page.getByLabel("CSV file", { exact: true }).setInputFiles(file);
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByText("1 rows: 0 new, 0 changed, 1 unchanged, 0 with errors.")).toBeVisible();
    await expect(page.locator(".csv-preview tbody tr").first()).toContainText("unchanged");
  });
}

test("without JavaScript, pasted text of more than one batch is saved in one request", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "staff", { to: "/un" });
  await switchLanguage(page, "en");
  const symbol = `CERD/E2E/NOJS-PASTE-${stamp}`;
  const documentPath = await newUnDocument(page, { symbol, title: `Pasted import without JavaScript (e2e ${stamp})`, issued: "2036-06" });
  await page.goto(`${documentPath}/import`);
  await page.getByLabel("Text of the document").fill(Array.from({ length: 60 }, (_, i) => `${i + 1}. The Committee recommends measure ${i + 1}.`).join("\n\n"));
  await page.getByRole("button", { name: "Split into paragraphs" }).click();
  await expect(page.getByText("60 paragraphs: 60 new, 0 changed, 0 unchanged.")).toBeVisible();
  await page.getByRole("button", { name: "Save 60 paragraphs" }).click();
  await expect(page).toHaveURL(new RegExp(`${documentPath}$`));
  await expect(page.locator(".toast, [role=status]").first()).toContainText("60 added, 0 updated, 0 unchanged");
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    expect(db.prepare('SELECT count(*) AS n FROM "Recommendation" r JOIN "UnDocument" d ON d.id = r.documentId WHERE d.symbol = ?').get(symbol)).toEqual({ n: 60 });
  } finally {
    db.close();
  }
});
