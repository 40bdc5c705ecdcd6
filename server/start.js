// `npm start`: migrate the database, load the demo data into an empty one, serve the built app.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { closeGracefully, createApp } from "./app.js";
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

const app = createApp({
  log,
  publicDir: path.join(projectRoot, "public"),
  signInLimit: config.signInLimit,
  handler: createRequestHandler({ build, mode: config.nodeEnv, getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown" }) }),
});

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
  // Reminders (docs/decisions/015): exported by app/entry.server.tsx.
  build.entry.module.startReminderScheduler?.(log);
  // Data jobs (docs/decisions/017) that a previous process left running were interrupted.
  build.entry.module.markInterruptedJobs?.().catch((/** @type {unknown} */ error) => log.error("marking interrupted data jobs failed", { error: String(error) }));
});

// Graceful shutdown: stop accepting, let requests in flight finish, then exit.
let closing = false;
function shutdown(signal) {
  if (closing) return;
  closing = true;
  build.entry.module.stopReminderScheduler?.();
  closeGracefully(server, { log, signal, done: () => process.exit(0) });
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
