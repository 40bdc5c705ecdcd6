import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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
