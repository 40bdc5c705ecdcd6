// The public list of demands (docs/decisions/018): anyone, no account; 404 while PUBLIC_PAGE is off.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterForm, FilterSelect, isFiltered } from "~/components/list-filters";
import { Pagination } from "~/components/pagination";
import { PublicStatus } from "~/components/public-parts";
import { translator } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { publicDemandList, publicHeaders, requirePublicPage } from "~/models/public.server";
import { STATUS_GROUP_ORDER } from "~/models/board";
import { STATUSES } from "~/models/status";
import { getLocale } from "~/utils/locale.server";
import { oneOf, pageFrom } from "~/utils/paging";

export const handle = { publicLayout: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = translator(data?.locale ?? "ja");
  return [{ title: `${t("public.title")} · ${t("public.siteName")}` }, { name: "description", content: t("public.metaDescription") }];
};

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  requirePublicPage();
  const locale = await getLocale(request);
  const params = new URL(request.url).searchParams;
  const status = oneOf(params.get("status"), ["", ...STATUSES] as const, "");
  const themeId = params.get("theme")?.slice(0, 64) || undefined;
  const list = await publicDemandList({ themeId, status: status === "" ? undefined : status, page: pageFrom(params) });
  return data({ ...list, locale, page: pageFrom(params), filter: { themeId: themeId ?? "", status } }, { headers: await publicHeaders(request) });
}

export default function PublicDemands() {
  const { demands, total, page, pageCount, themes, filter } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, ["theme", "status"]);
  const list = (items: string[]) => items.join(locale === "ja" ? "、" : ", ");
  return (
    <section>
      <h1>{t("public.title")}</h1>
      <p className="muted">{t("public.intro")}</p>
      <FilterForm clearTo="/public" filtered={filtered}>
        <FilterSelect id="public-theme" label={t("public.theme")} name="theme" value={filter.themeId} allLabel={t("public.allThemes")} options={themes.map((th) => ({ value: th.id, label: pick(th.nameJa, th.nameEn) }))} />
        <FilterSelect id="public-status" label={t("public.status")} name="status" value={filter.status} allLabel={t("public.allStatuses")} options={STATUS_GROUP_ORDER.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </FilterForm>
      {demands.length === 0 ? (
        <p className="empty">{filtered ? t("public.noMatches") : t("public.empty")}</p>
      ) : (
        <ul className="public-list">
          {demands.map((d) => (
            <li key={d.id} className="public-card">
              <p className="record-ref">{d.ref}</p>
              <h2>
                <Link to={`/public/demands/${d.id}`}>{pick(d.titleJa, d.titleEn)}</Link>
              </h2>
              <p>
                <PublicStatus status={d.status} since={d.sinceOn} />
                {d.archived ? <span className="badge">{t("public.archived")}</span> : null}
              </p>
              <dl className="facts">
                {d.themes.length ? (
                  <>
                    <dt>{t("public.themes")}</dt>
                    <dd>{list(d.themes.map((th) => pick(th.nameJa, th.nameEn)))}</dd>
                  </>
                ) : null}
                {d.targetBodies.length ? (
                  <>
                    <dt>{t("public.targets")}</dt>
                    <dd>{list(d.targetBodies.map((b) => pick(b.nameJa, b.nameEn)))}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} total={total} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
