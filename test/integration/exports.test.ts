// CSV downloads: what the list shows as filtered, every page, UTF-8 with a BOM, formulas defused,
// in the reader's language, and nothing staff-only.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "~/utils/csv.server";
import { loader as demandsCsv } from "~/routes/demands[.]csv";
import { loader as boardCsv } from "~/routes/status-board[.]csv";
import { loader as boardPage } from "~/routes/status-board";
import { loader as requestsCsv } from "~/routes/requests[.]csv";
import { db } from "~/utils/db.server";
import { args, type DemoRole, makeRequest, payload } from "../request";

async function download(loader: typeof demandsCsv, url: string, role: DemoRole = "member", headers?: Record<string, string>) {
  const response = await loader(args(await makeRequest(url, { role, headers })));
  if (!(response instanceof Response)) throw new Error("not a download");
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const rows: string[][] = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: false });
  return { response, bytes, text, header: rows[0], rows: rows.slice(1) };
}

describe("CSV", () => {
  it("starts with a BOM, is UTF-8 with CRLF lines, and defuses formulas", () => {
    const csv = toCsv(["a", "b"], [["=HYPERLINK(\"http://x\")", "+1"], ["-2", "@SUM(A1)"], ["研修生, \"引用\"", null]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const rows: string[][] = parse(csv.slice(1));
    expect(rows.slice(1)).toEqual([
      ["'=HYPERLINK(\"http://x\")", "'+1"],
      ["'-2", "'@SUM(A1)"],
      ["研修生, \"引用\"", ""],
    ]);
  });

  it("exports the demand list as filtered, every page, in the reader's language, as an attachment", async () => {
    // More demands than a page, so that "every page" means something.
    for (let i = 0; i < 30; i++) await db.demand.create({ data: { ref: `X-${100 + i}`, titleJa: `輸出テスト${i}`, titleEn: `Export test ${i}` } });
    // Staff chose Japanese, the demo member English.
    const { response, bytes, header, rows } = await download(demandsCsv, "/demands.csv?q=輸出テスト", "staff");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''/);
    expect(header[0]).toBe("番号");
    expect(rows.length).toBe(30);
    expect(rows.map((r) => r[0]).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `X-${100 + i}`));

    const en = await download(demandsCsv, "/demands.csv?q=Export%20test&sort=ref&dir=desc", "member");
    expect(en.header.slice(0, 3)).toEqual(["No.", "Title (Japanese)", "Title (English)"]);
    expect(en.rows[0][0]).toBe("X-129");
    expect(en.rows[0][3]).toBe("Open");
    // The last column is the record's id, as in every list's CSV, and its link ends with it.
    expect(en.header.at(-1)).toBe("ID");
    const last = await db.demand.findFirstOrThrow({ where: { ref: "X-129" } });
    expect(en.rows[0].at(-1)).toBe(last.id);
    expect(en.rows[0].at(-2)).toBe(`http://localhost/demands/${last.id}`);
  });

  it("defuses a formula typed into a title", async () => {
    await db.demand.create({ data: { ref: "X-900", titleJa: "=cmd|' /C calc'!A0", titleEn: "@evil" } });
    const { rows } = await download(demandsCsv, "/demands.csv?q=cmd", "member");
    expect(rows[0].slice(1, 3)).toEqual(["'=cmd|' /C calc'!A0", "'@evil"]);
  });

  it("exports the status board as filtered and grouped, the same demands as the page", async () => {
    const params = "group=theme&state=all";
    const page = payload(await boardPage(args(await makeRequest(`/status-board?${params}`, { role: "member" }))));
    const { header, rows } = await download(boardCsv, `/status-board.csv?${params}`, "member", { "Accept-Language": "en" });
    expect(header[0]).toBe("Group");
    expect(rows.length).toBe(page.total);
    const refs = new Set(rows.map((r) => r[1]));
    const demands = await db.demand.findMany({ where: { deletedAt: null }, select: { ref: true } });
    expect([...refs].sort()).toEqual(demands.map((d) => d.ref).sort());
    expect(rows.every((r) => r.at(-2) === `http://localhost/demands/${r.at(-1)}`)).toBe(true);

    const reflected = await download(boardCsv, "/status-board.csv?status=reflected&group=none", "member", { "Accept-Language": "en" });
    expect(reflected.rows.every((r) => r[3] === "Reflected")).toBe(true);
  });

  it("gives members nothing staff-only", async () => {
    const internal = (await db.outcome.findMany({ where: { internalNote: { not: null } }, select: { internalNote: true } })).map((n) => n.internalNote ?? "");
    for (const [loader, url] of [[demandsCsv, "/demands.csv?state=all"], [boardCsv, "/status-board.csv?state=all"]] as const) {
      const { text } = await download(loader, url, "member");
      for (const note of internal) expect(text).not.toContain(note);
    }
  });

  it("requires signing in", async () => {
    const result = await demandsCsv(args(await makeRequest("/demands.csv"))).catch((e: unknown) => e);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(302);
  });
});

describe("the request list as CSV", () => {
  it("has every request the filters keep, every page, and no internal note", async () => {
    const year = "2007";
    const expected = await db.request.findMany({ where: { deletedAt: null, sentOn: { startsWith: year } }, select: { titleEn: true, internalNote: true } });
    expect(expected.length).toBeGreaterThan(0);
    const { header, rows, text } = await download(requestsCsv, `/requests.csv?year=${year}&sort=title&dir=asc`, "member");
    expect(header[0]).toBe("Date sent");
    expect(rows).toHaveLength(expected.length);
    expect(rows.every((r) => r[0].startsWith(year))).toBe(true);
    expect(rows.map((r) => r[3]).sort()).toEqual(expected.map((r) => r.titleEn).sort());
    expect(rows.every((r) => r.at(-2) === `http://localhost/requests/${r.at(-1)}`)).toBe(true);
    for (const r of expected) if (r.internalNote) expect(text).not.toContain(r.internalNote);
  });
});
