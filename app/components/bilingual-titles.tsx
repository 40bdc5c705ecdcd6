// The two-column block at the top of a record's page: its title in Japanese and in English, each
// marked with its language, "not given" where one is missing, and what else the page shows per language.
import { type ReactNode } from "react";
import { useT } from "~/i18n/react";

export function BilingualTitles({
  ja,
  en,
  extra,
  idPrefix = "",
}: {
  ja: string | null | undefined;
  en: string | null | undefined;
  /** shown under each title, in that language's column */
  extra?: { ja?: ReactNode; en?: ReactNode };
  /** for pages that show more than one such block */
  idPrefix?: string;
}) {
  const t = useT();
  const column = (lang: "ja" | "en", title: string | null | undefined) => (
    <section lang={lang} aria-labelledby={`${idPrefix}${lang}-heading`}>
      <h2 id={`${idPrefix}${lang}-heading`} className="lang-heading">
        {lang === "ja" ? t("common.japanese") : t("common.english")}
      </h2>
      <p className="bilingual-title">
        {title || <span className="muted">{t("common.notGiven")}</span>}
      </p>
      {extra?.[lang]}
    </section>
  );
  return (
    <div className="bilingual">
      {column("ja", ja)}
      {column("en", en)}
    </div>
  );
}
