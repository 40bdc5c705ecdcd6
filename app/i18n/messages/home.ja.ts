import { type homeEn } from "./home.en";

export const homeJa: Record<keyof typeof homeEn, string> = {
  "home.welcome": "{name}さん、ようこそ",
  "home.activeDemands": "取り組み中の要求",
  "home.archivedDemands": "アーカイブした要求",
  "home.bodies": "省庁・機関",
  "home.recent": "最近更新された要求",
  "home.byNetwork": "プロジェクト・ネットワーク別の取り組み中の要求",
  "home.networkNone": "ネットワーク未設定",
};
