// Reminders on a real SQLite file: scheduling by each user's choice in Japan time, the log that keeps a
// rerun from repeating a reminder or a mail, delivery to a local SMTP catcher (smtp-server), and the
// settings form's validation.
import { type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uidOf } from "~/models/calendar";
import { DEFAULT_REMINDERS, remindersDue } from "~/models/reminder";
import { listReminders, markRemindersSeen, runReminders, saveReminderSettings, unseenReminderCount } from "~/models/reminder.server";
import { action as settingsAction } from "~/routes/settings.calendar";
import { db } from "~/utils/db.server";
import { mailerFor } from "~/utils/mail.server";
import { args, makeRequest, statusOf } from "../request";

// 2032-05-10 09:00 in Tokyo is 2032-05-10T00:00Z; 2032-05-09T15:30Z is already the 10th in Tokyo.
const NOW = new Date("2032-05-09T15:30:00Z");
const received: Array<{ to: string; raw: string }> = [];
let smtp: SMTPServer;
let smtpUrl = "";
const ids = { staff: "", member: "", consultation: "", far: "", ownItem: "", otherItem: "", doneItem: "" };

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  // Only this file's users take part: the others get no reminders from this file's events.
  await db.reminderSetting.createMany({
    data: (await db.user.findMany({ select: { id: true } })).map((u) => ({ userId: u.id, consultations: false, commitments: "none", unStages: false, daysBefore: 0, email: false })),
  });
  const staff = await db.user.findUniqueOrThrow({ where: { email: "staff@example.org" } });
  const member = await db.user.findUniqueOrThrow({ where: { email: "member@example.org" } });
  ids.staff = staff.id;
  ids.member = member.id;
  const person = await db.person.create({ data: { kind: "staff", nameJa: "暦 花子", nameEn: "Hanako Koyomi" } });
  await db.user.update({ where: { id: staff.id }, data: { personId: person.id } });
  await saveReminderSettings(staff.id, { consultations: true, commitments: "own", unStages: false, daysBefore: 7, email: true }, 1);
  await saveReminderSettings(member.id, { consultations: true, commitments: "all", unStages: false, daysBefore: 3, email: false }, 1);

  ids.consultation = (await db.consultation.create({ data: { titleJa: "5月の意見募集", titleEn: "May consultation", closesOn: "2032-05-12", deadlineOn: "2032-05-12", internalNote: "SECRET" } })).id;
  ids.far = (await db.consultation.create({ data: { titleJa: "遠い締切", titleEn: "Far deadline", closesOn: "2032-05-20", deadlineOn: "2032-05-20" } })).id;
  const demand = await db.demand.create({ data: { ref: "T-601", titleJa: "リマインダーの要求", titleEn: "Reminder demand" } });
  const attended = await db.negotiationRound.create({
    data: { kind: "ministry_round", titleJa: "出席した交渉", titleEn: "Attended round", heldOn: "2032-04-01", participants: { create: { personId: person.id, side: "ours" } } },
  });
  const other = await db.negotiationRound.create({ data: { kind: "ministry_round", titleJa: "他の交渉", titleEn: "Other round", heldOn: "2032-04-02" } });
  ids.ownItem = (await db.agendaItem.create({ data: { roundId: attended.id, position: 1, demandId: demand.id, commitmentJa: "回答する", followUpOn: "2032-05-15", followUpStatus: "open" } })).id;
  ids.otherItem = (await db.agendaItem.create({ data: { roundId: other.id, position: 1, demandId: demand.id, commitmentJa: "別の約束", followUpOn: "2032-05-11", followUpStatus: "open" } })).id;
  ids.doneItem = (await db.agendaItem.create({ data: { roundId: attended.id, position: 2, demandId: demand.id, commitmentJa: "済んだ約束", followUpOn: "2032-05-11", followUpStatus: "done" } })).id;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const uidsOf = async (userId: string) => (await listReminders(userId)).map((r) => r.eventUid).sort();

