import { type Locale } from "~/i18n/locales";

// Timestamps are shown in Japan time, wherever the server or the reader is.
const TIME_ZONE = "Asia/Tokyo";

export function formatDate(value: Date | string, locale: Locale) {
  return new Date(value).toLocaleDateString(locale === "ja" ? "ja-JP" : "en-GB", { timeZone: TIME_ZONE, year: "numeric", month: "short", day: "numeric" });
}

export function formatDateTime(value: Date | string, locale: Locale) {
  return new Date(value).toLocaleString(locale === "ja" ? "ja-JP" : "en-GB", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

export function joinList(items: string[], locale: Locale) {
  return items.join(locale === "ja" ? "、" : ", ");
}
