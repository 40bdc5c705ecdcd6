import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsvLink } from "~/components/csv-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterForm, FilterSelect, isFiltered } from "~/components/list-filters";
import { Pagination } from "~/components/pagination";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import {
  addDays,
  CALENDAR_KINDS,
  CALENDAR_PAGE_SIZE,
  CALENDAR_VIEWS,
  type CalendarEvent,
  isCalendarKind,
  isMonth,
  monthGrid,
  placeInMonth,
  shiftMonth,
} from "~/models/calendar";
import { calendarFilterOptions, filteredEvents } from "~/models/calendar.server";
import calendarStyles from "~/styles/calendar.css";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageCount, pageFrom } from "~/utils/paging";
import { formatPartialDate, normalizePartialDate, todayInJapan } from "~/utils/partial-date";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: calendarStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("calendar.title"));

const FILTERS = ["kind", "body", "network", "overdue"];
/** The longest period a list shows (about five years). */
const MAX_LIST_DAYS = 1830;
const WEEKDAYS = ["calendar.weekday.0", "calendar.weekday.1", "calendar.weekday.2", "calendar.weekday.3", "calendar.weekday.4", "calendar.weekday.5", "calendar.weekday.6"] as const;
const WEEKDAY_CLASS = ["sun", "", "", "", "", "", "sat"];
const SHOWN_PER_DAY = 4;

function dayParam(value: string | null) {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && normalizePartialDate(value) === value ? value : null;
}

/** The filters and the list view's period from the query string (also the CSV download's, routes/calendar[.]csv.ts). */
export function calendarListQuery(params: URLSearchParams, today: string) {
  const kind = params.get("kind");
  const filters = {
    kind: isCalendarKind(kind) ? kind : undefined,
    bodyId: params.get("body")?.slice(0, 64) || undefined,
    networkId: params.get("network")?.slice(0, 64) || undefined,
    /** Only open commitments whose day is past. */
    overdue: params.get("overdue") === "1",
  };
  let from = dayParam(params.get("from")) ?? today;
  let to = dayParam(params.get("to")) ?? addDays(from, 365);
  let rangeReset = false;
  if (to < from || to > addDays(from, MAX_LIST_DAYS)) {
    rangeReset = Boolean(params.get("from") || params.get("to"));
    from = today;
    to = addDays(today, 365);
  }
  return { filters, from, to, rangeReset };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const params = new URL(request.url).searchParams;
  const today = todayInJapan();
  const view = oneOf(params.get("view"), CALENDAR_VIEWS, "month");
  const { filters, from, to, rangeReset } = calendarListQuery(params, today);
  const month = isMonth(params.get("month")) ? (params.get("month") ?? today.slice(0, 7)) : today.slice(0, 7);
  const grid = monthGrid(month);
  const span = view === "month" ? { from: grid[0][0].date, to: grid[grid.length - 1][6].date } : { from, to };
  const [events, options] = await Promise.all([filteredEvents(filters, span, today), calendarFilterOptions(locale)]);
  const page = pageFrom(params);
  const list = view === "list" ? events.slice((page - 1) * CALENDAR_PAGE_SIZE, page * CALENDAR_PAGE_SIZE) : [];
  return {
    view,
    today,
    month,
    grid,
    events: view === "month" ? events : list,
    total: events.length,
    page,
    pageCount: pageCount(events.length, CALENDAR_PAGE_SIZE),
    from,
    to,
    rangeReset,
    filters,
    options,
  };
}

function EventLink({ event, today }: { event: CalendarEvent; today: string }) {
  const t = useT();
  const pick = useBilingual();
  const overdue = event.open && event.date < today;
  const title = pick(event.titleJa, event.titleEn);
  return (
    <Link to={event.href} className={`cal-event kind-${event.kind}${overdue ? " overdue" : ""}`} title={`${t(`calendarKind.${event.kind}`)}: ${title}`}>
      <span className="visually-hidden">{t(`calendarKind.${event.kind}`)}: </span>
      {title}
      {overdue ? <span className="visually-hidden"> ({t("calendar.overdue")})</span> : null}
    </Link>
  );
}

