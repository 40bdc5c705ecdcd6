// What the swimlane picture of a timeline needs, computed on the server: the layout, and for each
// mark its place, its look and the text of its tooltip. The page sends this instead of every event:
// with the list of events paged, a 500-event timeline no longer ships all its events to the browser
// (it was a 1.5 MB page; docs/decisions/008-performance-budgets.md). Pure.
import { translator } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { isResponseKind } from "~/models/consultation";
import { DEGREES, type Degree, type StatusPoint } from "~/models/status";
import { isAssessment, SWIMLANE, SWIMLANE_TRACKS, swimlaneLayout, type SwimlaneLayout, type SwimlaneTrack, type TimelineEvent } from "~/models/timeline";
import { formatPartialDate } from "~/utils/partial-date";

/** How a mark is drawn (app/components/timeline-swimlane.tsx maps each to a shape and colours). */
export type MarkLook =
  | "request"
  | "round"
  | "commitment-open"
  | "commitment-overdue"
  | "commitment-done"
  | "commitment-dropped"
  | `outcome-${Degree}`
  | "comment"
  | "recommendation";

export type Shape = "circle" | "square" | "diamond" | "triangle-up" | "triangle-down";
export type Look = { shape: Shape; fill: string; stroke: string };

/** Outcomes: shape and colour by degree, so that the picture reads without colour too. */
export const DEGREE_LOOK: Record<Degree, Look> = {
  reflected: { shape: "circle", fill: "#1e6b3a", stroke: "#0f3d20" },
  partially_reflected: { shape: "triangle-up", fill: "#6aa84f", stroke: "#3d6b2a" },
  mentioned: { shape: "diamond", fill: "#d9a400", stroke: "#8a6800" },
  not_reflected: { shape: "square", fill: "#8a8f99", stroke: "#4a5263" },
  regressed: { shape: "triangle-down", fill: "#b3261e", stroke: "#6e140f" },
};
export const REQUEST_LOOK: Look = { shape: "square", fill: "#1f5fa8", stroke: "#123b6b" };
export const ROUND_LOOK: Look = { shape: "circle", fill: "#4a5263", stroke: "#1d2330" };
export const COMMENT_LOOK: Look = { shape: "square", fill: "#ffffff", stroke: "#1f5fa8" };
/** UN recommendations: the UN's blue, a shape no other track uses alone. */
export const RECOMMENDATION_LOOK: Look = { shape: "triangle-up", fill: "#5b92e5", stroke: "#1f4e8c" };
export const COMMITMENT_LOOK = {
  open: { shape: "diamond", fill: "#ffffff", stroke: "#8a6800" },
  overdue: { shape: "diamond", fill: "#b3261e", stroke: "#6e140f" },
  done: { shape: "diamond", fill: "#1e6b3a", stroke: "#0f3d20" },
  dropped: { shape: "diamond", fill: "#c3c8d1", stroke: "#5f6778" },
} satisfies Record<string, Look>;

const LOOKS: Record<MarkLook, Look> = {
  request: REQUEST_LOOK,
  round: ROUND_LOOK,
  "commitment-open": COMMITMENT_LOOK.open,
  "commitment-overdue": COMMITMENT_LOOK.overdue,
  "commitment-done": COMMITMENT_LOOK.done,
  "commitment-dropped": COMMITMENT_LOOK.dropped,
  "outcome-reflected": DEGREE_LOOK.reflected,
  "outcome-partially_reflected": DEGREE_LOOK.partially_reflected,
  "outcome-mentioned": DEGREE_LOOK.mentioned,
  "outcome-not_reflected": DEGREE_LOOK.not_reflected,
  "outcome-regressed": DEGREE_LOOK.regressed,
  comment: COMMENT_LOOK,
  recommendation: RECOMMENDATION_LOOK,
};

