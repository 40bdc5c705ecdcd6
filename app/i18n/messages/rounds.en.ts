export const roundsEn = {} as const;