export default function CalendarPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, FILTERS);

  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    return `/calendar?${next.toString()}`;
  };

  return (
    <section>
      <div className="page-header">
        <h1>{t("calendar.title")}</h1>
        <div className="form-actions">
          {data.view === "list" ? <CsvLink path="/calendar.csv" drop={["view", "month"]} /> : null}
          <Link to="/settings/calendar" className="button">
            {t("calendar.subscribe")}
          </Link>
        </div>
      </div>
      <p className="muted">{t("calendar.intro")}</p>
      <nav aria-label={t("calendar.views")} className="cal-views">
        <Link to={withParams({ view: "month", from: null, to: null })} aria-current={data.view === "month" ? "page" : undefined}>
          {t("calendar.viewMonth")}
        </Link>
        <Link to={withParams({ view: "list", month: null })} aria-current={data.view === "list" ? "page" : undefined}>
          {t("calendar.viewList")}
        </Link>
      </nav>
      <FilterForm clearTo={`/calendar?view=${data.view}`} filtered={filtered}>
        <input type="hidden" name="view" value={data.view} />
        {data.view === "month" ? <input type="hidden" name="month" value={data.month} /> : null}
        <FilterSelect id="cal-kind" label={t("calendar.kind")} name="kind" value={data.filters.kind} options={CALENDAR_KINDS.map((k) => ({ value: k, label: t(`calendarKind.${k}`) }))} />
        <FilterSelect id="cal-body" label={t("calendar.body")} name="body" value={data.filters.bodyId} options={data.options.bodies} />
        <FilterSelect id="cal-network" label={t("calendar.network")} name="network" value={data.filters.networkId} options={data.options.networks} />
        {data.view === "list" ? (
          <>
            <div className="field checkbox-field">
              <input id="cal-overdue" type="checkbox" name="overdue" value="1" defaultChecked={data.filters.overdue} />
              <label htmlFor="cal-overdue">{t("calendar.overdueOnly")}</label>
            </div>
            <div className="field">
              <label htmlFor="cal-from">{t("calendar.from")}</label>
              <input id="cal-from" type="date" name="from" defaultValue={data.from} />
            </div>
            <div className="field">
              <label htmlFor="cal-to">{t("calendar.to")}</label>
              <input id="cal-to" type="date" name="to" defaultValue={data.to} />
            </div>
          </>
        ) : null}
      </FilterForm>
      {data.rangeReset ? (
        <p role="status" className="notice">
          {t("calendar.badRange")}
        </p>
      ) : null}
      <ul className="cal-legend" aria-hidden="true">
        {CALENDAR_KINDS.map((k) => (
          <li key={k}>
            <span className={`kind-${k}`} />
            {t(`calendarKind.${k}`)}
          </li>
        ))}
      </ul>
      {data.view === "month" ? MonthView() : ListView()}
    </section>
  );

  function MonthView() {
    const { byDay, withoutDay } = placeInMonth(data.events, data.month);
    return (
      <>
        <div className="cal-toolbar">
          <Link to={withParams({ month: shiftMonth(data.month, -1) })} className="button" rel="prev">
            ← {t("calendar.previous")}
          </Link>
          <h2 id="cal-month">{formatPartialDate(data.month, locale)}</h2>
          <Link to={withParams({ month: shiftMonth(data.month, 1) })} className="button" rel="next">
            {t("calendar.next")} →
          </Link>
          {data.month !== data.today.slice(0, 7) ? (
            <Link to={withParams({ month: null })} className="button">
              {t("calendar.thisMonth")}
            </Link>
          ) : null}
        </div>
        <table className="cal-grid" aria-labelledby="cal-month">
          <thead>
            <tr>
              {WEEKDAYS.map((key, i) => (
                <th key={key} scope="col" className={WEEKDAY_CLASS[i]}>
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.grid.map((week) => (
              <tr key={week[0].date}>
                {week.map((day, i) => {
                  const events = byDay.get(day.date) ?? [];
                  const isToday = day.date === data.today;
                  const classes = [WEEKDAY_CLASS[i], day.inMonth ? "" : "other-month", isToday ? "today" : ""].filter(Boolean).join(" ");
                  return (
                    <td key={day.date} className={classes || undefined} aria-current={isToday ? "date" : undefined}>
                      <span className="cal-day-number">
                        <span className="visually-hidden">{formatPartialDate(day.date, locale)}</span>
                        <span aria-hidden="true">{Number(day.date.slice(8))}</span>
                        {isToday ? <span className="visually-hidden"> ({t("calendar.today")})</span> : null}
                      </span>
                      {events.length ? (
                        <ul className="cal-events">
                          {events.slice(0, SHOWN_PER_DAY).map((e) => (
                            <li key={e.uid}>
                              <EventLink event={e} today={data.today} />
                            </li>
                          ))}
                          {events.length > SHOWN_PER_DAY ? (
                            <li>
                              <Link to={withParams({ view: "list", month: null, from: day.date, to: day.date })}>{t("calendar.more", { count: events.length - SHOWN_PER_DAY })}</Link>
                            </li>
                          ) : null}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {withoutDay.length ? (
          <section className="panel cal-without-day" aria-labelledby="cal-without-day">
            <h3 id="cal-without-day">{t("calendar.withoutDay")}</h3>
            <ul className="plain-list">
              {withoutDay.map((e) => (
                <li key={e.uid}>
                  <span className="nowrap strong">{formatPartialDate(e.on, locale)}</span> <EventLink event={e} today={data.today} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </>
    );
  }

  function ListView() {
    if (!data.events.length) return <p className="empty">{t("calendar.empty")}</p>;
    return (
      <>
        <table className="data-table cal-list">
          <thead>
            <tr>
              <th scope="col">{t("calendar.date")}</th>
              <th scope="col">{t("calendar.kind")}</th>
              <th scope="col">{t("calendar.event")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("calendar.ics")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.events.map((e) => {
              const title = pick(e.titleJa, e.titleEn);
              const overdue = e.open && e.date < data.today;
              return (
                <tr key={e.uid}>
                  <td className="nowrap">
                    {formatPartialDate(e.on, locale)}
                    {e.precision !== "day" ? <div className="muted">({t(`calendar.precision.${e.precision}`)})</div> : null}
                  </td>
                  <td>
                    <span className={`badge cal-kind kind-${e.kind}`}>{t(`calendarKind.${e.kind}`)}</span>
                    {overdue ? <span className="badge status-regressed">{t("calendar.overdue")}</span> : null}
                  </td>
                  <td>
                    <Link to={e.href}>{title}</Link>
                    {pick(e.detailJa ?? "", e.detailEn ?? "") ? <div className="muted">{pick(e.detailJa ?? "", e.detailEn ?? "")}</div> : null}
                  </td>
                  <td>
                    <a href={`/calendar/event.ics?uid=${encodeURIComponent(e.uid)}`} download aria-label={t("calendar.icsLabel", { title })}>
                      {t("calendar.ics")}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Pagination page={data.page} pageCount={data.pageCount} total={data.total} />
      </>
    );
  }
}

export const ErrorBoundary = GeneralErrorBoundary;
