// A dashboard chart (recharts) with its data table. Recharts 3 draws nothing on the server
// (recharts/recharts#5997): the chart is drawn once the page has started in the browser, in a frame
// of the same fixed size, and the table, rendered on the server, is the accessible version and what a
// reader without JavaScript gets (docs/decisions/016).
import { useEffect, useState, type ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "~/i18n/react";

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 300;

export type Series = { key: string; label: string; color: string };

function useStarted() {
  const [started, setStarted] = useState(false);
  useEffect(() => setStarted(true), []);
  return started;
}

type ChartProps = {
  kind: "stackedBar" | "line" | "groupedBar";
  data: Array<Record<string, string | number | null | undefined>>;
  categoryKey: string;
  series: Series[];
  title: string;
  desc: string;
  horizontal?: boolean;
};

function Chart({ kind, data, categoryKey, series, title, desc, horizontal }: ChartProps) {
  const t = useT();
  const started = useStarted();
  if (!started) {
    return (
      <div className="chart-frame chart-pending" style={{ width: CHART_WIDTH, height: CHART_HEIGHT }}>
        <p className="muted">{t("dashboard.chartPending")}</p>
      </div>
    );
  }
  // The figure is one image named by its title; the table beside it is the accessible version, so
  // recharts' own keyboard layer (a focusable "application") stays off.
  const common = { width: CHART_WIDTH, height: CHART_HEIGHT, data, title, desc, accessibilityLayer: false, margin: { top: 10, right: 20, bottom: 10, left: horizontal ? 40 : 0 } };
  const axes = horizontal
    ? [<XAxis key="x" type="number" allowDecimals={false} />, <YAxis key="y" type="category" dataKey={categoryKey} width={130} tick={{ fontSize: 12 }} />]
    : [<XAxis key="x" dataKey={categoryKey} />, <YAxis key="y" allowDecimals={false} />];
  return (
    <div className="chart-frame" style={{ width: CHART_WIDTH, height: CHART_HEIGHT }}>
      {kind === "line" ? (
        <LineChart {...common}>
          <CartesianGrid strokeDasharray="3 3" />
          {axes}
          <Tooltip />
          <Legend />
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} isAnimationActive={false} />
          ))}
        </LineChart>
      ) : (
        <BarChart {...common} layout={horizontal ? "vertical" : "horizontal"}>
          <CartesianGrid strokeDasharray="3 3" />
          {axes}
          <Tooltip />
          <Legend />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={kind === "stackedBar" ? "stack" : undefined} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </div>
  );
}

/** A section of the dashboard: heading, chart, and the table of the same figures. */
export function ChartSection({
  id,
  title,
  intro,
  chart,
  table,
  empty,
  footer,
}: {
  id: string;
  title: string;
  intro: string;
  chart: Omit<ChartProps, "title" | "desc">;
  table: ReactNode;
  empty: boolean;
  footer?: ReactNode;
}) {
  const t = useT();
  return (
    <section className="dashboard-section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted">{intro}</p>
      {empty ? (
        <p className="empty">{t("dashboard.noData")}</p>
      ) : (
        <div className="chart-and-table">
          <figure className="chart" role="img" aria-label={t("dashboard.chartLabel", { title, desc: intro })}>
            <Chart {...chart} title={title} desc={intro} />
          </figure>
          <div className="chart-table">{table}</div>
        </div>
      )}
      {footer}
    </section>
  );
}
