import { type networksEn } from "./networks.en";

export const networksJa: Record<keyof typeof networksEn, string> = {};
