// Searches the full-text index (prisma/migrations/*_search_index, docs/decisions/012): ranked by
// BM25 (titles weigh more than text), with highlighted snippets, filtered by kind and year, paged.
// What a searcher may see is decided by app/models/visibility.ts: only those who may see internal
// notes have the notes index (search_note) queried at all, so a member's search can neither find a
// record by its internal note nor receive a snippet of one.
//
// Terms of three characters or more go through FTS5's trigram index; shorter ones (common Japanese
// words such as 研修 or 在留) are matched as substrings of the indexed text, which reads the whole
// index table: a query made only of short terms costs a scan (measured in the decision record).
import { type Locale } from "~/i18n/locales";
import { ELLIPSIS, MARK_END, MARK_START, type SearchKind, type Segment, hasHit, isSearchKind, markTerms, parseSearchQuery, snippetSegments } from "~/models/search";
import { canSeeInternal } from "~/models/visibility";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { PAGE_SIZE, pageCount, pageWindow } from "~/utils/paging";

export type SearchQuery = {
  q: string;
  kinds: SearchKind[];
  /** years, inclusive (records without a date are left out when either is set) */
  from?: string;
  to?: string;
  page: number;
  role: string;
  locale: Locale;
};

export type SearchHit = {
  kind: SearchKind;
  recordId: string;
  link: string;
  label: string;
  /** partial ISO date */
  date: string | null;
  /** where the terms were found in the record's text (or its title) */
  snippet: Segment[];
  /** where they were found in its internal note: staff only, else always empty */
  noteSnippet: Segment[];
};

export type SearchResult = { items: SearchHit[]; total: number; pageCount: number; shortTermsOnly: boolean };

type PageRow = {
  id: number | bigint;
  kind: string;
  record_id: string;
  link: string;
  label_ja: string | null;
  label_en: string | null;
  date: string | null;
  title: string | null;
  body: string | null;
  total: number | bigint;
};

const TITLE_WEIGHT = 4.0;
const BODY_WEIGHT = 1.0;
/** FTS5 snippet lengths, in tokens (a trigram token is about one character of Japanese). */
const SNIPPET_TOKENS = 32;

const none = Prisma.sql`1`;

function filters(query: SearchQuery) {
  const parts: Prisma.Sql[] = [];
  if (query.kinds.length) parts.push(Prisma.sql`d."kind" IN (SELECT "value" FROM json_each(${JSON.stringify(query.kinds)}))`);
  if (query.from) parts.push(Prisma.sql`d."date" IS NOT NULL AND substr(d."date", 1, 4) >= ${query.from}`);
  if (query.to) parts.push(Prisma.sql`d."date" IS NOT NULL AND substr(d."date", 1, 4) <= ${query.to}`);
  return parts.length ? Prisma.join(parts, " AND ") : none;
}

/** Short terms, each of which must occur in the record's text (or, for staff, its internal note). */
function shortTermConditions(short: string[], withNotes: boolean) {
  if (short.length === 0) return none;
  return Prisma.join(
    short.map((term) => {
      const inDoc = Prisma.sql`instr(lower(coalesce(d."title", '') || char(10) || coalesce(d."body", '')), lower(${term})) > 0`;
      if (!withNotes) return inDoc;
      return Prisma.sql`(${inDoc} OR EXISTS (SELECT 1 FROM "search_note" n WHERE n."kind" = d."kind" AND n."record_id" = d."record_id" AND instr(lower(n."note"), lower(${term})) > 0))`;
    }),
    " AND ",
  );
}

/** The page of matching records, best first, with the total: one statement. */
function pageStatement(query: SearchQuery, match: string | null, short: string[], withNotes: boolean) {
  const { skip, take } = pageWindow(query.page);
  const where = Prisma.sql`${filters(query)} AND ${shortTermConditions(short, withNotes)}`;
  if (match === null) {
    // Only short terms: no index to rank by; records whose title holds them come first, then the newest.
    const inTitle = short.length ? Prisma.join(short.map((t) => Prisma.sql`instr(lower(coalesce(d."title", '')), lower(${t})) > 0`), " AND ") : none;
    return Prisma.sql`
      SELECT d."id", d."kind", d."record_id", d."link", d."label_ja", d."label_en", d."date", d."title", d."body", count(*) OVER () AS "total"
      FROM "search_doc" d
      WHERE ${where}
      ORDER BY CASE WHEN ${inTitle} THEN 0 ELSE 1 END, d."date" IS NULL, d."date" DESC, d."id"
      LIMIT ${take} OFFSET ${skip}`;
  }
  const notes = withNotes
    ? Prisma.sql`
        UNION ALL
        SELECT d."id" AS "doc", bm25("search_note_fts") AS "rank"
        FROM "search_note_fts" JOIN "search_note" n ON n."id" = "search_note_fts"."rowid"
          JOIN "search_doc" d ON d."kind" = n."kind" AND d."record_id" = n."record_id"
        WHERE "search_note_fts" MATCH ${match}`
    : Prisma.empty;
  return Prisma.sql`
    WITH "hits" AS MATERIALIZED (
      SELECT "search_fts"."rowid" AS "doc", bm25("search_fts", ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS "rank"
      FROM "search_fts" WHERE "search_fts" MATCH ${match}
      ${notes}
    ), "best" AS (SELECT "doc", min("rank") AS "rank" FROM "hits" GROUP BY "doc")
    SELECT d."id", d."kind", d."record_id", d."link", d."label_ja", d."label_en", d."date", NULL AS "title", NULL AS "body", count(*) OVER () AS "total"
    FROM "best" JOIN "search_doc" d ON d."id" = "best"."doc"
    WHERE ${where}
    ORDER BY "best"."rank", d."date" IS NULL, d."date" DESC, d."id"
    LIMIT ${take} OFFSET ${skip}`;
}

