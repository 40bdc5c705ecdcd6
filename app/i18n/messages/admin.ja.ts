import { type adminEn } from "./admin.en";

export const adminJa: Record<keyof typeof adminEn, string> = {};
