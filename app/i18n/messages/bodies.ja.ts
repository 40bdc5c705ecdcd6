import { type bodiesEn } from "./bodies.en";

export const bodiesJa: Record<keyof typeof bodiesEn, string> = {};
