import { Form } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/react";

/** Posts the other language to /set-language and comes back to the same page. */
export function LanguageSwitch({ redirectTo }: { redirectTo: string }) {
  const locale = useLocale();
  const t = useT();
  const other = locale === "ja" ? "en" : "ja";
  return (
    <Form method="post" action="/set-language" className="language-switch">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <input type="hidden" name="locale" value={other} />
      <button type="submit" lang={other} aria-label={t("language.switchTo")}>
        {other === "en" ? "English" : "日本語"}
      </button>
    </Form>
  );
}
