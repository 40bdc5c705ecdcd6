// A demand's timeline: every dated thing that happened to it, from the day it was raised, merged
// into one list (requests, rounds, commitments, outcomes, status changes), and the layout of the
// "swimlane" picture drawn above it. Pure: the loader (timeline.server.ts) fetches plain rows and
// hands them here; the unit tests feed rows by hand.
import { ASSESSMENTS, isFollowUpStatus, type FollowUpStatus } from "~/models/round";
import { statusHistory, type OverrideFact, type Status, type StatusPoint } from "~/models/status";
import { addDaysIso, japanDateOf, partialDateRange } from "~/utils/partial-date";

/** The channels a reader may filter on (GET ?channel=…, several allowed). */
export const TIMELINE_CHANNELS = ["request", "round", "commitment", "outcome", "comment", "recommendation", "status"] as const;
export type TimelineChannel = (typeof TIMELINE_CHANNELS)[number];
export type EventChannel = "raised" | TimelineChannel;

/** Events of the same date come in this order: what was asked, then what was said, then what changed. */
export const CHANNEL_ORDER: readonly EventChannel[] = ["raised", "request", "round", "commitment", "outcome", "comment", "recommendation", "status"];

/** The tracks of the picture, top to bottom (status is the band behind them). */
export const SWIMLANE_TRACKS = ["request", "round", "commitment", "outcome", "comment", "recommendation"] as const;
export type SwimlaneTrack = (typeof SWIMLANE_TRACKS)[number];

/** The assessment filter of a body's answers: an assessment, or "none" for answers not assessed yet. */
export const ASSESSMENT_FILTERS = [...ASSESSMENTS, "none"] as const;
export type AssessmentFilter = (typeof ASSESSMENT_FILTERS)[number];

/** Events listed per page of a timeline (the picture shows them all): 500 on one page made a 1.5 MB page. */
export const TIMELINE_PAGE_SIZE = 25;

export const isTimelineChannel = (value: unknown): value is TimelineChannel =>
  typeof value === "string" && (TIMELINE_CHANNELS as readonly string[]).includes(value);

export { ASSESSMENTS, FOLLOW_UP_STATUSES, isAssessment, isFollowUpStatus, type Assessment, type FollowUpStatus } from "~/models/round";

// ───────────── Follow-up of commitments (shared with commitmentsDue) ─────────────

/** How many days ahead a commitment counts as "due soon". */
export const DUE_SOON_DAYS = 30;

/**
 * Where an open commitment stands on `today` (YYYY-MM-DD, Japan): overdue when its follow-up date
 * is before today, due soon when it falls within today..today+30. A partial date compares by its
 * first day ("2025-03" is due from 1 March). Done or dropped commitments are neither.
 */
export function followUpState(followUpOn: string | null | undefined, followUpStatus: string | null | undefined, today: string): "overdue" | "dueSoon" | null {
  if ((followUpStatus ?? "open") !== "open" || !followUpOn) return null;
  const start = partialDateRange(followUpOn)?.start;
  if (!start) return null;
  if (start < today) return "overdue";
  if (start <= addDaysIso(today, DUE_SOON_DAYS)) return "dueSoon";
  return null;
}

/** An open commitment as the commitments-due panel lists it (app/models/commitment.server.ts). */
export type CommitmentDue = {
  /** the agenda item */
  id: string;
  commitmentJa: string | null;
  commitmentEn: string | null;
  /** partial ISO date */
  followUpOn: string;
  /** its first day */
  dueOn: string;
  /** days from today to dueOn: negative when overdue */
  days: number;
  demand: { id: string; ref: string; titleJa: string; titleEn: string };
  body: { id: string; nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null } | null;
  round: { id: string; titleJa: string; titleEn: string; heldOn: string };
};

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ───────────── Input rows ─────────────

export type BodyRef = { id: string; nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null };

export type TimelineRequestItemRow = {
  id: string;
  position: number;
  wordingJa: string | null;
  wordingEn: string | null;
  request: { id: string; kind: string; titleJa: string; titleEn: string; sentOn: string; internalNote: string | null; addressees: BodyRef[] };
};

export type TimelineAgendaItemRow = {
  id: string;
  position: number;
  questionJa: string | null;
  questionEn: string | null;
  /** the answer as safe HTML (rendered on the server), or "" */
  answerHtml: string;
  answerText: string | null;
  assessment: string | null;
  commitmentJa: string | null;
  commitmentEn: string | null;
  followUpOn: string | null;
  followUpStatus: string | null;
  followUpNote: string | null;
  internalNote: string | null;
  body: BodyRef | null;
  round: { id: string; kind: string; titleJa: string; titleEn: string; heldOn: string; internalNote: string | null };
};

