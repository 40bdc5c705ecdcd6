// What a record's history shows of each audit event: the fields that changed, labelled from the
// catalogs, and their values as a reader says them (names instead of ids, dates as dates, rich text
// as its words). Pure: the names of referenced records come in from history.server.ts.
import { isMessageKey, type MessageKey, type Translate } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { formatDateTime } from "~/utils/format";
import { formatPartialDate } from "~/utils/partial-date";

/** The records that have a history page, by the word in its URL (/history/request/<id>). */
export const HISTORY_TYPES = {
  demand: "Demand",
  body: "Body",
  person: "Person",
  organisation: "Organisation",
  network: "ProjectNetwork",
  request: "Request",
  round: "NegotiationRound",
  consultation: "Consultation",
  instrument: "Instrument",
  outcome: "Outcome",
  user: "User",
  "un-mechanism": "UnMechanism",
  "review-cycle": "ReviewCycle",
  "un-document": "UnDocument",
  recommendation: "Recommendation",
  membership: "MembershipFigure",
  "plan-goal": "ActivityPlanGoal",
  "activity-report": "ActivityReport",
  "counter-report": "CounterReport",
} as const;
export type HistorySlug = keyof typeof HISTORY_TYPES;
export type HistoryType = (typeof HISTORY_TYPES)[HistorySlug];

export function historyTypeOf(slug: string | undefined): HistoryType | null {
  if (!slug || !Object.prototype.hasOwnProperty.call(HISTORY_TYPES, slug)) return null;
  return HISTORY_TYPES[slug as HistorySlug];
}

export function isHistoryType(value: string): value is HistoryType {
  return (Object.values(HISTORY_TYPES) as string[]).includes(value);
}

const SLUGS = Object.fromEntries(Object.entries(HISTORY_TYPES).map(([slug, type]) => [type, slug])) as Record<HistoryType, HistorySlug>;

export function historyPath(type: HistoryType, id: string) {
  return `/history/${SLUGS[type]}/${id}`;
}

const RECORD_PATHS: Record<HistoryType, string> = {
  Demand: "/demands",
  Body: "/bodies",
  Person: "/people",
  Organisation: "/organisations",
  ProjectNetwork: "/networks",
  Request: "/requests",
  NegotiationRound: "/rounds",
  Consultation: "/consultations",
  Instrument: "/instruments",
  Outcome: "/outcomes",
  User: "/admin/users",
  UnMechanism: "/un/mechanisms",
  ReviewCycle: "/un/cycles",
  UnDocument: "/un/documents",
  Recommendation: "/un/recommendations",
  MembershipFigure: "/membership",
  ActivityPlanGoal: "/reports/goals",
  ActivityReport: "/reports",
  CounterReport: "/un/reports",
};

/** Lists that are not at their records' path: mechanisms, cycles and documents are listed on the UN page. */
const LIST_PATHS: Partial<Record<HistoryType, string>> = { UnMechanism: "/un", ReviewCycle: "/un", UnDocument: "/un", CounterReport: "/un", ActivityPlanGoal: "/reports" };

/** The record's own page. */
export function recordPath(type: HistoryType, id: string) {
  return `${RECORD_PATHS[type]}/${id}`;
}

/** The list a record of this type belongs to. */
export function listPath(type: HistoryType) {
  return LIST_PATHS[type] ?? RECORD_PATHS[type];
}

/**
 * Child records without a page of their own: their events are shown on the parent's history. The
 * parent is found by the key their audit snapshots carry, or (for events without it, such as a
 * reordering of the agenda) by the child rows that exist now.
 */
export const CHILD_TYPES: Partial<Record<HistoryType, { entityType: string; parentKey: string }>> = {
  NegotiationRound: { entityType: "AgendaItem", parentKey: "roundId" },
  Consultation: { entityType: "CommentSubmission", parentKey: "consultationId" },
  Demand: { entityType: "DemandStatusOverride", parentKey: "demandId" },
  Person: { entityType: "Affiliation", parentKey: "personId" },
  Organisation: { entityType: "OrganisationName", parentKey: "organisationId" },
  ProjectNetwork: { entityType: "ProjectNetworkPhase", parentKey: "projectNetworkId" },
  CounterReport: { entityType: "CounterReportSection", parentKey: "reportId" },
};

