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

// ───────────── The public page (docs/decisions/018) ─────────────

/**
 * An allow-list: `true` keeps a field as it is, a nested list keeps the named fields of an object
 * (null stays null), `[list]` does so for each element of an array. Anything not named is dropped.
 */
type FieldList = { readonly [field: string]: true | FieldList | readonly [FieldList] };

type Allowed<T, L> = T extends null | undefined
  ? T
  : { [K in keyof L & keyof T]: L[K] extends true ? T[K] : L[K] extends readonly [infer E] ? (T[K] extends ReadonlyArray<infer U> ? Array<Allowed<U, E>> : never) : Allowed<T[K], L[K]> };

function allowed(list: FieldList, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => allowed(list, v));
  if (typeof value !== "object") return undefined;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, rule] of Object.entries(list)) {
    if (!(field in record)) continue;
    const v = record[field];
    if (rule === true) out[field] = v;
    else if (Array.isArray(rule)) out[field] = Array.isArray(v) ? v.map((x) => allowed(rule[0], x)) : undefined;
    else out[field] = allowed(rule as FieldList, v);
  }
  return out;
}

const BODY = { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } as const;
const THEME = { id: true, nameJa: true, nameEn: true } as const;
const EVENT = { key: true, channel: true, date: true } as const;

/**
 * Everything the public page may send, per record type. A field not named here never leaves the
 * server on a public route, whatever the loader read: internal notes, people, networks, the
 * demand's long text, our assessments of answers, the answers' minutes, follow-up plans, status
 * override reasons and outcome notes stay private (why: docs/decisions/018).
 */
export const PUBLIC_FIELDS = {
  /** a row of /public */
  listedDemand: { id: true, ref: true, titleJa: true, titleEn: true, archived: true, status: true, sinceOn: true, themes: [THEME], targetBodies: [BODY] },
  /** the head of /public/demands/<id> */
  demand: {
    id: true,
    ref: true,
    titleJa: true,
    titleEn: true,
    summaryJa: true,
    summaryEn: true,
    firstRaisedOn: true,
    archived: true,
    status: true,
    sinceOn: true,
    themes: [THEME],
    targetBodies: [BODY],
  },
  /** timeline events by channel; a channel missing here (commitments: our follow-up plans) is not public */
  event: {
    raised: EVENT,
    request: { ...EVENT, request: { kind: true, titleJa: true, titleEn: true, sentOn: true, addressees: [BODY] }, position: true, wordingJa: true, wordingEn: true },
    round: {
      ...EVENT,
      round: { kind: true, titleJa: true, titleEn: true, heldOn: true },
      body: BODY,
      item: { questionJa: true, questionEn: true, commitmentJa: true, commitmentEn: true },
    },
    outcome: {
      ...EVENT,
      outcome: { degree: true, occurredOn: true, quoteJa: true, quoteEn: true, sourceUrl: true },
      instrument: { kind: true, titleJa: true, titleEn: true, issuerBody: BODY },
    },
    comment: {
      ...EVENT,
      point: { textJa: true, textEn: true, responseSummary: true, responseAnswer: true, responseKind: true },
      submission: { submittedOn: true },
      consultation: { titleJa: true, titleEn: true, caseNumber: true, finalTextChanged: true, issuerBody: BODY },
    },
    recommendation: {
      ...EVENT,
      recommendation: { paragraph: true, headingJa: true, headingEn: true, textEn: true, grade: true, followUp: true },
      document: { kind: true, symbol: true, titleJa: true, titleEn: true, issuedOn: true, mechanism: true },
    },
    status: { ...EVENT, status: true, previous: true },
  },
} as const satisfies { listedDemand: FieldList; demand: FieldList; event: Record<string, FieldList> };

export type PublicEventChannel = keyof typeof PUBLIC_FIELDS.event;
export const PUBLIC_EVENT_CHANNELS = Object.keys(PUBLIC_FIELDS.event) as PublicEventChannel[];

/** A list row or the head of the public demand page, cut down to PUBLIC_FIELDS. */
export function toPublic<K extends "listedDemand" | "demand", T>(kind: K, record: T): Allowed<T, (typeof PUBLIC_FIELDS)[K]> {
  return allowed(PUBLIC_FIELDS[kind], record) as Allowed<T, (typeof PUBLIC_FIELDS)[K]>;
}

type EventOf<E, C> = E extends { channel: C } ? E : never;
export type PublicEvent<E extends { channel: string }> = {
  [C in PublicEventChannel]: Allowed<EventOf<E, C>, (typeof PUBLIC_FIELDS.event)[C]>;
}[PublicEventChannel];

/** A timeline event cut down to its channel's PUBLIC_FIELDS; null for a channel the public does not see. */
export function toPublicEvent<E extends { channel: string }>(event: E): PublicEvent<E> | null {
  const list: FieldList | undefined = (PUBLIC_FIELDS.event as Record<string, FieldList>)[event.channel];
  if (!list) return null;
  return allowed(list, event) as PublicEvent<E>;
}