export type TimelineOutcomeRow = {
  id: string;
  degree: string;
  occurredOn: string;
  quoteJa: string | null;
  quoteEn: string | null;
  sourceUrl: string | null;
  note: string | null;
  internalNote: string | null;
  createdAt: Date | string;
  instrument: { id: string; kind: string; titleJa: string; titleEn: string; issuerBody: BodyRef | null } | null;
  /** The UN recommendations the outcome was reached through (its channels). */
  recommendations?: Array<{ id: string; paragraph: string; symbol: string | null; titleJa: string; titleEn: string }>;
};

/** A point of our public-comment submission about the demand, with the government's answer (no internal notes). */
export type TimelineCommentRow = {
  id: string;
  textJa: string | null;
  textEn: string | null;
  responseSummary: string | null;
  responseAnswer: string | null;
  responseKind: string | null;
  submission: { id: string; submittedOn: string };
  consultation: { id: string; titleJa: string; titleEn: string; caseNumber: string | null; finalTextChanged: string | null; issuerBody: BodyRef | null };
};

/** A UN recommendation linked to the demand, dated by its document (members see it; it has no internal note here). */
export type TimelineRecommendationRow = {
  id: string;
  paragraph: string;
  headingJa: string | null;
  headingEn: string | null;
  textEn: string;
  grade: string | null;
  followUp: boolean;
  document: { id: string; kind: string; symbol: string | null; titleJa: string; titleEn: string; issuedOn: string | null; mechanism: string };
};

export type TimelineInput = {
  firstRaisedOn: string | null;
  requestItems: TimelineRequestItemRow[];
  agendaItems: TimelineAgendaItemRow[];
  /** not deleted */
  outcomes: TimelineOutcomeRow[];
  /** points of live submissions to live consultations (docs/decisions/011) */
  comments?: TimelineCommentRow[];
  overrides: OverrideFact[];
  /** UN recommendations linked to the demand (a document without a date gives no event) */
  recommendations?: TimelineRecommendationRow[];
  /** YYYY-MM-DD in Japan */
  today: string;
};

export type TimelineFilter = {
  /** empty or missing: every channel */
  channels?: readonly TimelineChannel[];
  /** a body and the bodies below it; null: any body */
  bodyIds?: ReadonlySet<string> | null;
  order?: "asc" | "desc";
};

// ───────────── Output events ─────────────

type EventBase = {
  /** unique within one timeline, usable as an HTML id */
  key: string;
  /** the partial ISO date the event is dated by; events sort on it as text */
  date: string;
  /** its first day (YYYY-MM-DD), where the picture places it */
  start: string | null;
};

export type RaisedEvent = EventBase & { channel: "raised" };
export type RequestEvent = EventBase & {
  channel: "request";
  request: TimelineRequestItemRow["request"];
  itemId: string;
  position: number;
  wordingJa: string | null;
  wordingEn: string | null;
};
export type RoundEvent = EventBase & {
  channel: "round";
  round: Omit<TimelineAgendaItemRow["round"], "internalNote">;
  /** the round's internal note, given once per round (on its first listed item) */
  roundInternalNote: string | null;
  item: Omit<TimelineAgendaItemRow, "round" | "body">;
  body: BodyRef | null;
};
export type CommitmentEvent = EventBase & {
  channel: "commitment";
  round: Omit<TimelineAgendaItemRow["round"], "internalNote">;
  itemId: string;
  body: BodyRef | null;
  commitmentJa: string | null;
  commitmentEn: string | null;
  followUpOn: string | null;
  followUpStatus: FollowUpStatus;
  followUpNote: string | null;
  overdue: boolean;
  dueSoon: boolean;
};
export type OutcomeEvent = EventBase & {
  channel: "outcome";
  outcome: Omit<TimelineOutcomeRow, "createdAt" | "instrument">;
  instrument: TimelineOutcomeRow["instrument"];
};
export type CommentEvent = EventBase & {
  channel: "comment";
  point: Omit<TimelineCommentRow, "submission" | "consultation">;
  submission: TimelineCommentRow["submission"];
  consultation: TimelineCommentRow["consultation"];
};

export type RecommendationEvent = EventBase & {
  channel: "recommendation";
  recommendation: Omit<TimelineRecommendationRow, "document">;
  document: TimelineRecommendationRow["document"];
};
export type StatusEvent = EventBase & {
  channel: "status";
  status: Status;
  previous: Status | null;
  derived: Status;
  override: StatusPoint["override"];
};
export type TimelineEvent = RaisedEvent | RequestEvent | RoundEvent | CommitmentEvent | OutcomeEvent | CommentEvent | RecommendationEvent | StatusEvent;

