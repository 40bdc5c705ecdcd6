import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { DocumentTable } from "~/components/un-parts";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { hasRole } from "~/models/roles";
import { isReviewStage, stageTimeline } from "~/models/un";
import { getCycle } from "~/models/un.server";
import { canSeeInternal } from "~/models/visibility";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (_t, locale) => (data ? `${data.cycle.mechanism.abbreviation}: ${locale === "ja" ? data.cycle.titleJa || data.cycle.titleEn : data.cycle.titleEn || data.cycle.titleJa}` : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cycle = await getCycle(params.cycleId ?? "", user.role);
  if (!cycle) throw new Response("Not found", { status: 404 });
  const today = new Date().toISOString().slice(0, 10);
  return { cycle, stages: stageTimeline(cycle.stages, today), canEdit: hasRole(user.role, "staff"), showInternal: canSeeInternal(user.role) };
}

export default function CycleDetail() {
  const { cycle: c, stages, canEdit, showInternal } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
        {" › "}
        <Link to={`/un/mechanisms/${c.mechanism.id}`}>{c.mechanism.abbreviation}</Link>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">
            {c.mechanism.committeeAbbr ?? c.mechanism.abbreviation}
            {c.session ? ` · ${c.session}` : ""}
          </p>
          <h1>{pick(c.titleJa, c.titleEn)}</h1>
        </div>
        <div className="form-actions">
          <Link to={`/un/cycles/${c.id}/report`} className="button">
            {t("report.counter.open")}
          </Link>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/un/cycles/${c.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <RecordTools historyTo={`/history/review-cycle/${c.id}`} deleteTo={`/un/cycles/${c.id}/delete`} />
          </div>
        ) : null}
      </div>
      <BilingualTitles ja={c.titleJa} en={c.titleEn} />

      <section aria-labelledby="stages-heading">
        <h2 id="stages-heading">{t("un.cycle.stages")}</h2>
        {stages.length ? (
          <ol className="stage-list">
            {stages.map((s) => (
              <li key={s.kind} className={s.due ? "due" : "past"}>
                <span className="nowrap stage-date">{formatPartialDate(s.on, locale)}</span> {isReviewStage(s.kind) ? t(`stage.${s.kind}`) : s.kind}
                {s.due ? <span className="badge badge-due"> {t("un.stage.due")}</span> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="empty">{t("un.cycle.stagesEmpty")}</p>
        )}
      </section>

      <dl className="facts">
        <dt>{t("un.cycle.notes")}</dt>
        <dd className="multiline">{c.notes || "—"}</dd>
        {showInternal ? (
          <>
            <dt>
              {t("common.internalNote")} <span className="badge badge-internal">{t("common.internal")}</span>
            </dt>
            <dd className="multiline">{c.internalNote || "—"}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="documents-heading">
        <div className="page-header">
          <h2 id="documents-heading">{t("un.documents")}</h2>
          {canEdit ? (
            <Link to={`/un/documents/new?mechanism=${c.mechanism.id}&cycle=${c.id}`} className="button">
              {t("un.addDocumentToCycle")}
            </Link>
          ) : null}
        </div>
        <DocumentTable documents={c.documents} />
      </section>
      <p className="record-meta muted">
        {t("common.updatedAt")}: {formatDateTime(c.updatedAt, locale)}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
