// The Express app around Remix: security headers with a CSP nonce per response, the same-origin check
// for mutations, request logs and static files. Built without side effects (server/start.js migrates
// and listens), so that tests can run it with a stand-in for the Remix handler.
import crypto from "node:crypto";
import path from "node:path";
import express from "express";
import { rateLimit } from "express-rate-limit";

/** Sets the security headers, and a fresh nonce in `res.locals.cspNonce` for the page's scripts. */
export function securityHeaders() {
  /** @type {express.RequestHandler} */
  return (_req, res, next) => {
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
  };
}

/**
 * Refuses state-changing requests sent from another origin (cookies are SameSite=Lax as well, but the
 * sign-in and language forms need no cookie). `Origin: null` is refused too: a page elsewhere gets it
 * by setting `Referrer-Policy: no-referrer` or by posting from a sandboxed frame, while our own forms
 * always send our origin. Requests without an Origin header (not from a browser) pass, unless the
 * browser says through Sec-Fetch-Site that they come from another site.
 */
export function sameOriginMutations() {
  /** @type {express.RequestHandler} */
  return (req, res, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    const origin = req.get("origin");
    let allowed;
    if (origin === undefined) {
      allowed = req.get("sec-fetch-site") !== "cross-site";
    } else {
      let host = null;
      try {
        host = origin === "null" ? null : new URL(origin).host;
      } catch {
        host = null;
      }
      allowed = host !== null && host === req.get("host");
    }
    if (!allowed) {
      res.status(403).type("text/plain").send("Cross-origin request refused.");
      return;
    }
    next();
  };
}

/**
 * Sign-in attempts from one address (all accounts together): the per-account lockout stops guessing
 * one password, this stops trying one password on many accounts. Over the limit, a 429 page in both
 * languages with Retry-After; reading the sign-in page is never limited.
 * @param {number} limit attempts per minute
 */
function signInRateLimit(limit) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    skip: (req) => req.method !== "POST",
    handler: (_req, res) => {
      res
        .status(429)
        .type("text/html")
        .send(
          `<!doctype html><html lang="ja"><meta charset="utf-8"><title>429</title><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">` +
            `<p>この接続元からのサインインの試行が多すぎます。1分ほど待ってから、もう一度お試しください。</p>` +
            `<p lang="en">Too many sign-in attempts from this address. Wait a minute, then try again.</p>` +
            `<p><a href="/login">サインイン / Sign in</a></p></body></html>`,
        );
    },
  });
}

/**
 * The path as logged: never the query string (searches, filters), and a path segment that looks like a
 * secret (a calendar feed's token, say: 32 characters or more of letters, digits, - and _) as "…", so
 * that logs hold no personal data and no credentials. Record ids (cuid, 25 characters) stay.
 * @param {string} pathname
 */
export function loggablePath(pathname) {
  return pathname
    .split("/")
    .map((segment) => (/^[A-Za-z0-9_-]{32,}(\.[a-z]+)?$/.test(segment) ? `…${segment.replace(/^[^.]*/, "")}` : segment))
    .join("/");
}

/**
 * Graceful shutdown: stop accepting connections, let the requests in flight finish, close idle
 * keep-alive connections, then call `done`; after `graceMs`, call it anyway.
 * @param {import("node:http").Server} server
 * @param {{ log: { info: (msg: string, fields?: object) => void }, signal: string, graceMs?: number, done: () => void }} options
 */
export function closeGracefully(server, { log, signal, graceMs = 10_000, done }) {
  log.info("shutting down", { signal });
  let finished = false;
  // A keep-alive connection whose request was in flight stays open once answered: close it then.
  const idle = setInterval(() => server.closeIdleConnections?.(), 50);
  idle.unref();
  const finish = () => {
    if (finished) return;
    finished = true;
    clearInterval(idle);
    done();
  };
  server.close(finish);
  server.closeIdleConnections?.();
  setTimeout(finish, graceMs).unref();
}

/**
 * @param {{
 *   handler: express.RequestHandler,
 *   log: { info: (msg: string, fields?: object) => void },
 *   publicDir: string,
 *   signInLimit?: number,
 * }} options `handler` answers everything that is not a static file (the Remix request handler);
 *   `signInLimit`: sign-in attempts a minute from one address.
 */
export function createApp({ handler, log, publicDir, signInLimit = 30 }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.use(securityHeaders());
  app.use(sameOriginMutations());
  app.use("/login", signInRateLimit(signInLimit));

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info("request", { method: req.method, path: loggablePath(req.path), status: res.statusCode, ms: Math.round(ms) });
    });
    next();
  });

  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(publicDir, { maxAge: "1h" }));
  app.all("*", handler);
  return app;
}
