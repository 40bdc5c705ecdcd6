// Rich text arrives as ProseMirror JSON. The server checks it against the editor's schema before it
// is stored, and renders it to HTML through an allow-list sanitizer before it is shown.
import { getSchema } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import sanitizeHtml from "sanitize-html";
import { richTextExtensions } from "~/utils/rich-text";

const schema = getSchema(richTextExtensions);

export const MAX_RICH_TEXT_LENGTH = 200_000;

export type RichTextCheck = { ok: true; json: string | null; text: string } | { ok: false; error: string };

/**
 * Validates an editor document. Returns the canonical JSON to store (null for an empty document)
 * and its plain text (for search and summaries).
 */
export function checkRichText(input: string | null | undefined): RichTextCheck {
  if (input === null || input === undefined || input.trim() === "") return { ok: true, json: null, text: "" };
  if (input.length > MAX_RICH_TEXT_LENGTH) return { ok: false, error: "error.richTextTooLong" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    return { ok: false, error: "error.richTextInvalid" };
  }
  try {
    const node = schema.nodeFromJSON(parsed);
    node.check();
    if (node.type.name !== "doc") return { ok: false, error: "error.richTextInvalid" };
    const text = node.textBetween(0, node.content.size, "\n\n", " ").trim();
    if (text === "") return { ok: true, json: null, text: "" };
    return { ok: true, json: JSON.stringify(node.toJSON()), text };
  } catch {
    return { ok: false, error: "error.richTextInvalid" };
  }
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "s", "u", "code", "a", "ul", "ol", "li", "blockquote", "h2", "h3", "h4"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
};

/** Stored JSON → safe HTML. Anything that does not pass the schema renders as nothing. */
export function renderRichText(json: string | null | undefined): string {
  if (!json) return "";
  const checked = checkRichText(json);
  if (!checked.ok || !checked.json) return "";
  const html = renderToHTMLString({ extensions: richTextExtensions, content: JSON.parse(checked.json) });
  return sanitizeHtml(html, sanitizeOptions);
}
