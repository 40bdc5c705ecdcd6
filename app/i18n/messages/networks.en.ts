export const networksEn = {} as const;
