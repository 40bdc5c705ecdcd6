// Runs before each test file, before it imports the app: gives the file its own SQLite database,
// a copy of the demo template, and fails the test on any unexpected console.error.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect, inject, vi } from "vitest";
import { runPaths } from "./paths";

const { runDir, demoTemplate } = runPaths(inject("testRunDir"));
const file = path.join(runDir, `test-${process.env.VITEST_POOL_ID ?? "0"}-${crypto.randomUUID()}.db`);
fs.copyFileSync(demoTemplate, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.LOG_LEVEL = "silent";
// The public page is on in the tests, so that the authorization matrix and the leak walk reach its
// routes; test/integration/public.test.ts turns it off to check the 404 (docs/decisions/018).
process.env.PUBLIC_PAGE = "true";

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, "error");
});
afterEach(() => {
  expect(consoleError, "unexpected console.error").not.toHaveBeenCalled();
  consoleError.mockRestore();
});
