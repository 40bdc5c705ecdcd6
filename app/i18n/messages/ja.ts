import { adminJa } from "./admin.ja";
import { bodiesJa } from "./bodies.ja";
import { commonJa } from "./common.ja";
import { demandsJa } from "./demands.ja";
import { type en } from "./en";
import { historyJa } from "./history.ja";
import { homeJa } from "./home.ja";
import { networksJa } from "./networks.ja";
import { organisationsJa } from "./organisations.ja";
import { peopleJa } from "./people.ja";
import { requestsJa } from "./requests.ja";
import { roundsJa } from "./rounds.ja";
import { outcomesJa } from "./outcomes.ja";
import { timelineJa } from "./timeline.ja";
import { unJa } from "./un.ja";
import { vocabJa } from "./vocab.ja";

export const ja: Record<keyof typeof en, string> = { ...commonJa, ...homeJa, ...demandsJa, ...bodiesJa, ...peopleJa, ...organisationsJa, ...networksJa, ...adminJa, ...vocabJa, ...requestsJa, ...roundsJa, ...outcomesJa, ...timelineJa, ...historyJa, ...unJa };
