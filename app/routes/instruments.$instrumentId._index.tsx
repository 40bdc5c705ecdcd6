import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isInstrumentKind } from "~/models/instrument";
import { getInstrument } from "~/models/instrument.server";
import { safeHref } from "~/models/organisation";
import { hasRole } from "~/models/roles";
import { isDegree } from "~/models/status";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (_t, locale) => (data ? (locale === "ja" ? data.instrument.titleJa || data.instrument.titleEn : data.instrument.titleEn || data.instrument.titleJa) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const instrument = await getInstrument(params.instrumentId ?? "");
  if (!instrument) throw new Response("Not found", { status: 404 });
  return { instrument, canEdit: hasRole(user.role, "staff") };
}

export default function InstrumentDetail() {
  const { instrument, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const href = safeHref(instrument.url);
  const kind = isInstrumentKind(instrument.kind) ? t(`instrumentKind.${instrument.kind}`) : instrument.kind;

  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/instruments">{t("instruments.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">{kind}</p>
          <h1>{pick(instrument.titleJa, instrument.titleEn)}</h1>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/instruments/${instrument.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <Link to={`/outcomes/new?instrument=${encodeURIComponent(instrument.id)}`} className="button">
              {t("instrument.recordOutcome")}
            </Link>
            <RecordTools historyTo={`/history/instrument/${instrument.id}`} deleteTo={`/instruments/${instrument.id}/delete`} />
          </div>
        ) : null}
      </div>

      <BilingualTitles ja={instrument.titleJa} en={instrument.titleEn} />

      <dl className="facts">
        <dt>{t("common.kind")}</dt>
        <dd>{kind}</dd>
        <dt>{t("instrument.issuerBody")}</dt>
        <dd>{instrument.issuerBody ? <Link to={`/bodies/${instrument.issuerBody.id}`}>{pick(instrument.issuerBody.nameJa, instrument.issuerBody.nameEn)}</Link> : "—"}</dd>
        <dt>{t("instrument.draftOn")}</dt>
        <dd>{formatPartialDate(instrument.draftOn, locale) || "—"}</dd>
        <dt>{t("instrument.adoptedOn")}</dt>
        <dd>{formatPartialDate(instrument.adoptedOn, locale) || "—"}</dd>
        <dt>{t("instrument.effectiveOn")}</dt>
        <dd>{formatPartialDate(instrument.effectiveOn, locale) || "—"}</dd>
        <dt>{t("instrument.url")}</dt>
        <dd>
          {href ? (
            <a href={href} rel="noopener noreferrer external" target="_blank">
              {instrument.url}
            </a>
          ) : (
            instrument.url || "—"
          )}
        </dd>
        <dt>{t("common.notes")}</dt>
        <dd className="multiline">{instrument.notes || "—"}</dd>
      </dl>

      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{t("instrument.outcomes")}</h2>
        {instrument.outcomes.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("outcome.demand")}</th>
                <th scope="col">{t("outcome.degree")}</th>
                <th scope="col">{t("outcome.occurredOn")}</th>
                <th scope="col">{t("outcome.quote")}</th>
              </tr>
            </thead>
            <tbody>
              {instrument.outcomes.map((o) => {
                const quote = pick(o.quoteJa, o.quoteEn);
                return (
                  <tr key={o.id}>
                    <td>
                      <Link to={`/demands/${o.demand.id}`}>
                        {o.demand.ref} {pick(o.demand.titleJa, o.demand.titleEn)}
                      </Link>
                    </td>
                    <td className="nowrap">
                      <span className={`badge badge-status status-${o.degree}`}>{isDegree(o.degree) ? t(`degree.${o.degree}`) : o.degree}</span>
                    </td>
                    <td className="nowrap">
                      <Link to={`/outcomes/${o.id}`}>{formatPartialDate(o.occurredOn, locale)}</Link>
                    </td>
                    <td>
                      {quote ? (
                        <blockquote className="multiline" lang={quote === o.quoteJa ? "ja" : "en"}>
                          {quote}
                        </blockquote>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="empty">{t("instrument.outcomesEmpty")}</p>
        )}
      </section>

      <p className="record-meta muted">
        {t("common.updatedAt")}: {formatDateTime(instrument.updatedAt, locale)}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
