// The built production server for the benchmarks: build when stale, start it as `npm start` does on
// 127.0.0.1, sign in, read its memory.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** @param {string} dir @returns {number} the newest modification time below dir */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

export function ensureBuild() {
  const built = path.join(root, "build", "index.js");
  const sources = Math.max(newest(path.join(root, "app")), fs.statSync(path.join(root, "remix.config.js")).mtimeMs);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  process.stdout.write("Building (the build is older than app/)…\n");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("npm run build failed");
}

// ───────────── The server ─────────────

/** The first free port of 3300–3399 on 127.0.0.1. */
export async function freePort() {
  for (let port = 3300; port < 3400; port++) {
    const free = await new Promise((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port in 3300-3399");
}

/** The Node options of `npm start` (package.json), so that the benchmark runs the server as production does. */
export function startOptions() {
  const start = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts.start;
  const words = String(start).split(/\s+/);
  return words.slice(words.indexOf("node") + 1, words.indexOf("server/start.js"));
}

/**
 * Starts the built server as `npm start` does, on 127.0.0.1, against a database file.
 * @param {string} file @param {number} port @param {Record<string, string>} [env]
 */
export async function startServer(file, port, env = {}) {
  const child = spawn(process.execPath, [...startOptions(), path.join(root, "server", "start.js")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: `file:${file}`,
      SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
      DEMO_DATA: "false",
      COOKIE_SECURE: "false",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped:\n${stderr}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`the server did not answer within 30 s:\n${stderr}`);
}

/** Peak resident memory of a process so far (VmHWM), in MB. @param {number} pid */
export function peakMemoryMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Signs in through the real sign-in form and returns the session cookie. @param {string} base */
export async function signIn(base, { email, password }) {
  const response = await fetch(`${base}/login`, { method: "POST", body: new URLSearchParams({ email, password, redirectTo: "/" }), redirect: "manual" });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

