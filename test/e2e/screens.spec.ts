// Every main screen in both languages: a screenshot kept under test-results/screenshots/ and an
// axe-core check that finds no serious or critical accessibility violation.
import { type BrowserContext, type Page } from "@playwright/test";
import { expect, test, expectAccessible, keepScreenshot, signIn, switchLanguage, type Role, watchBrowserErrors } from "./helpers";

async function firstLinkHref(page: Page, listPath: string, selector = "table.data-table tbody a") {
  await page.goto(listPath);
  const href = await page.locator(selector).first().getAttribute("href");
  if (!href) throw new Error(`no record link on ${listPath}`);
  return href;
}

/** The page of the demo demand with this reference (the demands list searches references). */
async function demandHref(page: Page, ref: string) {
  return firstLinkHref(page, `/demands?q=${encodeURIComponent(ref)}`);
}

/** The counter-report of CERD's review of the third to sixth reports, started by staff when there is none yet. */
async function reportHref(page: Page) {
  await page.goto("/un");
  const cycle = await page.locator("a[href^='/un/cycles/']", { hasText: /Third to sixth|第3回〜第6回/ }).first().getAttribute("href");
  await page.goto(`${cycle}/report`);
  if (!new URL(page.url()).pathname.startsWith("/un/reports/")) {
    await page.locator("main form button[type=submit]").click();
    await page.waitForURL(/\/un\/reports\//);
  }
  return new URL(page.url()).pathname;
}

type Screen = { name: string; role: Role; path: (page: Page) => Promise<string>; heading?: RegExp };

const screens: Screen[] = [
  { name: "home", role: "staff", path: async () => "/" },
  { name: "demands", role: "member", path: async () => "/demands" },
  { name: "demand-detail", role: "member", path: (page) => firstLinkHref(page, "/demands?sort=ref") },
  { name: "demand-new", role: "staff", path: async () => "/demands/new" },
  { name: "demand-edit", role: "staff", path: async (page) => `${await firstLinkHref(page, "/demands?sort=ref")}/edit` },
  { name: "bodies", role: "member", path: async () => "/bodies" },
  { name: "body-detail", role: "member", path: (page) => firstLinkHref(page, "/bodies") },
  { name: "organisations", role: "member", path: async () => "/organisations" },
  { name: "organisation-detail", role: "member", path: (page) => firstLinkHref(page, "/organisations") },
  { name: "networks", role: "member", path: async () => "/networks" },
  { name: "network-detail", role: "member", path: (page) => firstLinkHref(page, "/networks") },
  { name: "people", role: "staff", path: async () => "/people" },
  { name: "users", role: "admin", path: async () => "/admin/users" },
  { name: "requests", role: "member", path: async () => "/requests" },
  { name: "request-detail", role: "member", path: (page) => firstLinkHref(page, "/requests") },
  { name: "request-new", role: "staff", path: async () => "/requests/new" },
  { name: "rounds", role: "member", path: async () => "/rounds" },
  { name: "round-detail", role: "staff", path: (page) => firstLinkHref(page, "/rounds") },
  { name: "round-new", role: "staff", path: async () => "/rounds/new" },
  { name: "instruments", role: "member", path: async () => "/instruments" },
  { name: "instrument-detail", role: "member", path: (page) => firstLinkHref(page, "/instruments") },
  { name: "demand-with-outcomes", role: "staff", path: (page) => demandHref(page, "D-014") },
  { name: "demand-timeline", role: "member", path: async (page) => `${await demandHref(page, "D-016")}/timeline` },
  { name: "demand-status", role: "staff", path: async (page) => `${await demandHref(page, "D-014")}/status` },
  { name: "outcome-new", role: "staff", path: async () => "/outcomes/new" },
  { name: "body-answers", role: "member", path: async (page) => `${await firstLinkHref(page, "/bodies?q=Immigration")}/answers` },
  { name: "consultations", role: "member", path: async () => "/consultations" },
  { name: "consultation-detail", role: "member", path: (page) => firstLinkHref(page, "/consultations?year=2007") },
  { name: "consultation-new", role: "staff", path: async () => "/consultations/new" },
  { name: "consultation-edit", role: "staff", path: async (page) => `${await firstLinkHref(page, "/consultations?year=2007")}/edit` },
  {
    name: "submission-edit",
    role: "staff",
    path: async (page) => firstLinkHref(page, await firstLinkHref(page, "/consultations?year=2007"), "a[href*='/submissions/'][href$='/edit']"),
  },
  { name: "password", role: "member", path: async () => "/settings/password" },
  { name: "search", role: "staff", path: async () => `/search?q=${encodeURIComponent("研修生")}` },
  { name: "search-un-and-comments", role: "member", path: async () => `/search?q=${encodeURIComponent("在留資格")}` },
  { name: "status-board", role: "member", path: async () => "/status-board" },
  { name: "status-board-by-theme", role: "member", path: async () => "/status-board?group=theme&year=2007" },
  { name: "un", role: "member", path: async () => "/un" },
  { name: "un-recommendations", role: "member", path: async () => "/un/recommendations" },
  { name: "un-recommendation-detail", role: "staff", path: (page) => firstLinkHref(page, "/un/recommendations?q=racial%20discrimination%20in%20all%20fields") },
  { name: "un-recommendation-edit", role: "staff", path: async (page) => `${await firstLinkHref(page, "/un/recommendations?q=without%20delay%20an%20independent")}/edit` },
  { name: "un-mechanism-detail", role: "member", path: (page) => firstLinkHref(page, "/un", "table.data-table tbody a[href^='/un/mechanisms/']") },
  { name: "un-cycle-detail", role: "staff", path: (page) => firstLinkHref(page, "/un", "a[href^='/un/cycles/']") },
  { name: "un-cycle-edit", role: "staff", path: async (page) => `${await firstLinkHref(page, "/un", "a[href^='/un/cycles/']")}/edit` },
  { name: "un-document-detail", role: "member", path: async (page) => firstLinkHref(page, await firstLinkHref(page, "/un/recommendations?q=without%20delay%20an%20independent"), "nav.breadcrumb a[href^='/un/documents/']") },
  { name: "demand-with-recommendations", role: "member", path: (page) => demandHref(page, "D-024") },
  { name: "api-tokens", role: "member", path: async () => "/settings/api-tokens" },
  { name: "admin-data", role: "admin", path: async () => "/admin/data" },
  { name: "calendar-month", role: "member", path: async () => "/calendar?month=2011-12" },
  { name: "calendar-list", role: "member", path: async () => "/calendar?view=list&from=2007-01-01&to=2011-12-31" },
  { name: "calendar-settings", role: "staff", path: async () => "/settings/calendar" },
  { name: "reminders", role: "staff", path: async () => "/reminders" },
  { name: "dashboard", role: "member", path: async () => "/dashboard" },
  { name: "membership", role: "staff", path: async () => "/membership" },
  { name: "membership-edit", role: "staff", path: async (page) => firstLinkHref(page, "/membership", "table.data-table tbody th a") },
  { name: "reports", role: "staff", path: async () => "/reports" },
  { name: "report-2007", role: "staff", path: async () => "/reports/2007" },
  { name: "plan-2007", role: "staff", path: async () => "/reports/2007/plan" },
  { name: "plan-2011-member", role: "member", path: async () => "/reports/2011/plan" },
  { name: "plan-goal-new", role: "staff", path: async () => "/reports/2007/plan/new?section=networking" },
  { name: "plan-goal-edit", role: "staff", path: async (page) => firstLinkHref(page, "/reports/2007/plan", "a[href$='/edit'][href^='/reports/goals/']") },
  { name: "counter-report", role: "staff", path: (page) => reportHref(page) },
  { name: "counter-report-section", role: "staff", path: async (page) => firstLinkHref(page, await reportHref(page), "a[href*='/sections/']") },
  { name: "counter-report-settings", role: "staff", path: async (page) => `${await reportHref(page)}/edit` },
  { name: "counter-report-print", role: "staff", path: async (page) => `${await reportHref(page)}/print` },
  { name: "counter-report-grading", role: "staff", path: async (page) => `${await reportHref(page)}/grading` },
];

for (const locale of ["ja", "en"] as const) {
  test(`sign-in page in ${locale}`, async ({ page }) => {
    await page.goto("/login");
    await switchLanguage(page, locale);
    await expectAccessible(page);
    await keepScreenshot(page, `login-${locale}`);
  });

  // The public page (docs/decisions/018, PUBLIC_PAGE on in playwright.config.ts), as a visitor without an account.
  test(`public page in ${locale}`, async ({ page }) => {
    await page.goto("/public");
    await switchLanguage(page, locale);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
    await keepScreenshot(page, `public-${locale}`);
    await page.locator(".public-card", { hasText: "D-014" }).getByRole("link").click();
    await expect(page.locator(".timeline-list")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectAccessible(page);
    await keepScreenshot(page, `public-demand-${locale}`);
  });

  // One signed-in page per role and language, kept across that role's screens: signing in and
  // switching the language again for every screen was a third of this file's time.
  for (const role of ["member", "staff", "admin"] as const) {
    const own = screens.filter((screen) => screen.role === role);
    if (own.length === 0) continue;
    test.describe(`${role} in ${locale}`, () => {
      let context: BrowserContext;
      let page: Page;
      // The shared context outlives each test's own watch (helpers.ts): its errors are checked per screen.
      const errors: string[] = [];
      test.beforeAll(async ({ browser }) => {
        // A context of our own (axe-core's builder needs one), made with the project's options (baseURL).
        context = await browser.newContext();
        watchBrowserErrors(context, errors);
        page = await context.newPage();
        await signIn(page, role);
        await switchLanguage(page, locale);
      });
      test.afterAll(async () => {
        await context.close();
      });

      for (const screen of own) {
        test(`${screen.name} in ${locale}`, async () => {
          const path = await screen.path(page);
          const response = await page.goto(path);
          expect(response?.status(), `status of ${path}`).toBe(200);
          // React 18's stream wrote stray NUL bytes into Japanese pages; browsers turned those in form
          // fields into U+FFFD, stored on the next save (app/utils/html-stream.server.ts).
          expect((await response?.body())?.includes(0), `NUL bytes in ${path}`).toBe(false);
          await expect(page.locator("html")).toHaveAttribute("lang", locale);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          if (screen.name.startsWith("demand-new") || screen.name.startsWith("demand-edit")) {
            await expect(page.locator(".ProseMirror")).toBeVisible();
          }
          await expectAccessible(page);
          await keepScreenshot(page, `${screen.name}-${locale}`);
          expect(errors.splice(0), `errors in the browser on ${path}`).toEqual([]);
        });
      }
    });
  }
}