const startOf = (partial: string | null | undefined) => (partial ? (partialDateRange(partial)?.start ?? null) : null);
const createdIso = (d: Date | string) => new Date(d).toISOString();
const pad = (n: number) => String(n).padStart(6, "0");

/** The source dates of each status change, so that a change reads "2008-01" when an outcome of January 2008 caused it. */
function statusDates(input: TimelineInput) {
  const byDay = new Map<string, string>();
  const offer = (day: string | null, date: string) => {
    if (!day) return;
    const current = byDay.get(day);
    // The most precise source wins: the change then sorts after every source of that day.
    if (!current || date.length > current.length) byDay.set(day, date);
  };
  for (const o of input.outcomes) offer(startOf(o.occurredOn), o.occurredOn);
  for (const o of input.overrides) {
    offer(startOf(o.fromOn), o.fromOn);
    if (o.clearedAt) {
      const day = japanDateOf(new Date(o.clearedAt));
      offer(day, day);
    }
  }
  return byDay;
}

/** The status history of the demand (for the band of the picture and for the status events). */
export function timelineStatusHistory(input: Pick<TimelineInput, "outcomes" | "overrides" | "firstRaisedOn">): StatusPoint[] {
  return statusHistory(
    input.outcomes.map((o) => ({ id: o.id, degree: o.degree, occurredOn: o.occurredOn, instrumentId: o.instrument?.id ?? null, createdAt: o.createdAt })),
    input.overrides,
    input.firstRaisedOn,
  );
}

type Sortable = { event: TimelineEvent; tie: string };

function allEvents(input: TimelineInput, history: StatusPoint[]): Sortable[] {
  const out: Sortable[] = [];
  if (input.firstRaisedOn) {
    out.push({ event: { key: "raised", channel: "raised", date: input.firstRaisedOn, start: startOf(input.firstRaisedOn) }, tie: "" });
  }
  for (const row of input.requestItems) {
    out.push({
      event: {
        key: `request-${row.id}`,
        channel: "request",
        date: row.request.sentOn,
        start: startOf(row.request.sentOn),
        request: row.request,
        itemId: row.id,
        position: row.position,
        wordingJa: row.wordingJa,
        wordingEn: row.wordingEn,
      },
      tie: `${row.request.titleJa}\u0000${row.request.id}`,
    });
  }
  for (const row of input.agendaItems) {
    const { round, body, ...item } = row;
    const { internalNote: _roundNote, ...roundPublic } = round;
    const tie = `${round.id}\u0000${pad(row.position)}\u0000${row.id}`;
    out.push({
      event: { key: `round-${row.id}`, channel: "round", date: round.heldOn, start: startOf(round.heldOn), round: roundPublic, roundInternalNote: null, item, body },
      tie,
    });
    if (row.commitmentJa || row.commitmentEn || row.followUpOn) {
      const status: FollowUpStatus = isFollowUpStatus(row.followUpStatus) ? row.followUpStatus : "open";
      const date = row.followUpOn ?? round.heldOn;
      const state = followUpState(row.followUpOn, status, input.today);
      out.push({
        event: {
          key: `commitment-${row.id}`,
          channel: "commitment",
          date,
          start: startOf(date),
          round: roundPublic,
          itemId: row.id,
          body,
          commitmentJa: row.commitmentJa,
          commitmentEn: row.commitmentEn,
          followUpOn: row.followUpOn,
          followUpStatus: status,
          followUpNote: row.followUpNote,
          overdue: state === "overdue",
          dueSoon: state === "dueSoon",
        },
        tie,
      });
    }
  }
  for (const row of input.outcomes) {
    const { createdAt, instrument, ...outcome } = row;
    out.push({
      event: { key: `outcome-${row.id}`, channel: "outcome", date: row.occurredOn, start: startOf(row.occurredOn), outcome, instrument },
      tie: `${createdIso(createdAt)}\u0000${row.id}`,
    });
  }
  for (const row of input.comments ?? []) {
    const { submission, consultation, ...point } = row;
    out.push({
      event: { key: `comment-${row.id}`, channel: "comment", date: submission.submittedOn, start: startOf(submission.submittedOn), point, submission, consultation },
      tie: `${consultation.id}\u0000${submission.id}\u0000${row.id}`,
    });
  }
  for (const row of input.recommendations ?? []) {
    const { document, ...recommendation } = row;
    if (!document.issuedOn) continue;
    out.push({
      event: { key: `recommendation-${row.id}`, channel: "recommendation", date: document.issuedOn, start: startOf(document.issuedOn), recommendation, document },
      tie: `${document.symbol ?? document.id}\u0000${String(parseInt(row.paragraph, 10) || 0).padStart(6, "0")}\u0000${row.paragraph}\u0000${row.id}`,
    });
  }
  const dates = statusDates(input);
  history.forEach((point, i) => {
    // The first "open" is the day the demand was raised, already an event of its own.
    if (i === 0 && input.firstRaisedOn && point.status === "open" && !point.override && !point.outcomeId) return;
    const date = dates.get(point.on) ?? point.on;
    out.push({
      event: {
        key: `status-${i}`,
        channel: "status",
        date,
        start: point.on,
        status: point.status,
        previous: i > 0 ? history[i - 1].status : null,
        derived: point.derived,
        override: point.override,
      },
      tie: pad(i),
    });
  });
  return out;
}

