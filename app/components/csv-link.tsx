// The "Download CSV" link of a list screen: the list's own URL parameters (filters and order) on its
// CSV route, without the page, so the file holds every row the filters keep, sorted like the list
// (docs/decisions/017). The routes are app/routes/<list>[.]csv.ts.
import { useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/react";

/** The CSV route's href for the list's current parameters (without `page` and the names in `drop`). */
export function csvHref(path: string, params: URLSearchParams, drop: string[] = []) {
  const next = new URLSearchParams(params);
  for (const name of ["page", ...drop]) next.delete(name);
  return next.size ? `${path}?${next.toString()}` : path;
}

export function CsvLink({ path, drop, hint }: { path: string; drop?: string[]; hint?: string }) {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <a href={csvHref(path, params, drop)} className="button" download title={hint ?? t("csv.hint")}>
      {t("demands.exportCsv")}
    </a>
  );
}
