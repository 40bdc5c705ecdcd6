import { type reportsEn } from "./reports.en";

export const reportsJa: Record<keyof typeof reportsEn, string> = {
  "report.title": "活動報告",
  "history.entity.ActivityReport": "活動報告",
};