function compare(a: Sortable, b: Sortable) {
  if (a.event.date !== b.event.date) return a.event.date < b.event.date ? -1 : 1;
  const channel = CHANNEL_ORDER.indexOf(a.event.channel) - CHANNEL_ORDER.indexOf(b.event.channel);
  if (channel !== 0) return channel;
  return a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0;
}

function matchesBody(event: TimelineEvent, bodyIds: ReadonlySet<string>) {
  switch (event.channel) {
    case "request":
      return event.request.addressees.some((b) => bodyIds.has(b.id));
    case "round":
    case "commitment":
      return Boolean(event.body && bodyIds.has(event.body.id));
    case "outcome":
      return Boolean(event.instrument?.issuerBody && bodyIds.has(event.instrument.issuerBody.id));
    case "comment":
      return Boolean(event.consultation.issuerBody && bodyIds.has(event.consultation.issuerBody.id));
    default:
      // Being raised and changing status concern the demand, not one body.
      return false;
  }
}

function matchesChannel(event: TimelineEvent, channels: readonly TimelineChannel[]) {
  if (channels.length === 0) return true;
  return event.channel !== "raised" && channels.includes(event.channel);
}

export type Timeline = {
  events: TimelineEvent[];
  /** every status change, oldest first, whatever the filters */
  history: StatusPoint[];
  /** events per channel before filtering */
  counts: Record<EventChannel, number>;
};

/**
 * The events of one demand, sorted: partial dates as text ("2008" before "2008-01" before
 * "2008-01-15"), events of the same date in CHANNEL_ORDER, then in a fixed order within a channel.
 * With a channel filter only those channels (the "raised" event only without one); with a body
 * filter only what concerns that body: requests addressed to it, items it answered (and their
 * commitments), outcomes whose instrument it issued.
 */
export function buildTimeline(input: TimelineInput, filter: TimelineFilter = {}): Timeline {
  const history = timelineStatusHistory(input);
  const sorted = allEvents(input, history).sort(compare);
  const counts = Object.fromEntries(CHANNEL_ORDER.map((c) => [c, 0])) as Record<EventChannel, number>;
  for (const { event } of sorted) counts[event.channel] += 1;

  const channels = filter.channels ?? [];
  let events = sorted.map((s) => s.event).filter((e) => matchesChannel(e, channels));
  if (filter.bodyIds) {
    const ids = filter.bodyIds;
    events = events.filter((e) => matchesBody(e, ids));
  }

  // A round's internal note is told once, on the first of its items that is shown.
  const notes = new Map(input.agendaItems.map((row) => [row.round.id, row.round.internalNote]));
  const told = new Set<string>();
  events = events.map((e) => {
    if (e.channel !== "round" || told.has(e.round.id)) return e;
    told.add(e.round.id);
    return { ...e, roundInternalNote: notes.get(e.round.id) ?? null };
  });

  if (filter.order === "desc") events.reverse();
  return { events, history, counts };
}

// ───────────── The swimlane picture ─────────────

export const SWIMLANE = {
  width: 1100,
  left: 150,
  right: 28,
  top: 30,
  trackHeight: 36,
  statusHeight: 16,
  gap: 6,
  axisHeight: 34,
  markSize: 11,
  /** width of the cut at the right end when the axis skips quiet years up to today */
  breakWidth: 64,
  /** the axis is cut when today lies more than this many years after the last event */
  quietYears: 3,
} as const;

export type SwimlaneMark = {
  key: string;
  track: SwimlaneTrack;
  x: number;
  y: number;
  event: TimelineEvent;
};

