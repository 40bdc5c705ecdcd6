// The demand status board (routes/status-board.tsx): where every demand stands, since when, its last
// activity; filtered and grouped in memory from facts read once per change of the data
// (board.server.ts). Pure, so that the page and its CSV export share it and it is unit-tested.
import { STATUSES, type Status } from "~/models/status";

export const BOARD_GROUPS = ["status", "theme", "network", "body", "none"] as const;
export type BoardGroup = (typeof BOARD_GROUPS)[number];
export const BOARD_STATES = ["active", "archived", "all"] as const;
export type BoardState = (typeof BOARD_STATES)[number];

/** What the board knows of a demand (no text a member may not see: titles, dates, links). */
export type BoardFact = {
  id: string;
  ref: string;
  titleJa: string;
  titleEn: string;
  archived: boolean;
  /** shown on the public page (docs/decisions/018) */
  isPublic: boolean;
  networkId: string | null;
  themeIds: string[];
  bodyIds: string[];
  status: Status;
  /** partial date from which the status holds */
  sinceOn: string | null;
  /** set when staff set the status by hand */
  overrideReason: string | null;
  /** the latest date of a request, round or outcome on the demand (partial date) */
  lastActivityOn: string | null;
  /** years (YYYY) with a request, round, outcome or change of status on the demand */
  activeYears: string[];
};

export type BoardFilter = {
  state: BoardState;
  status?: Status;
  themeId?: string;
  networkId?: string;
  /** the body and every body under it */
  bodyIds?: Set<string>;
  year?: string;
  /** only the demands shown on the public page */
  publicOnly?: boolean;
};

export function filterBoard(facts: BoardFact[], f: BoardFilter): BoardFact[] {
  return facts.filter(
    (d) =>
      (f.state === "all" || d.archived === (f.state === "archived")) &&
      (!f.status || d.status === f.status) &&
      (!f.themeId || d.themeIds.includes(f.themeId)) &&
      (!f.networkId || d.networkId === f.networkId) &&
      (!f.bodyIds || d.bodyIds.some((b) => f.bodyIds?.has(b))) &&
      (!f.year || d.activeYears.includes(f.year)) &&
      (!f.publicOnly || d.isPublic),
  );
}

/** A row of the board: a demand under one group (a demand with two themes is under both when grouped by theme). */
export type BoardRow = { group: string | null; fact: BoardFact };

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest activity first, undated last, then by reference. */
export function byActivity(a: BoardFact, b: BoardFact) {
  return (a.lastActivityOn === null ? 1 : 0) - (b.lastActivityOn === null ? 1 : 0) || text(b.lastActivityOn ?? "", a.lastActivityOn ?? "") || text(a.ref, b.ref);
}

/**
 * The rows in order: by group (in `groupOrder`, a group's key being a status, theme, network or body
 * id, or null for "none"), then by last activity. Demands in no group of the kind (no theme, say)
 * come last under the null group.
 */
export function groupBoard(facts: BoardFact[], group: BoardGroup, groupOrder: string[], bodyFilter?: Set<string>): BoardRow[] {
  // Facts usually come already in this order (board.server.ts keeps them so); sorting sorted input is linear.
  const sorted = [...facts].sort(byActivity);
  if (group === "none") return sorted.map((fact) => ({ group: null, fact }));
  const keysOf = (d: BoardFact): Array<string | null> => {
    const keys =
      group === "status" ? [d.status] : group === "theme" ? d.themeIds : group === "network" ? (d.networkId ? [d.networkId] : []) : d.bodyIds.filter((b) => !bodyFilter || bodyFilter.has(b));
    return keys.length ? keys : [null];
  };
  // One bucket per group, filled in activity order, then the buckets in the groups' order.
  const buckets = new Map<string | null, BoardRow[]>();
  for (const fact of sorted) {
    for (const g of keysOf(fact)) {
      const bucket = buckets.get(g);
      if (bucket) bucket.push({ group: g, fact });
      else buckets.set(g, [{ group: g, fact }]);
    }
  }
  const rank = new Map(groupOrder.map((k, i) => [k, i]));
  const position = (g: string | null) => (g === null ? Number.MAX_SAFE_INTEGER : (rank.get(g) ?? Number.MAX_SAFE_INTEGER - 1));
  const keys = [...buckets.keys()].sort((a, b) => position(a) - position(b) || text(a ?? "", b ?? ""));
  return keys.flatMap((k) => buckets.get(k) ?? []);
}

/** The years in which any of the demands saw activity, newest first (the board's year filter). */
export function activeYears(facts: BoardFact[]): string[] {
  const years = new Set<string>();
  for (const d of facts) for (const y of d.activeYears) years.add(y);
  return [...years].sort().reverse();
}

/** The order of the status groups: furthest along first, regressed last. */
export const STATUS_GROUP_ORDER: Status[] = ["reflected", "partially_reflected", "mentioned", "not_reflected", "open", "regressed"];

export function countByGroup(rows: BoardRow[]) {
  const counts = new Map<string | null, number>();
  for (const r of rows) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
  return counts;
}

export function countByStatus(facts: BoardFact[]) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const d of facts) counts[d.status]++;
  return counts;
}
