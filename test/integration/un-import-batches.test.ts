// The pasted-text import saves in batches (docs/decisions/010, issue 4: long imports show their progress):
// without JavaScript one "save" request runs every batch; with it the page asks for one batch at a time.
// A paragraph changed by someone else after the preview stops the save before its batch: the batches
// before it stay saved, the reply says which paragraphs were and were not saved, and saving again
// finishes the rest without duplicates.
import { describe, expect, it } from "vitest";
import { IMPORT_BATCH, batchesOf, inBatches, paragraphSpan } from "~/models/batches";
import { createDocument, planImport, saveImport } from "~/models/un.server";
import { splitConcludingObservations } from "~/models/un-import";
import { action as importAction } from "~/routes/un.documents.$unDocumentId.import";
import { db } from "~/utils/db.server";
import { args, makeRequest, payload, run, statusOf } from "../request";

const staffId = async () => (await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } })).id;

async function newDocument(symbol: string) {
  const m = await db.unMechanism.findFirstOrThrow({ where: { abbreviation: "ICERD" } });
  return createDocument({ mechanismId: m.id, kind: "concluding_observations", symbol, titleEn: `Concluding observations ${symbol}`, issuedOn: "2037-08", languages: ["en"] }, await staffId());
}

/** Pasted text of `n` numbered paragraphs. */
const pasted = (n: number, word = "measure") => Array.from({ length: n }, (_, i) => `${i + 1}. The Committee recommends that the State party take ${word} ${i + 1}.`).join("\n\n");

async function send(documentId: string, form: Record<string, string>) {
  const request = await makeRequest(`/un/documents/${documentId}/import`, { role: "staff", method: "POST", form });
  return run(() => importAction(args(request, { unDocumentId: documentId })));
}

const count = (documentId: string) => db.recommendation.count({ where: { documentId } });

