// Rich text arrives as ProseMirror JSON. The server checks it against the editor's schema before it
// is stored, and renders it to HTML through an allow-list sanitizer before it is shown.
import { getSchema } from "@tiptap/core";
import { type Mark, type Node } from "@tiptap/pm/model";
import { escapeHTML, renderJSONContentToString } from "@tiptap/static-renderer/json/html-string";
import { domOutputSpecToHTMLString, renderToElement, serializeChildrenToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import sanitizeHtml from "sanitize-html";
import { richTextExtensions } from "~/utils/rich-text";

const schema = getSchema(richTextExtensions);

export const MAX_RICH_TEXT_LENGTH = 200_000;

export type RichTextCheck = { ok: true; json: string | null; text: string } | { ok: false; error: string };

/** Parses and checks stored or submitted JSON against the schema: the document node, or why not. */
function parseRichText(input: string): { ok: true; node: Node | null } | { ok: false; error: string } {
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
    return { ok: true, node: node.textContent.trim() === "" ? null : node };
  } catch {
    return { ok: false, error: "error.richTextInvalid" };
  }
}

/**
 * Validates an editor document. Returns the canonical JSON to store (null for an empty document)
 * and its plain text (for search and summaries).
 */
export function checkRichText(input: string | null | undefined): RichTextCheck {
  if (input === null || input === undefined || input.trim() === "") return { ok: true, json: null, text: "" };
  const parsed = parseRichText(input);
  if (!parsed.ok) return parsed;
  const node = parsed.node;
  if (!node) return { ok: true, json: null, text: "" };
  const text = node.textBetween(0, node.content.size, "\n\n", " ").trim();
  if (text === "") return { ok: true, json: null, text: "" };
  return { ok: true, json: JSON.stringify(node.toJSON()), text };
}

/**
 * TipTap's renderToHTMLString, with its node and mark handlers built once: the library resolves the
 * extensions and builds the schema on every call, which cost about 3 ms per document, most of a
 * timeline's time (bench/, docs/decisions/008-performance-budgets.md). Same output.
 */
let renderNode: ((ctx: { content: Node }) => string) | null = null;
function renderDocument(node: Node): string {
  if (!renderNode) {
    let built: ((ctx: { content: Node }) => string) | null = null;
    renderToElement<string>({
      renderer: (options) => (built = renderJSONContentToString<Mark, Node>(options)),
      domOutputSpecToElement: domOutputSpecToHTMLString,
      mapDefinedTypes: {
        doc: ({ children }) => serializeChildrenToHTMLString(children),
        text: ({ node: text }) => escapeHTML(text.text ?? ""),
      },
      content: node,
      extensions: richTextExtensions,
    });
    if (!built) throw new Error("the rich-text renderer was not built");
    renderNode = built;
  }
  return renderNode({ content: node });
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
  if (!json || json.trim() === "") return "";
  const parsed = parseRichText(json);
  if (!parsed.ok || !parsed.node) return "";
  return sanitizeHtml(renderDocument(parsed.node), sanitizeOptions);
}
