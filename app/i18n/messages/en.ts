// The English catalog: the union of every area's messages. Each area has a Japanese twin
// typed Record<keyof typeof xxxEn, string>, so a missing Japanese key fails the typecheck,
// and i18n.test.ts fails on keys that differ in either direction or on mismatched {placeholders}.
import { adminEn } from "./admin.en";
import { bodiesEn } from "./bodies.en";
import { commonEn } from "./common.en";
import { consultationsEn } from "./consultations.en";
import { demandsEn } from "./demands.en";
import { historyEn } from "./history.en";
import { homeEn } from "./home.en";
import { networksEn } from "./networks.en";
import { organisationsEn } from "./organisations.en";
import { peopleEn } from "./people.en";
import { requestsEn } from "./requests.en";
import { roundsEn } from "./rounds.en";
import { outcomesEn } from "./outcomes.en";
import { timelineEn } from "./timeline.en";
import { searchEn } from "./search.en";
import { boardEn } from "./board.en";
import { unEn } from "./un.en";
import { exportsEn } from "./exports.en";
import { reportEn } from "./report.en";
import { vocabEn } from "./vocab.en";
import { calendarEn } from "./calendar.en";
import { dashboardEn } from "./dashboard.en";
import { reportsEn } from "./reports.en";
import { csvEn } from "./csv.en";
import { publicEn } from "./public.en";

export const en = { ...commonEn, ...homeEn, ...demandsEn, ...bodiesEn, ...peopleEn, ...organisationsEn, ...networksEn, ...adminEn, ...vocabEn, ...requestsEn, ...roundsEn, ...outcomesEn, ...timelineEn, ...historyEn, ...searchEn, ...boardEn, ...consultationsEn, ...unEn, ...exportsEn, ...calendarEn, ...dashboardEn, ...reportsEn, ...reportEn, ...csvEn, ...publicEn };
