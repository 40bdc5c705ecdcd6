// CSV import of a UN document's recommendations (docs/decisions/010): one row a paragraph, a header
// row naming the columns. Pure: reading the bytes (UTF-8, with or without a byte-order mark, or the
// Shift_JIS Excel in Japan writes), the header, and each row's own errors. What only the database can
// tell (demand numbers, themes, the recommendation a row reiterates, new/changed/unchanged) is
// un-import-csv.server.ts's.
import { parse } from "csv-parse/sync";
import { messageRef } from "~/i18n";
import { demandRefsFrom, normalizeParagraph, normalizeSymbol, paragraphPosition } from "~/models/un";

/** The columns, in the template's order. `paragraph` and `text_en` are required; the others may be left out. */
export const CSV_COLUMNS = ["paragraph", "sub_paragraph", "heading", "heading_ja", "text_en", "text_ja", "articles", "themes", "follow_up", "reiterates", "demands"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: CsvColumn[] = ["paragraph", "text_en"];
const ALIASES: Record<string, CsvColumn> = { heading_en: "heading", subparagraph: "sub_paragraph", followup: "follow_up", text: "text_en", para: "paragraph" };

export const CSV_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_MAX_ROWS = 2000;

export type CsvRow = {
  /** the file's line the row starts on (a quoted cell may span lines) */
  line: number;
  /** "12" or "12 (a)"; null when the cell was not a paragraph number */
  paragraph: string | null;
  position: number;
  headingEn: string | null;
  headingJa: string | null;
  textEn: string;
  textJa: string | null;
  articles: string | null;
  /** theme names or slugs as typed */
  themes: string[];
  followUp: boolean;
  /** the earlier recommendation, as typed and as read */
  reiterates: { raw: string; symbol: string; paragraph: string } | null;
  demandRefs: string[];
  /** message keys or messageRef() strings */
  errors: string[];
};

export type CsvParse = { columns: CsvColumn[]; rows: CsvRow[]; fileErrors: string[] };

/** The text of an uploaded CSV: UTF-8 (a byte-order mark is dropped), else Shift_JIS as Excel in Japan saves it. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("shift_jis").decode(bytes);
  }
}

const headerName = (raw: string) => {
  const k = raw.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s-]+/g, "_");
  return ALIASES[k] ?? k;
};
const isColumn = (k: string): k is CsvColumn => (CSV_COLUMNS as readonly string[]).includes(k);

/** A cell as typed, without the ' our CSV exports put before = + - @ (formula guard), or null when empty. */
function cell(value: string | undefined): string | null {
  const v = (value ?? "").replace(/^'(?=[=+\-@\t\r])/, "").trim();
  return v ? v : null;
}

const YES = new Set(["yes", "y", "true", "1", "x", "○", "◯", "〇", "はい", "有", "あり", "follow-up", "follow up"]);
const NO = new Set(["no", "n", "false", "0", "いいえ", "無", "なし", "-", "—"]);

/** "CERD/C/JPN/CO/7-9 para. 17", "CERD/C/JPN/CO/7-9, ¶17 (a)", "CERD/C/JPN/CO/7-9 17" → symbol and paragraph. */
export function parseReiterates(raw: string): { symbol: string; paragraph: string } | null {
  const m = /^(.+?)[\s,、]+(?:para(?:graph)?s?\.?|¶|パラ(?:グラフ)?)?\s*(\d{1,4}\s*(?:\(\s*[a-z]{1,4}\s*\))?)$/i.exec(raw.trim());
  if (!m) return null;
  const paragraph = normalizeParagraph(m[2]);
  const symbol = normalizeSymbol(m[1].replace(/[\s,、]+$/, ""));
  return paragraph && symbol.includes("/") ? { symbol, paragraph } : null;
}

/** Reads the CSV text: the header (unknown or missing columns are file errors), then each row with its errors. */
export function parseRecommendationCsv(text: string): CsvParse {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // Line ends as \n everywhere: a form sends the kept text back with \r\n, which would read as a change.
    const parsed: unknown[] = parse(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), { info: true, relax_column_count: true, skip_empty_lines: true, bom: true, trim: false });
    records = parsed.flatMap((r) =>
      r && typeof r === "object" && "record" in r && Array.isArray(r.record) && "info" in r && r.info && typeof r.info === "object" && "lines" in r.info && typeof r.info.lines === "number"
        ? [{ record: r.record.map(String), info: { lines: r.info.lines } }]
        : [],
    );
  } catch (error) {
    const line = error && typeof error === "object" && "lines" in error && typeof error.lines === "number" ? error.lines : 0;
    return { columns: [], rows: [], fileErrors: [messageRef("un.csv.error.unreadable", { line })] };
  }
  if (!records.length) return { columns: [], rows: [], fileErrors: ["un.csv.error.empty"] };
  const header = records[0].record.map(headerName);
  const unknown = header.filter((h) => h && !isColumn(h));
  const missing = REQUIRED.filter((r) => !header.includes(r));
  const repeated = header.filter((h, i) => h && header.indexOf(h) !== i);
  const fileErrors: string[] = [];
  if (missing.length) fileErrors.push(messageRef("un.csv.error.missingColumns", { columns: missing.join(", ") }));
  if (unknown.length) fileErrors.push(messageRef("un.csv.error.unknownColumns", { columns: unknown.join(", ") }));
  if (repeated.length) fileErrors.push(messageRef("un.csv.error.repeatedColumns", { columns: [...new Set(repeated)].join(", ") }));
  if (fileErrors.length) return { columns: [], rows: [], fileErrors };
  if (records.length - 1 > CSV_MAX_ROWS) return { columns: [], rows: [], fileErrors: [messageRef("un.csv.error.tooManyRows", { max: CSV_MAX_ROWS })] };
  const columns = header.filter(isColumn);

  const rows: CsvRow[] = [];
  let line = records[0].info.lines;
  for (const { record, info } of records.slice(1)) {
    const startLine = line + 1;
    line = info.lines;
    const get = (c: CsvColumn) => {
      const i = header.indexOf(c);
      return i < 0 ? null : cell(record[i]);
    };
    if (record.every((v) => !cell(v))) continue;
    const errors: string[] = [];
    const para = get("paragraph");
    const sub = get("sub_paragraph");
    const typed = para ? (sub ? `${para} (${sub.replace(/[()\s]/g, "")})` : para) : null;
    const paragraph = typed ? normalizeParagraph(typed) : null;
    if (!para) errors.push("un.csv.error.noParagraph");
    else if (!paragraph) errors.push(messageRef("un.csv.error.badParagraph", { value: typed ?? "" }));
    const textEn = get("text_en") ?? "";
    if (!textEn) errors.push("un.csv.error.noText");
    const followRaw = get("follow_up");
    const followKey = (followRaw ?? "").toLowerCase();
    if (followRaw && !YES.has(followKey) && !NO.has(followKey)) errors.push(messageRef("un.csv.error.badFollowUp", { value: followRaw }));
    const reiteratesRaw = get("reiterates");
    const reiterates = reiteratesRaw ? parseReiterates(reiteratesRaw) : null;
    if (reiteratesRaw && !reiterates) errors.push(messageRef("un.csv.error.badReiterates", { value: reiteratesRaw }));
    const long = (c: CsvColumn, v: string | null, max: number) => {
      if (v && v.length > max) errors.push(messageRef("un.csv.error.tooLong", { column: c, max }));
    };
    long("heading", get("heading"), 300);
    long("heading_ja", get("heading_ja"), 300);
    long("text_en", textEn, 20000);
    long("text_ja", get("text_ja"), 20000);
    long("articles", get("articles"), 200);
    rows.push({
      line: startLine,
      paragraph,
      position: paragraph ? paragraphPosition(paragraph) : 0,
      headingEn: get("heading"),
      headingJa: get("heading_ja"),
      textEn,
      textJa: get("text_ja"),
      articles: get("articles"),
      themes: [...new Set((get("themes") ?? "").split(/[;,、，；]+/).map((s) => s.trim()).filter(Boolean))],
      followUp: YES.has(followKey),
      reiterates: reiterates && reiteratesRaw ? { raw: reiteratesRaw, ...reiterates } : null,
      demandRefs: demandRefsFrom(get("demands") ?? ""),
      errors,
    });
  }
  // A paragraph twice in the file: both rows say so (which one should win is the user's call).
  const seen = new Map<string, number[]>();
  for (const r of rows) if (r.paragraph) seen.set(r.paragraph, [...(seen.get(r.paragraph) ?? []), r.line]);
  for (const r of rows) {
    const lines = r.paragraph ? (seen.get(r.paragraph) ?? []) : [];
    if (lines.length > 1) r.errors.push(messageRef("un.csv.error.duplicate", { lines: lines.filter((l) => l !== r.line).join(", ") }));
  }
  if (!rows.length) return { columns, rows, fileErrors: ["un.csv.error.empty"] };
  return { columns, rows, fileErrors: [] };
}

/** The template offered for download: the header and two example rows (Japanese working text beside the English). */
export const CSV_TEMPLATE_ROWS: string[][] = [
  [...CSV_COLUMNS],
  [
    "12",
    "",
    "Technical intern training programme",
    "技能実習制度",
    "The Committee recommends that the State party consider replacing the programme with an employment system.",
    "委員会は、締約国が同制度を雇用制度に置き換えることを検討するよう勧告する。",
    "5 (e)",
    "",
    "yes",
    "CERD/C/JPN/CO/7-9, para. 20",
    "D-001",
  ],
  ["12", "a", "", "", "Ensure that trainees can change employers, in particular after abuse.", "特に虐待の後、実習生が雇用主を変更できるよう確保すること。", "5 (e)", "", "no", "", ""],
];
