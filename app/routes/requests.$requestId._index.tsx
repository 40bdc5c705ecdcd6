import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { AttachmentList, RequestKindBadge, RequestSenderName } from "~/components/request-parts";
import { RichTextView } from "~/components/rich-text-editor";
import { translateMaybe } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { getRequest } from "~/models/request.server";
import { hasRole } from "~/models/roles";
import { canSeeInternal, withoutInternal } from "~/models/visibility";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate } from "~/utils/partial-date";
import { renderRichText } from "~/utils/rich-text.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (_t, locale) => (data ? (locale === "ja" ? data.request.titleJa || data.request.titleEn : data.request.titleEn || data.request.titleJa) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await getRequest(params.requestId ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  // The internal note never leaves the server for members.
  const { body, createdById: _c, updatedById: _u, deletedAt: _d, ...rest } = withoutInternal(found, user.role);
  return {
    request: rest,
    bodyHtml: renderRichText(body),
    canEdit: hasRole(user.role, "staff"),
    showInternal: canSeeInternal(user.role),
  };
}

export default function RequestDetail() {
  const { request, bodyHtml, canEdit, showInternal } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/requests">{t("requests.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">
            {formatPartialDate(request.sentOn, locale)}
            <RequestKindBadge kind={request.kind} />
          </p>
          <h1>{pick(request.titleJa, request.titleEn)}</h1>
        </div>
        {canEdit ? (
          <div className="filter-actions">
            <Link to={`/requests/${request.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <Link to={`/rounds/new?request=${encodeURIComponent(request.id)}`} className="button">
              {t("request.startRound")}
            </Link>
            <RecordTools historyTo={`/history/request/${request.id}`} deleteTo={`/requests/${request.id}/delete`} />
          </div>
        ) : null}
      </div>

      <BilingualTitles ja={request.titleJa} en={request.titleEn} idPrefix="title-" />

      <dl className="facts">
        <dt>{t("request.sentOn")}</dt>
        <dd>{formatPartialDate(request.sentOn, locale)}</dd>
        <dt>{t("request.sender")}</dt>
        <dd>{request.sender ? <RequestSenderName sender={request.sender} link /> : "—"}</dd>
        <dt>{t("request.cosigners")}</dt>
        <dd>
          {request.cosigners.length ? (
            <ul className="inline-list">
              {request.cosigners.map((o) => (
                <li key={o.id}>
                  <Link to={`/organisations/${o.id}`}>{pick(o.nameJa, o.nameEn)}</Link>
                </li>
              ))}
            </ul>
          ) : (
            "—"
          )}
        </dd>
        <dt>{t("request.addressees")}</dt>
        <dd>
          {request.addressees.length ? (
            <ul className="inline-list">
              {request.addressees.map((b) => (
                <li key={b.id}>
                  <Link to={`/bodies/${b.id}`}>{pick(b.nameJa, b.nameEn)}</Link>
                </li>
              ))}
            </ul>
          ) : (
            "—"
          )}
        </dd>
      </dl>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">
          {t("request.items")} <span className="muted">({request.items.length})</span>
        </h2>
        {request.items.length ? (
          <ol>
            {request.items.map((item) => (
              <li key={item.id}>
                <p>
                  <Link to={`/demands/${item.demand.id}`} aria-label={t("request.item.openDemand", { ref: item.demand.ref })}>
                    {item.demand.ref}
                  </Link>{" "}
                  {pick(item.demand.titleJa, item.demand.titleEn)}
                  {item.demand.archived ? <span className="badge">{t("demand.archived")}</span> : null}
                </p>
                {item.wordingJa || item.wordingEn ? (
                  <div className="bilingual">
                    <section lang="ja">
                      <p className="lang-heading">{t("common.japanese")}</p>
                      <p className="multiline">{item.wordingJa || <span className="muted">{t("common.notGiven")}</span>}</p>
                    </section>
                    <section lang="en">
                      <p className="lang-heading">{t("common.english")}</p>
                      <p className="multiline">{item.wordingEn || <span className="muted">{t("common.notGiven")}</span>}</p>
                    </section>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("request.items.none")}</p>
        )}
      </section>

      <section aria-labelledby="body-heading">
        <h2 id="body-heading">{t("request.body")}</h2>
        <RichTextView html={bodyHtml} emptyText={t("common.notGiven")} />
      </section>

      <section aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">{t("common.attachments")}</h2>
        <AttachmentList attachments={request.attachments} />
      </section>

      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t("request.rounds")}</h2>
        {request.rounds.length ? (
          <ul className="plain-list">
            {request.rounds.map((round) => (
              <li key={round.id}>
                <span className="nowrap">{formatPartialDate(round.heldOn, locale)}</span>{" "}
                <Link to={`/rounds/${round.id}`}>{pick(round.titleJa, round.titleEn)}</Link>
                <span className="badge">{translateMaybe(t, `roundKind.${round.kind}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("request.rounds.none")}</p>
        )}
      </section>

      {showInternal ? (
        <section aria-labelledby="internal-heading" className="panel">
          <h2 id="internal-heading">
            {t("common.internalNote")} <span className="badge badge-internal">{t("common.internal")}</span>
          </h2>
          {request.internalNote ? <p className="multiline">{request.internalNote}</p> : <p className="muted">{t("common.notGiven")}</p>}
        </section>
      ) : null}

      <p className="record-meta muted">
        {t("common.createdBy", { name: request.createdByName ?? "—", date: formatDateTime(request.createdAt, locale) })}
        {" · "}
        {t("common.updatedBy", { name: request.updatedByName ?? "—", date: formatDateTime(request.updatedAt, locale) })}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
