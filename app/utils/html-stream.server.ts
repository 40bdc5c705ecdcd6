// React 18.3's streaming renderer inserts stray NUL bytes into the HTML it writes: when a string does
// not fit the rest of its 2 KB buffer because a multibyte character (most Japanese text) would be cut,
// it writes the whole buffer, unused tail bytes included (react-dom-server writeStringChunk; React
// issues #24985 and #31134, fixed in React 19). In text, browsers drop a NUL unseen; in an attribute
// or a <textarea> they turn it into U+FFFD, so a form sent back stored "�" inside the text a user
// never touched. A 0x00 byte is never part of a UTF-8 multibyte character, and the app writes no
// NUL of its own (typed text drops control characters), so removing every 0x00 byte from the
// stream restores exactly the HTML React meant (html-stream.server.test.ts checks it against
// renderToString).
import { Transform } from "node:stream";

export function withoutNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk);
    },
  });
}
