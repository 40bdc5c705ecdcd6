// A public comment from consultation to outcome, as staff log it: the consultation (a wrong deadline
// refused next to the field, the rest kept), our submission with a point on a demand and the draft
// as a file, the government's answer to the point, the outcome naming the point, and the point and
// outcome on the demand's timeline in English and Japanese. Then a member reads it without notes.
import { type Locator, type Page } from "@playwright/test";
import { expect, test, expectAccessible, keepScreenshot, signIn } from "./helpers";

const stamp = Date.now().toString(36);
const titleJa = `E2E 出入国管理及び難民認定法施行規則の一部改正案 ${stamp}`;
const titleEn = `E2E Draft amendment of the immigration enforcement ordinance ${stamp}`;
const pointJa = `E2E DV被害者の在留資格を取り消さないこと ${stamp}`;
const answerJa = `E2E 個別の事情を考慮し、適切に対応してまいります ${stamp}`;
const internalNote = `E2E internal: the draft was leaked early ${stamp}`;
const quote = `E2E 配偶者からの暴力を受けている場合は取消しの対象としない ${stamp}`;

async function selectContaining(select: Locator, text: string) {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  if (!value) throw new Error(`no option containing ${text}`);
  await select.selectOption(value);
}

/** A day in Japan, `days` from today (YYYY-MM-DD). */
const japanDay = (days: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date(Date.now() + days * 86_400_000));

/**
 * The language, chosen as the header's switch does (a POST to /set-language) but without clicking it:
 * on a loaded machine a click before hydration, or a late revalidation, left the page in the old language.
 */
async function setLanguage(page: Page, locale: "ja" | "en") {
  const response = await page.request.post("/set-language", { form: { locale, redirectTo: "/" }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

const submit = (page: Page) => page.locator("main form.editor-form button[type=submit]").first().click();

test("staff record a consultation, file comments, record the answer and the outcome; the timeline shows them", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "staff");
  await setLanguage(page, "en");

  // The consultation: a deadline before the opening day is refused next to the field, the rest stays.
  await page.goto("/consultations");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Comments" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Public comments");
  await page.getByRole("link", { name: "New consultation" }).click();
  await page.getByLabel("Title (Japanese)").fill(titleJa);
  await page.getByLabel("Title (English)").fill(titleEn);
  await page.getByLabel("Case number").fill(`E2E-${stamp}`);
  await selectContaining(page.getByLabel("Issued by"), "Immigration Bureau");
  await page.getByLabel("Opened").fill(japanDay(-20));
  await page.getByLabel("Deadline").fill(japanDay(-21));
  await page.getByLabel(/^Internal note/).fill(internalNote);
  await page.getByLabel("Add a file (PDF or Word)").setInputFiles({ name: "draft.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% e2e draft\n%%EOF\n") });
  await submit(page);
  await expect(page.getByLabel("Deadline")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("The deadline is before the day it opened.")).toBeVisible();
  await expect(page.getByLabel("Title (English)")).toHaveValue(titleEn);
  // Ten days from today in Japan: closing soon.
  await page.getByLabel("Deadline").fill(japanDay(10));
  await page.getByLabel("Add a file (PDF or Word)").setInputFiles({ name: "draft.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% e2e draft\n%%EOF\n") });
  await submit(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(titleEn);
  await expect(page.getByText("Closing soon").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "draft.pdf" })).toBeVisible();
  const consultationPath = new URL(page.url()).pathname;
  // The home screen lists it among the consultations closing soon.
  await page.goto("/");
  await expect(page.getByRole("region", { name: /Public comments closing soon/ }).getByRole("link", { name: titleEn })).toBeVisible();
  await page.goto(consultationPath);

  // Our submission, with one point on the demand about revocation of DV victims' status.
  await page.getByRole("link", { name: "Add a submission" }).click();
  await page.getByLabel("Date submitted").fill(japanDay(-1));
  await selectContaining(page.getByLabel("Submitted by"), "Women's Project");
  await selectContaining(page.getByLabel("Demand"), "D-015");
  await page.getByLabel("Point (Japanese)").fill(pointJa);
  await submit(page);
  await expect(page).toHaveURL(new RegExp(`${consultationPath}#submission-`));
  await expect(page.getByText(pointJa)).toBeVisible();
  await expect(page.getByText("Not answered yet")).toBeVisible();
  await keepScreenshot(page, "consultation-detail-staff-en");

  // The government publishes its answers: recorded on the point. An answer kind without the answer is refused.
  await page.locator(`${"section"}[id^=submission-]`).getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("The answer").selectOption({ label: "Taken as reference" });
  await submit(page);
  await expect(page.getByText("Give the government's answer, or choose “No answer”.")).toBeVisible();
  await expect(page.getByLabel("Point (Japanese)")).toHaveValue(pointJa);
  await page.getByLabel("Government's answer (考え方)").fill(answerJa);
  await submit(page);
  await expect(page.getByText(answerJa)).toBeVisible();

  // The final text: recorded on the consultation.
  await page.goto(`${consultationPath}/edit`);
  await page.getByLabel("Results published").fill(japanDay(1));
  await page.getByLabel("Final text").selectOption({ label: "Changed after the comments" });
  await submit(page);
  await expect(page.getByText("Changed after the comments")).toBeVisible();

  // The outcome, opened from the point: the point is its channel already.
  await page.getByRole("link", { name: "Record an outcome" }).click();
  await expect(page.getByRole("group", { name: "Points of public comments" }).getByRole("checkbox").first()).toBeChecked();
  await page.getByLabel("Degree").selectOption({ label: "Partially reflected" });
  await page.getByLabel("Date", { exact: true }).fill(japanDay(2));
  await page.getByLabel("Quoted passage (Japanese)").fill(quote);
  await page.locator("main form button[type=submit]", { hasText: /Create|Save/ }).first().click();
  await expect(page.getByText(quote)).toBeVisible();
  const demandPath = new URL(page.url()).pathname;

  // The demand's timeline: the point with the answer, and the outcome.
  await page.goto(`${demandPath}/timeline?channel=comment&channel=outcome`);
  await expect(page.getByRole("link", { name: titleEn })).toBeVisible();
  await expect(page.getByText(answerJa)).toBeVisible();
  await expect(page.getByText(quote)).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, "consultation-timeline-en");
  await setLanguage(page, "ja");
  await expect(page.getByRole("link", { name: titleJa })).toBeVisible();
  await expect(page.locator("main .badge", { hasText: "参考とする" }).first()).toBeVisible();
  await keepScreenshot(page, "consultation-timeline-ja");
  await page.goto(consultationPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(titleJa);
  await expect(page.getByText("意見を受けて修正あり")).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, "consultation-detail-staff-ja");
  await setLanguage(page, "en");

  // The list: the consultation is open and closing soon until its deadline.
  await page.goto("/consultations?state=closed");
  await expect(page.getByRole("link", { name: titleEn })).toHaveCount(0);

  // A member reads the same without the internal note or edit controls.
  await page.context().clearCookies();
  await signIn(page, "member");
  await page.goto(consultationPath);
  await expect(page.getByText(answerJa)).toBeVisible();
  await expect(page.getByText(internalNote)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^(Edit|Add a submission|Record an outcome)$/ })).toHaveCount(0);
  const response = await page.goto(`${consultationPath}/edit`);
  expect(response?.status()).toBe(403);
});
