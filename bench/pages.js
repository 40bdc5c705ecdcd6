// The pages the benchmark drives, in the order it prints them. To add a page when it is built, give
// it a `path` (built from the generated records in bench/.data/<scale>.json, see generate.js
// pickFixtures) instead of `pending`. Budgets (bench/run.js):
//   page    p95 at 10 connections within 5 × the floor's p95
//   export  p95 of a single download (1 connection) under 3 s
// `check` looks at a warm-up response, so that a page that answers with the sign-in form or an
// error does not pass as fast.

/**
 * @typedef {{ timelineDemandId: string, answersBodyId: string, listThemeId: string, listBodyId: string, counterReportId: string }} Fixtures
 * @typedef {{
 *   key: string,
 *   name: string,
 *   role: "floor" | "reference" | "page" | "export",
 *   path?: (f: Fixtures) => string,
 *   pending?: string,
 *   check?: RegExp,
 * }} Page
 */

/** @type {Page[]} */
export const PAGES = [
  { key: "floor", name: "floor: signed-in page, one trivial query", role: "floor", path: () => "/ping", check: /<p>ok<\/p>/ },
  { key: "healthz", name: "healthz: no session, no page (reference)", role: "reference", path: () => "/healthz", check: /"ok"/ },
  { key: "demands", name: "demand list, first page", role: "page", path: () => "/demands", check: /data-table/ },
  {
    key: "demands-filtered",
    name: "demand list, theme + body filter, page 3",
    role: "page",
    path: (f) => `/demands?theme=${f.listThemeId}&body=${f.listBodyId}&state=all&sort=raised&page=3`,
    check: /data-table/,
  },
  { key: "timeline", name: "demand timeline (~500 events)", role: "page", path: (f) => `/demands/${f.timelineDemandId}/timeline`, check: /timeline-list/ },
  { key: "answers", name: "body's answers (busiest body)", role: "page", path: (f) => `/bodies/${f.answersBodyId}/answers`, check: /summary-heading/ },
  { key: "requests", name: "request list, first page", role: "page", path: () => "/requests", check: /data-table/ },
  { key: "rounds", name: "negotiation list, first page", role: "page", path: () => "/rounds", check: /data-table/ },
  { key: "home", name: "home (commitments due)", role: "page", path: () => "/", check: /<h1/ },
  // Two indexed terms that the generated text repeats thousands of times: BM25 over every match.
  { key: "search", name: "search (two common words)", role: "page", path: () => `/search?q=${encodeURIComponent("技能実習生 転職の自由")}`, check: /search-results/ },
  { key: "status-board", name: "status board, grouped by status", role: "page", path: () => "/status-board", check: /board-table/ },
  { key: "dashboard", name: "dashboard (five charts over the whole history)", role: "page", path: () => "/dashboard", check: /dashboard-section/ },
  {
    key: "counter-report",
    name: "counter-report DOCX (following 300 recommendations)",
    role: "export",
    path: (f) => `/un/reports/${f.counterReportId}/report.docx`,
    check: /^PK/,
  },
];
