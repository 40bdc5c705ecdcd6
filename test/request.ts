// Helpers to call loaders and actions directly, as a signed-in user of a given role.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { action as loginAction } from "~/routes/login";

export const DEMO = {
  admin: { email: "admin@example.org", password: "demo-admin-2026" },
  staff: { email: "staff@example.org", password: "demo-staff-2026" },
  member: { email: "member@example.org", password: "demo-member-2026" },
} as const;
export type DemoRole = keyof typeof DEMO;

const BASE = "http://localhost";
const cookies = new Map<DemoRole, string>();

/** Signs in through the real sign-in action and keeps the session cookie for the file. */
export async function sessionCookie(role: DemoRole) {
  const cached = cookies.get(role);
  if (cached) return cached;
  const body = new URLSearchParams({ ...DEMO[role], redirectTo: "/" });
  const response = await loginAction({
    request: new Request(`${BASE}/login`, { method: "POST", body }),
    params: {},
    context: { cspNonce: "" },
  } as ActionFunctionArgs);
  if (!(response instanceof Response)) throw new Error("sign-in did not redirect");
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("sign-in set no cookie");
  const cookie = setCookie.split(";")[0];
  cookies.set(role, cookie);
  return cookie;
}

export async function makeRequest(
  url: string,
  { role, method = "GET", form, headers }: { role?: DemoRole; method?: string; form?: Record<string, string | string[]> | URLSearchParams; headers?: Record<string, string> } = {},
) {
  const h = new Headers(headers);
  if (role) h.set("Cookie", await sessionCookie(role));
  let body: URLSearchParams | undefined;
  if (form instanceof URLSearchParams) body = form;
  else if (form) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  }
  return new Request(new URL(url, BASE), { method, headers: h, body });
}

export function args(request: Request, params: Record<string, string> = {}): LoaderFunctionArgs & ActionFunctionArgs {
  return { request, params, context: { cspNonce: "" } } as LoaderFunctionArgs & ActionFunctionArgs;
}

/** Runs a loader or action and returns what it threw or returned, so tests can assert on redirects and 403/404. */
export async function run<T>(fn: () => Promise<T>): Promise<T | Response> {
  try {
    return await fn();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

type Unwrap<T> = T extends { type: string; data: infer D; init: unknown } ? D : T extends { headers: Headers; json(): unknown } ? never : T;

/** The payload of a `data()` result (single fetch) or a plain object; fails on a Response (a redirect, say). */
export function payload<T>(result: T): Unwrap<T> {
  if (result instanceof Response) throw new Error(`expected data, got a ${result.status} response`);
  if (result && typeof result === "object" && "data" in result && "type" in result) return (result as { data: never }).data;
  return result as never;
}

export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && "init" in result) {
    const init = (result as { init?: { status?: number } | null }).init;
    return init?.status ?? 200;
  }
  return 200;
}
