// The picture above a demand's timeline: a time axis, one track per channel, a mark per event, and
// a band behind the tracks coloured by the demand's status over time. Plain SVG rendered by React
// (on the server too), scaled by its viewBox so that it never overflows a narrow screen. The list
// under it is its text equivalent.
import { useLocale, useT } from "~/i18n/react";
import { DEGREES, type Status, STATUSES, type StatusPoint } from "~/models/status";
import { SWIMLANE, type SwimlaneTrack } from "~/models/timeline";
import { COMMENT_LOOK, COMMITMENT_LOOK, DEGREE_LOOK, type Look, markGeometry, RECOMMENDATION_LOOK, REQUEST_LOOK, ROUND_LOOK, type TimelinePicture } from "~/models/timeline-picture";
import { formatPartialDate } from "~/utils/partial-date";

/** The status band: pale versions of the degree colours. */
export const STATUS_FILL: Record<Status, string> = {
  open: "#e3e7ee",
  not_reflected: "#d3d6dc",
  mentioned: "#f6e6b0",
  partially_reflected: "#d6eccb",
  reflected: "#b9e0c6",
  regressed: "#f6c6c2",
};

export function MarkShape({ shape, x, y, size, fill, stroke }: Look & { x: number; y: number; size: number }) {
  const { tag, attributes } = markGeometry(shape, x, y, size);
  const common = { fill, stroke, strokeWidth: 1.5 };
  switch (tag) {
    case "circle":
      return <circle cx={attributes.cx} cy={attributes.cy} r={attributes.r} {...common} />;
    case "rect":
      return <rect x={attributes.x} y={attributes.y} width={attributes.width} height={attributes.height} {...common} />;
    default:
      return <polygon points={String(attributes.points)} {...common} />;
  }
}

/** A small shape for the legend, hidden from screen readers (the label says it all). */
function Swatch({ look }: { look: Look }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ verticalAlign: "-3px", marginRight: "0.35em" }}>
      <MarkShape {...look} x={8} y={8} size={10} />
    </svg>
  );
}

function BandSwatch({ fill }: { fill: string }) {
  return (
    <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true" focusable="false" style={{ verticalAlign: "-2px", marginRight: "0.35em" }}>
      <rect x="0.5" y="0.5" width="21" height="13" fill={fill} stroke="#9aa3b2" />
    </svg>
  );
}

/**
 * The picture, from its layout computed on the server (timelinePicture): the marks come with their
 * place, look and tooltip, so that the page does not have to ship every event to draw them.
 */
