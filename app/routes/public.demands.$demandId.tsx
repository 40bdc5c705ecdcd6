// One public demand with its public timeline (docs/decisions/018): anyone, no account. A demand not
// marked public, in the trash or unknown answers 404, as does everything while PUBLIC_PAGE is off.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { PublicStatus } from "~/components/public-parts";
import { BilingualText, TimelineEventItem } from "~/components/timeline-event";
import { translator } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { publicDemandPage, publicHeaders, requirePublicPage } from "~/models/public.server";
import { TIMELINE_PAGE_SIZE } from "~/models/timeline";
import { getLocale } from "~/utils/locale.server";
import { pageFrom } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

export const handle = { publicLayout: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const locale = data?.locale ?? "ja";
  const t = translator(locale);
  if (!data) return [{ title: t("public.siteName") }];
  const { demand } = data.page;
  const title = locale === "ja" ? demand.titleJa || demand.titleEn : demand.titleEn || demand.titleJa;
  const summary = (locale === "ja" ? demand.summaryJa || demand.summaryEn : demand.summaryEn || demand.summaryJa) || t("public.metaDescription");
  return [{ title: `${demand.ref} ${title} · ${t("public.siteName")}` }, { name: "description", content: summary.slice(0, 300) }];
};

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  requirePublicPage();
  const locale = await getLocale(request);
  const page = await publicDemandPage(params.demandId ?? "", locale, pageFrom(new URL(request.url).searchParams));
  if (!page) throw new Response("Not found", { status: 404 });
  return data({ page, locale }, { headers: await publicHeaders(request) });
}

export default function PublicDemand() {
  const { page } = useLoaderData<typeof loader>();
  const { demand, events, total, pageCount } = page;
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const list = (items: string[]) => items.join(locale === "ja" ? "、" : ", ");
  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/public">{t("public.backToList")}</Link>
        {" › "}
        <span aria-current="page">{demand.ref}</span>
      </nav>
      <p className="record-ref">{demand.ref}</p>
      <h1>{pick(demand.titleJa, demand.titleEn)}</h1>
      <p>
        <PublicStatus status={demand.status} since={demand.sinceOn} />
        {demand.archived ? <span className="badge">{t("public.archived")}</span> : null}
      </p>
      <BilingualText ja={demand.summaryJa} en={demand.summaryEn} />
      <dl className="facts">
        {demand.firstRaisedOn ? (
          <>
            <dt>{t("public.firstRaised")}</dt>
            <dd>{formatPartialDate(demand.firstRaisedOn, locale)}</dd>
          </>
        ) : null}
        {demand.themes.length ? (
          <>
            <dt>{t("public.themes")}</dt>
            <dd>{list(demand.themes.map((th) => pick(th.nameJa, th.nameEn)))}</dd>
          </>
        ) : null}
        {demand.targetBodies.length ? (
          <>
            <dt>{t("public.targets")}</dt>
            <dd>{list(demand.targetBodies.map((b) => pick(b.nameJa, b.nameEn)))}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="public-timeline">
        <h2 id="public-timeline">{t("public.timeline")}</h2>
        <p className="muted">{t("public.timelineIntro")}</p>
        {events.length === 0 ? (
          <p className="empty">{t("public.timelineEmpty")}</p>
        ) : (
          <ol className="timeline-list" start={pageCount > 1 ? (page.page - 1) * TIMELINE_PAGE_SIZE + 1 : undefined}>
            {events.map((event) => (
              <li key={event.key}>
                <TimelineEventItem audience="public" event={event} />
              </li>
            ))}
          </ol>
        )}
        <Pagination page={page.page} pageCount={pageCount} total={total} />
      </section>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
