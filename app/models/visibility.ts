// The one place that decides what each audience may see (docs/decisions/017). Loaders, CSV downloads,
// the search, the read API (/api/v1) and the public page call these instead of checking roles
// themselves, and test/integration/visibility.test.ts fills every field named here with a sentinel
// and walks every route and export as each role: a field added to INTERNAL_FIELDS is checked at once.
import { hasRole } from "~/models/roles";

/** Who is looking: the public (no account, the public page), a member organisation, or our staff. */
export type Audience = "public" | "member" | "staff";

export function audienceOf(role: string | null | undefined): Audience {
  if (!role) return "public";
  return hasRole(role, "staff") ? "staff" : "member";
}

/**
 * Staff-only fields, by Prisma model. Members and the public never receive them, not even hidden in a
 * page's data: internal notes, and the contact details and notes kept on people.
 */
export const INTERNAL_FIELDS = {
  Request: ["internalNote"],
  NegotiationRound: ["internalNote"],
  AgendaItem: ["internalNote"],
  Outcome: ["internalNote"],
  Consultation: ["internalNote"],
  CommentSubmission: ["internalNote"],
  ReviewCycle: ["internalNote"],
  Recommendation: ["internalNote"],
  Person: ["email", "phone", "notes"],
} as const satisfies Record<string, readonly string[]>;

export type InternalModel = keyof typeof INTERNAL_FIELDS;

/**
 * Fields no page, export or API ever gives anyone, staff included (the full JSON export for
 * administrators excepted, which must restore accounts: docs/decisions/017).
 */
export const SECRET_FIELDS = {
  User: ["passwordHash", "failedLogins", "lockedUntil"],
  ApiToken: ["tokenHash"],
} as const satisfies Record<string, readonly string[]>;

/** What the public page may show of a demand (an allow-list: a new column stays private until named here). */
export const PUBLIC_DEMAND_FIELDS = ["id", "ref", "titleJa", "titleEn", "summaryJa", "summaryEn", "firstRaisedOn"] as const;

/** Internal notes, contact details and other staff-only fields. */
export function canSeeInternal(role: string | null | undefined) {
  return audienceOf(role) === "staff";
}

type WithInternal = { internalNote?: string | null };

/** A copy without its internal note when the role may not see it (the key stays, set to null). */
export function withoutInternal<T extends WithInternal>(record: T, role: string): T {
  if (canSeeInternal(role) || record.internalNote === undefined) return record;
  return { ...record, internalNote: null };
}

export function listWithoutInternal<T extends WithInternal>(records: T[], role: string): T[] {
  return canSeeInternal(role) ? records : records.map((r) => withoutInternal(r, role));
}

/** A record of a model with its staff-only fields set to null unless the role may see them. */
export function redact<T extends Record<string, unknown>>(model: InternalModel, record: T, role: string | null | undefined): T {
  if (canSeeInternal(role)) return record;
  const copy: Record<string, unknown> = { ...record };
  for (const field of INTERNAL_FIELDS[model]) if (field in copy) copy[field] = null;
  return copy as T;
}

/** Keys that are internal wherever they appear (the safety net for data assembled from many models). */
const INTERNAL_KEYS = new Set(["internalNote"]);

/**
 * A deep copy of loader or API data with every `internalNote` set to null, for members and the public.
 * The models already strip what they load; this is the net under data assembled from many of them.
 */
export function stripInternal<T>(value: T, role: string | null | undefined): T {
  if (canSeeInternal(role)) return value;
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = INTERNAL_KEYS.has(k) ? (v === undefined ? undefined : null) : strip(v);
    return out;
  }
  return value;
}

/** A demand as the public page may show it: only the fields in PUBLIC_DEMAND_FIELDS. */
export function publicDemand<T extends Record<(typeof PUBLIC_DEMAND_FIELDS)[number], unknown>>(demand: T) {
  const out = {} as Pick<T, (typeof PUBLIC_DEMAND_FIELDS)[number]>;
  for (const field of PUBLIC_DEMAND_FIELDS) out[field] = demand[field];
  return out;
}
