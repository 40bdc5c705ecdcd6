// The filter bar every list screen shares: a GET form that applies a select as soon as it
// changes, keeps the sort order, and offers "clear" once something is filtered.
import { Form, Link, useSubmit } from "@remix-run/react";
import { type ReactNode } from "react";
import { type Option } from "~/components/forms";
import { useT } from "~/i18n/react";

export function FilterForm({
  clearTo,
  filtered,
  sort,
  dir,
  children,
}: {
  clearTo: string;
  filtered: boolean;
  sort?: string;
  dir?: string;
  children: ReactNode;
}) {
  const t = useT();
  const submit = useSubmit();
  return (
    <Form
      method="get"
      className="filters"
      role="search"
      onChange={(e) => {
        if (e.target instanceof HTMLSelectElement) submit(e.currentTarget, { replace: true });
      }}
    >
      {children}
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {dir ? <input type="hidden" name="dir" value={dir} /> : null}
      <div className="filter-actions">
        <button type="submit">{t("list.apply")}</button>
        {filtered ? <Link to={clearTo}>{t("list.clear")}</Link> : null}
      </div>
    </Form>
  );
}

export function SearchField({ id, defaultValue, placeholder, name = "q" }: { id: string; defaultValue?: string; placeholder?: string; name?: string }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t("list.search")}</label>
      <input id={id} type="search" name={name} defaultValue={defaultValue ?? ""} placeholder={placeholder} />
    </div>
  );
}

/** A select of a list filter, whose first option is "All". */
export function FilterSelect({
  id,
  label,
  name,
  value,
  options,
  allLabel,
}: {
  id: string;
  label: string;
  name: string;
  value?: string | null;
  options: Option[];
  allLabel?: string;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{allLabel ?? t("list.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {"\u3000".repeat(o.depth ?? 0)}
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** True when any of these URL parameters is set: the list is filtered. */
export function isFiltered(params: URLSearchParams, names: string[]) {
  return names.some((n) => Boolean(params.get(n)));
}
