// The yearly activity report: its sections (those of the SMJ annual reports in shared/seeds), and
// the draft assembled from the year's records as ProseMirror JSON, one document per section, with
// every item dated and linked to its record (docs/decisions/016). Pure: the facts come from
// activity-report.server.ts.
export const REPORT_SECTIONS = ["advocacy", "networking", "international", "publicity", "organisation", "membership"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const PLAN_RESULTS = ["achieved", "partly", "not_achieved"] as const;
export type PlanResult = (typeof PLAN_RESULTS)[number];

export function isReportSection(value: unknown): value is ReportSection {
  return typeof value === "string" && (REPORT_SECTIONS as readonly string[]).includes(value);
}
