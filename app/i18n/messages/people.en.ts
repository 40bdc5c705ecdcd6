export const peopleEn = {} as const;
