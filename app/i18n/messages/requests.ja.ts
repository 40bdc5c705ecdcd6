import { type requestsEn } from "./requests.en";

export const requestsJa: Record<keyof typeof requestsEn, string> = {};
