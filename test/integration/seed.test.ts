// The demo data set as loaded by scripts/seed.ts (test/global-setup.ts seeds the template this file's
// database is copied from): requests, rounds, instruments and outcomes drawn from the SMJ reports, and
// the rule that the demo data goes only into an empty database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { docText, sectionWords } from "~/models/counter-report";
import { composerData } from "~/models/counter-report.server";
import { statusAsOf } from "~/models/status";
import { loader as composerLoader } from "~/routes/un.reports.$reportId._index";
import { db } from "~/utils/db.server";
import { NOT_EMPTY_MESSAGE, seedDemo } from "../../scripts/seed";
import { testRoot } from "../paths";
import { args, makeRequest, payload } from "../request";

const projectRoot = path.dirname(testRoot);

type DemoRequest = { key: string; titleJa: string; addressees: string[]; items: Array<{ demand: string }> };
type DemoRound = { key: string; titleJa: string; request?: string; bodies: string[]; items: Array<{ demand: string; body?: string }> };
type DemoOutcome = { demand: string; degree: string; occurredOn: string; channels?: unknown[] };

function demo<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, "prisma", "demo", file), "utf8")) as T;
}

const BASIC_POLICY = "配偶者からの暴力の防止及び被害者の保護のための施策に関する基本的な方針";

