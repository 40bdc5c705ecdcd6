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

/**
 * A catalog message with its variables as one string, for where only strings travel (a field's
 * errors in a form's reply): "un.error.unknownDemands?refs=D-998%2C+D-999". translateMaybe reads it.
 */
export function messageRef(key: MessageKey, vars: Vars): string {
  return `${key}?${new URLSearchParams(Object.entries(vars).map(([name, value]) => [name, String(value)])).toString()}`;
}

/** The key and variables of a messageRef() string; null for anything else. */
export function parseMessageRef(message: string): { key: MessageKey; vars: Vars } | null {
  const at = message.indexOf("?");
  if (at < 0) return null;
  const key = message.slice(0, at);
  if (!isMessageKey(key)) return null;
  return { key, vars: Object.fromEntries(new URLSearchParams(message.slice(at + 1))) };
}

/** For messages that arrive as strings (validation errors): a catalog key or messageRef() is translated, anything else is shown as is. */
export function translateMaybe(t: Translate, message: string, vars?: Vars) {
  if (isMessageKey(message)) return t(message, vars);
  const ref = parseMessageRef(message);
  return ref ? t(ref.key, { ...vars, ...ref.vars }) : interpolate(message, vars);
}
