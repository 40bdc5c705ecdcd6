import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { consultationFormSchema, consultationState, daysLeft, deadlineOf, submissionFormSchema } from "~/models/consultation";
import { todayInJapan } from "~/utils/partial-date";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe("deadlines are Japan dates", () => {
  it("takes the last day a partial deadline allows, across month ends and leap years", () => {
    expect(deadlineOf("2011-11-30")).toBe("2011-11-30");
    expect(deadlineOf("2011-12")).toBe("2011-12-31");
    expect(deadlineOf("2012-02")).toBe("2012-02-29");
    expect(deadlineOf("2011-02")).toBe("2011-02-28");
    expect(deadlineOf("2007")).toBe("2007-12-31");
    expect(deadlineOf("2011-13")).toBeNull();
  });

  it("counts the day in Japan: 23:30 UTC on 31 January is already 1 February in Tokyo", () => {
    const today = todayInJapan(new Date("2012-01-31T23:30:00Z"));
    expect(today).toBe("2012-02-01");
    // A consultation closing on 31 January is closed for a reader in Tokyo, whatever the server's zone.
    expect(consultationState("2012-01-31", today)).toBe("closed");
    // Fourteen hours earlier it was still the 31st in Japan: the deadline day itself is open.
    expect(consultationState("2012-01-31", todayInJapan(new Date("2012-01-31T09:00:00Z")))).toBe("closingSoon");
    expect(daysLeft("2012-01-31", "2012-01-31")).toBe(0);
  });

  it("is closing soon from fourteen days before the deadline, across a month end", () => {
    expect(consultationState("2012-03-14", "2012-02-29")).toBe("closingSoon");
    expect(daysLeft("2012-03-14", "2012-02-29")).toBe(14);
    expect(consultationState("2012-03-15", "2012-02-29")).toBe("open");
    expect(consultationState("2012-12-31", "2012-12-30")).toBe("closingSoon");
    expect(consultationState("2011-12-31", "2012-01-01")).toBe("closed");
  });
});

describe("the consultation form", () => {
  const schema = consultationFormSchema(1024 * 1024);

  it("needs a title in one language and a deadline, and normalises dates", () => {
    const result = parseWithZod(form({ titleJa: "案", closesOn: "2011年12月", openedOn: "2011/11/1" }), { schema });
    expect(result.status).toBe("success");
    if (result.status === "success") {
      expect(result.value.closesOn).toBe("2011-12");
      expect(result.value.openedOn).toBe("2011-11-01");
    }
    const missing = parseWithZod(form({ note: "x" }), { schema });
    expect(missing.status).toBe("error");
    expect(missing.reply().error).toMatchObject({ titleJa: ["error.consultationTitle"], closesOn: ["error.required"] });
  });

  it("refuses a deadline before the day it opened, and unknown choices", () => {
    const result = parseWithZod(form({ titleEn: "Draft", openedOn: "2011-11-10", closesOn: "2011-11-09", finalTextChanged: "maybe", url: "javascript:alert(1)" }), { schema });
    expect(result.reply().error).toMatchObject({
      closesOn: ["error.consultationClosesBeforeOpens"],
      finalTextChanged: ["error.unknownChoice"],
      url: ["error.url"],
    });
    // The same month for both is fine: "2011-11" closes by the 30th.
    expect(parseWithZod(form({ titleEn: "Draft", openedOn: "2011-11-10", closesOn: "2011-11" }), { schema }).status).toBe("success");
  });
});

describe("the submission form", () => {
  const schema = submissionFormSchema(1024 * 1024);

  it("needs each point's text, and an answer unless the government gave none", () => {
    const result = parseWithZod(
      form({
        submittedOn: "2011-11-25",
        "points[0].demandId": "d1",
        "points[1].textJa": "意見",
        "points[1].responseKind": "not_adopted",
        "points[2].textEn": "Point",
        "points[2].responseKind": "no_answer",
      }),
      { schema },
    );
    expect(result.reply().error).toEqual({ "points[0].textJa": ["error.pointText"], "points[1].responseAnswer": ["error.pointAnswerMissing"] });
  });

  it("refuses an unknown sender and answer kind", () => {
    const result = parseWithZod(form({ submittedOn: "2011", sender: "person:x", "points[0].textJa": "意見", "points[0].responseKind": "ignored" }), { schema });
    expect(result.reply().error).toMatchObject({ sender: ["error.unknownChoice"], "points[0].responseKind": ["error.unknownChoice"] });
  });
});
