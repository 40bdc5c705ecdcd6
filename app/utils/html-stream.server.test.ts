import { Writable } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutNulBytes } from "~/utils/html-stream.server";

/** A page of Japanese text in elements, attributes and a textarea: the shapes the bug corrupts. */
function japanesePage() {
  const rows = Array.from({ length: 200 }, (_, i) => createElement("p", { key: i, title: `外国人研修生 ${i}` }, `技能実習制度の抜本的な見直しを求める要望 ${i}`));
  return createElement("main", null, createElement("textarea", { name: "text", defaultValue: "在留資格".repeat(300) }), rows);
}

async function stream(through?: () => NodeJS.ReadWriteStream) {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const finished = new Promise((resolve) => sink.on("finish", resolve));
  let destination: NodeJS.WritableStream = sink;
  if (through) {
    destination = through();
    (destination as NodeJS.ReadWriteStream).pipe(sink);
  }
  renderToPipeableStream(japanesePage(), { onAllReady() {} }).pipe(destination as Writable);
  await finished;
  return Buffer.concat(chunks);
}

describe("the streamed HTML", () => {
  it("is, without NUL bytes, exactly what React renders to a string", async () => {
    const expected = Buffer.from(renderToString(japanesePage()));
    const raw = await stream();
    // The bug this works around: when React is upgraded past it, this fails and the filter can go.
    expect(raw.filter((b) => b === 0).length, "NUL bytes from React's stream").toBeGreaterThan(0);

    const filtered = await stream(withoutNulBytes);
    expect(filtered.includes(0)).toBe(false);
    expect(filtered.toString("utf8")).toBe(expected.toString("utf8"));
    expect(filtered.toString("utf8")).not.toContain("\uFFFD");
  });
});
