// TipTap editor writing ProseMirror JSON into a hidden form field. It renders nothing on the
// server (immediatelyRender: false) and hydrates in the browser.
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useId, useState } from "react";
import { ErrorList, type ListOfErrors } from "~/components/forms";
import { useT } from "~/i18n/react";
import { richTextExtensions } from "~/utils/rich-text";

function parseDoc(value: string | null | undefined) {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export function RichTextEditor({
  name,
  label,
  defaultValue,
  errors,
  lang,
  onChange,
}: {
  name: string;
  label: string;
  defaultValue?: string | null;
  errors?: ListOfErrors;
  lang?: "ja" | "en";
  /** Called with the document's JSON ("" when empty) on every change (e.g. a live word count). */
  onChange?: (value: string) => void;
}) {
  const t = useT();
  const id = useId();
  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  const [value, setValue] = useState(defaultValue ?? "");
  const editor = useEditor({
    extensions: richTextExtensions,
    content: parseDoc(defaultValue),
    immediatelyRender: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(errors?.length ? { "aria-invalid": "true", "aria-describedby": errorId } : {}),
        ...(lang ? { lang } : {}),
        class: "rich-text-input",
      },
    },
    onUpdate: ({ editor }) => {
      const next = editor.isEmpty ? "" : JSON.stringify(editor.getJSON());
      setValue(next);
      onChange?.(next);
    },
  });
  const state = useEditorState({
    editor,
    selector: ({ editor }) =>
      editor
        ? {
            bold: editor.isActive("bold"),
            italic: editor.isActive("italic"),
            h2: editor.isActive("heading", { level: 2 }),
            h3: editor.isActive("heading", { level: 3 }),
            bullet: editor.isActive("bulletList"),
            ordered: editor.isActive("orderedList"),
            quote: editor.isActive("blockquote"),
            link: editor.isActive("link"),
          }
        : null,
  });

  function setLink() {
    if (!editor) return;
    const previous = editor.getAttributes("link").href as string | undefined;
    const url = window.prompt(t("editor.linkPrompt"), previous ?? "https://");
    if (url === null) return;
    if (url.trim() === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return;
    }
    if (!/^(https?:\/\/|mailto:)/i.test(url.trim())) {
      window.alert(t("editor.linkInvalid"));
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: url.trim() }).run();
  }

  const buttons: Array<{ key: string; label: string; active?: boolean; run: () => void }> = editor
    ? [
        { key: "bold", label: t("editor.bold"), active: state?.bold, run: () => editor.chain().focus().toggleBold().run() },
        { key: "italic", label: t("editor.italic"), active: state?.italic, run: () => editor.chain().focus().toggleItalic().run() },
        { key: "h2", label: t("editor.heading2"), active: state?.h2, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run() },
        { key: "h3", label: t("editor.heading3"), active: state?.h3, run: () => editor.chain().focus().toggleHeading({ level: 3 }).run() },
        { key: "bullet", label: t("editor.bulletList"), active: state?.bullet, run: () => editor.chain().focus().toggleBulletList().run() },
        { key: "ordered", label: t("editor.orderedList"), active: state?.ordered, run: () => editor.chain().focus().toggleOrderedList().run() },
        { key: "quote", label: t("editor.quote"), active: state?.quote, run: () => editor.chain().focus().toggleBlockquote().run() },
        { key: "link", label: t("editor.link"), active: state?.link, run: setLink },
        { key: "undo", label: t("editor.undo"), run: () => editor.chain().focus().undo().run() },
        { key: "redo", label: t("editor.redo"), run: () => editor.chain().focus().redo().run() },
      ]
    : [];

  return (
    <div className="field rich-text-field">
      <span className="field-label" id={labelId}>
        {label}
      </span>
      <div className="rich-text-toolbar" role="toolbar" aria-label={t("editor.toolbar")}>
        {buttons.map((b) => (
          <button key={b.key} type="button" onClick={b.run} aria-pressed={b.active ?? undefined} className={b.active ? "active" : undefined}>
            {b.label}
          </button>
        ))}
      </div>
      {editor ? <EditorContent editor={editor} className="rich-text-editor" /> : <div className="rich-text-editor rich-text-loading">{t("editor.loading")}</div>}
      <input type="hidden" name={name} value={value} />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/** Server-rendered, sanitized HTML of a rich-text field. */
export function RichTextView({ html, emptyText }: { html: string; emptyText?: string }) {
  if (!html) return emptyText ? <p className="muted">{emptyText}</p> : null;
  return <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
