import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { CheckboxGroup, SelectField } from "~/components/forms";
import { TimelineEventItem } from "~/components/timeline-event";
import { TimelineSwimlane } from "~/components/timeline-swimlane";
import { useBilingual, useT } from "~/i18n/react";
import { hasRole } from "~/models/roles";
import { isTimelineChannel, TIMELINE_CHANNELS, TIMELINE_PAGE_SIZE } from "~/models/timeline";
import { loadTimeline } from "~/models/timeline.server";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageFrom } from "~/utils/paging";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? `${t("timeline.title")}: ${data.demand.ref} ${locale === "ja" ? data.demand.titleJa || data.demand.titleEn : data.demand.titleEn || data.demand.titleJa}` : t("timeline.title"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const search = new URL(request.url).searchParams;
  const channels = [...new Set(search.getAll("channel").filter(isTimelineChannel))];
  const data = await loadTimeline({
    demandId: params.demandId ?? "",
    role: user.role,
    locale,
    channels,
    bodyId: search.get("body") || null,
    order: oneOf(search.get("order"), ["asc", "desc"] as const, "asc"),
    page: pageFrom(search),
  });
  if (!data) throw new Response("Not found", { status: 404 });
  return { ...data, canEdit: hasRole(user.role, "staff") };
}

export default function DemandTimeline() {
  const { demand, events, shown, page, pageCount, picture, history, counts, today, filter, bodyOptions, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = filter.channels.length > 0 || Boolean(filter.bodyId);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  const toggled = new URLSearchParams(params);
  if (filter.order === "desc") toggled.delete("order");
  else toggled.set("order", "desc");
  const clearParams = filter.order === "desc" ? "?order=desc" : "";

  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/demands">{t("demands.title")}</Link>
        {" › "}
        <Link to={`/demands/${demand.id}`}>
          {demand.ref} {pick(demand.titleJa, demand.titleEn)}
        </Link>
        {" › "}
        <span aria-current="page">{t("timeline.title")}</span>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">{demand.ref}</p>
          <h1>
            {t("timeline.title")}: {pick(demand.titleJa, demand.titleEn)}
          </h1>
          {demand.archived ? <span className="badge">{t("demand.archived")}</span> : null}
        </div>
        <div className="form-actions" style={{ marginTop: 0 }}>
          <Link to={`/demands/${demand.id}/status`}>{t("timeline.statusPage")}</Link>
          <Link to={`/demands/${demand.id}`}>{t("timeline.backToDemand")}</Link>
          {canEdit ? (
            <Link to={`/demands/${demand.id}/edit`} className="button">
              {t("timeline.editDemand")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">{t("timeline.intro")}</p>

      <Form method="get" className="filters" aria-label={t("timeline.filters")}>
        <CheckboxGroup
          legend={t("timeline.channels")}
          name="channel"
          defaultValue={filter.channels}
          options={TIMELINE_CHANNELS.map((c) => ({ value: c, label: t(`timeline.filter.${c}`) }))}
        />
        <SelectField
          label={t("timeline.body")}
          name="body"
          defaultValue={filter.bodyId ?? ""}
          options={bodyOptions}
          emptyLabel={t("timeline.anyBody")}
          help={t("timeline.bodyHelp")}
        />
        <SelectField
          label={t("timeline.order")}
          name="order"
          defaultValue={filter.order}
          options={(["asc", "desc"] as const).map((o) => ({ value: o, label: t(`timeline.order.${o}`) }))}
        />
        <div className="filter-actions">
          <button type="submit">{t("list.apply")}</button>
          {filtered ? <Link to={`/demands/${demand.id}/timeline${clearParams}`}>{t("list.clear")}</Link> : null}
        </div>
      </Form>

      {shown || history.length ? (
        <section aria-labelledby="picture-heading">
          <h2 id="picture-heading">{t("timeline.picture")}</h2>
          <TimelineSwimlane picture={picture} history={history} today={today} demandRef={demand.ref} />
        </section>
      ) : null}

      <section aria-labelledby="events-heading">
        <div className="page-header" style={{ marginBottom: "0.5rem", alignItems: "baseline" }}>
          <h2 id="events-heading" style={{ margin: 0 }}>
            {t("timeline.events")} <span className="muted">({t("timeline.eventCount", { shown, total })})</span>
          </h2>
          <Link to={`?${toggled}`} preventScrollReset>
            {filter.order === "desc" ? t("timeline.showOldestFirst") : t("timeline.showNewestFirst")}
          </Link>
        </div>
        {events.length === 0 ? (
          <p className="empty">{filtered ? t("list.noMatches") : t("timeline.empty")}</p>
        ) : (
          <ol
            className="timeline-list"
            reversed={filter.order === "desc" || undefined}
            start={pageCount > 1 ? (filter.order === "desc" ? shown - (page - 1) * TIMELINE_PAGE_SIZE : (page - 1) * TIMELINE_PAGE_SIZE + 1) : undefined}
          >
            {events.map((event) => (
              <li key={event.key} id={event.key}>
                <TimelineEventItem audience="staff" event={event} demandId={demand.id} />
              </li>
            ))}
          </ol>
        )}
        <Pagination page={page} pageCount={pageCount} total={shown} />
      </section>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
