import { createContext, useContext, useMemo, type ReactNode } from "react";
import { translator, type Translate } from "./index";
import { type Locale } from "./locales";

const I18nContext = createContext<{ locale: Locale; t: Translate } | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n() {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT() outside <I18nProvider>");
  return value;
}

export const useT = () => useI18n().t;
export const useLocale = () => useI18n().locale;

/** Picks the field of a Ja/En pair in the reader's language, falling back to the other. */
export function useBilingual() {
  const locale = useLocale();
  return (ja: string | null | undefined, en: string | null | undefined) =>
    (locale === "ja" ? ja || en : en || ja) ?? "";
}
