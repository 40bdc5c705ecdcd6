import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { hasRole } from "~/models/roles";
import { isJapanStatus, isMechanismKind, isReviewStage, MECHANISM_KINDS } from "~/models/un";
import { unOverview, upcomingStages } from "~/models/un.server";
import { requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("un.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const today = new Date().toISOString().slice(0, 10);
  const [mechanisms, upcoming] = await Promise.all([unOverview(), upcomingStages(today)]);
  return { mechanisms, upcoming, canEdit: hasRole(user.role, "staff") };
}

export default function UnIndex() {
  const { mechanisms, upcoming, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();

  return (
    <section>
      <div className="page-header">
        <h1>{t("un.title")}</h1>
        <div className="form-actions">
          <Link to="/un/recommendations" className="button">
            {t("un.allRecommendations")}
          </Link>
          {canEdit ? (
            <>
              <Link to="/un/documents/new" className="button">
                {t("un.newDocument")}
              </Link>
              <Link to="/un/mechanisms/new" className="button primary">
                {t("un.newMechanism")}
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <p className="muted">{t("un.intro")}</p>

      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("un.upcoming")}</h2>
        {upcoming.length ? (
          <ul className="plain-list">
            {upcoming.map((s) => (
              <li key={`${s.cycle.id}-${s.kind}`}>
                <span className="nowrap">{formatPartialDate(s.on, locale)}</span> · {isReviewStage(s.kind) ? t(`stage.${s.kind}`) : s.kind} ·{" "}
                <Link to={`/un/cycles/${s.cycle.id}`}>
                  {s.cycle.mechanism.abbreviation}: {pick(s.cycle.titleJa, s.cycle.titleEn)}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("un.upcomingEmpty")}</p>
        )}
      </section>

      {mechanisms.length === 0 ? <p className="empty">{t("un.mechanismsEmpty")}</p> : null}
      {MECHANISM_KINDS.map((kind) => {
        const ofKind = mechanisms.filter((m) => m.kind === kind);
        if (!ofKind.length) return null;
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{isMechanismKind(kind) ? t(`mechanismKind.${kind}`) : kind}</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("un.mechanism")}</th>
                  {kind === "treaty" ? <th scope="col">{t("un.committee")}</th> : null}
                  <th scope="col">{t("un.mechanism.japanStatus")}</th>
                  <th scope="col">{t("un.cycles")}</th>
                  <th scope="col" className="numeric">
                    {t("un.documentCount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ofKind.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/un/mechanisms/${m.id}`}>
                        <strong>{m.abbreviation}</strong> {pick(m.nameJa, m.nameEn)}
                      </Link>
                    </td>
                    {kind === "treaty" ? <td>{m.committeeAbbr ?? "—"}</td> : null}
                    <td className="nowrap">
                      <span className={`badge japan-status status-${m.japanStatus}`}>{isJapanStatus(m.japanStatus) ? t(`japanStatus.${m.japanStatus}`) : m.japanStatus}</span>
                      {m.ratifiedOn ? <div className="muted">{formatPartialDate(m.ratifiedOn, locale)}</div> : null}
                    </td>
                    <td>
                      {m.cycles.length ? (
                        <ul className="plain-list">
                          {m.cycles.slice(0, 3).map((c) => (
                            <li key={c.id}>
                              <Link to={`/un/cycles/${c.id}`}>{pick(c.titleJa, c.titleEn)}</Link>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="numeric">{m._count.documents}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
