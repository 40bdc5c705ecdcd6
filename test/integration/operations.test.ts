// Operations (server/app.js, app/routes/healthz.ts): the health endpoint answers from the database,
// request logs are one JSON object a line without personal data or secrets, and a shutdown lets the
// requests in flight finish while refusing new connections.
import fs from "node:fs";
import { type Server } from "node:http";
import { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { loader as healthz } from "~/routes/healthz";
import { db } from "~/utils/db.server";
import { closeGracefully, createApp, loggablePath } from "../../server/app.js";
import { listen } from "../listen";

const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-public-"));
const started: Server[] = [];
/** Each server of this file on a port of its own (see afterAll). */
let nextPort = 3400;

async function serve(handler: Parameters<typeof createApp>[0]["handler"], lines: string[] = []) {
  const log = { info: (msg: string, fields?: object) => lines.push(JSON.stringify({ level: "info", msg, ...fields })) };
  const server = await listen(createApp({ publicDir, log, handler }), nextPort);
  nextPort = (server.address() as AddressInfo).port + 1;
  started.push(server);
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

// Servers stay up until the end of the file, so that each test listens on a port of its own: fetch
// keeps connections alive, and would send to a closed server's stale connection on a reused port.
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  await Promise.all(started.map((s) => new Promise((resolve) => (s.listening ? s.close(resolve) : resolve(null)))));
  fs.rmSync(publicDir, { recursive: true, force: true });
});

describe("the health endpoint", () => {
  it("answers 200 when the database answers, 503 without details when it does not", async () => {
    const ok = await healthz();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });

    vi.spyOn(db, "$queryRawUnsafe").mockRejectedValueOnce(new Error("SQLITE_CANTOPEN: unable to open database file /secret/path"));
    const down = await healthz();
    expect(down.status).toBe(503);
    const text = await down.text();
    expect(JSON.parse(text)).toEqual({ status: "error", database: "unreachable" });
    expect(text).not.toContain("secret");
  });
});

describe("request logs", () => {
  it("are one JSON object a line with method, path, status and time, and no query, body or secret", async () => {
    const { base, lines } = await serve((req, res) => void res.status(req.method === "POST" ? 302 : 200).send("ok"));
    const token = "k3Jq9xT0bVw2LmZpQ8rS4uY6aC1dE5fG7hI";
    await fetch(`${base}/search?q=${encodeURIComponent("山田花子 hanako@example.org")}`);
    await fetch(`${base}/login`, { method: "POST", body: new URLSearchParams({ email: "hanako@example.org", password: "secret-password" }) });
    await fetch(`${base}/calendar/feed/${token}.ics`);
    await fetch(`${base}/people/cmx5isv8p001kwy7d00cl1msj`);
    await vi.waitFor(() => expect(lines.filter((l) => l.includes('"request"'))).toHaveLength(4));

    const logged = lines.map((line) => JSON.parse(line));
    expect(logged.filter((l) => l.msg === "request").map((l) => [l.method, l.path, l.status])).toEqual([
      ["GET", "/search", 200],
      ["POST", "/login", 302],
      ["GET", "/calendar/feed/….ics", 200],
      ["GET", "/people/cmx5isv8p001kwy7d00cl1msj", 200],
    ]);
    for (const l of logged.filter((x) => x.msg === "request")) expect(typeof l.ms).toBe("number");
    const all = lines.join("\n");
    for (const secret of ["hanako", "山田", "secret-password", token]) expect(all).not.toContain(secret);
  });

  it("keep record ids and short segments, and hide long tokens wherever they are", () => {
    expect(loggablePath("/demands/cmx5isv8p001kwy7d00cl1msj/timeline")).toBe("/demands/cmx5isv8p001kwy7d00cl1msj/timeline");
    expect(loggablePath(`/api/v1/${"a".repeat(40)}/demands`)).toBe("/api/v1/…/demands");
  });
});

describe("graceful shutdown", () => {
  it("lets a request in flight finish, refuses new connections, then finishes", async () => {
    let release: (() => void) | null = null;
    const { server, base, lines } = await serve((_req, res) => {
      // A slow page: answers when the test says so.
      release = () => void res.send("finished");
    });
    const inFlight = fetch(`${base}/slow`).then(async (r) => [r.status, await r.text()]);
    await vi.waitFor(() => expect(release).not.toBeNull());

    const done = vi.fn();
    closeGracefully(server, { log: { info: (msg, fields) => lines.push(JSON.stringify({ msg, ...fields })) }, signal: "SIGTERM", done });
    await expect(fetch(`${base}/other`)).rejects.toThrow();
    expect(done).not.toHaveBeenCalled();

    release!();
    expect(await inFlight).toEqual([200, "finished"]);
    await vi.waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(lines.some((l) => l.includes('"shutting down"') && l.includes("SIGTERM"))).toBe(true);
  });

  it("gives up waiting after the grace period", async () => {
    let reached = false;
    const { server, base } = await serve(() => {
      reached = true; // and never answers
    });
    void fetch(`${base}/stuck`).catch(() => {});
    await vi.waitFor(() => expect(reached).toBe(true));
    const done = vi.fn();
    closeGracefully(server, { log: { info: () => {} }, signal: "SIGTERM", graceMs: 200, done });
    await vi.waitFor(() => expect(done).toHaveBeenCalledTimes(1), { timeout: 2000 });
    server.closeAllConnections();
  });
});
