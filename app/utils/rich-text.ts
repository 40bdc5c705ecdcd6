// The rich-text schema shared by the editor (browser) and the server: what TipTap may produce is
// exactly what the server accepts and renders.
import StarterKit from "@tiptap/starter-kit";

export const richTextExtensions = [
  StarterKit.configure({
    codeBlock: false,
    horizontalRule: false,
    heading: { levels: [2, 3, 4] },
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["http", "https", "mailto"],
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
];

export const EMPTY_DOC = { type: "doc", content: [{ type: "paragraph" }] };
