import { type peopleEn } from "./people.en";

export const peopleJa: Record<keyof typeof peopleEn, string> = {};
