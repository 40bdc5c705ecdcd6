import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { GradeBadge } from "~/components/un-parts";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { safeHref } from "~/models/organisation";
import { hasRole } from "~/models/roles";
import { isDocumentLanguage, isUnDocumentKind } from "~/models/un";
import { getDocument } from "~/models/un.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (_t, locale) => (data ? data.document.symbol || (locale === "ja" ? data.document.titleJa || data.document.titleEn : data.document.titleEn || data.document.titleJa) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const document = await getDocument(params.unDocumentId ?? "");
  if (!document) throw new Response("Not found", { status: 404 });
  return { document, canEdit: hasRole(user.role, "staff") };
}

export default function DocumentDetail() {
  const { document: d, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const href = safeHref(d.url);
  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
        {" › "}
        <Link to={`/un/mechanisms/${d.mechanism.id}`}>{d.mechanism.abbreviation}</Link>
        {d.cycle && !d.cycle.deletedAt ? (
          <>
            {" › "}
            <Link to={`/un/cycles/${d.cycle.id}`}>{pick(d.cycle.titleJa, d.cycle.titleEn)}</Link>
          </>
        ) : null}
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">
            {isUnDocumentKind(d.kind) ? t(`documentKind.${d.kind}`) : d.kind}
            {d.symbol ? (
              <>
                {" · "}
                <code lang="en">{d.symbol}</code>
              </>
            ) : null}
          </p>
          <h1>{pick(d.titleJa, d.titleEn)}</h1>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/un/documents/${d.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <Link to={`/un/recommendations/new?document=${d.id}`} className="button">
              {t("un.addRecommendation")}
            </Link>
            <Link to={`/un/documents/${d.id}/import`} className="button">
              {t("un.import.link")}
            </Link>
            <RecordTools historyTo={`/history/un-document/${d.id}`} deleteTo={`/un/documents/${d.id}/delete`} />
          </div>
        ) : null}
      </div>
      <BilingualTitles ja={d.titleJa} en={d.titleEn} />
      <dl className="facts">
        <dt>{t("un.document.issuedOn")}</dt>
        <dd>{formatPartialDate(d.issuedOn, locale) || "—"}</dd>
        <dt>{t("un.document.languages")}</dt>
        <dd>
          {d.languages
            ? d.languages
                .split(",")
                .map((l) => (isDocumentLanguage(l) ? t(`un.lang.${l}`) : l))
                .join(", ")
            : "—"}
        </dd>
        <dt>{t("un.document.url")}</dt>
        <dd>
          {href ? (
            <a href={href} rel="noopener noreferrer external" target="_blank">
              {d.url}
            </a>
          ) : (
            d.url || "—"
          )}
        </dd>
        <dt>{t("un.document.notes")}</dt>
        <dd className="multiline">{d.notes || "—"}</dd>
      </dl>

      <section aria-labelledby="recs-heading">
        <h2 id="recs-heading">{t("un.recommendations")}</h2>
        {d.recommendations.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("un.rec.paragraph")}</th>
                <th scope="col">{t("un.rec.heading")}</th>
                <th scope="col">{t("un.rec.followUp")}</th>
                <th scope="col">{t("un.rec.grade")}</th>
                <th scope="col" className="numeric">
                  {t("un.demandCount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.recommendations.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">
                    <Link to={`/un/recommendations/${r.id}`}>{t("un.paragraphShort", { n: r.paragraph })}</Link>
                  </td>
                  <td>{pick(r.headingJa, r.headingEn) || "—"}</td>
                  <td>{r.followUp ? t("common.yes") : ""}</td>
                  <td>
                    <GradeBadge grade={r.grade} />
                  </td>
                  <td className="numeric">{r._count.demands}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="empty">{t("un.recommendationsEmpty")}</p>
        )}
      </section>
      <p className="record-meta muted">
        {t("common.updatedAt")}: {formatDateTime(d.updatedAt, locale)}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