async function indexSnippets(match: string, ids: number[]) {
  const rows = await db.$queryRaw<Array<{ doc: number | bigint; title: string | null; body: string | null }>>`
    SELECT "rowid" AS "doc",
      snippet("search_fts", 0, ${MARK_START}, ${MARK_END}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS "title",
      snippet("search_fts", 1, ${MARK_START}, ${MARK_END}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS "body"
    FROM "search_fts" WHERE "search_fts" MATCH ${match} AND "rowid" IN (SELECT "value" FROM json_each(${JSON.stringify(ids)}))`;
  return new Map(rows.map((r) => [Number(r.doc), r]));
}

async function noteSnippets(match: string | null, short: string[], ids: number[]) {
  const snippets = new Map<number, Segment[]>();
  const idList = JSON.stringify(ids);
  if (match) {
    const rows = await db.$queryRaw<Array<{ doc: number | bigint; note: string | null }>>`
      SELECT d."id" AS "doc", snippet("search_note_fts", 0, ${MARK_START}, ${MARK_END}, ${ELLIPSIS}, ${SNIPPET_TOKENS}) AS "note"
      FROM "search_note_fts" JOIN "search_note" n ON n."id" = "search_note_fts"."rowid"
        JOIN "search_doc" d ON d."kind" = n."kind" AND d."record_id" = n."record_id"
      WHERE "search_note_fts" MATCH ${match} AND d."id" IN (SELECT "value" FROM json_each(${idList}))`;
    for (const r of rows) snippets.set(Number(r.doc), snippetSegments(r.note));
  } else {
    const rows = await db.$queryRaw<Array<{ doc: number | bigint; note: string }>>`
      SELECT d."id" AS "doc", n."note" FROM "search_doc" d JOIN "search_note" n ON n."kind" = d."kind" AND n."record_id" = d."record_id"
      WHERE d."id" IN (SELECT "value" FROM json_each(${idList}))`;
    for (const r of rows) snippets.set(Number(r.doc), markTerms(r.note, short));
  }
  return snippets;
}

/** Records matching every term that the searcher may see, best first. */
export async function searchRecords(query: SearchQuery): Promise<SearchResult> {
  const { match, short, terms } = parseSearchQuery(query.q);
  if (terms.length === 0) return { items: [], total: 0, pageCount: 1, shortTermsOnly: false };
  const withNotes = canSeeInternal(query.role);
  const rows = await db.$queryRaw<PageRow[]>(pageStatement(query, match, short, withNotes));
  const ids = rows.map((r) => Number(r.id));
  const [indexed, notes] = await Promise.all([
    match && ids.length ? indexSnippets(match, ids) : Promise.resolve(null),
    withNotes && ids.length ? noteSnippets(match, short, ids) : Promise.resolve(null),
  ]);
  const items: SearchHit[] = rows.flatMap((r) => {
    if (!isSearchKind(r.kind)) return [];
    const id = Number(r.id);
    const fromIndex = indexed?.get(id);
    const body = fromIndex ? snippetSegments(fromIndex.body) : markTerms(r.body, short);
    const title = fromIndex ? snippetSegments(fromIndex.title) : markTerms(r.title, short);
    const snippet = hasHit(body) ? body : hasHit(title) ? title : [];
    const note = notes?.get(id) ?? [];
    const label = (query.locale === "ja" ? r.label_ja || r.label_en : r.label_en || r.label_ja) ?? "";
    return [{ kind: r.kind, recordId: r.record_id, link: r.link, label, date: r.date, snippet, noteSnippet: hasHit(note) ? note : [] }];
  });
  const total = rows.length ? Number(rows[0].total) : 0;
  return { items, total, pageCount: pageCount(total, PAGE_SIZE), shortTermsOnly: match === null };
}
