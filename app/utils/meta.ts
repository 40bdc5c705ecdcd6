import { type MetaDescriptor } from "@remix-run/node";
import { translator, type Translate } from "~/i18n";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/locales";

type Match = { id: string; data: unknown };

function localeOf(matches: Match[]): Locale {
  const root = matches.find((m) => m.id === "root")?.data;
  const locale = root && typeof root === "object" && "locale" in root ? root.locale : undefined;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** "<page> · <app name>" in the reader's language, for a route's `meta` export. */
export function pageTitle(matches: Match[], page: (t: Translate, locale: Locale) => string | null | undefined): MetaDescriptor[] {
  const locale = localeOf(matches);
  const t = translator(locale);
  const title = page(t, locale);
  return [{ title: title ? `${title} · ${t("app.name")}` : t("app.name") }];
}
