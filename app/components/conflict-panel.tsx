// Shown above an editor when someone saved the record after it was opened: the saved values,
// next to the user's own edits that stay in the form (docs/decisions/005).
import { Link, useNavigation } from "@remix-run/react";
import { type ReactNode } from "react";
import { useT } from "~/i18n/react";

export type ConflictRow = { label: string; value: ReactNode; lang?: "ja" | "en" };

export function ConflictPanel({ savedBy, rows }: { savedBy: string | null | undefined; rows: ConflictRow[] }) {
  const t = useT();
  return (
    <section className="conflict-panel" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">{t("conflict.title")}</h2>
      <p>{t("conflict.explain", { name: savedBy ?? t("common.someone") })}</p>
      <dl className="conflict-values">
        {rows.map((row) => (
          <div key={row.label} style={{ display: "contents" }}>
            <dt>{row.label}</dt>
            <dd lang={row.lang}>{row.value === null || row.value === undefined || row.value === "" ? "—" : row.value}</dd>
          </div>
        ))}
      </dl>
      <p>{t("conflict.howToMerge")}</p>
    </section>
  );
}

/** Save and cancel at the foot of an editor; the button says so while the form is sent. */
export function EditorActions({ cancelTo, saveLabel }: { cancelTo: string; saveLabel?: string }) {
  const t = useT();
  const saving = useNavigation().state === "submitting";
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={saving}>
        {saving ? t("common.saving") : (saveLabel ?? t("common.save"))}
      </button>
      <Link to={cancelTo}>{t("common.cancel")}</Link>
    </div>
  );
}
