// Splitting the text of concluding observations, pasted as published (English, usually copied out of
// the PDF), into its numbered paragraphs with their headings (docs/decisions/010). Pure.
//
// What a pasted document looks like: a masthead (the symbol, "Distr.: General", the date, "Original:
// English"), the title, then paragraphs "1.", "2.", … numbered without gaps, topic headings on lines of
// their own between them ("Definition of racial discrimination"), section headings ("C. Concerns and
// recommendations"), sub-paragraphs "(a)", "(b)" inside a paragraph, and on every page break a footer
// and header: the job number "GE.18-16041(E)", a bar code "*1816041*", the page number and the symbol
// again. Footnotes ("1 See CERD/C/JPN/CO/7-9, para. 8.") sit at the foot of a page.
import { normalizeSymbol } from "~/models/un";

export type SplitParagraph = {
  /** the number as printed, "12" */
  paragraph: string;
  position: number;
  /** the topic heading it falls under (carried on to the next paragraphs until the next heading) */
  heading: string | null;
  /** the section heading ("C. Concerns and recommendations") it falls under */
  section: string | null;
  /** the paragraph's words, lines joined; each sub-paragraph "(a)" on a line of its own */
  text: string;
  /** earlier recommendations it cites: "CERD/C/JPN/CO/7-9, para. 17" */
  cites: Array<{ symbol: string; paragraph: string }>;
  /** chosen by the committee for follow-up (named in the follow-up paragraph) */
  followUp: boolean;
};

export type SplitResult = {
  /** the document's symbol, as its masthead or page headers give it */
  symbol: string | null;
  /** "Concluding observations on the combined tenth and eleventh periodic reports of Japan" */
  title: string | null;
  paragraphs: SplitParagraph[];
};

const SYMBOL = /^(?:[A-Z]{1,6}\/){1,}[A-Za-z0-9.\-/()]+$/;
const PARAGRAPH_START = /^(\d{1,3})\.\s+(\S.*)$/;
const PARAGRAPH_ALONE = /^(\d{1,3})\.$/;
const SUB_PARAGRAPH = /^\(([a-z]{1,4}|[ivx]{1,5})\)\s/;
const SECTION = /^[A-H]\.\s+\S/;

/** Page furniture: job numbers, bar codes, page numbers, "Please recycle", the masthead's lines. */
function isPageFurniture(line: string, symbol: string | null) {
  if (/^GE\.\d{2}-\d{4,6}\s*\([A-Z]\)/.test(line)) return true;
  if (/^\*\d{5,}\*$/.test(line)) return true;
  if (/^\d{1,3}$/.test(line)) return true;
  if (/^Please recycle/i.test(line)) return true;
  if (/^[_\-–—=]{3,}$/.test(line)) return true;
  if (/^(Distr\.|Original:|Advance unedited version|United Nations$)/i.test(line)) return true;
  if (symbol && normalizeSymbol(line) === symbol) return true;
  return false;
}

/** A footnote at a page's foot: a number without a full stop, then a reference. */
function isFootnote(line: string) {
  return /^\d{1,2}\s+(See\b|Ibid|Available at|General recommendation|https?:|www\.|[A-Z]{1,6}\/[A-Z0-9])/.test(line) || /^\*\s+(Adopted|Advance)/.test(line);
}

/** A line that can be a heading: short, no closing punctuation, not a sub-paragraph. */
function headingLike(line: string) {
  return line.length <= 120 && !/[.;:,]$/.test(line) && !SUB_PARAGRAPH.test(line) && /^[A-Z]/.test(line);
}

/** Joins a paragraph's lines: wrapped lines with a space (after a hyphen without one: "non-" + "citizens"), sub-paragraphs on lines of their own. */
function joinLines(lines: string[]) {
  let out = "";
  for (const line of lines) {
    if (!out) out = line;
    else if (SUB_PARAGRAPH.test(line)) out += `\n${line}`;
    else if (/[A-Za-z]-$/.test(out) && /^[a-z]/.test(line)) out += line;
    else out += ` ${line}`;
  }
  // Footnote calls stuck to a word's punctuation ("violations.1") are the page's, not the text's.
  return out.replace(/([a-z)][.,;:])\d{1,2}(?=\s|$)/g, "$1").replace(/[ \t]+/g, " ").trim();
}