const ENTITY_LABELS = {
  Demand: "history.entity.Demand",
  Body: "history.entity.Body",
  Person: "history.entity.Person",
  Organisation: "history.entity.Organisation",
  ProjectNetwork: "history.entity.ProjectNetwork",
  Request: "history.entity.Request",
  NegotiationRound: "history.entity.NegotiationRound",
  Consultation: "history.entity.Consultation",
  CommentSubmission: "history.entity.CommentSubmission",
  Instrument: "history.entity.Instrument",
  Outcome: "history.entity.Outcome",
  User: "history.entity.User",
  Attachment: "history.entity.Attachment",
  AgendaItem: "history.entity.AgendaItem",
  DemandStatusOverride: "history.entity.DemandStatusOverride",
  Affiliation: "history.entity.Affiliation",
  OrganisationName: "history.entity.OrganisationName",
  ProjectNetworkPhase: "history.entity.ProjectNetworkPhase",
  UnMechanism: "history.entity.UnMechanism",
  ReviewCycle: "history.entity.ReviewCycle",
  UnDocument: "history.entity.UnDocument",
  Recommendation: "history.entity.Recommendation",
  MembershipFigure: "history.entity.MembershipFigure",
  ActivityPlanGoal: "history.entity.ActivityPlanGoal",
  ActivityReport: "history.entity.ActivityReport",
  CounterReport: "history.entity.CounterReport",
  CounterReportSection: "history.entity.CounterReportSection",
} as const satisfies Record<string, MessageKey>;

export function entityLabel(t: Translate, entityType: string) {
  return Object.prototype.hasOwnProperty.call(ENTITY_LABELS, entityType) ? t(ENTITY_LABELS[entityType as keyof typeof ENTITY_LABELS]) : entityType;
}

// ───────────── Fields ─────────────

/** Bookkeeping, or copies of another field (answerText is the answer's words; issuerBody names issuerBodyId). */
const HIDDEN = new Set(["id", "version", "createdAt", "updatedAt", "deletedAt", "createdById", "updatedById", "answerText", "sha256"]);
const HIDDEN_BY_TYPE: Record<string, string[]> = {
  Instrument: ["issuerBody"],
  Outcome: ["instrument"],
  ProjectNetwork: ["organisationNameJa", "organisationNameEn"],
  ReviewCycle: ["mechanism"],
  Recommendation: ["demandIds", "position"],
};

function isHidden(entityType: string, field: string) {
  if (HIDDEN.has(field)) return true;
  if (HIDDEN_BY_TYPE[entityType]?.includes(field)) return true;
  // A child's link to its parent never changes, and the page is the parent's.
  return Object.values(CHILD_TYPES).some((c) => c.entityType === entityType && c.parentKey === field);
}

/** The catalog prefix under which a type's field labels live ("request.sentOn"). */
const LABEL_PREFIX: Record<string, string> = {
  Demand: "demand",
  Body: "body",
  Person: "person",
  Organisation: "organisation",
  ProjectNetwork: "network",
  Request: "request",
  NegotiationRound: "round",
  Consultation: "consultation",
  CommentSubmission: "submission",
  AgendaItem: "agenda",
  Instrument: "instrument",
  Outcome: "outcome",
  User: "user",
  Affiliation: "affiliation",
  OrganisationName: "organisation.formerName",
  ProjectNetworkPhase: "network.phase",
  UnMechanism: "un.mechanism",
  ReviewCycle: "un.cycle",
  UnDocument: "un.document",
  Recommendation: "un.rec",
  MembershipFigure: "membership",
  ActivityPlanGoal: "planGoal",
  ActivityReport: "report",
  CounterReport: "report",
  CounterReportSection: "report",
};

