import { expect, test, DEMO, signIn, switchLanguage } from "./helpers";

test("anonymous visitors only see the sign-in page", async ({ page }) => {
  await page.goto("/demands");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdemands/);
  await expect(page.locator("nav.main-nav")).toHaveCount(0);
});

test("a wrong password gives one message and keeps the email", async ({ page }) => {
  await page.goto("/login");
  await switchLanguage(page, "en");
  await page.getByLabel("Email").fill(DEMO.staff.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("The email or password is not right.");
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.staff.email);
});

test("each role signs in and sees what it may do", async ({ browser }) => {
  for (const role of ["admin", "staff", "member"] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, role);
    await switchLanguage(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Demands" })).toBeVisible();
    // The reference records are under one menu; only administrators find the users there.
    await nav.getByText("Directory").click();
    await expect(nav.getByRole("link", { name: "People" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(role === "admin" ? 1 : 0);
    await expect(page.getByRole("link", { name: "New demand" })).toHaveCount(role === "member" ? 0 : 1);
    await page.locator(".user-menu summary").click();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/demands");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  }
});

test("the language follows the switch and stays after signing in", async ({ page }) => {
  await page.goto("/login");
  await switchLanguage(page, "ja");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ログイン");
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  // The member's own choice (English in the demo) wins after signing in; switching changes it.
  await signIn(page, "member");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await switchLanguage(page, "ja");
  await expect(page.getByRole("link", { name: "要求・政策提言" }).first()).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await switchLanguage(page, "en");
});
