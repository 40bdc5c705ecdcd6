// `npm start`: migrate the database, load the demo data into an empty one, serve the built app.
import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { config } from "./config.js";
import { demoAccounts, isEmpty, migrate, seedDemo } from "./database.js";
import { projectRoot } from "./database-url.js";
import { createLogger } from "./log.js";

const log = createLogger(config.logLevel);

migrate(config.databaseUrl);
log.info("database ready", { file: path.relative(projectRoot, config.databaseUrl.slice(5)) || config.databaseUrl });
if (config.demoData && isEmpty(config.databaseUrl)) {
  seedDemo(config.databaseUrl);
  log.info("demo data loaded");
}
config.sessionSecret();

const build = await import(path.join(projectRoot, "build", "index.js"));

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback");

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  next();
});

// Refuse state-changing requests sent from another origin (cookies are SameSite=Lax as well).
app.use((req, res, next) => {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const origin = req.get("origin");
  if (origin && origin !== "null") {
    let host;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== req.get("host")) {
      res.status(403).type("text/plain").send("Cross-origin request refused.");
      return;
    }
  }
  next();
});

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    log.info("request", { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) });
  });
  next();
});

app.use("/build", express.static(path.join(projectRoot, "public", "build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(projectRoot, "public"), { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: config.nodeEnv, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }) }));

const server = app.listen(config.port, config.host, () => {
  const shown = config.host === "0.0.0.0" ? "localhost" : config.host;
  log.info("listening", { url: `http://${shown}:${config.port}` });
  if (!config.production || config.demoData) {
    process.stdout.write(`\nAdvocacy tracker: http://${shown}:${config.port}\n`);
  }
  if (config.demoData) {
    process.stdout.write("Demo sign-ins:\n");
    for (const u of demoAccounts()) process.stdout.write(`  ${u.role.padEnd(7)} ${u.email.padEnd(22)} ${u.password}\n`);
    process.stdout.write("\n");
  }
});

// Graceful shutdown: stop accepting, let requests in flight finish, then exit.
let closing = false;
function shutdown(signal) {
  if (closing) return;
  closing = true;
  log.info("shutting down", { signal });
  server.close(() => process.exit(0));
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
