import { en } from "./messages/en";
import { ja } from "./messages/ja";
import { type Locale } from "./locales";

export type MessageKey = keyof typeof en;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Replaces {name} placeholders; an unknown placeholder is left visible so that it gets noticed. */
export function interpolate(message: string, vars?: Vars) {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, vars) => interpolate(catalog[key] ?? key, vars);
}

/** For messages that arrive as strings (validation errors): a catalog key is translated, anything else is shown as is. */
export function translateMaybe(t: Translate, message: string, vars?: Vars) {
  return isMessageKey(message) ? t(message, vars) : interpolate(message, vars);
}