describe("demo negotiations and outcomes", () => {
  it("records the DV demand as partially reflected in the Basic Policy of January 2008", async () => {
    const demand = await db.demand.findUniqueOrThrow({
      where: { ref: "D-014" },
      include: { outcomes: { include: { instrument: { include: { issuerBody: true } }, channels: { include: { request: true, round: true } } } } },
    });
    const basic = demand.outcomes.find((o) => o.instrument?.titleJa === BASIC_POLICY);
    expect(basic).toMatchObject({
      degree: "partially_reflected",
      occurredOn: "2008-01",
      instrument: { kind: "basic_policy", adoptedOn: "2008-01", issuerBody: { nameEn: "Cabinet Office" } },
    });
    // What led to it: the DV request and the talks with the NPA, the MOJ and the Cabinet Office.
    const rounds = basic?.channels.flatMap((c) => (c.round ? [c.round] : [])) ?? [];
    expect(rounds.map((r) => r.kind)).toContain("individual_talks");
    expect(basic?.channels.some((c) => c.request?.titleEn.includes("DV victims"))).toBe(true);
    // The National Police Agency note is a second outcome on the same demand.
    expect(demand.outcomes.find((o) => o.instrument?.issuerBody?.nameEn === "National Police Agency")).toMatchObject({
      degree: "partially_reflected",
      instrument: { kind: "notice" },
    });
    const facts = demand.outcomes.map((o) => ({ id: o.id, degree: o.degree, occurredOn: o.occurredOn, instrumentId: o.instrumentId, createdAt: o.createdAt }));
    expect(statusAsOf(facts, [], "2007-12-31", demand.firstRaisedOn).status).toBe("open");
    expect(statusAsOf(facts, [], "2008-02-01", demand.firstRaisedOn)).toMatchObject({ status: "partially_reflected", since: "2008-01-01" });
  });

  it("records the Japanese US-VISIT as a regression on 20 November 2007", async () => {
    const outcome = await db.outcome.findFirstOrThrow({ where: { demand: { ref: "D-018" } }, include: { instrument: true } });
    expect(outcome).toMatchObject({ degree: "regressed", occurredOn: "2007-11-20", instrument: { effectiveOn: "2007-11-20" } });
  });

  it("records the agreement that the Cabinet Secretariat is in effect the office in charge, at the October 2007 round", async () => {
    const round = await db.negotiationRound.findFirstOrThrow({
      where: { heldOn: "2007-10", kind: "ministry_round" },
      include: { request: true, items: { include: { demand: true, body: true, requestItem: true } } },
    });
    expect(round.request).toMatchObject({ kind: "regular", sentOn: "2007-10" });
    const item = round.items.find((i) => i.demand.ref === "D-002");
    expect(item).toMatchObject({ assessment: "commitment", body: { nameEn: "Cabinet Secretariat" } });
    expect(item?.answerText).toContain("内閣官房");
    expect(item?.requestItem?.requestId).toBe(round.requestId);
    const outcome = await db.outcome.findFirstOrThrow({ where: { demand: { ref: "D-002" } }, include: { channels: true } });
    expect(outcome).toMatchObject({ degree: "partially_reflected", occurredOn: "2007-10", instrumentId: null });
    expect(outcome.channels.map((c) => c.roundId)).toContain(round.id);
  });

  it("has the trainee network independent from June 2007, sending the December 2007 requests", async () => {
    const network = await db.projectNetwork.findFirstOrThrow({
      where: { nameEn: "Advocacy Network for Foreign Trainees" },
      include: { phases: true, organisation: true, requestsSent: { include: { addressees: { include: { body: true } } } } },
    });
    expect(network.phases).toContainEqual(expect.objectContaining({ status: "independent", fromOn: "2007-06" }));
    expect(network.organisation).toMatchObject({ foundedOn: "2007-06" });
    const december = network.requestsSent.find((r) => r.sentOn === "2007-12");
    expect(december?.kind).toBe("individual");
    expect(december?.addressees.map((a) => a.body.shortNameEn)).toContain("JITCO");
  });

  it("has the March and November 2011 ministry rounds with their agendas, and the meetings through the DPJ office", async () => {
    for (const heldOn of ["2011-03", "2011-11"]) {
      const round = await db.negotiationRound.findFirstOrThrow({
        where: { heldOn, kind: "ministry_round", deletedAt: null },
        include: { items: { orderBy: { position: "asc" }, include: { demand: true } }, bodies: true },
      });
      expect(round.items.length, heldOn).toBeGreaterThan(0);
      expect(round.items.map((i) => i.position)).toEqual(round.items.map((_, i) => i + 1));
      expect(round.items.map((i) => i.demand.ref)).toContain("D-010");
      expect(round.bodies.length).toBeGreaterThan(0);
    }
    const meetings = await db.negotiationRound.findMany({
      where: { kind: "intermediary_meeting" },
      include: { intermediaryBody: true, bodies: { include: { body: true } }, request: true },
    });
    expect(new Set(meetings.map((m) => m.intermediaryBody?.nameEn))).toEqual(new Set(["DPJ Secretary General's Office"]));
    expect(meetings.flatMap((m) => m.bodies.map((b) => b.body.shortNameEn ?? b.body.nameEn)).sort()).toEqual(
      ["Cabinet Office", "Chief Cabinet Secretary", "MEXT", "MHLW", "MOFA", "MOJ"].sort(),
    );
    for (const m of meetings) expect(m.request?.titleEn).toBe("Demands toward Implementing the Recommendations of the UN Special Rapporteur on the Human Rights of Migrants");
  });

  it("has the 2011 emergency requests after the earthquake", async () => {
    const emergency = await db.request.findMany({ where: { kind: "emergency" }, include: { addressees: { include: { body: true } } } });
    const addressed = new Set(emergency.flatMap((r) => r.addressees.map((a) => a.body.nameEn)));
    expect(addressed).toEqual(new Set(["Chief Cabinet Secretary", "Emergency Disaster Management Office"]));
    expect(emergency.every((r) => r.sentOn.startsWith("2011"))).toBe(true);
  });

  it("loads every request, round and outcome with its demands resolved, in the files' order", async () => {
    const requests = demo<DemoRequest[]>("requests.json");
    for (const r of requests) {
      const stored = await db.request.findFirstOrThrow({
        where: { titleJa: r.titleJa },
        include: { items: { orderBy: { position: "asc" }, include: { demand: true } }, addressees: true },
      });
      expect(stored.items.map((i) => i.demand.ref), r.key).toEqual(r.items.map((i) => i.demand));
      expect(stored.addressees).toHaveLength(r.addressees.length);
    }
    expect(await db.request.count()).toBe(requests.length);

    const rounds = demo<DemoRound[]>("rounds.json");
    for (const r of rounds) {
      const stored = await db.negotiationRound.findFirstOrThrow({
        where: { titleJa: r.titleJa },
        include: { items: { orderBy: { position: "asc" }, include: { demand: true, requestItem: { include: { demand: true } } } }, bodies: true },
      });
      expect(stored.items.map((i) => i.demand.ref), r.key).toEqual(r.items.map((i) => i.demand));
      expect(stored.bodies).toHaveLength(r.bodies.length);
      const request = r.request ? requests.find((q) => q.key === r.request) : undefined;
      for (const item of stored.items) {
        // An item answers the request item of the same demand when the round answers a request.
        const inRequest = request?.items.some((i) => i.demand === item.demand.ref) ?? false;
        expect(item.requestItem?.demand.ref ?? null, `${r.key} ${item.demand.ref}`).toBe(inRequest ? item.demand.ref : null);
        if (item.requestItem) expect(item.requestItem.requestId).toBe(stored.requestId);
      }
    }
    expect(await db.negotiationRound.count()).toBe(rounds.length);
    expect(await db.agendaItem.count()).toBe(rounds.reduce((n, r) => n + r.items.length, 0));

    const outcomes = demo<DemoOutcome[]>("outcomes.json");
    const stored = await db.outcome.findMany({ include: { demand: true, channels: true } });
    const summary = (list: Array<{ demand: string; degree: string; occurredOn: string; channels: number }>) =>
      list.map((o) => `${o.demand} ${o.degree} ${o.occurredOn} ${o.channels}`).sort();
    expect(summary(stored.map((o) => ({ demand: o.demand.ref, degree: o.degree, occurredOn: o.occurredOn, channels: o.channels.length })))).toEqual(
      summary(outcomes.map((o) => ({ demand: o.demand, degree: o.degree, occurredOn: o.occurredOn, channels: o.channels?.length ?? 0 }))),
    );
    expect(await db.instrument.count()).toBe(demo<unknown[]>("instruments.json").length);
  });

  it("has staff-only notes on requests, rounds, agenda items and outcomes", async () => {
    const internal = { internalNote: { not: null } };
    expect(await db.request.count({ where: internal })).toBeGreaterThan(0);
    expect(await db.negotiationRound.count({ where: internal })).toBeGreaterThan(0);
    expect(await db.agendaItem.count({ where: internal })).toBeGreaterThan(0);
    expect(await db.outcome.count({ where: internal })).toBeGreaterThan(0);
  });

  it("has open commitments: one overdue, and a demo follow-up in December 2026", async () => {
    const open = await db.agendaItem.findMany({
      where: { followUpStatus: "open", OR: [{ commitmentJa: { not: null } }, { commitmentEn: { not: null } }] },
    });
    expect(open.length).toBeGreaterThan(0);
    for (const item of open) expect(item.followUpOn).toBeTruthy();
    const demoFollowUp = open.find((i) => i.followUpOn?.startsWith("2026-12"));
    expect(demoFollowUp?.followUpNote).toContain("デモ");
    expect(demoFollowUp?.followUpNote).toContain("demo");
    expect(open.some((i) => (i.followUpOn ?? "9999") < "2026")).toBe(true);
  });
});

