import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { DocumentTable } from "~/components/un-parts";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { hasRole } from "~/models/roles";
import { isJapanStatus, isMechanismKind } from "~/models/un";
import { getMechanism } from "~/models/un.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, () => (data ? data.mechanism.abbreviation : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mechanism = await getMechanism(params.mechanismId ?? "");
  if (!mechanism) throw new Response("Not found", { status: 404 });
  return { mechanism, canEdit: hasRole(user.role, "staff") };
}

export default function MechanismDetail() {
  const { mechanism: m, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">{isMechanismKind(m.kind) ? t(`mechanismKind.${m.kind}`) : m.kind}</p>
          <h1>
            {m.abbreviation} {pick(m.nameJa, m.nameEn)}
          </h1>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/un/mechanisms/${m.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <RecordTools historyTo={`/history/un-mechanism/${m.id}`} deleteTo={`/un/mechanisms/${m.id}/delete`} />
          </div>
        ) : null}
      </div>
      <BilingualTitles ja={m.nameJa} en={m.nameEn} />
      <dl className="facts">
        <dt>{t("un.mechanism.japanStatus")}</dt>
        <dd>
          <span className={`badge japan-status status-${m.japanStatus}`}>{isJapanStatus(m.japanStatus) ? t(`japanStatus.${m.japanStatus}`) : m.japanStatus}</span>
          {m.ratifiedOn ? ` ${formatPartialDate(m.ratifiedOn, locale)}` : null}
        </dd>
        {m.committeeAbbr || m.committeeNameEn || m.committeeNameJa ? (
          <>
            <dt>{t("un.committee")}</dt>
            <dd>
              {m.committeeAbbr ? <strong>{m.committeeAbbr}</strong> : null} {pick(m.committeeNameJa, m.committeeNameEn)}
            </dd>
          </>
        ) : null}
        <dt>{t("un.reservations")}</dt>
        <dd className="multiline">{pick(m.reservationsJa, m.reservationsEn) || "—"}</dd>
        <dt>{t("common.notes")}</dt>
        <dd className="multiline">{m.notes || "—"}</dd>
      </dl>

      <section aria-labelledby="cycles-heading">
        <div className="page-header">
          <h2 id="cycles-heading">{t("un.cycles")}</h2>
          {canEdit ? (
            <Link to={`/un/cycles/new?mechanism=${m.id}`} className="button">
              {t("un.addCycle")}
            </Link>
          ) : null}
        </div>
        {m.cycles.length ? (
          <ul className="plain-list">
            {m.cycles.map((c) => (
              <li key={c.id}>
                <Link to={`/un/cycles/${c.id}`}>{pick(c.titleJa, c.titleEn)}</Link>
                {c.session ? <span className="muted"> · {c.session}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("un.cyclesEmpty")}</p>
        )}
      </section>

      <section aria-labelledby="documents-heading">
        <div className="page-header">
          <h2 id="documents-heading">{t("un.documents")}</h2>
          {canEdit ? (
            <Link to={`/un/documents/new?mechanism=${m.id}`} className="button">
              {t("un.addDocumentToCycle")}
            </Link>
          ) : null}
        </div>
        <DocumentTable documents={m.documents} />
      </section>
      <p className="record-meta muted">
        {t("common.updatedAt")}: {formatDateTime(m.updatedAt, locale)}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
