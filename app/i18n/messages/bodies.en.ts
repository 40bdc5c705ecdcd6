export const bodiesEn = {} as const;
