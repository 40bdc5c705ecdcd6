// The counter-report as a Word document (docs/decisions/014), in English as it is sent: a cover page,
// the contents, numbered sections (the earlier recommendation, the government's claim, our grade, our
// evidence as real footnotes, our analysis and proposals) and the footnotes themselves.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import { translator } from "~/i18n";
import { footnoteText, recommendationRef, sectionHeading } from "~/models/counter-report";
import { type ComposerData } from "~/models/counter-report.server";
import { formatPartialDate } from "~/utils/partial-date";

type PmNode = { type?: string; text?: string; attrs?: Record<string, unknown>; marks?: Array<{ type?: string; attrs?: Record<string, unknown> }>; content?: PmNode[] };

function parse(json: string | null | undefined): PmNode | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as PmNode) : null;
  } catch {
    return null;
  }
}

function inline(nodes: PmNode[] | undefined): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes ?? []) {
    if (n.type === "hardBreak") {
      out.push(new TextRun({ text: "", break: 1 }));
      continue;
    }
    if (n.type !== "text" || !n.text) continue;
    const marks = new Set((n.marks ?? []).map((m) => m.type));
    const run = new TextRun({ text: n.text, bold: marks.has("bold"), italics: marks.has("italic"), strike: marks.has("strike"), underline: marks.has("underline") ? {} : undefined });
    const href = n.marks?.find((m) => m.type === "link")?.attrs?.href;
    out.push(typeof href === "string" && /^(https?:|mailto:)/.test(href) ? new ExternalHyperlink({ link: href, children: [new TextRun({ text: n.text, style: "Hyperlink" })] }) : run);
  }
  return out;
}

/** A stored TipTap document as Word paragraphs: paragraphs, headings, lists, quotes, bold, italic, links. */
export function richTextParagraphs(json: string | null | undefined): Paragraph[] {
  const doc = parse(json);
  if (!doc) return [];
  const out: Paragraph[] = [];
  const block = (node: PmNode, ctx: { quote: boolean; list: { ordered: boolean; index: number; level: number } | null }) => {
    switch (node.type) {
      case "paragraph":
        out.push(
          new Paragraph({
            children: [...(ctx.list ? [new TextRun(ctx.list.ordered ? `${ctx.list.index}. ` : "• ")] : []), ...inline(node.content)],
            indent: ctx.quote || ctx.list ? { left: 720 * ((ctx.list?.level ?? 0) + 1) } : undefined,
          }),
        );
        return;
      case "heading": {
        const level = typeof node.attrs?.level === "number" ? node.attrs.level : 3;
        out.push(new Paragraph({ children: inline(node.content), heading: level <= 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4 }));
        return;
      }
      case "blockquote":
        for (const c of node.content ?? []) block(c, { ...ctx, quote: true });
        return;
      case "bulletList":
      case "orderedList": {
        const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
        (node.content ?? []).forEach((item, i) => {
          for (const c of item.content ?? []) block(c, { ...ctx, list: { ordered: node.type === "orderedList", index: start + i, level: ctx.list ? ctx.list.level + 1 : 0 } });
        });
        return;
      }
      default:
        for (const c of node.content ?? []) block(c, ctx);
    }
  };
  for (const c of doc.content ?? []) block(c, { quote: false, list: null });
  return out;
}

const label = (text: string) => new TextRun({ text: `${text}: `, bold: true });

/** The report as DOCX bytes. */
export async function counterReportDocx(composer: ComposerData, today: string): Promise<Buffer> {
  const t = translator("en");
  const { report, cycle, sections, stored } = composer;
  const committee = cycle.mechanism.committeeNameEn || cycle.mechanism.committeeAbbr || cycle.mechanism.nameEn || cycle.mechanism.abbreviation;
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  const body: Paragraph[] = [];

  // Cover page.
  body.push(
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({ children: [new TextRun({ text: report.titleEn, bold: true, size: 48 })], heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [new TextRun({ text: committee, size: 28 })], alignment: AlignmentType.CENTER, spacing: { before: 400 } }),
    new Paragraph({ children: [new TextRun({ text: `${cycle.mechanism.abbreviation}: ${cycle.titleEn || cycle.titleJa}${cycle.session ? ` (${cycle.session})` : ""}`, size: 24 })], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [new TextRun({ text: t("report.preparedBy"), size: 24 })], alignment: AlignmentType.CENTER, spacing: { before: 1200 } }),
    new Paragraph({ children: [new TextRun({ text: t("report.draftOf", { date: formatPartialDate(today, "en") }), size: 24 })], alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [new PageBreak()] }),
  );

  // Contents: the numbered sections (a static list: a Word field would be empty until updated by hand).
  body.push(new Paragraph({ text: t("report.contents"), heading: HeadingLevel.HEADING_1 }));
  for (const s of sections) body.push(new Paragraph({ text: `${s.number}. ${sectionHeading(s, t, "en")}` }));
  body.push(new Paragraph({ children: [new PageBreak()] }));

  for (const s of sections) {
    body.push(new Paragraph({ text: `${s.number}. ${sectionHeading(s, t, "en")}`, heading: HeadingLevel.HEADING_1 }));
    for (const r of s.recommendations) {
      body.push(new Paragraph({ children: [label(t("report.recommendation")), new TextRun(recommendationRef(r, t, "en"))], heading: s.kind === "article" ? HeadingLevel.HEADING_2 : undefined }));
      body.push(new Paragraph({ children: [new TextRun({ text: r.textEn, italics: true })], indent: { left: 720 } }));
      if (r.earlier.length) body.push(new Paragraph({ children: [label(t("report.reiterates")), new TextRun(r.earlier.map((e) => recommendationRef(e, t, "en")).join("; "))] }));
      const claim = r.governmentClaimEn || r.governmentClaimJa;
      body.push(new Paragraph({ children: [label(t("report.claim")), new TextRun(claim || t("report.claimNone")), ...(r.governmentClaimSource ? [new TextRun(` (${t("report.claimSource")}: ${r.governmentClaimSource})`)] : [])] }));
      body.push(new Paragraph({ children: [label(t("report.grade")), new TextRun(r.grade ?? t("report.ungraded")), ...(r.assessmentNote ? [new TextRun(` ${r.assessmentNote}`)] : [])] }));
    }
    if (s.footnotes.length) {
      body.push(new Paragraph({ text: t("report.evidence"), heading: HeadingLevel.HEADING_2 }));
      for (const f of s.footnotes) {
        footnotes[f.n] = { children: [new Paragraph(footnoteText(f, t, "en"))] };
        body.push(new Paragraph({ children: [new TextRun(`${t(`report.kind.${f.kind}`)}, ${formatPartialDate(f.on, "en")}`), new FootnoteReferenceRun(f.n)], indent: { left: 360 } }));
      }
    }
    const saved = stored.get(s.key);
    const analysis = richTextParagraphs(saved?.analysisEn);
    const proposals = richTextParagraphs(saved?.proposalsEn);
    if (analysis.length) body.push(new Paragraph({ text: t("report.analysis"), heading: HeadingLevel.HEADING_2 }), ...analysis);
    if (proposals.length) body.push(new Paragraph({ text: t("report.proposals"), heading: HeadingLevel.HEADING_2 }), ...proposals);
  }

  const doc = new Document({
    creator: t("report.preparedBy"),
    title: report.titleEn,
    description: `${cycle.mechanism.abbreviation}: ${cycle.titleEn}`,
    footnotes,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
