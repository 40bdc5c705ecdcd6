import { type roundsEn } from "./rounds.en";

export const roundsJa: Record<keyof typeof roundsEn, string> = {};