/** Labels whose key does not follow "<prefix>.<field>". */
const FIELD_LABELS: Record<string, Record<string, MessageKey>> = {
  Demand: { parentId: "demand.parent", projectNetworkId: "demand.projectNetwork", themeIds: "demand.themes", targetIds: "demand.targets" },
  Body: { parentId: "body.parent" },
  ProjectNetwork: { organisationId: "network.organisation", phases: "network.path" },
  Request: {
    senderOrganisationId: "request.sender",
    senderNetworkId: "request.sender",
    cosignerIds: "request.cosigners",
    addresseeIds: "request.addressees",
  },
  NegotiationRound: {
    kind: "common.kind",
    requestId: "round.request",
    intermediaryBodyId: "round.intermediary",
    bodyIds: "round.bodies",
    officialIds: "round.officials",
    ourIds: "round.ours",
  },
  AgendaItem: { demandId: "agenda.demand", bodyId: "agenda.body", carriedFromId: "agenda.carriedFrom" },
  Instrument: { issuerBodyId: "instrument.issuerBody" },
  CommentSubmission: {
    senderOrganisationId: "submission.sender",
    senderNetworkId: "submission.sender",
    cosignerIds: "submission.cosigners",
    points: "submission.points",
    body: "submission.body",
  },
  Outcome: {
    demandId: "outcome.demand",
    instrumentId: "outcome.instrument",
    requestIds: "outcome.channelRequest",
    roundIds: "outcome.channelRound",
    agendaItemIds: "outcome.channelAgendaItem",
    commentPointIds: "outcome.channelCommentPoint",
    recommendationIds: "outcome.channelRecommendation",
  },
  Affiliation: { bodyId: "affiliation.body", organisationId: "affiliation.organisation", projectNetworkId: "affiliation.projectNetwork" },
  DemandStatusOverride: {
    status: "statusPage.overrideStatus",
    fromOn: "statusPage.overrideFromOn",
    reason: "statusPage.overrideReason",
    clearedAt: "statusPage.overrideLiftedAt",
  },
  User: { personId: "user.person", lockedUntil: "user.locked" },
};

/** The catalog key labelling a field, or null when the catalogs have none (the key is shown as it is). */
export function fieldLabelKey(entityType: string, field: string): MessageKey | null {
  const explicit = FIELD_LABELS[entityType]?.[field];
  if (explicit) return explicit;
  const prefix = LABEL_PREFIX[entityType];
  const candidates = [prefix ? `${prefix}.${field}` : null, `history.field.${field}`, `common.${field}`];
  if (field === "attachments") candidates.unshift("common.attachments");
  if (field === "internalNote") candidates.unshift("common.internalNote");
  return candidates.find((k): k is MessageKey => k !== null && isMessageKey(k)) ?? null;
}

/** The catalog prefix of an enumeration's values, for the field of a type. */
function enumPrefix(entityType: string, field: string): string | null {
  if (field === "kind") {
    const kinds: Record<string, string> = {
      Request: "requestKind",
      NegotiationRound: "roundKind",
      Instrument: "instrumentKind",
      Body: "bodyKind",
      Person: "personKind",
      Organisation: "organisation.kind",
      UnMechanism: "mechanismKind",
      UnDocument: "documentKind",
    };
    return kinds[entityType] ?? null;
  }
  if (field === "result" && entityType === "ActivityPlanGoal") return "report.planResult";
  if (field === "section" && entityType === "ActivityPlanGoal") return "report.section";
  if (field === "status") return entityType === "DemandStatusOverride" ? "status" : "network.status";
  const byField: Record<string, string> = { japanStatus: "japanStatus", grade: "grade", degree: "degree", assessment: "assessment", followUpStatus: "followUp", role: "role", finalTextChanged: "finalText", responseKind: "responseKind" };
  return byField[field] ?? null;
}

// ───────────── Values ─────────────

export type DisplayValue = { text: string; long: boolean } | { list: string[] } | null;
export type FieldChange = { field: string; label: string; before: DisplayValue; after: DisplayValue };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The snapshot stored with an event, as an object (anything else reads as no fields). */
export function parseSnapshot(value: string | null): Record<string, Json> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, Json>) : {};
  } catch {
    return {};
  }
}

const isEmpty = (v: Json | undefined) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
const same = (a: Json | undefined, b: Json | undefined) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);
const isIdField = (field: string) => /(Id|Ids)$/.test(field);

/**
 * The fields an event changed, in the snapshot's order: for an edit those whose value differs; for a
 * creation the fields given; for a removal without an "after", the fields the record had.
 */
export function changedFields(entityType: string, before: Record<string, Json>, after: Record<string, Json>) {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.filter((k) => !isHidden(entityType, k) && !same(before[k], after[k]));
}

