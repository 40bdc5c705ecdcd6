// Full-text search: the kinds of record it finds, how a typed query becomes an FTS5 query, and how
// highlighted snippets become plain segments that React renders (never HTML). Pure; the database side
// is search.server.ts, the index itself prisma/migrations/*_search_index (docs/decisions/012).

/**
 * The kinds the index holds, in the order the kind filter lists them. A kind is one view
 * `search_src_<kind>` and its triggers in a migration, plus one entry here (its label is the message
 * `search.kind.<kind>`). A hyphen in a kind becomes an underscore in the SQL names (`search_src_un_document`).
 */
export const SEARCH_KINDS = [
  "demand",
  "request",
  "round",
  "answer",
  "outcome",
  "consultation",
  "comment",
  "recommendation",
  "un-document",
  "instrument",
  "body",
  "organisation",
  "network",
  "person",
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export function isSearchKind(value: unknown): value is SearchKind {
  return typeof value === "string" && (SEARCH_KINDS as readonly string[]).includes(value);
}

/** The trigram tokenizer matches only terms of three characters or more. */
export const MIN_INDEXED_LENGTH = 3;

export type ParsedQuery = {
  /** terms in the order typed, without duplicates; each term must occur (AND) */
  terms: string[];
  /** the FTS5 MATCH expression for the terms the index can answer, or null when none can */
  match: string | null;
  /** terms shorter than three characters, matched by substring instead */
  short: string[];
};

const MAX_TERMS = 8;

/**
 * Splits what was typed into terms (by white space, full-width too; "double quotes" keep a phrase
 * together) and quotes each for FTS5, so that its operators (AND, OR, NOT, NEAR, *, ^, :) are plain text.
 */
export function parseSearchQuery(input: string): ParsedQuery {
  const terms: string[] = [];
  const pattern = /"([^"]*)"|([^\s"]+)/gu;
  for (const m of input.normalize("NFKC").matchAll(pattern)) {
    const term = (m[1] ?? m[2] ?? "").trim();
    if (term && !terms.includes(term)) terms.push(term);
    if (terms.length >= MAX_TERMS) break;
  }
  const long = terms.filter((t) => [...t].length >= MIN_INDEXED_LENGTH);
  const short = terms.filter((t) => [...t].length < MIN_INDEXED_LENGTH);
  const match = long.length ? long.map((t) => `"${t.replaceAll('"', '""')}"`).join(" AND ") : null;
  return { terms, match, short };
}

/** Snippet markers: control characters that no form lets through into the records' text. */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";
export const ELLIPSIS = "…";

export type Segment = { text: string; hit: boolean };

/** A snippet from SQLite (with MARK_START/MARK_END around matches) as segments to render. */
export function snippetSegments(snippet: string | null | undefined): Segment[] {
  if (!snippet) return [];
  const segments: Segment[] = [];
  let hit = false;
  let text = "";
  for (const ch of snippet) {
    if (ch === MARK_START || ch === MARK_END) {
      if (text) segments.push({ text, hit });
      text = "";
      hit = ch === MARK_START;
    } else text += ch;
  }
  if (text) segments.push({ text, hit });
  return segments;
}

export function hasHit(segments: Segment[]) {
  return segments.some((s) => s.hit);
}

/**
 * A snippet made here, for matches the index cannot mark (terms under three characters): about
 * `width` characters around the first occurrence of any term, every occurrence marked. Case is
 * ignored as SQLite's lower() ignores it (ASCII letters).
 */
export function markTerms(text: string | null | undefined, terms: string[], width = 80): Segment[] {
  if (!text) return [];
  const flat = text.replace(/\s+/g, " ");
  const lower = flat.toLowerCase();
  const needles = terms.map((t) => t.toLowerCase()).filter(Boolean);
  const positions = needles.map((n) => lower.indexOf(n)).filter((p) => p >= 0);
  if (positions.length === 0) return [];
  const first = Math.min(...positions);
  const start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  const window = flat.slice(start, end);
  const windowLower = lower.slice(start, end);
  const segments: Segment[] = [];
  let i = 0;
  let plain = start > 0 ? ELLIPSIS : "";
  while (i < window.length) {
    const found = needles.find((n) => windowLower.startsWith(n, i));
    if (found) {
      if (plain) segments.push({ text: plain, hit: false });
      plain = "";
      segments.push({ text: window.slice(i, i + found.length), hit: true });
      i += found.length;
    } else {
      plain += window[i];
      i++;
    }
  }
  if (end < flat.length) plain += ELLIPSIS;
  if (plain) segments.push({ text: plain, hit: false });
  return segments;
}
