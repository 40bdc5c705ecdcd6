// The production server's own defences (server/app.js), on a real socket: security headers with a
// fresh CSP nonce per response, and the refusal of mutations from other origins before the app sees
// them. A stand-in takes the place of the Remix handler, so that no build is needed.
import fs from "node:fs";
import { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.js";
import { parseConfig } from "../../server/config.js";
import { listen } from "../listen";

let server: Server;
let base: string;
let publicDir: string;
const handled: string[] = [];

beforeAll(async () => {
  publicDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-public-"));
  fs.writeFileSync(path.join(publicDir, "robots.txt"), "User-agent: *\n");
  const app = createApp({
    publicDir,
    log: { info: () => {} },
    handler: (req, res) => {
      handled.push(`${req.method} ${req.path}`);
      res.type("text/plain").send(`nonce=${res.locals.cspNonce}`);
    },
  });
  server = await listen(app);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  fs.rmSync(publicDir, { recursive: true, force: true });
});

function directives(csp: string | null) {
  return new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe("security headers", () => {
  it("send a CSP whose scripts need this response's nonce, and forbid framing and sniffing", async () => {
    const response = await fetch(`${base}/demands`);
    expect(response.status).toBe(200);
    const nonce = (await response.text()).replace("nonce=", "");
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);

    const csp = directives(response.headers.get("Content-Security-Policy"));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    for (const [name, values] of csp) {
      if (name !== "style-src") expect(values, name).not.toContain("'unsafe-inline'");
      expect(values, name).not.toContain("'unsafe-eval'");
    }

    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(response.headers.get("X-Powered-By")).toBeNull();
  });

  it("use a new nonce for every response", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) nonces.add(directives((await fetch(`${base}/`)).headers.get("Content-Security-Policy")).get("script-src")?.[1] ?? "");
    expect(nonces.size).toBe(5);
  });

  it("are sent with static files and refusals too", async () => {
    const file = await fetch(`${base}/robots.txt`);
    expect(await file.text()).toBe("User-agent: *\n");
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(directives(file.headers.get("Content-Security-Policy")).get("frame-ancestors")).toEqual(["'none'"]);

    const refused = await fetch(`${base}/logout`, { method: "POST", headers: { Origin: "https://evil.example" } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
  });
});

describe("mutations from other origins", () => {
  const post = (headers: Record<string, string>, method = "POST") =>
    fetch(`${base}/demands/new`, { method, headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body: "titleJa=x" });

  it("are refused before the app sees them", async () => {
    const host = new URL(base).host;
    const foreign = [
      "https://evil.example",
      `http://${host}.evil.example`,
      `http://127.0.0.1:1`, // same host, another port
      `https://${host}`.replace(/:\d+$/, ""), // another scheme and port
      "null", // sent by pages with Referrer-Policy: no-referrer and by sandboxed frames
      "not a url",
    ];
    handled.length = 0;
    for (const origin of foreign) {
      const response = await post({ Origin: origin });
      expect(response.status, origin).toBe(403);
      expect(await response.text()).toBe("Cross-origin request refused.");
    }
    for (const method of ["PUT", "PATCH", "DELETE"]) expect((await post({ Origin: "https://evil.example" }, method)).status, method).toBe(403);
    // Without an Origin header, the browser's Sec-Fetch-Site still tells a cross-site request.
    expect((await post({ "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect(handled).toEqual([]);
  });

  it("pass from our own origin, and from clients that send no Origin", async () => {
    handled.length = 0;
    expect((await post({ Origin: base })).status).toBe(200);
    expect((await post({ Origin: base, "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    // Reading is never refused, whatever the origin.
    expect((await fetch(`${base}/demands`, { headers: { Origin: "https://evil.example" } })).status).toBe(200);
    expect(handled).toEqual(["POST /demands/new", "POST /demands/new", "POST /demands/new", "GET /demands"]);
  });
});

describe("production settings", () => {
  it("mark cookies Secure and load no demo accounts, unless told otherwise", () => {
    const env = { DATABASE_URL: "file:/tmp/tracker-config-check.db" } as const;
    expect(parseConfig({ ...env, NODE_ENV: "production" })).toMatchObject({ cookieSecure: true, demoData: false });
    expect(parseConfig({ ...env, NODE_ENV: "production", COOKIE_SECURE: "false" }).cookieSecure).toBe(false);
    expect(parseConfig({ ...env, NODE_ENV: "development" })).toMatchObject({ cookieSecure: false, demoData: true });
  });

  it("refuse a short session secret", () => {
    expect(() => parseConfig({ NODE_ENV: "production", SESSION_SECRET: "too-short" })).toThrow(/SESSION_SECRET must be at least 32 characters/);
  });
});

describe("sign-in attempts from one address", () => {
  it("are limited per minute over all accounts, with a page in both languages; reading the page is not", async () => {
    const limited = await listen(createApp({ publicDir, log: { info: () => {} }, signInLimit: 3, handler: (_req, res) => void res.status(400).send("wrong password") }));
    try {
      const at = `http://127.0.0.1:${(limited.address() as AddressInfo).port}`;
      const attempt = (email: string) => fetch(`${at}/login`, { method: "POST", body: new URLSearchParams({ email, password: "guess" }) });
      const answers = [];
      for (const email of ["a@example.org", "b@example.org", "c@example.org", "d@example.org"]) answers.push((await attempt(email)).status);
      expect(answers).toEqual([400, 400, 400, 429]);
      const refused = await attempt("e@example.org");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("ratelimit-policy")).toContain("3");
      const page = await refused.text();
      expect(page).toContain("サインインの試行が多すぎます");
      expect(page).toContain("Too many sign-in attempts");
      expect((await fetch(`${at}/login`)).status).toBe(400); // the stand-in's answer: GET passes through
    } finally {
      await new Promise((resolve) => limited.close(resolve));
    }
  });
});
