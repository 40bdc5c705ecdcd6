import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "~/i18n/locales";
import { config } from "~/utils/env.server";

/** The language chosen before signing in (or by someone who never signed in). */
export const languageCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: config.cookieSecure,
  maxAge: 365 * 24 * 60 * 60,
});

/** The user's choice, else the language cookie, else Accept-Language, else Japanese. */
export async function getLocale(request: Request, user?: { locale: string | null } | null): Promise<Locale> {
  if (user && isLocale(user.locale)) return user.locale;
  const cookie: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}
