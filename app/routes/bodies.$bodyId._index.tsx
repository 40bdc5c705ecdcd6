import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { isBodyKind } from "~/models/body";
import { getBody } from "~/models/body.server";
import { isPersonKind } from "~/models/person";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.body.nameJa || data.body.nameEn : "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const found = await getBody(params.bodyId ?? "", locale);
  if (!found) throw new Response("Not found", { status: 404 });
  return { ...found, canEdit: hasRole(user.role, "staff") };
}

/** Only web addresses are made links: never javascript: or data: from a stored value. */
function safeHref(url: string | null) {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

type AffiliationRow = {
  id: string;
  roleJa: string | null;
  roleEn: string | null;
  startOn: string | null;
  endOn: string | null;
  person: { id: string; kind: string; nameJa: string; nameEn: string };
};

function PeopleTable({ rows, caption }: { rows: AffiliationRow[]; caption: string }) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <table className="data-table compact">
      <caption className="muted">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("body.person")}</th>
          <th scope="col">{t("body.role")}</th>
          <th scope="col">{t("affiliation.period")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>
              <Link to={`/people/${a.person.id}`}>{pick(a.person.nameJa, a.person.nameEn)}</Link>
              {isPersonKind(a.person.kind) ? <span className="badge">{t(`personKind.${a.person.kind}`)}</span> : null}
            </td>
            <td>{pick(a.roleJa, a.roleEn) || "—"}</td>
            <td className="nowrap">
              {a.startOn || a.endOn
                ? t("affiliation.period.value", {
                    from: formatPartialDate(a.startOn, locale) || t("affiliation.unknownStart"),
                    until: a.endOn ? formatPartialDate(a.endOn, locale) : t("common.present"),
                  })
                : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function BodyDetail() {
  const { body, trail, children, currentPeople, pastPeople, demands, demandTotal, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const website = safeHref(body.website);
  const kindLabel = isBodyKind(body.kind) ? t(`bodyKind.${body.kind}`) : body.kind;

  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/bodies">{t("bodies.title")}</Link>
        {trail.map((b) => (
          <span key={b.id}>
            {" › "}
            <Link to={`/bodies/${b.id}`}>{pick(b.shortNameJa || b.nameJa, b.shortNameEn || b.nameEn)}</Link>
          </span>
        ))}
      </nav>
      <div className="page-header">
        <div>
          <h1>
            {pick(body.nameJa, body.nameEn)}
            <span className="badge badge-status">{kindLabel}</span>
          </h1>
        </div>
        <div className="form-actions">
          <Link to={`/bodies/${body.id}/answers`} className="button">
            {t("answers.title")}
          </Link>
          {canEdit ? (
            <>
              <Link to={`/bodies/new?parent=${body.id}`} className="button">
                {t("body.newChild")}
              </Link>
              <Link to={`/bodies/${body.id}/edit`} className="button">
                {t("common.edit")}
              </Link>
              <RecordTools historyTo={`/history/body/${body.id}`} deleteTo={`/bodies/${body.id}/delete`} />
            </>
          ) : null}
        </div>
      </div>

      <BilingualTitles
        ja={body.nameJa}
        en={body.nameEn}
        extra={{
          ja: (
            <>
              {body.shortNameJa ? (
                <p>
                  <span className="muted">{t("body.shortName")}: </span>
                  {body.shortNameJa}
                </p>
              ) : null}
            </>
          ),
          en: (
            <>
              {body.shortNameEn ? (
                <p>
                  <span className="muted">{t("body.shortName")}: </span>
                  {body.shortNameEn}
                </p>
              ) : null}
            </>
          ),
        }}
      />

      <dl className="facts">
        <dt>{t("common.kind")}</dt>
        <dd>{kindLabel}</dd>
        <dt>{t("body.parent")}</dt>
        <dd>
          {trail.length ? (
            <Link to={`/bodies/${trail[trail.length - 1].id}`}>{pick(trail[trail.length - 1].nameJa, trail[trail.length - 1].nameEn)}</Link>
          ) : (
            "—"
          )}
        </dd>
        <dt>{t("common.website")}</dt>
        <dd>
          {website ? (
            <a href={website} rel="noopener noreferrer" target="_blank">
              {website}
            </a>
          ) : (
            body.website || "—"
          )}
        </dd>
        <dt>{t("common.notes")}</dt>
        <dd className="multiline">{body.notes || "—"}</dd>
      </dl>

      {children.length ? (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">{t("body.children")}</h2>
          <ul className="plain-list">
            {children.map((c) => (
              <li key={c.id}>
                <Link to={`/bodies/${c.id}`}>{pick(c.nameJa, c.nameEn)}</Link>
                {isBodyKind(c.kind) ? <span className="badge">{t(`bodyKind.${c.kind}`)}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t("body.people")}</h2>
        {currentPeople.length === 0 && pastPeople.length === 0 ? (
          <p className="empty">{t("body.noPeople")}</p>
        ) : (
          <>
            {currentPeople.length ? <PeopleTable rows={currentPeople} caption={t("body.peopleCurrent")} /> : null}
            {pastPeople.length ? <PeopleTable rows={pastPeople} caption={t("body.peoplePast")} /> : <p className="muted">{t("body.noPastPeople")}</p>}
          </>
        )}
      </section>

      <section aria-labelledby="demands-heading">
        <h2 id="demands-heading">{t("body.demands")}</h2>
        {demands.length === 0 ? (
          <p className="empty">{t("body.noDemands")}</p>
        ) : (
          <>
            <p className="muted">{t("body.demandsIntro")}</p>
            <ul className="plain-list">
              {demands.map((d) => {
                const via = d.targets.filter(({ body: target }) => target.id !== body.id);
                const direct = via.length < d.targets.length;
                return (
                  <li key={d.id}>
                    <span className="record-ref">{d.ref}</span> <Link to={`/demands/${d.id}`}>{pick(d.titleJa, d.titleEn)}</Link>
                    {d.firstRaisedOn ? <span className="muted"> · {formatPartialDate(d.firstRaisedOn, locale)}</span> : null}
                    {!direct && via.length ? (
                      <span className="muted">
                        {" "}
                        ({t("body.via", { name: via.map(({ body: target }) => pick(target.shortNameJa || target.nameJa, target.shortNameEn || target.nameEn)).join(locale === "ja" ? "、" : ", ") })})
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <p>
              <Link to={`/demands?body=${body.id}`}>{t("body.allDemands", { count: demandTotal })}</Link>
            </p>
          </>
        )}
      </section>

      <p className="record-meta muted">
        {t("bodies.updatedOn", { date: formatDateTime(body.updatedAt, locale) })}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
