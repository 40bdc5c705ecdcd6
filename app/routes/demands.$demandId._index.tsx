import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { DemandOutcomes } from "~/components/outcome-list";
import { RichTextView } from "~/components/rich-text-editor";
import { DemandRecommendations } from "~/components/un-parts";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { getDemand } from "~/models/demand.server";
import { demandOutcomesData } from "~/models/outcome.server";
import { publicPageOn } from "~/models/public.server";
import { hasRole } from "~/models/roles";
import { recommendationsOfDemand } from "~/models/un.server";
import { canSeeInternal } from "~/models/visibility";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { formatPartialDate } from "~/utils/partial-date";
import { renderRichText } from "~/utils/rich-text.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (_t, locale) => (data ? `${data.demand.ref} ${locale === "ja" ? data.demand.titleJa || data.demand.titleEn : data.demand.titleEn || data.demand.titleJa}` : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const demand = await getDemand(params.demandId ?? "");
  if (!demand) throw new Response("Not found", { status: 404 });
  const { body, ...rest } = demand;
  const [outcomes, recommendations] = await Promise.all([demandOutcomesData(demand.id, user.role), recommendationsOfDemand(demand.id)]);
  return { demand: rest, bodyHtml: renderRichText(body), outcomes, recommendations, canEdit: hasRole(user.role, "staff"), showInternal: canSeeInternal(user.role), publicPage: publicPageOn() };
}

export default function DemandDetail() {
  const { demand, bodyHtml, outcomes, recommendations, canEdit, showInternal, publicPage } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/demands">{t("demands.title")}</Link>
        {demand.parent ? (
          <>
            {" › "}
            <Link to={`/demands/${demand.parent.id}`}>{pick(demand.parent.titleJa, demand.parent.titleEn)}</Link>
          </>
        ) : null}
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">{demand.ref}</p>
          <h1>{pick(demand.titleJa, demand.titleEn)}</h1>
          {demand.archived ? <span className="badge">{t("demand.archived")}</span> : null}
          {demand.isPublic ? <span className="badge badge-public">{t("demand.isPublic")}</span> : null}
          {demand.isPublic && showInternal ? (
            <p className="muted public-note">
              {publicPage ? (
                <>
                  {t("public.onPublicPage")} · <Link to={`/public/demands/${demand.id}`}>{t("public.viewPublic")}</Link>
                </>
              ) : (
                t("public.notOnPublicPage")
              )}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <Link to={`/demands/${demand.id}/timeline`} className="button">
            {t("timeline.title")}
          </Link>
          {canEdit ? (
            <>
              <Link to={`/demands/${demand.id}/edit`} className="button">
                {t("common.edit")}
              </Link>
              <RecordTools historyTo={`/history/demand/${demand.id}`} deleteTo={`/demands/${demand.id}/delete`} />
            </>
          ) : null}
        </div>
      </div>

      <BilingualTitles
        ja={demand.titleJa}
        en={demand.titleEn}
        extra={{
          ja: (
            <>
              <p>{demand.summaryJa || <span className="muted">{t("common.notGiven")}</span>}</p>
            </>
          ),
          en: (
            <>
              <p>{demand.summaryEn || <span className="muted">{t("common.notGiven")}</span>}</p>
            </>
          ),
        }}
      />

      <dl className="facts">
        <dt>{t("demand.firstRaisedOn")}</dt>
        <dd>{formatPartialDate(demand.firstRaisedOn, locale) || "—"}</dd>
        <dt>{t("demand.projectNetwork")}</dt>
        <dd>{demand.projectNetwork ? <Link to={`/networks/${demand.projectNetwork.id}`}>{pick(demand.projectNetwork.nameJa, demand.projectNetwork.nameEn)}</Link> : "—"}</dd>
        <dt>{t("demand.targets")}</dt>
        <dd>
          {demand.targets.length ? (
            <ul className="inline-list">
              {demand.targets.map(({ body }) => (
                <li key={body.id}>
                  <Link to={`/bodies/${body.id}`}>{pick(body.nameJa, body.nameEn)}</Link>
                </li>
              ))}
            </ul>
          ) : (
            "—"
          )}
        </dd>
        <dt>{t("demand.themes")}</dt>
        <dd>
          {demand.themes.length ? (
            <span className="tags">
              {demand.themes.map(({ theme }) => (
                <Link key={theme.id} className="tag" to={`/demands?theme=${theme.id}`}>
                  {pick(theme.nameJa, theme.nameEn)}
                </Link>
              ))}
            </span>
          ) : (
            "—"
          )}
        </dd>
      </dl>

      <section aria-labelledby="body-heading">
        <h2 id="body-heading">{t("demand.body")}</h2>
        <RichTextView html={bodyHtml} emptyText={t("common.notGiven")} />
      </section>

      <DemandOutcomes demandId={demand.id} data={outcomes} canEdit={canEdit} showInternal={showInternal} />
      <DemandRecommendations demandId={demand.id} recommendations={recommendations} />

      {demand.children.length ? (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">{t("demand.children")}</h2>
          <ul>
            {demand.children.map((c) => (
              <li key={c.id}>
                <Link to={`/demands/${c.id}`}>
                  {c.ref} {pick(c.titleJa, c.titleEn)}
                </Link>
                {c.archived ? <span className="badge">{t("demand.archived")}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <p className="record-meta muted">
        {t("common.createdBy", { name: demand.createdBy?.name ?? "—", date: formatDateTime(demand.createdAt, locale) })}
        {" · "}
        {t("common.updatedBy", { name: demand.updatedBy?.name ?? "—", date: formatDateTime(demand.updatedAt, locale) })}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
