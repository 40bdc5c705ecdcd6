// One-off notices shown after a redirect ("Saved."), carried in a short-lived signed cookie.
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { z } from "zod";
import { config } from "~/utils/env.server";

const storage = createCookieSessionStorage({
  cookie: {
    name: "__toast",
    httpOnly: true,
    sameSite: "lax",
    secure: config.cookieSecure,
    path: "/",
    secrets: [config.sessionSecret()],
    maxAge: 60,
  },
});

const toastSchema = z.object({
  kind: z.enum(["success", "info", "error"]).default("success"),
  /** a message catalog key */
  message: z.string(),
  vars: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Toast = z.infer<typeof toastSchema>;

export async function redirectWithToast(url: string, toast: z.input<typeof toastSchema>, init?: ResponseInit) {
  const session = await storage.getSession();
  session.flash("toast", toast);
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await storage.commitSession(session));
  return redirect(url, { ...init, headers });
}

export async function getToast(request: Request): Promise<{ toast: Toast | null; headers: Headers | null }> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const parsed = toastSchema.safeParse(session.get("toast"));
  if (!parsed.success) return { toast: null, headers: null };
  return { toast: parsed.data, headers: new Headers({ "Set-Cookie": await storage.destroySession(session) }) };
}
