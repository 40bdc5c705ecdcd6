// Pieces shared by the pages of UN treaty reporting.
import { Link } from "@remix-run/react";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isGrade, isUnDocumentKind } from "~/models/un";
import { formatPartialDate } from "~/utils/partial-date";

/** The documents of a mechanism or a cycle: symbol and title, kind, date, how many recommendations. */
export function DocumentTable({
  documents,
}: {
  documents: Array<{ id: string; kind: string; symbol: string | null; titleJa: string; titleEn: string; issuedOn: string | null; _count: { recommendations: number } }>;
}) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  if (!documents.length) return <p className="empty">{t("un.documentsEmpty")}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t("un.document.symbol")}</th>
          <th scope="col">{t("un.document.kind")}</th>
          <th scope="col">{t("un.document.issuedOn")}</th>
          <th scope="col" className="numeric">
            {t("un.recommendationCount")}
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => (
          <tr key={d.id}>
            <td>
              <Link to={`/un/documents/${d.id}`}>
                {d.symbol ? <code lang="en">{d.symbol}</code> : null} {pick(d.titleJa, d.titleEn)}
              </Link>
            </td>
            <td className="nowrap">{isUnDocumentKind(d.kind) ? t(`documentKind.${d.kind}`) : d.kind}</td>
            <td className="nowrap">{formatPartialDate(d.issuedOn, locale) || "—"}</td>
            <td className="numeric">{d._count.recommendations}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A recommendation's grade as a badge (A … E), with its meaning as the title. */
export function GradeBadge({ grade }: { grade: string | null }) {
  const t = useT();
  if (!grade) return <span className="muted">—</span>;
  return (
    <span className={`badge grade grade-${grade}`} title={isGrade(grade) ? t(`grade.${grade}`) : undefined}>
      {grade}
    </span>
  );
}

type DocumentLabel = { id: string; symbol: string | null; titleJa: string; titleEn: string; issuedOn: string | null; mechanism: { id: string; abbreviation: string } };

/** A demand's UN recommendations (its page): newest document first, each with its grade. */
export function DemandRecommendations({
  demandId,
  recommendations,
}: {
  demandId: string;
  recommendations: Array<{ id: string; paragraph: string; headingJa: string | null; headingEn: string | null; grade: string | null; followUp: boolean; document: DocumentLabel }>;
}) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <section aria-labelledby="recommendations-heading">
      <h2 id="recommendations-heading">{t("un.demandRecommendations")}</h2>
      {recommendations.length ? (
        <>
          <ul className="plain-list">
            {recommendations.map((r) => (
              <li key={r.id}>
                <span className="nowrap">{formatPartialDate(r.document.issuedOn, locale) || "—"}</span> · {r.document.mechanism.abbreviation}{" "}
                <Link to={`/un/recommendations/${r.id}`}>
                  <code lang="en">{r.document.symbol || pick(r.document.titleJa, r.document.titleEn)}</code> {t("un.paragraphShort", { n: r.paragraph })}
                  {pick(r.headingJa, r.headingEn) ? ` ${pick(r.headingJa, r.headingEn)}` : ""}
                </Link>{" "}
                <GradeBadge grade={r.grade} />
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/demands/${demandId}/timeline?channel=recommendation`}>{t("un.demandRecommendationsOnTimeline")}</Link>
          </p>
        </>
      ) : (
        <p className="empty">{t("un.demandRecommendationsEmpty")}</p>
      )}
    </section>
  );
}
