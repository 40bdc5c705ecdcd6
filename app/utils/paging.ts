// Paging, sorting and filter parameters shared by every list screen.
export const PAGE_SIZE = 25;

export function pageFrom(params: URLSearchParams) {
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === value) ?? fallback;
}

/** A search box value: trimmed, bounded, empty → undefined. */
export function queryFrom(params: URLSearchParams, name = "q") {
  const value = (params.get(name) ?? "").trim().slice(0, 200);
  return value === "" ? undefined : value;
}

export function pageCount(total: number, size = PAGE_SIZE) {
  return Math.max(1, Math.ceil(total / size));
}

/** The SQL-side window of a page. */
export function pageWindow(page: number, size = PAGE_SIZE) {
  return { skip: (page - 1) * size, take: size };
}