export type SwimlaneLayout = {
  width: number;
  height: number;
  /** from the first of January of the first year to the first of January after the last */
  domain: { start: string; end: string };
  years: Array<{ year: number; x: number; label: boolean }>;
  tracks: Array<{ track: SwimlaneTrack; y: number; top: number; height: number }>;
  marks: SwimlaneMark[];
  /** the status band: one segment per status period, up to today */
  band: Array<{ x1: number; x2: number; status: Status; from: string; until: string }>;
  statusRow: { top: number; height: number };
  today: { x: number; day: string };
  /** where the axis is cut when nothing happened for years before today (null: not cut) */
  axisBreak: { x1: number; x2: number } | null;
  plot: { left: number; right: number; top: number; bottom: number };
};

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Where each mark, year and status period goes. Marks sit at the first day of their (partial)
 * date; marks too close on one track are spread over three rows so that none hides another.
 */
export function swimlaneLayout(events: TimelineEvent[], history: StatusPoint[], today: string): SwimlaneLayout {
  const g = SWIMLANE;
  const placed = events.filter((e): e is TimelineEvent & { channel: SwimlaneTrack } => (SWIMLANE_TRACKS as readonly string[]).includes(e.channel) && e.start !== null);
  const eventDays = [...placed.map((e) => e.start as string), ...history.map((p) => p.on)].sort();
  const days = [...eventDays, today].sort();
  const firstYear = Number(days[0].slice(0, 4));
  const lastEventYear = eventDays.length ? Number(eventDays[eventDays.length - 1].slice(0, 4)) : Number(today.slice(0, 4));
  // Decades of quiet before today would squeeze every mark into the left edge: then the axis runs to
  // the year after the last event, and a cut at the right end stands for the quiet years up to today.
  const cut = Number(today.slice(0, 4)) - lastEventYear > g.quietYears;
  const lastYear = cut ? lastEventYear + 1 : Number(days[days.length - 1].slice(0, 4));
  const domain = { start: `${firstYear}-01-01`, end: `${lastYear + 1}-01-01` };
  const plotLeft = g.left;
  const plotRight = g.width - g.right;
  const axisRight = cut ? plotRight - g.breakWidth : plotRight;
  const span = dayNumber(domain.end) - dayNumber(domain.start);
  const x = (day: string) => {
    if (cut && day > domain.end) return plotRight;
    return plotLeft + ((dayNumber(day) - dayNumber(domain.start)) / span) * (axisRight - plotLeft);
  };
  const round1 = (n: number) => Math.round(n * 10) / 10;

  const tracks = SWIMLANE_TRACKS.map((track, i) => {
    const top = g.top + i * g.trackHeight;
    return { track, top, height: g.trackHeight, y: top + g.trackHeight / 2 };
  });
  const tracksBottom = g.top + SWIMLANE_TRACKS.length * g.trackHeight;
  const statusRow = { top: tracksBottom + g.gap, height: g.statusHeight };
  const height = statusRow.top + statusRow.height + g.axisHeight;

  const yearCount = lastYear + 1 - firstYear;
  const perYear = (axisRight - plotLeft) / yearCount;
  const step = [1, 2, 5, 10, 20, 50].find((s) => perYear * s >= 44) ?? 100;
  const years = Array.from({ length: yearCount + 1 }, (_, i) => firstYear + i).map((year) => ({
    year,
    x: round1(x(`${year}-01-01`)),
    label: year < lastYear + 1 && (year - firstYear) % step === 0,
  }));

  // Spread marks that would overlap: rows at the track's middle, above, below.
  const offsets = [0, -10, 10];
  const marks: SwimlaneMark[] = [];
  for (const t of tracks) {
    const lastX = offsets.map(() => -Infinity);
    const onTrack = placed.filter((e) => e.channel === t.track).sort((a, b) => (a.start as string).localeCompare(b.start as string));
    for (const event of onTrack) {
      const mx = x(event.start as string);
      let row = lastX.findIndex((lx) => mx - lx >= g.markSize);
      if (row === -1) row = 0;
      lastX[row] = mx;
      marks.push({ key: event.key, track: t.track, x: round1(mx), y: t.y + offsets[row], event });
    }
  }

  const band = history
    .map((p, i) => ({ from: p.on, until: i + 1 < history.length ? history[i + 1].on : today, status: p.status }))
    .filter((s) => s.from < s.until)
    .map((s) => ({ ...s, x1: round1(x(s.from)), x2: round1(x(s.until)) }));

  return {
    width: g.width,
    height,
    domain,
    years,
    tracks,
    marks,
    band,
    statusRow,
    today: { x: round1(x(today)), day: today },
    axisBreak: cut ? { x1: axisRight, x2: plotRight } : null,
    plot: { left: plotLeft, right: plotRight, top: g.top, bottom: statusRow.top + statusRow.height },
  };
}
