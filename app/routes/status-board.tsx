import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/forms";
import { FilterForm, FilterSelect, isFiltered } from "~/components/list-filters";
import { Pagination } from "~/components/pagination";
import { StatusBadge } from "~/components/status-badge";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { BOARD_GROUPS, BOARD_STATES, STATUS_GROUP_ORDER } from "~/models/board";
import { statusBoard } from "~/models/board.server";
import { yearParam } from "~/models/request";
import { STATUSES, isStatus } from "~/models/status";
import { requireUser } from "~/utils/auth.server";
import { joinList } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageFrom } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("board.title"));

const FILTERS = ["theme", "network", "body", "status", "year", "state", "public"];

/** The board's query from the URL (shared with its CSV export). */
export function boardQueryFrom(params: URLSearchParams) {
  const status = oneOf(params.get("status"), ["", ...STATUSES] as const, "");
  return {
    state: oneOf(params.get("state"), BOARD_STATES, "active"),
    publicOnly: params.get("public") === "1",
    status: status === "" ? undefined : status,
    themeId: params.get("theme")?.slice(0, 64) || undefined,
    networkId: params.get("network")?.slice(0, 64) || undefined,
    bodyId: params.get("body")?.slice(0, 64) || undefined,
    year: yearParam(params.get("year")),
    group: oneOf(params.get("group"), BOARD_GROUPS, "status"),
    page: pageFrom(params),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = boardQueryFrom(new URL(request.url).searchParams);
  const board = await statusBoard({ ...query, locale });
  return { ...board, query };
}

export default function StatusBoard() {
  const { rows, total, demands, pageCount, byStatus, groupCounts, options, names, query } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = isFiltered(params, FILTERS);
  const statusOptions = STATUS_GROUP_ORDER.map((s) => ({ value: s, label: t(`status.${s}`) }));
  const groupName = (key: string | null) => {
    if (key === null) return t("board.noGroup");
    if (query.group === "status") return isStatus(key) ? t(`status.${key}`) : key;
    if (query.group === "theme") return names.themes[key] ?? key;
    if (query.group === "network") return names.networks[key] ?? key;
    return names.bodies[key] ?? key;
  };
  const statusLink = (status: string) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    if (query.status === status) next.delete("status");
    else next.set("status", status);
    return `?${next.toString()}`;
  };
  const csvParams = new URLSearchParams(params);
  csvParams.delete("page");
  const csvHref = `/status-board.csv${csvParams.size ? `?${csvParams.toString()}` : ""}`;

  return (
    <section>
      <div className="page-header">
        <div>
          <h1>{t("board.title")}</h1>
          <p className="muted">{t("board.intro")}</p>
        </div>
        <a href={csvHref} className="button" download title={t("board.exportCsvHint")}>
          {t("board.exportCsv")}
        </a>
      </div>

      <nav aria-label={t("board.byStatus")}>
        <ul className="status-counts">
          {STATUS_GROUP_ORDER.map((s) => (
            <li key={s}>
              <Link to={statusLink(s)} className={`status-count status-${s}`} aria-current={query.status === s ? "true" : undefined}>
                <span className="stat-number">{byStatus[s]}</span> {t(`status.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <FilterForm clearTo={`/status-board${query.group !== "status" ? `?group=${query.group}` : ""}`} filtered={filtered}>
        <FilterSelect id="board-theme" label={t("demand.themes")} name="theme" value={query.themeId} options={options.themes} />
        <FilterSelect id="board-network" label={t("demand.projectNetwork")} name="network" value={query.networkId} options={options.networks} />
        <FilterSelect id="board-body" label={t("demand.targets")} name="body" value={query.bodyId} options={options.bodies} />
        <FilterSelect id="board-status" label={t("board.status")} name="status" value={query.status} options={statusOptions} />
        <FilterSelect id="board-year" label={t("board.year")} name="year" value={query.year} options={options.years} />
        <SelectField
          label={t("board.state")}
          id="board-state"
          name="state"
          defaultValue={query.state}
          options={BOARD_STATES.map((s) => ({ value: s, label: t(`demands.state.${s}`) }))}
        />
        <FilterSelect
          id="board-public"
          label={t("public.filterLabel")}
          name="public"
          value={query.publicOnly ? "1" : ""}
          allLabel={t("public.filterAll")}
          options={[{ value: "1", label: t("public.filterOnly") }]}
        />
        <SelectField
          label={t("board.group")}
          id="board-group"
          name="group"
          defaultValue={query.group}
          options={BOARD_GROUPS.map((g) => ({ value: g, label: t(`board.group.${g}`) }))}
        />
      </FilterForm>

      {rows.length === 0 ? (
        <p className="empty">{filtered ? t("list.noMatches") : t("board.empty")}</p>
      ) : (
        <>
          <p className="muted">{t("board.summary", { count: demands })}</p>
          <table className="data-table board-table">
            <thead>
              <tr>
                <th scope="col">{t("demand.ref")}</th>
                <th scope="col">{t("demand.title")}</th>
                <th scope="col">{t("board.status")}</th>
                <th scope="col">{t("board.lastActivity")}</th>
                <th scope="col">{t("demand.projectNetwork")}</th>
                <th scope="col">{t("demand.targets")}</th>
                <th scope="col">{t("board.timeline")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <Fragment key={`${row.group ?? ""}:${row.fact.id}`}>
                  {query.group !== "none" && (i === 0 || rows[i - 1].group !== row.group) ? (
                    <tr className="group-row">
                      <th scope="colgroup" colSpan={7}>
                        {groupName(row.group)} <span className="muted">{t("board.groupCount", { count: groupCounts[row.group ?? ""] ?? 0 })}</span>
                      </th>
                    </tr>
                  ) : null}
                  <tr>
                    <td className="nowrap">{row.fact.ref}</td>
                    <td>
                      <Link to={`/demands/${row.fact.id}`}>{pick(row.fact.titleJa, row.fact.titleEn)}</Link>
                      {row.fact.archived ? <span className="badge">{t("demand.archived")}</span> : null}
                      {row.fact.isPublic ? <span className="badge badge-public">{t("public.badge")}</span> : null}
                    </td>
                    <td>
                      <StatusBadge status={row.fact.status} since={row.fact.sinceOn} override={row.fact.overrideReason ? { reason: row.fact.overrideReason } : null} />
                    </td>
                    <td className="nowrap">{formatPartialDate(row.fact.lastActivityOn, locale) || "—"}</td>
                    <td>{row.fact.networkId ? names.networks[row.fact.networkId] : "—"}</td>
                    <td>{joinList(row.fact.bodyIds.map((id) => names.bodies[id] ?? ""), locale) || "—"}</td>
                    <td className="nowrap">
                      <Link to={`/demands/${row.fact.id}/timeline`} aria-label={t("board.openTimeline", { ref: row.fact.ref })}>
                        {t("board.timeline")}
                      </Link>
                    </td>
                  </tr>
                </Fragment>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Pagination page={query.page} pageCount={pageCount} total={total} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
