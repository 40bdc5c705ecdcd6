import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/react";

/** Previous / next and page numbers, keeping the list's filters in the URL. */
export function Pagination({ page, pageCount, total }: { page: number; pageCount: number; total: number }) {
  const t = useT();
  const [params] = useSearchParams();
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    if (p === 1) next.delete("page");
    else next.set("page", String(p));
    const query = next.toString();
    return query ? `?${query}` : "?";
  };
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter(
    (p) => p === 1 || p === pageCount || Math.abs(p - page) <= 2,
  );
  return (
    <nav className="pagination" aria-label={t("list.pagination")}>
      <span className="muted">{t("list.total", { total })}</span>
      {pageCount > 1 ? (
        <ul>
          <li>{page > 1 ? <Link to={hrefFor(page - 1)} rel="prev">{t("list.previous")}</Link> : <span aria-disabled="true">{t("list.previous")}</span>}</li>
          {pages.map((p, i) => (
            <li key={p}>
              {i > 0 && p - pages[i - 1] > 1 ? <span aria-hidden="true">…</span> : null}
              {p === page ? (
                <span aria-current="page">{p}</span>
              ) : (
                <Link to={hrefFor(p)} aria-label={t("list.page", { page: p })}>
                  {p}
                </Link>
              )}
            </li>
          ))}
          <li>{page < pageCount ? <Link to={hrefFor(page + 1)} rel="next">{t("list.next")}</Link> : <span aria-disabled="true">{t("list.next")}</span>}</li>
        </ul>
      ) : null}
    </nav>
  );
}

/** A column header that sorts the list by that column; a second click reverses the order. */
export function SortLink({ column, label, current, dir }: { column: string; label: string; current: string; dir: "asc" | "desc" }) {
  const [params] = useSearchParams();
  const next = new URLSearchParams(params);
  next.set("sort", column);
  next.set("dir", current === column && dir === "asc" ? "desc" : "asc");
  next.delete("page");
  const active = current === column;
  return (
    <Link to={`?${next}`} className={active ? "sorted" : undefined}>
      {label}
      {active ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
    </Link>
  );
}

export function ariaSort(column: string, current: string, dir: "asc" | "desc") {
  return current === column ? (dir === "asc" ? "ascending" : "descending") : undefined;
}