/** Every id an event's changed fields name (top level and inside lists of rows), to look their names up. */
export function referencedIds(entityType: string, before: Record<string, Json>, after: Record<string, Json>) {
  const ids = new Set<string>();
  const collect = (field: string, value: Json | undefined) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((v) => collect(field, v));
    else if (typeof value === "object") Object.entries(value).forEach(([k, v]) => collect(k, v));
    else if (typeof value === "string" && isIdField(field)) ids.add(value);
  };
  for (const field of changedFields(entityType, before, after)) {
    collect(field, before[field]);
    collect(field, after[field]);
  }
  return ids;
}

type RichNode = { type?: unknown; text?: unknown; content?: unknown };
const BLOCKS = new Set(["paragraph", "heading", "blockquote", "listItem"]);

/** The words of a stored editor document: one line per paragraph, "• " before list items. Null when it is not one. */
export function richTextWords(value: string): string | null {
  if (!value.startsWith("{")) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    return null;
  }
  if (!doc || typeof doc !== "object" || (doc as RichNode).type !== "doc") return null;
  const lines: string[] = [];
  const walk = (node: RichNode, line: string[], bullet: boolean): void => {
    if (node.type === "text" && typeof node.text === "string") line.push(node.text);
    else if (node.type === "hardBreak") line.push("\n");
    const children = Array.isArray(node.content) ? (node.content as RichNode[]) : [];
    if (typeof node.type === "string" && BLOCKS.has(node.type) && node.type !== "listItem") {
      const own: string[] = [];
      children.forEach((c) => walk(c, own, false));
      const text = own.join("").trim();
      if (text) lines.push(bullet ? `• ${text}` : text);
      return;
    }
    children.forEach((c) => walk(c, line, bullet || node.type === "listItem"));
  };
  walk(doc as RichNode, [], false);
  return lines.join("\n");
}

export type ValueContext = { t: Translate; locale: Locale; names: Map<string, string> };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value as a line of text. */
function scalarText(entityType: string, field: string, value: Json, ctx: ValueContext): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? ctx.t("common.yes") : ctx.t("common.no");
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map((v) => scalarText(entityType, field, v, ctx)).join(", ");
  if (typeof value === "object") {
    // A row of a list (a request's demand with its wording, a phase, a file).
    if (typeof value.fileName === "string") return value.fileName;
    return Object.entries(value)
      .filter(([k]) => !isHidden(entityType, k) && k !== "size")
      .map(([k, v]) => scalarText(entityType, k, v, ctx))
      .filter((s) => s !== "")
      .join(" · ");
  }
  if (field === "password") return ctx.t("history.passwordChanged");
  if (isIdField(field)) return ctx.names.get(value) ?? value;
  const prefix = enumPrefix(entityType, field);
  if (prefix) {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? ctx.t(key) : value;
  }
  if (field === "locale") return value === "ja" ? ctx.t("common.japanese") : value === "en" ? ctx.t("common.english") : value;
  if (/On$/.test(field)) return formatPartialDate(value, ctx.locale);
  if (TIMESTAMP.test(value)) return formatDateTime(value, ctx.locale);
  return richTextWords(value) ?? value;
}

/** A field's value as the page shows it: text (long when it needs a block of its own), a list, or nothing. */
export function displayValue(entityType: string, field: string, value: Json | undefined, ctx: ValueContext): DisplayValue {
  if (isEmpty(value) || value === undefined) return null;
  if (Array.isArray(value)) return { list: value.map((v) => scalarText(entityType, field, v, ctx)) };
  const text = scalarText(entityType, field, value, ctx);
  if (text === "") return null;
  return { text, long: text.length > 80 || text.includes("\n") };
}

/** The changed fields of one event, labelled and readable. */
export function describeChanges(entityType: string, before: Record<string, Json>, after: Record<string, Json>, ctx: ValueContext): FieldChange[] {
  return changedFields(entityType, before, after).map((field) => {
    const key = fieldLabelKey(entityType, field);
    return {
      field,
      label: key ? ctx.t(key) : field,
      before: displayValue(entityType, field, before[field], ctx),
      after: displayValue(entityType, field, after[field], ctx),
    };
  });
}
