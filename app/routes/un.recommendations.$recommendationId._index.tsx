import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { GradeBadge } from "~/components/un-parts";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { safeHref } from "~/models/organisation";
import { hasRole } from "~/models/roles";
import { isGrade } from "~/models/un";
import { getRecommendation } from "~/models/un.server";
import { canSeeInternal } from "~/models/visibility";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? `${data.recommendation.document.symbol || data.recommendation.document.titleEn} ${t("un.paragraphShort", { n: data.recommendation.paragraph })}` : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const recommendation = await getRecommendation(params.recommendationId ?? "", user.role);
  if (!recommendation) throw new Response("Not found", { status: 404 });
  return { recommendation, canEdit: hasRole(user.role, "staff"), showInternal: canSeeInternal(user.role) };
}

export default function RecommendationDetail() {
  const { recommendation: r, canEdit, showInternal } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const sourceHref = safeHref(r.governmentClaimSource);
  const docName = r.document.symbol || pick(r.document.titleJa, r.document.titleEn);
  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
        {" › "}
        <Link to={`/un/mechanisms/${r.document.mechanism.id}`}>{r.document.mechanism.abbreviation}</Link>
        {" › "}
        <Link to={`/un/documents/${r.document.id}`}>{docName}</Link>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">
            <code lang="en">{docName}</code> · {t("un.paragraphShort", { n: r.paragraph })}
            {r.followUp ? <span className="badge badge-followup"> {t("un.rec.followUp")}</span> : null}
          </p>
          <h1>{pick(r.headingJa, r.headingEn) || t("un.paragraphShort", { n: r.paragraph })}</h1>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/un/recommendations/${r.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <RecordTools historyTo={`/history/recommendation/${r.id}`} deleteTo={`/un/recommendations/${r.id}/delete`} />
          </div>
        ) : null}
      </div>

      <div className="bilingual">
        <section lang="en" aria-labelledby="text-en">
          <h2 id="text-en" className="lang-heading">
            {t("un.rec.textEn")}
          </h2>
          {r.headingEn ? <p className="bilingual-title">{r.headingEn}</p> : null}
          <p className="multiline">{r.textEn}</p>
        </section>
        <section lang="ja" aria-labelledby="text-ja">
          <h2 id="text-ja" className="lang-heading">
            {t("un.rec.textJa")}
          </h2>
          {r.headingJa ? <p className="bilingual-title">{r.headingJa}</p> : null}
          <p className="multiline">{r.textJa || <span className="muted">{t("common.notGiven")}</span>}</p>
        </section>
      </div>

      <dl className="facts">
        <dt>{t("un.rec.document")}</dt>
        <dd>
          <Link to={`/un/documents/${r.document.id}`}>
            {docName} {r.document.issuedOn ? `(${formatPartialDate(r.document.issuedOn, locale)})` : null}
          </Link>
          {r.document.cycle ? (
            <>
              {" · "}
              <Link to={`/un/cycles/${r.document.cycle.id}`}>{pick(r.document.cycle.titleJa, r.document.cycle.titleEn)}</Link>
            </>
          ) : null}
        </dd>
        <dt>{t("un.rec.articles")}</dt>
        <dd>{r.articles || "—"}</dd>
        <dt>{t("un.rec.themes")}</dt>
        <dd>{r.themes.length ? r.themes.map((x) => pick(x.theme.nameJa, x.theme.nameEn)).join("、") : "—"}</dd>
        <dt>{t("un.rec.grade")}</dt>
        <dd>
          <GradeBadge grade={r.grade} /> {isGrade(r.grade) ? t(`grade.${r.grade}`) : null}
        </dd>
        <dt>{t("un.rec.assessmentNote")}</dt>
        <dd className="multiline">{r.assessmentNote || "—"}</dd>
        {showInternal ? (
          <>
            <dt>
              {t("common.internalNote")} <span className="badge badge-internal">{t("common.internal")}</span>
            </dt>
            <dd className="multiline">{r.internalNote || "—"}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="claim-heading">
        <h2 id="claim-heading">{t("un.rec.governmentClaim")}</h2>
        {r.governmentClaimJa || r.governmentClaimEn ? (
          <div className="bilingual">
            <blockquote lang="ja" className="multiline">
              {r.governmentClaimJa || <span className="muted">{t("common.notGiven")}</span>}
            </blockquote>
            <blockquote lang="en" className="multiline">
              {r.governmentClaimEn || <span className="muted">{t("common.notGiven")}</span>}
            </blockquote>
          </div>
        ) : (
          <p className="muted">—</p>
        )}
        {r.governmentClaimSource ? (
          <p>
            {t("un.rec.governmentClaimSource")}:{" "}
            {sourceHref ? (
              <a href={sourceHref} rel="noopener noreferrer external" target="_blank">
                {r.governmentClaimSource}
              </a>
            ) : (
              r.governmentClaimSource
            )}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="demands-heading">
        <h2 id="demands-heading">{t("un.rec.demands")}</h2>
        {r.demands.length ? (
          <ul className="plain-list">
            {r.demands.map(({ demand: d }) => (
              <li key={d.id}>
                <Link to={`/demands/${d.id}`}>
                  {d.ref} {pick(d.titleJa, d.titleEn)}
                </Link>{" "}
                · <Link to={`/demands/${d.id}/timeline?channel=recommendation`}>{t("timeline.title")}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("un.rec.demandsEmpty")}</p>
        )}
      </section>

      <section aria-labelledby="chain-heading">
        <h2 id="chain-heading">{t("un.rec.chain")}</h2>
        {r.chain.length ? (
          <>
            <p className="muted">{t("un.rec.chainHelp")}</p>
            <ol className="chain-list">
              {r.chain.map((c) => (
                <li key={c.id} aria-current={c.id === r.id ? "true" : undefined}>
                  {formatPartialDate(c.document.issuedOn, locale) || "—"} · <code lang="en">{c.document.symbol || pick(c.document.titleJa, c.document.titleEn)}</code>{" "}
                  {c.id === r.id ? (
                    <strong>
                      {t("un.paragraphShort", { n: c.paragraph })} ({t("un.rec.thisOne")})
                    </strong>
                  ) : (
                    <Link to={`/un/recommendations/${c.id}`}>{t("un.paragraphShort", { n: c.paragraph })}</Link>
                  )}{" "}
                  {pick(c.headingJa, c.headingEn)} <GradeBadge grade={c.grade} />
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className="empty">{t("un.rec.chainEmpty")}</p>
        )}
      </section>
      <p className="record-meta muted">
        {t("common.updatedAt")}: {formatDateTime(r.updatedAt, locale)}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