describe("demo UN work and the counter-report in progress", () => {
  /** The demo's counter-report: CERD's review of the seventh to ninth reports, following CERD/C/JPN/CO/3-6. */
  async function demoReport() {
    return db.counterReport.findFirstOrThrow({ where: { cycle: { titleEn: "Seventh to ninth periodic reports" } }, include: { cycle: { include: { stages: true } } } });
  }

  it("has the follow-on CERD cycle, due as CERD/C/JPN/CO/3-6 set it, with its counter-report's sections on the outline", async () => {
    const report = await demoReport();
    expect(report.cycle.stages.map((s) => [s.kind, s.on])).toEqual([["state_report", "2013-01-14"]]);
    const previous = await db.reviewStage.findFirstOrThrow({ where: { kind: "next_report_due", cycle: { titleEn: "Third to sixth periodic reports" } } });
    expect(previous.on).toBe("2013-01-14");

    const composer = await composerData(report.id, "2026-12-02");
    expect(composer?.previous?.titleEn).toBe("Third to sixth periodic reports");
    const outline = (composer?.sections ?? []).map((s) => `${s.recommendations[0].document.symbol} ${s.recommendations[0].paragraph}`);
    expect(outline).toEqual(["CERD/C/JPN/CO/3-6 9", "CERD/C/JPN/CO/3-6 12", "CERD/C/JPN/CO/3-6 13", "CERD/C/JPN/CO/3-6 24"]);
    // Every stored row is a section of the outline (a key off the outline would be hidden).
    const rows = await db.counterReportSection.findMany({ where: { reportId: report.id }, include: { assignee: true } });
    const keys = (composer?.sections ?? []).map((s) => s.key);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(keys).toContain(row.key);
    // In progress: one done, two being written by staff, the reservation to article 4 not started.
    const byParagraph = new Map((composer?.sections ?? []).map((s) => [s.recommendations[0].paragraph, rows.find((r) => r.key === s.key)]));
    expect(byParagraph.get("9")).toMatchObject({ done: true, assignee: { email: "staff@example.org" } });
    expect(byParagraph.get("12")).toMatchObject({ done: false, assignee: { email: "staff@example.org" }, analysisEn: null });
    expect(docText(byParagraph.get("12")?.analysisJa)).toContain("パリ原則");
    expect(byParagraph.get("13")).toBeUndefined();
    expect(byParagraph.get("24")).toMatchObject({ done: false, assignee: { role: "admin" } });
    for (const row of rows) expect(row.wordCount, row.key).toBe(sectionWords(row));
    expect(byParagraph.get("9")?.wordCount).toBeGreaterThan(100);
    expect(composer && [...composer.stored.values()].filter((s) => s.done)).toHaveLength(1);
  });

  it("renders the seeded text on the composer page, in English and Japanese side by side", async () => {
    const report = await demoReport();
    const page = payload(await composerLoader(args(await makeRequest(`/un/reports/${report.id}`, { role: "member" }), { reportId: report.id })));
    expect(page.progress).toEqual({ done: 1, total: 4 });
    const [law, nhri, art4, trainees] = page.shown;
    expect(law.written?.analysisEn).toContain("article 14 of the Constitution");
    expect(law.written?.analysisJa).toContain("憲法第14条");
    expect(law.written?.proposalsEn).toContain("<li>");
    expect(law.written?.done).toBe(true);
    expect(nhri.written?.analysisJa).toContain("国内人権機関");
    expect(art4.written).toBeNull();
    expect(trainees.written?.analysisEn).toContain("Advocacy Network for Foreign Trainees");
    expect(page.totalWords).toBe((law.written?.wordCount ?? 0) + (trainees.written?.wordCount ?? 0));
  });

  it("shows the seed reports' UN work: MOFA counter-report talks, the CESCR NGO report, the Special Rapporteur's report and what followed, the Human Rights Council statements", async () => {
    const mofa = await db.negotiationRound.findFirstOrThrow({ where: { heldOn: "2007", bodies: { some: { body: { shortNameEn: "MOFA" } } } } });
    expect(mofa.titleEn).toContain("ICERD and ICESCR");
    const erd = await db.negotiationRound.findFirstOrThrow({ where: { titleEn: { contains: "ERD-Net" } }, include: { items: { include: { demand: true } } } });
    expect(erd.items.map((i) => i.demand.ref)).toEqual(["D-024"]);
    const ngo = await db.unDocument.findFirstOrThrow({ where: { kind: "ngo_submission", mechanism: { abbreviation: "ICESCR" } } });
    expect(ngo.issuedOn).toBe("2011");
    const sr = await db.unDocument.findMany({ where: { cycle: { titleEn: "Country visit to Japan (2010)" } }, orderBy: { issuedOn: "asc" } });
    expect(sr.map((d) => [d.kind, d.issuedOn])).toEqual(
      expect.arrayContaining([["special_procedure_report", "2011-03-21"], ["statement", "2011-06"], ["other", "2011-06"], ["other", "2011"]]),
    );
    expect(sr.find((d) => d.kind === "other" && d.issuedOn === "2011-06")?.titleEn).toContain("translation");
    const diet = await db.negotiationRound.findFirstOrThrow({ where: { heldOn: "2011-07", kind: "diet_member_meeting" }, include: { items: { include: { demand: true } } } });
    expect(diet.items.map((i) => i.demand.ref)).toEqual(["D-004"]);
    const visit = await db.reviewCycle.findFirstOrThrow({ where: { titleEn: "Country visit to Japan (2010)" } });
    expect(visit.notes).toContain("明治学院大学");
    expect(visit.notes).toContain("Meiji Gakuin University");
    const hrc = await db.unDocument.findFirstOrThrow({ where: { kind: "statement", issuedOn: "2011-03" } });
    for (const topic of ["technical trainees", "anti-discrimination legislation", "national human rights body"]) expect(hrc.titleEn).toContain(topic);
  });
});