/** The SVG element of a mark's shape centred on (x, y). */
export function markGeometry(shape: Shape, x: number, y: number, size: number): { tag: "circle" | "rect" | "polygon"; attributes: Record<string, number | string> } {
  const r = size / 2;
  switch (shape) {
    case "circle":
      return { tag: "circle", attributes: { cx: x, cy: y, r } };
    case "square":
      return { tag: "rect", attributes: { x: x - r * 0.9, y: y - r * 0.9, width: r * 1.8, height: r * 1.8 } };
    case "diamond":
      return { tag: "polygon", attributes: { points: `${x},${y - r * 1.15} ${x + r * 1.15},${y} ${x},${y + r * 1.15} ${x - r * 1.15},${y}` } };
    case "triangle-up":
      return { tag: "polygon", attributes: { points: `${x},${y - r * 1.2} ${x + r * 1.1},${y + r * 0.85} ${x - r * 1.1},${y + r * 0.85}` } };
    case "triangle-down":
      return { tag: "polygon", attributes: { points: `${x},${y + r * 1.2} ${x + r * 1.1},${y - r * 0.85} ${x - r * 1.1},${y - r * 0.85}` } };
  }
}

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The marks as SVG markup, each shape with its tooltip as a <title>. */
function marksMarkup(marks: Array<{ x: number; y: number; look: MarkLook; title: string }>) {
  return marks
    .map((m) => {
      const look = LOOKS[m.look];
      const { tag, attributes } = markGeometry(look.shape, m.x, m.y, SWIMLANE.markSize);
      const attrs = Object.entries(attributes)
        .map(([name, value]) => `${name}="${value}"`)
        .join(" ");
      return `<${tag} ${attrs} fill="${look.fill}" stroke="${look.stroke}" stroke-width="1.5"><title>${escapeText(m.title)}</title></${tag}>`;
    })
    .join("");
}

export type TimelinePicture = Omit<SwimlaneLayout, "marks"> & {
  /** the marks, drawn (marksMarkup) */
  marksSvg: string;
  /** marks per track, for the picture's text alternative */
  counts: Record<SwimlaneTrack, number>;
};

export function lookOf(event: TimelineEvent): MarkLook {
  switch (event.channel) {
    case "request":
      return "request";
    case "commitment":
      return event.overdue ? "commitment-overdue" : `commitment-${event.followUpStatus}`;
    case "outcome":
      return (DEGREES as readonly string[]).includes(event.outcome.degree) ? `outcome-${event.outcome.degree as Degree}` : "outcome-not_reflected";
    case "comment":
      return "comment";
    case "recommendation":
      return "recommendation";
    default:
      return "round";
  }
}

/** The tooltip of a mark: its date and what happened, in the reader's language. */
export function describeEvent(event: TimelineEvent, locale: Locale): string {
  const t = translator(locale);
  const pick = (ja: string | null | undefined, en: string | null | undefined) => (locale === "ja" ? ja || en : en || ja) ?? "";
  const when = formatPartialDate(event.date, locale);
  switch (event.channel) {
    case "request":
      return `${when} · ${t("timeline.channel.request")}: ${pick(event.request.titleJa, event.request.titleEn)}`;
    case "round": {
      const answer = isAssessment(event.item.assessment) ? ` — ${t(`assessment.${event.item.assessment}`)}` : "";
      const body = event.body ? ` (${pick(event.body.shortNameJa || event.body.nameJa, event.body.shortNameEn || event.body.nameEn)})` : "";
      return `${when} · ${pick(event.round.titleJa, event.round.titleEn)}${body}${answer}`;
    }
    case "commitment": {
      const state = event.overdue ? t("timeline.overdue") : t(`followUp.${event.followUpStatus}`);
      return `${when} · ${t("timeline.channel.commitment")} (${state}): ${pick(event.commitmentJa, event.commitmentEn)}`;
    }
    case "outcome": {
      const degree = (DEGREES as readonly string[]).includes(event.outcome.degree) ? t(`degree.${event.outcome.degree as Degree}`) : event.outcome.degree;
      const doc = event.instrument ? `: ${pick(event.instrument.titleJa, event.instrument.titleEn)}` : "";
      return `${when} · ${t("timeline.channel.outcome")} — ${degree}${doc}`;
    }
    case "comment": {
      const answer = isResponseKind(event.point.responseKind) ? ` — ${t(`responseKind.${event.point.responseKind}`)}` : "";
      return `${when} · ${t("timeline.channel.comment")}: ${pick(event.consultation.titleJa, event.consultation.titleEn)}${answer}`;
    }
    case "recommendation": {
      const heading = pick(event.recommendation.headingJa, event.recommendation.headingEn);
      return `${when} · ${t("timeline.channel.recommendation")}: ${event.document.symbol ?? event.document.mechanism} ${t("un.paragraphShort", { n: event.recommendation.paragraph })}${heading ? ` ${heading}` : ""}`;
    }
    default:
      return when;
  }
}

/** The picture of these (filtered) events over the status history, up to today. */
export function timelinePicture(events: TimelineEvent[], history: StatusPoint[], today: string, locale: Locale): TimelinePicture {
  const { marks, ...layout } = swimlaneLayout(events, history, today);
  const counts = Object.fromEntries(SWIMLANE_TRACKS.map((track) => [track, events.filter((e) => e.channel === track).length])) as Record<SwimlaneTrack, number>;
  return { ...layout, counts, marksSvg: marksMarkup(marks.map((m) => ({ x: m.x, y: m.y, look: lookOf(m.event), title: describeEvent(m.event, locale) }))) };
}
