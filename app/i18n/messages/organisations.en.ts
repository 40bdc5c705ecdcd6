export const organisationsEn = {} as const;
