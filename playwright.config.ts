import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3107);
// One database per port, so that two runs on one machine (E2E_PORT=…) do not share a file.
export const E2E_DATABASE = `test/.tmp/e2e-${PORT}.db`;

export default defineConfig({
  testDir: "test/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  // One worker: the tests share the demo accounts, whose language choice is stored per user.
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node test/e2e/serve.js",
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:./${E2E_DATABASE}`,
      ATTACHMENTS_DIR: `attachments-${PORT}`,
      DEMO_DATA: "true",
      NODE_ENV: "production",
      COOKIE_SECURE: "false",
      // The browser tests sign in many times a minute from one address.
      SIGN_IN_LIMIT: "10000",
      LOG_LEVEL: "warn",
      // The public page (docs/decisions/018): test/e2e/public.spec.ts walks it.
      PUBLIC_PAGE: "true",
    },
  },
});
