// The activity report leaves the app as Markdown and as Word (DOCX, with the `docx` package): the
// sections' documents walked node by node. Links to records become absolute (the app's address).
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { translator } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { type PmNode, REPORT_SECTIONS, type SectionDocs, sectionNodes } from "~/models/activity-report";

const absolute = (href: unknown, origin: string) => {
  const value = typeof href === "string" ? href : "";
  return value.startsWith("/") ? `${origin}${value}` : value;
};

// ───── Markdown ─────

const escapeMd = (value: string) => value.replace(/([\\`*_[\]<>#|])/g, "\\$1");

function inlineMd(nodes: PmNode[] | undefined, origin: string): string {
  return (nodes ?? [])
    .map((n) => {
      if (n.type === "hardBreak") return "  \n";
      let out = escapeMd(n.text ?? "");
      for (const mark of n.marks ?? []) {
        if (mark.type === "bold") out = `**${out}**`;
        else if (mark.type === "italic") out = `*${out}*`;
        else if (mark.type === "strike") out = `~~${out}~~`;
        else if (mark.type === "code") out = `\`${n.text ?? ""}\``;
      }
      const linkMark = n.marks?.find((m) => m.type === "link");
      return linkMark ? `[${out}](${absolute(linkMark.attrs?.href, origin)})` : out;
    })
    .join("");
}

function blockMd(node: PmNode, origin: string, indent = ""): string[] {
  switch (node.type) {
    case "heading": {
      const level = typeof node.attrs?.level === "number" ? node.attrs.level : 3;
      return [`${"#".repeat(Math.min(6, level))} ${inlineMd(node.content, origin)}`, ""];
    }
    case "paragraph":
      return [`${indent}${inlineMd(node.content, origin)}`, ""];
    case "blockquote":
      return (node.content ?? []).flatMap((c) => blockMd(c, origin)).map((line) => (line ? `> ${line}` : ">"));
    case "bulletList":
    case "orderedList": {
      const lines = (node.content ?? []).flatMap((item, i) => {
        const marker = node.type === "bulletList" ? "- " : `${i + 1}. `;
        const [first, ...rest] = (item.content ?? []).flatMap((c) => blockMd(c, origin, "").filter((l) => l !== ""));
        return [`${indent}${marker}${first ?? ""}`, ...rest.map((l) => `${indent}  ${l}`)];
      });
      return [...lines, ""];
    }
    default:
      return node.content ? node.content.flatMap((c) => blockMd(c, origin, indent)) : [];
  }
}

export function reportMarkdown(year: number, sections: SectionDocs, locale: Locale, origin: string) {
  const t = translator(locale);
  const lines = [`# ${t("report.titleOf", { year: String(year) })}`, ""];
  for (const s of REPORT_SECTIONS) {
    lines.push(`## ${t(`report.section.${s}`)}`, "");
    for (const node of sectionNodes(sections[s])) lines.push(...blockMd(node, origin));
  }
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

// ───── DOCX ─────

type Inline = TextRun | ExternalHyperlink;

function inlineDocx(nodes: PmNode[] | undefined, origin: string): Inline[] {
  return (nodes ?? []).map((n) => {
    if (n.type === "hardBreak") return new TextRun({ text: "", break: 1 });
    const marks = new Set((n.marks ?? []).map((m) => m.type));
    const linkMark = n.marks?.find((m) => m.type === "link");
    const run = new TextRun({ text: n.text ?? "", bold: marks.has("bold"), italics: marks.has("italic"), strike: marks.has("strike"), style: linkMark ? "Hyperlink" : undefined });
    return linkMark ? new ExternalHyperlink({ link: absolute(linkMark.attrs?.href, origin), children: [run] }) : run;
  });
}

function blockDocx(node: PmNode, origin: string, level = 0): Paragraph[] {
  switch (node.type) {
    case "heading":
      return [new Paragraph({ heading: HeadingLevel.HEADING_3, children: inlineDocx(node.content, origin) })];
    case "paragraph":
      return [new Paragraph({ children: inlineDocx(node.content, origin) })];
    case "blockquote":
      return (node.content ?? []).flatMap((c) => blockDocx(c, origin, level)).map((p) => p);
    case "bulletList":
    case "orderedList":
      return (node.content ?? []).flatMap((item) =>
        (item.content ?? []).flatMap((c) =>
          c.type === "paragraph" ? [new Paragraph({ bullet: { level }, children: inlineDocx(c.content, origin) })] : blockDocx(c, origin, level + 1),
        ),
      );
    default:
      return node.content ? node.content.flatMap((c) => blockDocx(c, origin, level)) : [];
  }
}

export async function reportDocx(year: number, sections: SectionDocs, locale: Locale, origin: string): Promise<Buffer> {
  const t = translator(locale);
  const title = t("report.titleOf", { year: String(year) });
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })];
  for (const s of REPORT_SECTIONS) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t(`report.section.${s}`))] }));
    for (const node of sectionNodes(sections[s])) children.push(...blockDocx(node, origin));
  }
  const document = new Document({
    title,
    creator: t("app.name"),
    styles: { default: { document: { run: { font: locale === "ja" ? "Yu Gothic" : "Calibri" } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
