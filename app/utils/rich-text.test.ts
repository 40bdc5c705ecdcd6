import { describe, expect, it } from "vitest";
import { checkRichText, renderRichText } from "./rich-text.server";

const doc = (...content: unknown[]) => JSON.stringify({ type: "doc", content });
const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });

describe("rich text", () => {
  it("accepts an editor document and returns its text", () => {
    const result = checkRichText(doc({ type: "paragraph", content: [text("在留資格のない"), text("DV被害者", [{ type: "bold" }])] }));
    expect(result).toMatchObject({ ok: true, text: "在留資格のないDV被害者" });
  });

  it("stores an empty document as nothing", () => {
    expect(checkRichText(doc({ type: "paragraph" }))).toEqual({ ok: true, json: null, text: "" });
    expect(checkRichText("")).toEqual({ ok: true, json: null, text: "" });
  });

  it.each([
    ["not JSON", "{"],
    ["an unknown node", doc({ type: "script", content: [text("x")] })],
    ["text straight in the document", doc(text("x"))],
    ["an unknown mark", doc({ type: "paragraph", content: [text("x", [{ type: "onclick" }])] })],
    ["a non-document root", JSON.stringify({ type: "paragraph", content: [text("x")] })],
  ])("refuses %s", (_name, input) => {
    expect(checkRichText(input)).toEqual({ ok: false, error: "error.richTextInvalid" });
  });

  it("renders only safe HTML: no script, no javascript: links, text escaped", () => {
    const html = renderRichText(
      doc(
        { type: "paragraph", content: [text("<script>alert(1)</script>"), text("evil", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])] },
        { type: "paragraph", content: [text("ok", [{ type: "link", attrs: { href: "https://example.org/a" } }])] },
      ),
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<a rel="noopener noreferrer nofollow" href="https://example.org/a">ok</a>');
  });

  it("renders headings and lists", () => {
    const html = renderRichText(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("背景")] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("一")] }] }] },
      ),
    );
    expect(html).toBe("<h2>背景</h2><ul><li><p>一</p></li></ul>");
  });
});