describe("batches", () => {
  it("cuts items in batches of IMPORT_BATCH, saves them in order and stops at a failing one", async () => {
    expect(batchesOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batchesOf([])).toEqual([]);
    expect(batchesOf(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([IMPORT_BATCH, IMPORT_BATCH, 20]);
    const steps: number[] = [];
    const saved: number[][] = [];
    await expect(
      inBatches(
        [1, 2, 3, 4, 5],
        async (batch, index) => {
          if (index === 2) throw new Error("batch 3 fails");
          saved.push(batch);
        },
        (done) => steps.push(done),
        2,
      ),
    ).rejects.toThrow("batch 3 fails");
    expect(saved).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(steps).toEqual([2, 4]);
    expect(paragraphSpan(["51", "52", "100"])).toBe("51–100");
    expect(paragraphSpan(["7"])).toBe("7");
  });
});

describe("the pasted import, in batches", () => {
  it("saves 120 paragraphs in three batches, reporting progress; the same text again changes nothing", async () => {
    const doc = await newDocument("CERD/C/JPN/CO/120-121");
    const plan = await planImport(doc.id, splitConcludingObservations(pasted(120)).paragraphs);
    const steps: number[] = [];
    const saved = await saveImport(doc.id, plan, await staffId(), { progress: (done) => steps.push(done) });
    expect(steps).toEqual([50, 100, 120]);
    expect(saved).toMatchObject({ created: 120, updated: 0, unchanged: 0, notSaved: [], conflicts: [] });
    expect(await count(doc.id)).toBe(120);
    const again = await saveImport(doc.id, await planImport(doc.id, splitConcludingObservations(pasted(120)).paragraphs), await staffId());
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 120 });
  });

  it("without JavaScript: a paragraph changed after the preview stops the save before its batch; saving again finishes without duplicates", async () => {
    const doc = await newDocument("CERD/C/JPN/CO/122-123");
    // On record before the import: paragraph 70, which the import will update.
    await db.recommendation.create({ data: { documentId: doc.id, paragraph: "70", position: 70, textEn: "Earlier text of 70." } });
    const text = pasted(120);
    const preview = payload(await send(doc.id, { intent: "preview", text }));
    expect(preview.plan?.find((p) => p.paragraph === "70")).toMatchObject({ state: "changed", version: 1 });
    const versions = preview.versions ?? "";
    expect(JSON.parse(versions)).toMatchObject({ "1": null, "70": 1 });

    // Someone edits paragraph 70 meanwhile.
    await db.recommendation.updateMany({ where: { documentId: doc.id, paragraph: "70" }, data: { textEn: "Edited by someone else.", version: { increment: 1 } } });
    const stopped = await send(doc.id, { intent: "save", text, versions });
    expect(statusOf(stopped)).toBe(409);
    const reply = payload(stopped);
    expect(reply.result?.error?.[""]).toEqual(["un.import.stopped?saved=1%E2%80%9350&notSaved=51%E2%80%93120", "un.import.conflict?paragraphs=70"]);
    expect(await count(doc.id)).toBe(51);
    expect((await db.recommendation.findFirstOrThrow({ where: { documentId: doc.id, paragraph: "70" } })).textEn).toBe("Edited by someone else.");
    // The preview comes back as things are now: 1–50 saved, 70 at its new version.
    expect(reply.plan?.filter((p) => p.state === "same").map((p) => p.paragraph)).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1)));
    expect(JSON.parse(reply.versions ?? "{}")).toMatchObject({ "70": 2 });

    // Save again with the fresh preview: the rest is saved, nothing twice.
    const done = await send(doc.id, { intent: "save", text, versions: reply.versions ?? "" });
    expect(statusOf(done)).toBe(302);
    expect(await count(doc.id)).toBe(120);
    expect((await db.recommendation.findFirstOrThrow({ where: { documentId: doc.id, paragraph: "70" } })).textEn).toBe("The Committee recommends that the State party take measure 70.");
    const ids = (await db.recommendation.findMany({ where: { documentId: doc.id }, select: { id: true } })).map((r) => r.id);
    expect(await db.auditEvent.count({ where: { entityType: "Recommendation", entityId: { in: ids }, action: "create" } })).toBe(119);
  });

  it("with JavaScript: batch by batch, a conflict stops at its batch, and the retry after a new preview finishes without duplicates and goes to the document", async () => {
    const doc = await newDocument("CERD/C/JPN/CO/124-125");
    const text = pasted(120);
    const versions = payload(await send(doc.id, { intent: "preview", text })).versions ?? "";
    const first = await send(doc.id, { intent: "save-batch", text, versions, batch: "0" });
    expect(statusOf(first)).toBe(200);
    expect(payload(first).batch).toMatchObject({ index: 0, batches: 3, total: 120, created: 50, failed: false });
    expect(await count(doc.id)).toBe(50);

    // Paragraph 60 is added by someone else before batch 1 is saved.
    await db.recommendation.create({ data: { documentId: doc.id, paragraph: "60", position: 60, textEn: "Added meanwhile." } });
    const second = await send(doc.id, { intent: "save-batch", text, versions, batch: "1" });
    expect(statusOf(second)).toBe(409);
    // What was and was not saved, of the whole text: batch 0 by the request before.
    const stop = payload(second).batch;
    expect(stop).toMatchObject({ index: 1, failed: true, conflicts: ["60"], created: 0 });
    expect(stop?.saved).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1)));
    expect(stop?.notSaved).toEqual(Array.from({ length: 70 }, (_, i) => String(i + 51)));
    expect(await count(doc.id)).toBe(51);

    // A new preview (what the page does after a conflict) and every batch again.
    const fresh = payload(await send(doc.id, { intent: "preview", text }));
    expect(fresh.plan?.filter((p) => p.state !== "same").map((p) => p.paragraph)).toHaveLength(70);
    for (const batch of ["0", "1"]) expect(statusOf(await send(doc.id, { intent: "save-batch", text, versions: fresh.versions ?? "", batch }))).toBe(200);
    // The last batch goes on to the document, as the save without JavaScript does.
    const last = await send(doc.id, { intent: "save-batch", text, versions: fresh.versions ?? "", batch: "2", created: "50", updated: "1", unchanged: "0" });
    expect(statusOf(last)).toBe(302);
    expect(last instanceof Response ? last.headers.get("Location") : null).toBe(`/un/documents/${doc.id}`);
    expect(await count(doc.id)).toBe(120);
    expect((await db.recommendation.findFirstOrThrow({ where: { documentId: doc.id, paragraph: "60" } })).textEn).toBe("The Committee recommends that the State party take measure 60.");

    // A batch the text does not have is refused.
    expect(statusOf(await send(doc.id, { intent: "save-batch", text, versions, batch: "3" }))).toBe(400);
  });
});
