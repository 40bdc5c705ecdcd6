export const requestsEn = {} as const;
