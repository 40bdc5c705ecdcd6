import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { formatFileSize, parseSender, requestFormSchema, senderValue, yearOf, yearParam } from "./request";

const MAX = 1024 * 1024;

function form(entries: Array<[string, string | File]>) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

const base: Array<[string, string]> = [
  ["kind", "regular"],
  ["titleJa", "2011年度 定期要望書"],
  ["sentOn", "2011年10月"],
];

describe("the request form schema", () => {
  it("accepts a minimal request and normalises the date", () => {
    const submission = parseWithZod(form(base), { schema: requestFormSchema(MAX) });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.sentOn).toBe("2011-10");
    expect(submission.value.items).toEqual([]);
    expect(submission.value.attachments).toEqual([]);
  });

  it("requires the kind, the date and a title in one language, all reported at once", () => {
    const submission = parseWithZod(form([["titleEn", ""]]), { schema: requestFormSchema(MAX) });
    expect(submission.status).toBe("error");
    const reply = submission.reply();
    expect(reply.error?.kind).toEqual(["error.required"]);
    expect(reply.error?.sentOn).toEqual(["error.required"]);
    expect(reply.error?.titleJa).toEqual(["error.requestTitle"]);
  });

  it("puts a missing or repeated demand on the row where it happens", () => {
    const entries: Array<[string, string]> = [
      ...base,
      ["items[0].demandId", "d1"],
      ["items[1].demandId", ""],
      ["items[1].wordingJa", "文言だけ"],
      ["items[2].demandId", "d1"],
      ["items[3].demandId", "d2"],
    ];
    const reply = parseWithZod(form(entries), { schema: requestFormSchema(MAX) }).reply();
    expect(reply.error?.["items[1].demandId"]).toEqual(["error.requestItemDemand"]);
    expect(reply.error?.["items[2].demandId"]).toEqual(["error.requestDuplicateDemand"]);
    expect(reply.error?.["items[0].demandId"]).toBeUndefined();
    expect(reply.error?.["items[3].demandId"]).toBeUndefined();
  });

  it("refuses a file over the limit and an unknown sender form", () => {
    const big = new File([new Uint8Array(MAX + 1)], "big.pdf", { type: "application/pdf" });
    const reply = parseWithZod(form([...base, ["attachments", big], ["sender", "someone"]]), { schema: requestFormSchema(MAX) }).reply();
    expect(reply.error?.attachments).toEqual(["error.attachmentTooLarge"]);
    expect(reply.error?.sender).toEqual(["error.unknownChoice"]);
  });

  it("ignores the empty part of a file input left empty", () => {
    const empty = new File([], "", { type: "application/octet-stream" });
    const submission = parseWithZod(form([...base, ["attachments", empty]]), { schema: requestFormSchema(MAX) });
    expect(submission.status).toBe("success");
  });
});

describe("helpers", () => {
  it("round-trips the sender choice", () => {
    expect(parseSender("org:abc")).toEqual({ organisationId: "abc", networkId: null });
    expect(parseSender("net:x_1")).toEqual({ organisationId: null, networkId: "x_1" });
    expect(parseSender("org:")).toBeNull();
    expect(parseSender("bogus:1")).toBeNull();
    expect(senderValue({ senderOrganisationId: "a", senderNetworkId: null })).toBe("org:a");
    expect(senderValue({ senderOrganisationId: null, senderNetworkId: "n" })).toBe("net:n");
    expect(senderValue({ senderOrganisationId: null, senderNetworkId: null })).toBe("");
  });

  it("formats file sizes and years", () => {
    expect(formatFileSize(512, "en")).toBe("512 B");
    expect(formatFileSize(1536, "en")).toBe("1.5 KB");
    expect(formatFileSize(5 * 1024 * 1024, "ja")).toBe("5 MB");
    expect(yearOf("2011-03-11")).toBe("2011");
    expect(yearOf(null)).toBeNull();
    expect(yearParam("2011")).toBe("2011");
    expect(yearParam("20111")).toBeUndefined();
    expect(yearParam("0999")).toBeUndefined();
  });
});