/** Earlier recommendations a paragraph cites: "CERD/C/JPN/CO/7-9, para. 17" or "paras. 8 and 9". */
export function citationsIn(text: string) {
  const cites: Array<{ symbol: string; paragraph: string }> = [];
  const re = /((?:[A-Z]{1,6}\/){2,}[A-Za-z0-9.\-/]*[A-Za-z0-9]),?\s+paras?\.\s*((?:\d{1,3}(?:\s*\([a-z]\))?(?:\s*(?:,|and|–|-)\s*)?)+)/g;
  for (const m of text.matchAll(re)) {
    for (const n of m[2].match(/\d{1,3}/g) ?? []) cites.push({ symbol: normalizeSymbol(m[1]), paragraph: n });
  }
  return cites;
}

/** The paragraphs named in the follow-up request ("…the recommendations contained in paragraphs 12, 20 and 34 (a) above"). */
export function followUpParagraphs(text: string): string[] {
  const m = /implementation of the recommendations? contained in paragraphs?\s+([\d\s,()a-z–-]+?)\s+(?:above|of the present)/i.exec(text.replace(/\s+/g, " "));
  if (!m) return [];
  return [...new Set(m[1].match(/\d{1,3}/g) ?? [])];
}

export function splitConcludingObservations(raw: string): SplitResult {
  const lines = raw
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim());

  // The symbol: the first line that is one (the masthead, or the header of page 2).
  const symbolLine = lines.find((l) => SYMBOL.test(l) && l.includes("/"));
  const symbol = symbolLine ? normalizeSymbol(symbolLine) : null;
  const titleLine = lines.find((l) => /^Concluding observations\b/i.test(l));
  const title = titleLine ? titleLine.replace(/\*+$/, "").trim() : null;

  const paragraphs: Array<Omit<SplitParagraph, "text" | "cites" | "followUp"> & { lines: string[] }> = [];
  let expected: number | null = null;
  let heading: string | null = null;
  let section: string | null = null;
  /** heading-like lines seen since the last line that ended a sentence */
  let pendingHeadings: string[] = [];

  type Open = (typeof paragraphs)[number];
  const startParagraph = (n: number, firstLine: string | null, current: Open | null): Open => {
    // Lines at the tail of the previous paragraph that look like headings are the next one's heading.
    // A heading runs over three lines at most, and the line before it ends a sentence.
    let tail: string[] = [];
    if (current) {
      const body = current.lines;
      const fits = (k: number) =>
        body.length - k >= 1 &&
        /[.;:]$/.test(body[body.length - 1 - k]) &&
        /^[A-Z]/.test(body[body.length - k]) &&
        body.slice(body.length - k).every((l) => l.length <= 120 && !/[.;:,]$/.test(l) && !SUB_PARAGRAPH.test(l));
      const k = [3, 2, 1].find(fits) ?? 0;
      tail = body.splice(body.length - k, k);
    }
    const found = [...tail, ...pendingHeadings];
    pendingHeadings = [];
    const sections = found.filter((h) => SECTION.test(h));
    const topics = found.filter((h) => !SECTION.test(h));
    if (sections.length) {
      section = sections[sections.length - 1];
      heading = null;
    }
    if (topics.length) heading = topics.join(" ");
    const opened: Open = { paragraph: String(n), position: n, heading: heading ?? null, section, lines: firstLine ? [firstLine] : [] };
    paragraphs.push(opened);
    expected = n + 1;
    return opened;
  };

  let current: Open | null = null;
  for (const line of lines) {
    if (!line || isPageFurniture(line, symbol) || isFootnote(line)) continue;
    const start = PARAGRAPH_START.exec(line) ?? PARAGRAPH_ALONE.exec(line);
    if (start) {
      const n = Number(start[1]);
      // Paragraphs are numbered without gaps: "2018. The…" at the start of a wrapped line is no paragraph.
      if (expected === null ? n === 1 || !paragraphs.length : n === expected) {
        current = startParagraph(n, start[2] ?? null, current);
        continue;
      }
    }
    if (!current) {
      // Before paragraph 1: the masthead (two columns run together) and the title. Only the line right
      // before paragraph 1 can be its heading ("A. Introduction", or a topic on a web page).
      pendingHeadings = headingLike(line) && !/^Concluding observations/i.test(line) ? [line] : [];
      continue;
    }
    current.lines.push(line);
  }

  const followUps = new Set(paragraphs.flatMap((p) => followUpParagraphs(joinLines(p.lines))));
  return {
    symbol,
    title,
    paragraphs: paragraphs.map(({ lines: body, ...p }) => {
      const text = joinLines(body);
      return { ...p, text, cites: citationsIn(text), followUp: followUps.has(p.paragraph) };
    }),
  };
}
