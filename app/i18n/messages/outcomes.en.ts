export const outcomesEn = {} as const;
