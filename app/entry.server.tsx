import { type AppLoadContext, type EntryContext, createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { withoutNulBytes } from "~/utils/html-stream.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // Not a plain PassThrough: React 18 writes stray NUL bytes (utils/html-stream.server.ts).
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // Thrown responses (404, 403, redirects) are answers, not failures.
  if (isRouteErrorResponse(error) || error instanceof Response) return;
  console.error(JSON.stringify({ level: "error", msg: "unhandled", path: new URL(request.url).pathname, error: error instanceof Error ? error.stack : String(error) }));
}

// Background work of the server process (server/start.js calls it once the app listens).
export { startReminderScheduler, stopReminderScheduler } from "~/models/reminder-scheduler.server";
// Exports and imports a previous process left running are marked interrupted (docs/decisions/017).
export { markInterruptedJobs } from "~/models/data-export.server";
