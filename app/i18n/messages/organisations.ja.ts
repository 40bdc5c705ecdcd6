import { type organisationsEn } from "./organisations.en";

export const organisationsJa: Record<keyof typeof organisationsEn, string> = {};
