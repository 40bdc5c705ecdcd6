export const reportsEn = {
  "report.title": "Activity reports",
  "history.entity.ActivityReport": "Activity report",
};
