import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { type MessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { CHILD_TYPES, type DisplayValue, type HistoryType, historyTypeOf, listPath, recordPath } from "~/models/history";
import { recordHistory } from "~/models/history.server";
import { hasRole } from "~/models/roles";
import { requireStaff } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { pageFrom } from "~/utils/paging";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("history.titleOf", { name: data.record.name }) : t("history.title")));

const LIST_TITLES: Record<HistoryType, MessageKey> = {
  Demand: "demands.title",
  Body: "bodies.title",
  Person: "people.title",
  Organisation: "organisations.title",
  ProjectNetwork: "networks.title",
  Request: "requests.title",
  NegotiationRound: "rounds.title",
  Consultation: "consultations.title",
  Instrument: "instruments.title",
  Outcome: "outcomes.title",
  User: "users.title",
  UnMechanism: "un.title",
  ReviewCycle: "un.title",
  UnDocument: "un.title",
  Recommendation: "un.recommendations",
  MembershipFigure: "membership.title",
  ActivityPlanGoal: "report.title",
  ActivityReport: "report.title",
  CounterReport: "un.title",
};

const CHILDREN_LABELS: Partial<Record<HistoryType, MessageKey>> = {
  NegotiationRound: "history.children.NegotiationRound",
  Demand: "history.children.Demand",
  Person: "history.children.Person",
  Organisation: "history.children.Organisation",
  ProjectNetwork: "history.children.ProjectNetwork",
  CounterReport: "history.children.CounterReport",
};

const ACTION_LABELS: Record<string, MessageKey> = {
  create: "history.action.create",
  update: "history.action.update",
  delete: "history.action.delete",
  restore: "history.action.restore",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Snapshots hold internal notes and contact details: staff only, and a user's history administrators only.
  const user = await requireStaff(request);
  const type = historyTypeOf(params.entityType);
  if (!type) throw new Response("Not found", { status: 404 });
  if (type === "User" && !hasRole(user.role, "admin")) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  const page = pageFrom(new URL(request.url).searchParams);
  const history = await recordHistory(type, params.entityId ?? "", page, await getLocale(request, user));
  if (!history) throw new Response("Not found", { status: 404 });
  return { type, page, ...history };
}

function Value({ value }: { value: DisplayValue }) {
  const t = useT();
  if (value === null) return <span className="muted">{t("history.empty.value")}</span>;
  if ("list" in value) {
    return (
      <ul className="history-values">
        {value.list.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    );
  }
  return value.long ? <div className="multiline history-long">{value.text}</div> : <span className="multiline">{value.text}</span>;
}

export default function RecordHistory() {
  const { type, record, events, total, pageCount, page } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const childrenLabel = CHILDREN_LABELS[type];
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={listPath(type)}>{t(LIST_TITLES[type])}</Link>
        {" › "}
        {record.deleted ? record.name : <Link to={recordPath(type, record.id)}>{record.name}</Link>}
      </nav>
      <h1>{t("history.titleOf", { name: record.name })}</h1>
      <p className="muted">
        {t("history.intro")}
        {childrenLabel && CHILD_TYPES[type] ? `${locale === "ja" ? "" : " "}${t("history.introChildren", { children: t(childrenLabel) })}` : null}
      </p>
      {record.deleted ? <p className="notice">{t("history.inTrash")}</p> : null}

      {events.length === 0 ? (
        <p className="empty">{t("history.empty")}</p>
      ) : (
        <ol className="history-list">
          {events.map((event) => {
            const actionKey = event.softDelete ? "history.action.deleteSoft" : ACTION_LABELS[event.action];
            const actionLabel = actionKey ? t(actionKey) : event.action;
            const showBefore = event.changes.some((c) => c.before !== null);
            const showAfter = event.changes.some((c) => c.after !== null);
            return (
              <li key={event.id} className="history-event">
                <h2 className="history-head">
                  <span className={`badge leading history-action action-${event.action}`}>{actionLabel}</span>
                  {event.child ? (
                    <span className="history-child">
                      {event.child.subject ? t("history.childSubject", { type: event.child.label, subject: event.child.subject }) : event.child.label}
                    </span>
                  ) : null}
                </h2>
                <p className="history-meta muted">
                  <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
                  {" · "}
                  {t("history.by", { name: event.byName ?? t("history.system") })}
                </p>
                {event.changes.length ? (
                  <table className="data-table compact history-diff">
                    <thead>
                      <tr>
                        <th scope="col">{t("history.field")}</th>
                        {showBefore ? <th scope="col">{t("history.before")}</th> : null}
                        {showAfter ? <th scope="col">{t("history.after")}</th> : null}
                      </tr>
                    </thead>
                    <tbody>
                      {event.changes.map((change) => (
                        <tr key={change.field}>
                          <th scope="row">{change.label}</th>
                          {showBefore ? (
                            <td className="history-before">
                              <Value value={change.before} />
                            </td>
                          ) : null}
                          {showAfter ? (
                            <td className="history-after">
                              <Value value={change.after} />
                            </td>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : event.action === "update" ? (
                  <p className="muted">{t("history.noFieldChanges")}</p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} total={total} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
