import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";

export { expect };

/**
 * Errors in the browser fail the test that caused them, whichever page or context they came from.
 * A route whose browser module fails to load (last seen: a CSV library calling Node's `Buffer` at load)
 * makes Remix log "Error loading route module" and reload the page, so every link to it still "works"
 * and the forms quietly run without JavaScript; nothing on the page shows it. Uncaught exceptions and
 * React's hydration complaints are caught the same way. A failed resource load (a 404 the test asked
 * for) is not an error of the page's code and is left out.
 */
export function watchBrowserErrors(context: BrowserContext, errors: string[]) {
  context.on("weberror", (e) => errors.push(`uncaught: ${e.error().message}`));
  context.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (/^Failed to load resource/.test(text)) return;
    errors.push(`console.error: ${text.slice(0, 500)}`);
  });
}

export const test = base.extend<{ browserErrors: string[] }>({
  browserErrors: [
    async ({ context, browser }, use) => {
      const errors: string[] = [];
      watchBrowserErrors(context, errors);
      // Contexts a test opens itself (a second user, JavaScript off) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await newContext(...args);
        watchBrowserErrors(created, errors);
        return created;
      };
      await use(errors);
      browser.newContext = newContext;
      expect(errors, "errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export const DEMO = {
  admin: { email: "admin@example.org", password: "demo-admin-2026" },
  staff: { email: "staff@example.org", password: "demo-staff-2026" },
  member: { email: "member@example.org", password: "demo-member-2026" },
} as const;
export type Role = keyof typeof DEMO;

export async function signIn(page: Page, role: Role, { to = "/" }: { to?: string } = {}) {
  await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
  await page.locator('input[name="email"]').fill(DEMO[role].email);
  await page.locator('input[name="password"]').fill(DEMO[role].password);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  // The URL changes before the signed-in page replaces the sign-in page's markup: wait for the user menu,
  // or a language switch read next would be the sign-in page's, and its click would post the wrong language.
  await expect(page.locator(".user-menu")).toBeVisible();
  await page.waitForLoadState("networkidle");
}

/** Switches the interface language with the header button when it is not already the one wanted. */
export async function switchLanguage(page: Page, locale: "ja" | "en") {
  // The switch offers the other language; its lang attribute names the one it would switch to.
  if ((await page.locator("html").getAttribute("lang")) === locale) return;
  const button = page.locator(`.language-switch button[lang="${locale}"]`);
  // Wait for the server to have saved the choice (a POST that has not finished yet would be cut off by
  // the next navigation, and the next page would come in the old language).
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith("/set-language") && r.request().method() === "POST");
  await button.click();
  await saved;
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await page.waitForLoadState("networkidle");
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(bad, "serious or critical accessibility violations").toEqual([]);
}

/** A full-page screenshot kept as a test artifact under test-results/screenshots/. */
export async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/**
 * Creates a concluding-observations document through its form, in English (the page must already be
 * in English), and returns its path. Used by the import tests, which each need a document of their own.
 */
export async function newUnDocument(page: Page, { symbol, title, issued }: { symbol: string; title: string; issued: string }) {
  await page.goto("/un/documents/new");
  await page.getByLabel("Mechanism", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Kind").selectOption({ label: "Concluding observations" });
  await page.getByLabel("UN symbol").fill(symbol);
  await page.getByLabel("Title (English)").fill(title);
  await page.getByLabel("Issued").fill(issued);
  await page.locator("main form button[type=submit]", { hasText: "Save" }).click();
  await expect(page.locator(".record-ref code")).toHaveText(symbol);
  return new URL(page.url()).pathname;
}
