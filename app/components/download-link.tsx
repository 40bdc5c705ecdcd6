// A download that takes a while to prepare (the counter-report's DOCX, 1–2.5 s on large data): with
// JavaScript the file is fetched in the page while a live region says it is being prepared, then saved
// under the server's file name; without JavaScript it is the plain link it renders as.
import { useState } from "react";

/** The file name of a Content-Disposition header (RFC 6266 filename* first). */
export function fileNameOf(disposition: string | null, fallback: string) {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "");
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition ?? "");
  return plain ? plain[1] : fallback;
}

export function DownloadLink({ href, label, preparing, ready, failed, fallbackName }: { href: string; label: string; preparing: string; ready: string; failed: string; fallbackName: string }) {
  const [state, setState] = useState<"idle" | "preparing" | "ready" | "failed">("idle");
  return (
    <>
      <a
        href={href}
        download
        aria-busy={state === "preparing" || undefined}
        aria-disabled={state === "preparing" || undefined}
        className={state === "preparing" ? "download-preparing" : undefined}
        onClick={async (event) => {
          event.preventDefault();
          if (state === "preparing") return;
          setState("preparing");
          try {
            const response = await fetch(href, { credentials: "same-origin" });
            if (!response.ok) throw new Error(`download ${response.status}`);
            const blob = await response.blob();
            const url = URL.createObjectURL(blob);
            const a = document.createElement("a");
            a.href = url;
            a.download = fileNameOf(response.headers.get("Content-Disposition"), fallbackName);
            document.body.append(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(url), 10_000);
            setState("ready");
          } catch {
            setState("failed");
          }
        }}
      >
        {label}
      </a>{" "}
      <span role="status" className={state === "failed" ? "field-errors" : "muted"}>
        {state === "preparing" ? preparing : state === "ready" ? ready : state === "failed" ? failed : null}
      </span>
    </>
  );
}
