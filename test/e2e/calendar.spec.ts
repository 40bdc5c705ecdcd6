// The calendar as staff use it: a consultation closing in three days shows on the home screen's next
// 30 days, in the month view and the list view (in English and Japanese), and survives a filter by kind
// while a round does not; the personal feed is created on the settings page and fetched as a calendar
// application would; a reminder chosen there appears in the app and is marked as seen.
import { type Page } from "@playwright/test";
import { expect, test, expectAccessible, keepScreenshot, signIn } from "./helpers";

const stamp = Date.now().toString(36);
const titleJa = `E2E カレンダー用の意見募集 ${stamp}`;
const titleEn = `E2E Calendar consultation ${stamp}`;

const japanDay = (days: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date(Date.now() + days * 86_400_000));

async function setLanguage(page: Page, locale: "ja" | "en") {
  const response = await page.request.post("/set-language", { form: { locale, redirectTo: "/" }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test("staff see a deadline in the calendar, subscribe to their feed and get a reminder", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "staff");
  await setLanguage(page, "en");

  // A consultation closing three days from today in Japan.
  await page.goto("/consultations/new");
  await page.getByLabel("Title (Japanese)").fill(titleJa);
  await page.getByLabel("Title (English)").fill(titleEn);
  const deadline = japanDay(3);
  await page.getByLabel("Deadline").fill(deadline);
  await page.locator("main form.editor-form button[type=submit]").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(titleEn);
  const consultationPath = new URL(page.url()).pathname;

  // Home: the next 30 days list it.
  await page.goto("/");
  await expect(page.getByRole("region", { name: /Next 30 days/ }).getByRole("link", { name: titleEn })).toBeVisible();

  // Month view (the month of the deadline), with today marked.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar");
  if (deadline.slice(0, 7) !== japanDay(0).slice(0, 7)) await page.getByRole("link", { name: /Next month/ }).click();
  const grid = page.locator("table.cal-grid");
  await expect(grid.getByRole("link", { name: new RegExp(titleEn) })).toBeVisible();
  await expect(grid.getByRole("link", { name: new RegExp(titleEn) })).toHaveAttribute("href", consultationPath);
  await expectAccessible(page);

  // List view, filtered by kind: the deadline stays, rounds go.
  // Wait for the list itself: the month grid's link names hold the title too, and a filter changed on
  // the month view would stay on the month view.
  await page.getByRole("link", { name: "List", exact: true }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(page.getByRole("link", { name: titleEn, exact: true })).toBeVisible();
  await page.getByLabel("Kind").selectOption("round");
  await expect(page).toHaveURL(/kind=round/);
  await expect(page.getByRole("link", { name: titleEn, exact: true })).toHaveCount(0);
  await page.getByLabel("Kind").selectOption("consultation_deadline");
  await expect(page).toHaveURL(/view=list.*kind=consultation_deadline|kind=consultation_deadline.*view=list/);
  const row = page.locator("table.cal-list tbody tr", { hasText: titleEn });
  await expect(row).toBeVisible();
  await expect(row.getByText("Consultation deadline")).toBeVisible();
  // The single-event .ics of that row.
  const icsHref = await row.getByRole("link", { name: /calendar file/ }).getAttribute("href");
  const single = await page.request.get(icsHref ?? "");
  expect(single.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await single.text()).toContain(`DTSTART;VALUE=DATE:${deadline.replaceAll("-", "")}`);
  await expectAccessible(page);

  // The same in Japanese.
  await setLanguage(page, "ja");
  await page.goto("/calendar?view=list&kind=consultation_deadline");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("カレンダー");
  await expect(page.locator("table.cal-list tbody tr", { hasText: titleJa }).getByText("意見募集の締切")).toBeVisible();
  await page.goto(`/calendar?month=${deadline.slice(0, 7)}`);
  await expect(page.locator("table.cal-grid").getByRole("link", { name: new RegExp(titleJa) })).toBeVisible();
  await expect(page.locator("table.cal-grid th").first()).toHaveText("日");

  // The feed: created on the settings page, fetched as a calendar application does (no session), then revoked.
  await setLanguage(page, "en");
  await page.goto("/settings/calendar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar and reminders");
  await page.getByRole("button", { name: "Create a feed address" }).click();
  const address = page.getByLabel("Feed address");
  await expect(address).toBeVisible();
  const feedUrl = await address.inputValue();
  expect(feedUrl).toMatch(/\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
  const anonymous = await page.context().browser()!.newContext();
  const feed = await anonymous.request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain(`consultation_deadline-${consultationPath.split("/").pop()}@advocacy-tracker`);
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByText(/A feed address is active since/)).toBeVisible();
  await page.getByRole("button", { name: "Revoke the address" }).click();
  await expect(page.getByText("The feed address was revoked.")).toBeVisible();
  expect((await anonymous.request.get(feedUrl)).status()).toBe(404);
  await anonymous.close();

  // Reminders: a wrong number of days is refused next to the field, then saved; the reminder shows in the app.
  await page.getByLabel("Days before").fill("99");
  await page.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(page.getByLabel("Days before")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a whole number of days from 0 to 60.")).toBeVisible();
  await page.getByLabel("Consultation deadlines").check();
  await page.getByLabel("Days before").fill("5");
  await page.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(page.getByText("Reminder settings saved.")).toBeVisible();
  await expect(page.locator(".user-menu summary .reminder-count")).toBeVisible();
  await page.goto("/reminders");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reminders");
  const reminder = page.locator("li", { hasText: titleEn });
  await expect(reminder).toBeVisible();
  await keepScreenshot(page, "reminders-en");
  await expectAccessible(page);
  await reminder.getByRole("button", { name: "Mark as seen" }).click();
  await expect(page.locator("li", { hasText: titleEn }).getByText("Seen", { exact: true })).toBeVisible();
});