describe("remindersDue (pure)", () => {
  const base = { titleJa: "t", titleEn: "t", detailJa: null, detailEn: null, href: "/", precision: "day" as const, roundId: null, open: false };
  const events = [
    { ...base, uid: "c1", kind: "consultation_deadline" as const, on: "2032-05-10", date: "2032-05-10" },
    { ...base, uid: "c2", kind: "consultation_deadline" as const, on: "2032-05-17", date: "2032-05-17" },
    { ...base, uid: "c3", kind: "consultation_deadline" as const, on: "2032-05-18", date: "2032-05-18" },
    { ...base, uid: "past", kind: "consultation_deadline" as const, on: "2032-05-09", date: "2032-05-09" },
    { ...base, uid: "own", kind: "commitment" as const, on: "2032-05-12", date: "2032-05-12", open: true, roundId: "r1" },
    { ...base, uid: "other", kind: "commitment" as const, on: "2032-05-12", date: "2032-05-12", open: true, roundId: "r2" },
    { ...base, uid: "closed", kind: "commitment" as const, on: "2032-05-12", date: "2032-05-12", open: false, roundId: "r1" },
    { ...base, uid: "un", kind: "un_stage" as const, on: "2032-05", date: "2032-05-31" },
  ];
  it("takes the chosen kinds from today to today + days before, own open commitments only", () => {
    expect(remindersDue(events, DEFAULT_REMINDERS, "2032-05-10", new Set(["r1"])).map((e) => e.uid)).toEqual(["c1", "c2", "own"]);
  });
  it("takes all open commitments, UN stages (a month-only date on its last day) and the day itself with 0 days", () => {
    const choice = { ...DEFAULT_REMINDERS, commitments: "all" as const, unStages: true, daysBefore: 21 };
    expect(remindersDue(events, choice, "2032-05-10", new Set()).map((e) => e.uid)).toEqual(["c1", "c2", "c3", "own", "other", "un"]);
    expect(remindersDue(events, { ...choice, daysBefore: 0, commitments: "none", unStages: false }, "2032-05-10", new Set()).map((e) => e.uid)).toEqual(["c1"]);
  });
  it("crosses a month end", () => {
    const may31 = [{ ...base, uid: "june", kind: "consultation_deadline" as const, on: "2032-06-03", date: "2032-06-03" }];
    expect(remindersDue(may31, DEFAULT_REMINDERS, "2032-05-31", new Set()).map((e) => e.uid)).toEqual(["june"]);
    expect(remindersDue(may31, { ...DEFAULT_REMINDERS, daysBefore: 2 }, "2032-05-31", new Set())).toEqual([]);
  });
});

describe("runReminders", () => {
  it("makes each user's reminders on the Japan day, mails them once, and repeats nothing when run again", async () => {
    const mailer = mailerFor(smtpUrl, "Tracker <tracker@example.org>");
    const first = await runReminders({ now: NOW, mailer, appUrl: "https://tracker.example" });
    expect(first.today).toBe("2032-05-10");
    expect(await uidsOf(ids.staff)).toEqual([uidOf("commitment", ids.ownItem), uidOf("consultation_deadline", ids.consultation)].sort());
    // 3 days for the member: the consultation of the 12th and the other round's commitment of the 11th, not the one of the 15th.
    expect(await uidsOf(ids.member)).toEqual([uidOf("commitment", ids.otherItem), uidOf("consultation_deadline", ids.consultation)].sort());
    // Only the staff member asked for mail.
    expect(received.map((m) => m.to)).toEqual(["staff@example.org", "staff@example.org"]);
    expect(first.emailed).toBe(2);
    const mail = received.map((m) => m.raw).join("\n");
    expect(mail).toContain("https://tracker.example/consultations/");
    expect(mail).not.toContain("SECRET");

    const again = await runReminders({ now: new Date(NOW.getTime() + 3_600_000), mailer, appUrl: "https://tracker.example" });
    expect(again).toMatchObject({ created: 0, emailed: 0 });
    expect(received).toHaveLength(2);
    expect(await uidsOf(ids.staff)).toHaveLength(2);
  });

  it("counts unseen reminders and marks one or all as seen, only the user's own", async () => {
    expect(await unseenReminderCount(ids.staff)).toBe(2);
    const [first] = await listReminders(ids.member);
    await markRemindersSeen(ids.staff, first.id);
    expect(await unseenReminderCount(ids.member)).toBe(2);
    await markRemindersSeen(ids.member, first.id);
    expect(await unseenReminderCount(ids.member)).toBe(1);
    await markRemindersSeen(ids.staff);
    expect(await unseenReminderCount(ids.staff)).toBe(0);
  });

  it("keeps reminders in the app without a mailer, and a later day adds the events that came into reach", async () => {
    const later = await runReminders({ now: new Date("2032-05-13T01:00:00Z") });
    expect(later.emailed).toBe(0);
    expect(await uidsOf(ids.staff)).toContain(uidOf("consultation_deadline", ids.far));
  });
});

describe("settings form", () => {
  it("answers field errors and keeps what was typed; saves a valid choice", async () => {
    const bad = await settingsAction(args(await makeRequest("/settings/calendar", { role: "member", method: "POST", form: { intent: "reminders", commitments: "some", daysBefore: "3.5", consultations: "on" } })));
    expect(statusOf(bad)).toBe(400);
    const reply = JSON.stringify(bad);
    expect(reply).toContain("error.daysBefore");
    expect(reply).toContain("error.commitmentsChoice");
    expect(reply).toContain("3.5");
    const good = await settingsAction(args(await makeRequest("/settings/calendar", { role: "member", method: "POST", form: { intent: "reminders", commitments: "none", daysBefore: "10", unStages: "on", version: "2" } })));
    expect(statusOf(good)).toBe(302);
    expect(await db.reminderSetting.findUniqueOrThrow({ where: { userId: ids.member } })).toMatchObject({ commitments: "none", daysBefore: 10, unStages: true, consultations: false });
    // The same stale version again: refused, not silently overwritten.
    const stale = await settingsAction(args(await makeRequest("/settings/calendar", { role: "member", method: "POST", form: { intent: "reminders", commitments: "all", daysBefore: "1", version: "2" } })));
    expect(statusOf(stale)).toBe(409);
    // Said as what happened to one's own settings (no comparison panel on this form), with the choice kept.
    expect(JSON.stringify(stale)).toContain("error.settingsChanged");
    expect(JSON.stringify(stale)).toContain('"daysBefore":"1"');
  });
});
