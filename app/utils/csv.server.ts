// CSV downloads of the lists (routes/*[.]csv.ts), written by csv-stringify: UTF-8 with a byte-order
// mark so that Excel in Japan reads the text as UTF-8 rather than Shift_JIS, CRLF line ends, and
// cells that start with = + - @ (or a tab or carriage return) prefixed with ' so that a spreadsheet
// never runs them as formulas (CSV injection). What goes in the cells is the caller's concern, and
// passes through app/models/visibility.ts like every page.
import { stringify } from "csv-stringify/sync";
import { checkRichText } from "~/utils/rich-text.server";

export type Cell = string | number | boolean | null | undefined;

export function toCsv(header: string[], rows: Cell[][]) {
  return stringify([header, ...rows], { bom: true, escape_formulas: true, record_delimiter: "\r\n" });
}

/** A download named `<name>-<YYYY-MM-DD>.csv` (the name may be Japanese: RFC 6266 filename*). */
export function csvResponse(name: string, header: string[], rows: Cell[][], today: string) {
  const fileName = `${name}-${today}.csv`;
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

type Named = { nameJa: string; nameEn: string };

/** A bilingual name in the reader's language, the other language when the first is empty. */
export function nameIn(locale: "ja" | "en") {
  return (x: Named | null | undefined) => (x ? (locale === "ja" ? x.nameJa || x.nameEn : x.nameEn || x.nameJa) : "");
}

/** Several related records in one cell. */
export function joinCell(values: Array<string | null | undefined>) {
  return values.filter(Boolean).join("; ");
}

/** A bilingual title in the reader's language, the other language when the first is empty. */
export function titleIn(locale: "ja" | "en") {
  return (x: { titleJa: string; titleEn: string } | null | undefined) => (x ? (locale === "ja" ? x.titleJa || x.titleEn : x.titleEn || x.titleJa) : "");
}

/** Rich text (ProseMirror JSON) as its plain text, paragraphs apart. */
export function plainText(json: string | null | undefined) {
  const checked = checkRichText(json);
  return checked.ok ? checked.text : "";
}
