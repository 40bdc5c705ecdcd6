// A demand's status is the history of its outcomes, not a field someone forgets to update.
// See docs/decisions/006-demand-status.md for the rules; this module is pure and unit-tested.
import { japanDateOf, partialDateRange } from "~/utils/partial-date";

export const DEGREES = ["not_reflected", "mentioned", "partially_reflected", "reflected", "regressed"] as const;
export type Degree = (typeof DEGREES)[number];
/** "open": raised, no outcome yet. */
export const STATUSES = ["open", ...DEGREES] as const;
export type Status = (typeof STATUSES)[number];

export function isDegree(value: unknown): value is Degree {
  return typeof value === "string" && (DEGREES as readonly string[]).includes(value);
}
export function isStatus(value: unknown): value is Status {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

/** How far a degree goes towards the demand; regressed is below not reflected. */
const RANK: Record<Degree, number> = { regressed: -1, not_reflected: 0, mentioned: 1, partially_reflected: 2, reflected: 3 };

export type OutcomeFact = {
  id: string;
  degree: string;
  /** partial ISO date */
  occurredOn: string;
  instrumentId: string | null;
  createdAt?: Date | string;
};

export type OverrideFact = {
  id: string;
  status: string;
  reason: string;
  /** partial ISO date */
  fromOn: string;
  clearedAt: Date | string | null;
  createdAt?: Date | string;
};

export type StatusPoint = {
  /** YYYY-MM-DD: the day the status took this value */
  on: string;
  status: Status;
  derived: Status;
  override: { id: string; status: Status; reason: string; fromOn: string } | null;
  /** the outcome that set the derived status at this point, if any */
  outcomeId: string | null;
};

const startOf = (partial: string) => partialDateRange(partial)?.start ?? null;
const createdKey = (d: Date | string | undefined) => (d ? new Date(d).getTime() : 0);

/** The derived status from the outcomes known on day `day` (YYYY-MM-DD). */
function deriveAt(outcomes: Array<OutcomeFact & { start: string }>, day: string): { status: Status; outcomeId: string | null } {
  const known = outcomes.filter((o) => o.start <= day);
  if (known.length === 0) return { status: "open", outcomeId: null };
  // Per instrument, its latest word on the demand. An outcome without an instrument stands alone.
  const standing = new Map<string, OutcomeFact & { start: string }>();
  for (const o of known) standing.set(o.instrumentId ?? `outcome:${o.id}`, o);
  const latest = known[known.length - 1];
  if (latest.degree === "regressed") return { status: "regressed", outcomeId: latest.id };
  let best: (OutcomeFact & { start: string }) | null = null;
  for (const o of standing.values()) {
    if (o.degree === "regressed") continue;
    if (!best || RANK[o.degree as Degree] > RANK[best.degree as Degree] || (RANK[o.degree as Degree] === RANK[best.degree as Degree] && o.start > best.start)) best = o;
  }
  if (!best) return { status: "regressed", outcomeId: latest.id };
  return { status: best.degree as Degree, outcomeId: best.id };
}

function overrideAt(overrides: Array<OverrideFact & { start: string; end: string | null }>, day: string) {
  const active = overrides.filter((o) => o.start <= day && (o.end === null || o.end > day));
  return active.length ? active[active.length - 1] : null;
}

/**
 * Every change of status, in date order. The first point is the day the demand was raised (or the
 * first outcome) with "open"; a point is added only where the status (derived or overridden) changes.
 */
export function statusHistory(outcomeList: OutcomeFact[], overrideList: OverrideFact[], firstRaisedOn?: string | null): StatusPoint[] {
  const outcomes = outcomeList
    .filter((o) => isDegree(o.degree))
    .map((o) => ({ ...o, start: startOf(o.occurredOn) }))
    .filter((o): o is OutcomeFact & { start: string } => o.start !== null)
    .sort((a, b) => a.start.localeCompare(b.start) || createdKey(a.createdAt) - createdKey(b.createdAt));
  const overrides = overrideList
    .filter((o) => isStatus(o.status))
    .map((o) => ({ ...o, start: startOf(o.fromOn), end: o.clearedAt ? japanDateOf(new Date(o.clearedAt)) : null }))
    .filter((o): o is OverrideFact & { start: string; end: string | null } => o.start !== null)
    .sort((a, b) => a.start.localeCompare(b.start) || createdKey(a.createdAt) - createdKey(b.createdAt));

  const days = new Set<string>();
  for (const o of outcomes) days.add(o.start);
  for (const o of overrides) {
    days.add(o.start);
    if (o.end) days.add(o.end);
  }
  const raised = firstRaisedOn ? startOf(firstRaisedOn) : null;
  const ordered = [...days].sort();
  const first = raised && (!ordered.length || raised < ordered[0]) ? raised : null;

  const points: StatusPoint[] = [];
  if (first) points.push({ on: first, status: "open", derived: "open", override: null, outcomeId: null });
  for (const day of ordered) {
    const derived = deriveAt(outcomes, day);
    const ov = overrideAt(overrides, day);
    const status = ov ? (ov.status as Status) : derived.status;
    const previous = points[points.length - 1];
    const override = ov ? { id: ov.id, status: ov.status as Status, reason: ov.reason, fromOn: ov.fromOn } : null;
    if (previous && previous.status === status && previous.override?.id === override?.id) continue;
    points.push({ on: day, status, derived: derived.status, override, outcomeId: derived.outcomeId });
  }
  return points;
}

export type StatusAsOf = {
  status: Status;
  derived: Status;
  /** the day the status last changed, or null when nothing is known */
  since: string | null;
  override: StatusPoint["override"];
  outcomeId: string | null;
};

/** The status on a given day (YYYY-MM-DD, or any partial date: its first day). */
export function statusAsOf(outcomes: OutcomeFact[], overrides: OverrideFact[], asOf: string, firstRaisedOn?: string | null): StatusAsOf {
  const day = startOf(asOf) ?? asOf;
  const history = statusHistory(outcomes, overrides, firstRaisedOn).filter((p) => p.on <= day);
  const point = history[history.length - 1];
  if (!point) return { status: "open", derived: "open", since: null, override: null, outcomeId: null };
  return { status: point.status, derived: point.derived, since: point.on, override: point.override, outcomeId: point.outcomeId };
}
