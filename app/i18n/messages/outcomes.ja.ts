import { type outcomesEn } from "./outcomes.en";

export const outcomesJa: Record<keyof typeof outcomesEn, string> = {};