describe("loading the demo data twice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the command as `npm run seed` does (tsx), on the given database file. */
  function runSeed(file: string) {
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join("scripts", "seed.ts")], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      encoding: "utf8",
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function counts(file: string) {
    const sqlite = new Database(file, { readonly: true });
    try {
      return sqlite
        .prepare('SELECT (SELECT COUNT(*) FROM "User") AS users, (SELECT COUNT(*) FROM "Demand") AS demands, (SELECT COUNT(*) FROM "Request") AS requests')
        .get();
    } finally {
      sqlite.close();
    }
  }

  it("refuses in seedDemo() when the database is not empty, and changes nothing", async () => {
    const before = { users: await db.user.count(), requests: await db.request.count(), outcomes: await db.outcome.count() };
    await expect(seedDemo()).rejects.toThrow(NOT_EMPTY_MESSAGE);
    expect({ users: await db.user.count(), requests: await db.request.count(), outcomes: await db.outcome.count() }).toEqual(before);
  });

  // The command runs on private copies in the system's temporary folder (as in create-admin.test.ts).
  it("refuses on the command line, also when only demands are left", { timeout: 90_000 }, async () => {
    const file = path.join(dir, "copy.db");
    await db.$executeRawUnsafe(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
    const before = counts(file);
    const again = runSeed(file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(NOT_EMPTY_MESSAGE);
    expect(counts(file)).toEqual(before);

    const sqlite = new Database(file);
    try {
      sqlite.pragma("foreign_keys = OFF");
      sqlite.exec('DELETE FROM "Session"; DELETE FROM "User";');
    } finally {
      sqlite.close();
    }
    const withoutUsers = runSeed(file);
    expect(withoutUsers.code).toBe(1);
    expect(withoutUsers.stderr).toContain(NOT_EMPTY_MESSAGE);
    expect(counts(file)).toMatchObject({ users: 0, requests: (before as { requests: number }).requests });
  });
});
