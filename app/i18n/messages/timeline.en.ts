export const timelineEn = {} as const;
