import { describe, expect, it } from "vitest";
import { catalogs, interpolate, messageRef, parseMessageRef, translateMaybe, translator } from "./index";
import { localeFromAcceptLanguage } from "./locales";

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  it("have the same keys in Japanese and English", () => {
    const en = Object.keys(catalogs.en).sort();
    const ja = Object.keys(catalogs.ja).sort();
    expect(ja.filter((k) => !en.includes(k)), "keys only in Japanese").toEqual([]);
    expect(en.filter((k) => !ja.includes(k)), "keys only in English").toEqual([]);
  });

  it("have no empty message and the same {placeholders} in both languages", () => {
    for (const [key, english] of Object.entries(catalogs.en)) {
      const japanese = catalogs.ja[key as keyof typeof catalogs.ja];
      expect(english.trim(), key).not.toBe("");
      expect(japanese.trim(), key).not.toBe("");
      expect(placeholders(japanese), key).toEqual(placeholders(english));
    }
  });

  it("interpolates and leaves unknown placeholders visible", () => {
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
    expect(translator("ja")("list.total", { total: 3 })).toBe("全3件");
    expect(translator("en")("list.total", { total: 3 })).toBe("3 in all");
  });
});

describe("Accept-Language", () => {
  it.each([
    ["ja,en-US;q=0.9", "ja"],
    ["en-GB,en;q=0.9,ja;q=0.8", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.5,ja;q=0.7", "ja"],
    ["de", null],
    ["", null],
    ["en;q=0,ja;q=0.1", "ja"],
  ])("%j → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("messages with variables as one string (field errors)", () => {
  it("carries a catalog key and its variables, and translates them in either language", () => {
    const ref = messageRef("un.error.unknownDemands", { refs: "D-998, D-999?&=" });
    expect(parseMessageRef(ref)).toEqual({ key: "un.error.unknownDemands", vars: { refs: "D-998, D-999?&=" } });
    expect(translateMaybe(translator("en"), ref)).toBe("No demand has these numbers: D-998, D-999?&=");
    expect(translateMaybe(translator("ja"), ref)).toBe("次の番号の要求はありません：D-998, D-999?&=");
  });

  it("leaves text that is not a catalog key as it is", () => {
    expect(parseMessageRef("Where? Here")).toBeNull();
    expect(translateMaybe(translator("en"), "Where? Here")).toBe("Where? Here");
  });
});
