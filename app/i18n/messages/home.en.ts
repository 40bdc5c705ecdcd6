export const homeEn = {
  "home.welcome": "Welcome, {name}",
  "home.activeDemands": "Active demands",
  "home.archivedDemands": "Archived demands",
  "home.bodies": "Government bodies",
  "home.recent": "Recently updated demands",
  "home.byNetwork": "Active demands by project network",
  "home.networkNone": "No project network",
} as const;