export function TimelineSwimlane({ picture, history, today, demandRef }: { picture: TimelinePicture; history: StatusPoint[]; today: string; demandRef: string }) {
  const t = useT();
  const locale = useLocale();
  const layout = picture;
  const date = (d: string | null) => formatPartialDate(d, locale);
  const count = (channel: SwimlaneTrack) => picture.counts[channel];
  const current = [...history].reverse().find((p) => p.on <= today);
  const statusNow = current
    ? t("timeline.picture.statusSince", { status: t(`status.${current.status}`), date: formatPartialDate(current.on, locale) })
    : t("status.open");
  const summary = t("timeline.picture.summary", {
    ref: demandRef,
    from: layout.domain.start.slice(0, 4),
    to: String(Number(layout.domain.end.slice(0, 4)) - 1),
    requests: count("request"),
    rounds: count("round"),
    commitments: count("commitment"),
    outcomes: count("outcome"),
    status: statusNow,
  });
  const { plot, statusRow } = layout;
  const tracksBottom = layout.tracks[layout.tracks.length - 1].top + SWIMLANE.trackHeight;

  return (
    <figure className="panel" style={{ margin: "0 0 1rem" }}>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        role="img"
        aria-label={summary}
        style={{ display: "block", maxWidth: "100%", height: "auto" }}
        fontSize="13"
        fontFamily="inherit"
      >
        {/* Status over time, behind the tracks and as a solid row under them. */}
        {layout.band.map((s) => (
          <g key={`band-${s.from}`}>
            <title>{`${t(`status.${s.status}`)}: ${date(s.from)} – ${date(s.until)}`}</title>
            <rect x={s.x1} y={plot.top} width={Math.max(0.5, s.x2 - s.x1)} height={tracksBottom - plot.top} fill={STATUS_FILL[s.status]} opacity={0.55} />
            <rect x={s.x1} y={statusRow.top} width={Math.max(0.5, s.x2 - s.x1)} height={statusRow.height} fill={STATUS_FILL[s.status]} stroke="#9aa3b2" strokeWidth={0.5} />
          </g>
        ))}

        {/* Tracks: a line and a label each. */}
        {layout.tracks.map((track, i) => (
          <g key={track.track}>
            {i > 0 ? <line x1={plot.left} x2={plot.right} y1={track.top} y2={track.top} stroke="#d6dae2" /> : null}
            <line x1={plot.left} x2={plot.right} y1={track.y} y2={track.y} stroke="#b8bec9" strokeDasharray="2 3" />
            <text x={plot.left - 10} y={track.y} textAnchor="end" dominantBaseline="middle" fill="#1d2330">
              {t(`timeline.track.${track.track}`)}
            </text>
          </g>
        ))}
        <text x={plot.left - 10} y={statusRow.top + statusRow.height / 2} textAnchor="end" dominantBaseline="middle" fill="#1d2330">
          {t("timeline.track.status")}
        </text>
        <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={tracksBottom - plot.top} fill="none" stroke="#9aa3b2" />

        {/* Years: a grid line at each first of January, labelled when there is room. */}
        {layout.years.map((y) => (
          <g key={y.year}>
            <line x1={y.x} x2={y.x} y1={plot.top} y2={plot.bottom + 4} stroke={y.label ? "#9aa3b2" : "#e1e4ea"} />
            {y.label ? (
              <text x={y.x + 3} y={plot.bottom + 18} fill="#4a5263" fontSize="12">
                {y.year}
              </text>
            ) : null}
          </g>
        ))}

        {/* The cut standing for quiet years before today: a white gap with two slanted strokes. */}
        {layout.axisBreak ? (
          <g aria-hidden="true">
            <rect x={layout.axisBreak.x1 + 6} y={plot.top} width={layout.axisBreak.x2 - layout.axisBreak.x1 - 18} height={plot.bottom - plot.top + 4} fill="#ffffff" opacity={0.85} />
            {[0, 6].map((d) => (
              <line key={d} x1={layout.axisBreak!.x1 + 8 + d} x2={layout.axisBreak!.x1 + 16 + d} y1={plot.bottom + 8} y2={plot.bottom - 8} stroke="#4a5263" strokeWidth={1.5} />
            ))}
            <text x={layout.axisBreak.x1 + 26} y={plot.bottom + 18} fill="#4a5263" fontSize="12">
              …
            </text>
          </g>
        ) : null}

        {/* Today. */}
        <line x1={layout.today.x} x2={layout.today.x} y1={plot.top - 8} y2={plot.bottom} stroke="#1f5fa8" strokeWidth={1.5} strokeDasharray="4 3" />
        <text x={layout.axisBreak ? layout.today.x + 6 : layout.today.x} y={plot.top - 12} textAnchor={layout.axisBreak ? "end" : "middle"} fill="#1f5fa8" fontSize="12">
          {layout.axisBreak ? t("timeline.picture.todayAfterBreak", { date: formatPartialDate(layout.today.day, locale) }) : t("timeline.picture.today")}
        </text>

        {/* One mark per event at the first day of its date, each with its tooltip: drawn once on the
            server (timeline-picture.ts), as hundreds of React elements they cost more than the list. */}
        <g dangerouslySetInnerHTML={{ __html: picture.marksSvg }} />
      </svg>
      <figcaption>
        <TimelineLegend />
        <p className="muted">{t("timeline.listIsText")}</p>
      </figcaption>
    </figure>
  );
}

export function TimelineLegend() {
  const t = useT();
  return (
    <dl className="facts" aria-label={t("timeline.legend")}>
      <dt>{t("timeline.legend.marks")}</dt>
      <dd>
        <ul className="inline-list">
          <li>
            <Swatch look={REQUEST_LOOK} />
            {t("timeline.track.request")}
          </li>
          <li>
            <Swatch look={ROUND_LOOK} />
            {t("timeline.track.round")}
          </li>
          <li>
            <Swatch look={COMMENT_LOOK} />
            {t("timeline.track.comment")}
          </li>
          <li>
            <Swatch look={RECOMMENDATION_LOOK} />
            {t("timeline.legend.recommendations")}
          </li>
        </ul>
      </dd>
      <dt>{t("timeline.legend.commitments")}</dt>
      <dd>
        <ul className="inline-list">
          <li>
            <Swatch look={COMMITMENT_LOOK.open} />
            {t("followUp.open")}
          </li>
          <li>
            <Swatch look={COMMITMENT_LOOK.overdue} />
            {t("timeline.overdue")}
          </li>
          <li>
            <Swatch look={COMMITMENT_LOOK.done} />
            {t("followUp.done")}
          </li>
          <li>
            <Swatch look={COMMITMENT_LOOK.dropped} />
            {t("followUp.dropped")}
          </li>
        </ul>
      </dd>
      <dt>{t("timeline.legend.outcomes")}</dt>
      <dd>
        <ul className="inline-list">
          {DEGREES.map((d) => (
            <li key={d}>
              <Swatch look={DEGREE_LOOK[d]} />
              {t(`degree.${d}`)}
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t("timeline.legend.status")}</dt>
      <dd>
        <ul className="inline-list">
          {STATUSES.map((s) => (
            <li key={s}>
              <BandSwatch fill={STATUS_FILL[s]} />
              {t(`status.${s}`)}
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}
