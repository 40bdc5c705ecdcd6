// CSV downloads of the lists (routes/*[.]csv.ts), written by csv-stringify: UTF-8 with a byte-order
// mark so that Excel in Japan reads the text as UTF-8 rather than Shift_JIS, CRLF line ends, and
// cells that start with = + - @ (or a tab or carriage return) prefixed with ' so that a spreadsheet
// never runs them as formulas (CSV injection). What goes in the cells is the caller's concern, and
// passes through app/models/visibility.ts like every page.
import { stringify } from "csv-stringify/sync";
import { translator } from "~/i18n";
import { type Role } from "~/models/roles";
import { canSeeInternal } from "~/models/visibility";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
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

/**
 * What every CSV download starts with: the signed-in reader (at least `role`, else the guard throws),
 * their language and its messages, the address asked for (its filters; links in the cells), names and
 * titles in that language, and whether the reader may see internal fields (app/models/visibility.ts).
 */
export async function csvContext(request: Request, role: Role = "member") {
  const user = await requireUser(request, role);
  const locale = await getLocale(request, user);
  return {
    user,
    locale,
    t: translator(locale),
    url: new URL(request.url),
    name: nameIn(locale),
    title: titleIn(locale),
    staff: canSeeInternal(user.role),
  };
}
