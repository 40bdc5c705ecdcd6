// Who may do what: one entry per route module in app/routes (the file name is the key), with a real
// path on the demo data, and for GET (the loader) and POST (the action) the expected answer per role.
// test/integration/authorization.test.ts checks every cell, and fails for a route file that has no
// entry here: a new route must say who may use it.
//
// The answers:
//   ok               200, or a redirect that is the success of the request (not to the sign-in page)
//   invalid          400: the guard let the role through, the route's own validation refused the body
//                    (used where success would spoil the demo accounts, e.g. changing one's password)
//   login            a redirect to /login?redirectTo=<this path>: sign in first
//   unauthorized     401: the read API (/api/v1) without a valid bearer token (it signs in with the
//                    role's personal API token, not the session cookie: test/route-harness.ts)
//   forbidden        403: signed in, but the role may not
//   notFound         404
//   methodNotAllowed the module has no action (Remix answers 405 to a POST)
//
// A POST body is a real, valid form, so that an action whose guard were missing would write; the test
// checks that a refused request (login, forbidden, methodNotAllowed) changed no row of any table.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { exportsDir } from "~/models/data-export.server";
import { composerData, createReport } from "~/models/counter-report.server";
import { storeAttachmentBytes } from "~/utils/attachments.server";
import { db } from "~/utils/db.server";
import { DEMO, type DemoRole } from "./request";

export const ROLES = ["anonymous", "member", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];
export type Answer = "ok" | "invalid" | "login" | "unauthorized" | "forbidden" | "notFound" | "methodNotAllowed";
export type Expected = Record<Role, Answer>;

/** Anyone, signed in or not. */
export const PUBLIC: Expected = { anonymous: "ok", member: "ok", staff: "ok", admin: "ok" };
/** Any signed-in user. */
export const SIGNED_IN: Expected = { anonymous: "login", member: "ok", staff: "ok", admin: "ok" };
/** Staff and administrators. */
export const STAFF: Expected = { anonymous: "login", member: "forbidden", staff: "ok", admin: "ok" };
/** Administrators only. */
export const ADMIN: Expected = { anonymous: "login", member: "forbidden", staff: "forbidden", admin: "ok" };
/** The read API: any user's personal token; without one a JSON 401. */
export const API: Expected = { anonymous: "unauthorized", member: "ok", staff: "ok", admin: "ok" };
/** The module has no action. */
export const NO_ACTION: Expected = { anonymous: "methodNotAllowed", member: "methodNotAllowed", staff: "methodNotAllowed", admin: "methodNotAllowed" };

/** Real ids from the demo data (chosen where staff see internal notes), and a few records made for the test. */
export type Fixtures = Awaited<ReturnType<typeof resolveFixtures>>;
export type Form = Record<string, string | string[]>;

type Context = { f: Fixtures; role: Role };

export type Entry = {
  /** A concrete path for this route; its segments must match the file name. */
  path: (f: Fixtures) => string;
  /** Query string added to the GET (not part of the route's path). */
  search?: (f: Fixtures) => string;
  get: Expected;
  /** Staff see internal notes on this page: the test checks that staff get one and members none. */
  internalNotes?: boolean;
  post:
    | { expect: Expected; form: (c: Context) => Form | Promise<Form>; path?: (c: Context) => string | Promise<string> }
    | typeof NO_ACTION;
  /** When a made-up id does not answer 404 to the roles allowed through (say, because validation comes first). */
  unknownId?: { get?: Answer; post?: Answer };
};

let serial = 0;
/** A different value on every call: names, emails and phase dates that must not repeat. */
const next = () => ++serial;

/** The demo sign-in used by a role for the sign-in form (anonymous visitors sign in as the member). */
const credentials = (role: Role) => DEMO[role === "anonymous" ? "member" : (role as DemoRole)];

export async function resolveFixtures() {
  const outcome = await db.outcome.findFirstOrThrow({ where: { internalNote: { not: null }, deletedAt: null }, orderBy: { createdAt: "asc" } });
  const request = await db.request.findFirstOrThrow({ where: { internalNote: { not: null }, deletedAt: null }, orderBy: { createdAt: "asc" } });
  const round = await db.negotiationRound.findFirstOrThrow({ where: { internalNote: { not: null }, deletedAt: null }, orderBy: { createdAt: "asc" } });
  const noted = await db.agendaItem.findFirstOrThrow({ where: { internalNote: { not: null }, bodyId: { not: null } } });
  // A round with two agenda items or more, so that one can be moved.
  const rounds = await db.negotiationRound.findMany({ where: { deletedAt: null }, select: { id: true, _count: { select: { items: true } } } });
  const movable = rounds.find((r) => r._count.items >= 2);
  if (!movable) throw new Error("the demo data has no round with two agenda items");
  const instrument = await db.instrument.findFirstOrThrow({ where: { deletedAt: null, outcomes: { some: {} } } });
  const network = await db.projectNetwork.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { createdAt: "asc" } });
  const organisation = await db.organisation.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { createdAt: "asc" } });
  // The demo people have no contact details: give one some, which members must never receive.
  const partner = await db.person.findFirstOrThrow({ where: { deletedAt: null, kind: "partner" }, orderBy: { createdAt: "asc" } });
  const person = await db.person.update({
    where: { id: partner.id },
    data: { email: "matrix.partner@example.org", phone: "03-5253-1111", notes: "権限表の試験：職員だけが読むメモ" },
  });
  const consultation = await db.consultation.findFirstOrThrow({ where: { internalNote: { not: null }, deletedAt: null }, orderBy: { createdAt: "asc" } });
  const submission = await db.commentSubmission.findFirstOrThrow({ where: { consultationId: consultation.id, internalNote: { not: null }, deletedAt: null } });
  // UN treaty reporting: a cycle and a recommendation with internal notes.
  const cycle = await db.reviewCycle.findFirstOrThrow({ where: { internalNote: { not: null }, deletedAt: null } });
  const recommendation = await db.recommendation.findFirstOrThrow({ where: { internalNote: { not: null }, deletedAt: null } });
  const figure = await db.membershipFigure.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { year: "asc" } });
  const planGoal = await db.activityPlanGoal.findFirstOrThrow({ where: { deletedAt: null, year: 2007 }, orderBy: [{ section: "asc" }, { position: "asc" }] });
  const member = await db.user.findUniqueOrThrow({ where: { email: DEMO.member.email } });
  const staff = await db.user.findUniqueOrThrow({ where: { email: DEMO.staff.email } });
  // A counter-report (docs/decisions/014) on a treaty of its own, which no other entry adds cycles to: its
  // last review has a recommendation linked to the noted outcome's demand; its first section is written to.
  const treaty = await db.unMechanism.create({ data: { kind: "treaty", abbreviation: "MXT", nameJa: "権限表条約", nameEn: "Matrix treaty", japanStatus: "ratified" } });
  const lastReview = await db.reviewCycle.create({ data: { mechanismId: treaty.id, titleJa: "前回審査", titleEn: "Last review", stages: { create: [{ kind: "concluding_observations", on: "2001-03" }] } } });
  const co = await db.unDocument.create({ data: { mechanismId: treaty.id, cycleId: lastReview.id, kind: "concluding_observations", symbol: "MXT/C/JPN/CO/1", titleJa: "総括所見", titleEn: "Concluding observations", issuedOn: "2001-03" } });
  await db.recommendation.create({
    data: { documentId: co.id, paragraph: "10", position: 10, textEn: "The Committee recommends a matrix test.", internalNote: "権限表の試験：勧告の内部メモ", demands: { create: [{ demandId: outcome.demandId }] } },
  });
  const reportCycle = await db.reviewCycle.create({ data: { mechanismId: treaty.id, titleJa: "今回審査", titleEn: "This review", stages: { create: [{ kind: "dialogue", on: "2031-01" }] } } });
  const report = await createReport(reportCycle.id, { titleEn: "Matrix counter-report", outlineMode: "recommendations" }, staff.id);
  if (!report) throw new Error("the counter-report was not created");
  const composer = await composerData(report.id, "2026-12-02");
  const sectionKey = composer?.sections[0]?.key;
  if (!sectionKey) throw new Error("the demo counter-report has no section: the cycle's last review has no recommendation");

  // The demo data has no files: attach one to the outcome.
  const bytes = new TextEncoder().encode("%PDF-1.4\n% authorization matrix\n");
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const attachment = await db.attachment.create({
    data: { fileName: "matrix.pdf", contentType: "application/pdf", size: bytes.byteLength, sha256, storagePath: await storeAttachmentBytes(sha256, bytes), outcomeId: outcome.id, uploadedById: staff.id },
  });

  // A finished export, with its file, for the download route.
  const exportJob = await db.dataJob.create({ data: { kind: "export", status: "done", fileName: "matrix-export.json", finishedAt: new Date() } });
  fs.mkdirSync(exportsDir(), { recursive: true });
  fs.writeFileSync(path.join(exportsDir(), "matrix-export.json"), '{"format":"advocacy-tracker-export"}');

  // The public page shows this demand, so that the leak walk reads its public timeline with every note.
  await db.demand.update({ where: { id: outcome.demandId }, data: { isPublic: true } });

  return {
    exportJobId: exportJob.id,
    // The demand and body whose pages show the noted outcome and agenda item.
    demandId: outcome.demandId,
    bodyId: noted.bodyId as string,
    instrumentId: instrument.id,
    networkId: network.id,
    organisationId: organisation.id,
    personId: person.id,
    requestId: request.id,
    roundId: round.id,
    // An agenda item with an internal note, and its round.
    itemRoundId: noted.roundId,
    itemId: noted.id,
    movableRoundId: movable.id,
    outcomeId: outcome.id,
    consultationId: consultation.id,
    submissionId: submission.id,
    attachmentId: attachment.id,
    mechanismId: cycle.mechanismId,
    cycleId: cycle.id,
    unDocumentId: recommendation.documentId,
    recommendationId: recommendation.id,
    membershipFigureId: figure.id,
    planGoalId: planGoal.id,
    memberUserId: member.id,
    staffUserId: staff.id,
    reportId: report.id,
    reportCycleId: reportCycle.id,
    sectionKey,
  };
}

/** Current values of records the edit forms post back, with their version. */
const current = {
  body: (id: string) => db.body.findUniqueOrThrow({ where: { id } }),
  demand: (id: string) => db.demand.findUniqueOrThrow({ where: { id } }),
  instrument: (id: string) => db.instrument.findUniqueOrThrow({ where: { id } }),
  network: (id: string) => db.projectNetwork.findUniqueOrThrow({ where: { id } }),
  organisation: (id: string) => db.organisation.findUniqueOrThrow({ where: { id } }),
  person: (id: string) => db.person.findUniqueOrThrow({ where: { id } }),
  outcome: (id: string) => db.outcome.findUniqueOrThrow({ where: { id } }),
  request: (id: string) => db.request.findUniqueOrThrow({ where: { id }, include: { items: { orderBy: { position: "asc" } } } }),
  round: (id: string) => db.negotiationRound.findUniqueOrThrow({ where: { id }, include: { bodies: true } }),
  item: (id: string) => db.agendaItem.findUniqueOrThrow({ where: { id } }),
  consultation: (id: string) => db.consultation.findUniqueOrThrow({ where: { id } }),
  submission: (id: string) => db.commentSubmission.findUniqueOrThrow({ where: { id }, include: { points: { orderBy: { position: "asc" } } } }),
  mechanism: (id: string) => db.unMechanism.findUniqueOrThrow({ where: { id } }),
  cycle: (id: string) => db.reviewCycle.findUniqueOrThrow({ where: { id } }),
  unDocument: (id: string) => db.unDocument.findUniqueOrThrow({ where: { id } }),
  recommendation: (id: string) => db.recommendation.findUniqueOrThrow({ where: { id } }),
  report: (id: string) => db.counterReport.findUniqueOrThrow({ where: { id } }),
  sectionVersion: async (reportId: string, key: string) => (await db.counterReportSection.findUnique({ where: { reportId_key: { reportId, key } } }))?.version ?? 0,
};

/** Optional text fields as a form sends them: absent when empty. */
function fields(values: Record<string, string | number | null | undefined>): Form {
  const form: Form = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== "") form[k] = String(v);
  return form;
}

/** A year without membership figures (one row a year, in the trash or not). */
const freeFigureYear = async () => ((await db.membershipFigure.aggregate({ _max: { year: true } }))._max.year ?? 2000) + 1;

/** A record of its own for each role to delete, so that the fixtures stay (routes *.delete.tsx). */
const toDelete = {
  membershipFigure: async () => (await db.membershipFigure.create({ data: { year: await freeFigureYear(), individualMembers: 1 } })).id,
  planGoal: async () => (await db.activityPlanGoal.create({ data: { year: 2007, section: "publicity", position: 100 + next(), goalJa: `削除用目標${next()}`, goalEn: "Matrix" } })).id,
  request: async () => (await db.request.create({ data: { kind: "regular", titleJa: `削除用要望書${next()}`, titleEn: "Matrix", sentOn: "2015" } })).id,
  round: async () => (await db.negotiationRound.create({ data: { kind: "ministry_round", titleJa: `削除用交渉${next()}`, titleEn: "Matrix", heldOn: "2015-01-05" } })).id,
  instrument: async () => (await db.instrument.create({ data: { kind: "law", titleJa: `削除用文書${next()}`, titleEn: "Matrix" } })).id,
  person: async () => (await db.person.create({ data: { kind: "other", nameJa: `削除用 人物${next()}`, nameEn: "Matrix" } })).id,
  organisation: async () => (await db.organisation.create({ data: { kind: "partner", nameJa: `削除用団体${next()}`, nameEn: "Matrix" } })).id,
  network: async () => (await db.projectNetwork.create({ data: { nameJa: `削除用ネットワーク${next()}`, nameEn: "Matrix" } })).id,
  body: async () => (await db.body.create({ data: { kind: "other", nameJa: `削除用機関${next()}`, nameEn: "Matrix" } })).id,
  demand: async () => (await db.demand.create({ data: { ref: `MX-${next()}`, titleJa: `削除用要求${next()}`, titleEn: "Matrix" } })).id,
  consultation: async () => (await db.consultation.create({ data: { titleJa: `削除用意見募集${next()}`, titleEn: "Matrix", closesOn: "2015-03", deadlineOn: "2015-03-31" } })).id,
  submission: async (consultationId: string) => (await db.commentSubmission.create({ data: { consultationId, submittedOn: `2015-03-${String((next() % 28) + 1).padStart(2, "0")}` } })).id,
  mechanism: async () => (await db.unMechanism.create({ data: { kind: "special_procedure", abbreviation: `MX${next()}`, nameJa: "削除用メカニズム", nameEn: "Matrix", japanStatus: "not_applicable" } })).id,
  cycle: async () => {
    const m = await db.unMechanism.findFirstOrThrow({ where: { deletedAt: null } });
    return (await db.reviewCycle.create({ data: { mechanismId: m.id, titleJa: `削除用サイクル${next()}`, titleEn: "Matrix" } })).id;
  },
  unDocument: async () => {
    const m = await db.unMechanism.findFirstOrThrow({ where: { deletedAt: null } });
    return (await db.unDocument.create({ data: { mechanismId: m.id, kind: "other", titleJa: `削除用国連文書${next()}`, titleEn: "Matrix" } })).id;
  },
  recommendation: async () => {
    const d = await db.unDocument.findFirstOrThrow({ where: { deletedAt: null } });
    return (await db.recommendation.create({ data: { documentId: d.id, paragraph: String(900 + next()), textEn: "Matrix" } })).id;
  },
};

export const matrix: Record<string, Entry> = {
  "_index.tsx": { path: () => "/", get: SIGNED_IN, post: NO_ACTION },
  "healthz.ts": { path: () => "/healthz", get: PUBLIC, post: NO_ACTION },
  // The public page (docs/decisions/018), on in the tests (test/setup-db.ts); public.test.ts checks it off.
  "public._index.tsx": { path: () => "/public", get: PUBLIC, post: NO_ACTION },
  "public.demands.$demandId.tsx": { path: (f) => `/public/demands/${f.demandId}`, get: PUBLIC, post: NO_ACTION },
  "ping.tsx": { path: () => "/ping", get: SIGNED_IN, post: NO_ACTION },
  // A word found only in an internal note: staff find it, members must not (test/integration/search.test.ts).
  "status-board.tsx": { path: () => "/status-board", search: () => "?group=theme&state=all", get: SIGNED_IN, post: NO_ACTION },
  "status-board[.]csv.ts": { path: () => "/status-board.csv", search: () => "?group=network&state=all", get: SIGNED_IN, post: NO_ACTION },
  "requests[.]csv.ts": { path: () => "/requests.csv", search: () => "?sort=title", get: SIGNED_IN, post: NO_ACTION },
  "demands[.]csv.ts": { path: () => "/demands.csv", search: () => "?state=all", get: SIGNED_IN, post: NO_ACTION },
  // The other lists' CSV downloads (every row the filters keep; staff-only columns for staff).
  "rounds[.]csv.ts": { path: () => "/rounds.csv", get: SIGNED_IN, post: NO_ACTION },
  "consultations[.]csv.ts": { path: () => "/consultations.csv", get: SIGNED_IN, post: NO_ACTION },
  "un.recommendations[.]csv.ts": { path: () => "/un/recommendations.csv", get: SIGNED_IN, post: NO_ACTION },
  "bodies[.]csv.ts": { path: () => "/bodies.csv", get: SIGNED_IN, post: NO_ACTION },
  "organisations[.]csv.ts": { path: () => "/organisations.csv", get: SIGNED_IN, post: NO_ACTION },
  "networks[.]csv.ts": { path: () => "/networks.csv", get: SIGNED_IN, post: NO_ACTION },
  "people[.]csv.ts": { path: () => "/people.csv", get: SIGNED_IN, post: NO_ACTION },
  "instruments[.]csv.ts": { path: () => "/instruments.csv", get: SIGNED_IN, post: NO_ACTION },
  "membership[.]csv.ts": { path: () => "/membership.csv", get: STAFF, post: NO_ACTION },
  "bodies.$bodyId.answers[.]csv.ts": { path: (f) => `/bodies/${f.bodyId}/answers.csv`, get: SIGNED_IN, post: NO_ACTION },
  "calendar[.]csv.ts": { path: () => "/calendar.csv", get: SIGNED_IN, post: NO_ACTION },
  "search.tsx": { path: () => "/search", search: () => `?q=${encodeURIComponent("突き合わせ")}`, get: SIGNED_IN, post: NO_ACTION },

  // The read API (/api/v1): bearer tokens, JSON (docs/decisions/017).
  "api.v1.demands._index.ts": { path: () => "/api/v1/demands", search: () => "?state=all&per_page=100", get: API, post: NO_ACTION },
  "api.v1.demands.$demandId.ts": { path: (f) => `/api/v1/demands/${f.demandId}`, get: API, internalNotes: true, post: NO_ACTION },
  "api.v1.bodies.ts": { path: () => "/api/v1/bodies", search: () => "?per_page=100", get: API, post: NO_ACTION },
  "api.v1.outcomes.ts": { path: () => "/api/v1/outcomes", search: () => "?per_page=100", get: API, internalNotes: true, post: NO_ACTION },
  "api.v1.$.ts": { path: () => "/api/v1/no-such-path", get: { anonymous: "unauthorized", member: "notFound", staff: "notFound", admin: "notFound" }, post: NO_ACTION },
  "settings.api-tokens.tsx": {
    path: () => "/settings/api-tokens",
    get: SIGNED_IN,
    // An empty name: the form refuses it, and no token is made.
    post: { expect: { anonymous: "login", member: "invalid", staff: "invalid", admin: "invalid" }, form: () => ({ intent: "create", name: "" }) },
  },

  "login.tsx": {
    path: () => "/login",
    // Signed-in users are sent on to the home page.
    get: PUBLIC,
    // Signing in works for everyone, and starts a new session for whoever held one.
    post: { expect: PUBLIC, form: ({ role }) => ({ ...credentials(role), redirectTo: "/" }) },
  },
  "logout.tsx": { path: () => "/logout", get: PUBLIC, post: { expect: PUBLIC, form: () => ({}) } },
  "set-language.tsx": { path: () => "/set-language", get: PUBLIC, post: { expect: PUBLIC, form: () => ({ locale: "en", redirectTo: "/" }) } },
  "settings.password.tsx": {
    path: () => "/settings/password",
    get: SIGNED_IN,
    // A wrong current password: the demo passwords must stay as they are.
    post: {
      expect: { anonymous: "login", member: "invalid", staff: "invalid", admin: "invalid" },
      form: () => ({ currentPassword: "not-the-password", newPassword: "a-new-long-password", newPasswordConfirm: "a-new-long-password" }),
    },
  },
  // The calendar, its feeds and reminders (docs/decisions/015). The feed's token is its credential: a made-up one is 404 to everyone.
  "calendar._index.tsx": { path: () => "/calendar", get: SIGNED_IN, post: NO_ACTION },
  "calendar.event[.]ics.ts": {
    path: () => "/calendar/event.ics",
    search: (f) => `?uid=${encodeURIComponent(`round-${f.roundId}@advocacy-tracker`)}`,
    get: SIGNED_IN,
    post: NO_ACTION,
  },
  "ics.$token.ts": {
    path: () => "/ics/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
    get: { anonymous: "notFound", member: "notFound", staff: "notFound", admin: "notFound" },
    post: NO_ACTION,
  },
  "settings.calendar.tsx": {
    path: () => "/settings/calendar",
    get: SIGNED_IN,
    // An out-of-range number of days: the demo accounts' choices stay as they are.
    post: { expect: { anonymous: "login", member: "invalid", staff: "invalid", admin: "invalid" }, form: () => ({ intent: "reminders", commitments: "all", daysBefore: "999" }) },
  },
  "reminders.tsx": { path: () => "/reminders", get: SIGNED_IN, post: { expect: SIGNED_IN, form: () => ({}) } },

  // The full JSON export and import (docs/decisions/017); a POST without a known intent, so that no job starts.
  "admin.data._index.tsx": { path: () => "/admin/data", get: ADMIN, post: { expect: { anonymous: "login", member: "forbidden", staff: "forbidden", admin: "invalid" }, form: () => ({ intent: "matrix" }) } },
  "admin.data.$jobId.download.ts": { path: (f) => `/admin/data/${f.exportJobId}/download`, get: ADMIN, post: NO_ACTION },
  "admin.users._index.tsx": { path: () => "/admin/users", get: ADMIN, post: NO_ACTION },
  "admin.users.new.tsx": {
    path: () => "/admin/users/new",
    get: ADMIN,
    post: {
      expect: ADMIN,
      form: () => ({ email: `matrix-${next()}@example.org`, name: "Matrix User", role: "admin", locale: "en", password: "matrix-password-1", passwordConfirm: "matrix-password-1" }),
    },
  },
  "admin.users.$userId.tsx": {
    path: (f) => `/admin/users/${f.memberUserId}`,
    get: ADMIN,
    post: { expect: ADMIN, form: () => ({ intent: "unlock" }) },
  },

  "attachments.$attachmentId.ts": { path: (f) => `/attachments/${f.attachmentId}`, get: SIGNED_IN, post: NO_ACTION },

  "bodies._index.tsx": { path: () => "/bodies", get: SIGNED_IN, post: NO_ACTION },
  "bodies.new.tsx": { path: () => "/bodies/new", get: STAFF, post: { expect: STAFF, form: () => ({ kind: "other", nameJa: `試験機関${next()}` }) } },
  "bodies.$bodyId._index.tsx": { path: (f) => `/bodies/${f.bodyId}`, get: SIGNED_IN, post: NO_ACTION },
  "bodies.$bodyId.answers.tsx": { path: (f) => `/bodies/${f.bodyId}/answers`, get: SIGNED_IN, internalNotes: true, post: NO_ACTION },
  "bodies.$bodyId.edit.tsx": {
    path: (f) => `/bodies/${f.bodyId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const b = await current.body(f.bodyId);
        return fields({ kind: b.kind, nameJa: b.nameJa, nameEn: b.nameEn, shortNameJa: b.shortNameJa, shortNameEn: b.shortNameEn, parentId: b.parentId, sortOrder: b.sortOrder, version: b.version });
      },
    },
  },

  "demands._index.tsx": { path: () => "/demands", get: SIGNED_IN, post: NO_ACTION },
  "demands.new.tsx": { path: () => "/demands/new", get: STAFF, post: { expect: STAFF, form: () => ({ titleJa: `試験要求${next()}` }) } },
  "demands.$demandId._index.tsx": { path: (f) => `/demands/${f.demandId}`, get: SIGNED_IN, internalNotes: true, post: NO_ACTION },
  "demands.$demandId.timeline.tsx": { path: (f) => `/demands/${f.demandId}/timeline`, get: SIGNED_IN, internalNotes: true, post: NO_ACTION },
  "demands.$demandId.status.tsx": {
    path: (f) => `/demands/${f.demandId}/status`,
    get: SIGNED_IN,
    post: { expect: STAFF, form: () => ({ intent: "setOverride", status: "partially_reflected", fromOn: "2012", reason: "権限表の試験" }) },
  },
  "demands.$demandId.edit.tsx": {
    path: (f) => `/demands/${f.demandId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const d = await current.demand(f.demandId);
        return fields({ titleJa: d.titleJa, titleEn: d.titleEn, version: d.version });
      },
    },
  },

  "instruments._index.tsx": { path: () => "/instruments", get: SIGNED_IN, post: NO_ACTION },
  "instruments.new.tsx": { path: () => "/instruments/new", get: STAFF, post: { expect: STAFF, form: () => ({ kind: "law", titleJa: `試験法${next()}` }) } },
  "instruments.$instrumentId._index.tsx": { path: (f) => `/instruments/${f.instrumentId}`, get: SIGNED_IN, post: NO_ACTION },
  "instruments.$instrumentId.edit.tsx": {
    path: (f) => `/instruments/${f.instrumentId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const i = await current.instrument(f.instrumentId);
        return fields({ kind: i.kind, titleJa: i.titleJa, titleEn: i.titleEn, issuerBodyId: i.issuerBodyId, adoptedOn: i.adoptedOn, version: i.version });
      },
    },
  },

  "networks._index.tsx": { path: () => "/networks", get: SIGNED_IN, post: NO_ACTION },

  // Dashboards and membership figures (docs/decisions/016).
  "dashboard.tsx": { path: () => "/dashboard", get: SIGNED_IN, post: NO_ACTION },
  "membership._index.tsx": { path: () => "/membership", get: STAFF, post: NO_ACTION },
  "membership.new.tsx": {
    path: () => "/membership/new",
    get: STAFF,
    post: { expect: STAFF, form: async () => ({ year: String(await freeFigureYear()), individualMembers: "10", individualMemberUnits: "12" }) },
  },
  "membership.$figureId.edit.tsx": {
    path: (f) => `/membership/${f.membershipFigureId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const m = await db.membershipFigure.findUniqueOrThrow({ where: { id: f.membershipFigureId } });
        return { year: String(m.year), individualMembers: String(m.individualMembers ?? ""), note: m.note ?? "", version: String(m.version) };
      },
    },
  },
  // The yearly activity report (staff): its draft, editor and exports.
  "reports._index.tsx": { path: () => "/reports", get: STAFF, post: NO_ACTION },
  "reports.$year._index.tsx": { path: () => "/reports/2007", get: STAFF, post: { expect: STAFF, form: () => ({ intent: "regenerate" }) } },
  "reports.$year.edit.tsx": {
    path: () => "/reports/2007/edit",
    get: STAFF,
    post: {
      expect: STAFF,
      form: async () => {
        const report = await db.activityReport.findUnique({ where: { year: 2007 } });
        return { version: String(report?.version ?? 1), publicity: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "権限表の試験" }] }] }) };
      },
    },
  },
  "reports.$year.export[.]docx.ts": { path: () => "/reports/2007/export.docx", get: STAFF, post: NO_ACTION },
  "reports.$year.export[.]md.ts": { path: () => "/reports/2007/export.md", get: STAFF, post: NO_ACTION },
  // The year's plan goals: members read them, staff edit, reorder and delete them.
  "reports.$year.plan._index.tsx": {
    path: () => "/reports/2007/plan",
    get: SIGNED_IN,
    post: { expect: STAFF, form: ({ f }) => ({ intent: "move", goalId: f.planGoalId, direction: "down" }) },
  },
  "reports.$year.plan.new.tsx": {
    path: () => "/reports/2007/plan/new",
    get: STAFF,
    post: { expect: STAFF, form: () => ({ section: "publicity", goalJa: `権限表の試験目標${next()}` }) },
  },
  "reports.goals.$goalId._index.tsx": { path: (f) => `/reports/goals/${f.planGoalId}`, get: SIGNED_IN, post: NO_ACTION },
  "reports.goals.$goalId.edit.tsx": {
    path: (f) => `/reports/goals/${f.planGoalId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const g = await db.activityPlanGoal.findUniqueOrThrow({ where: { id: f.planGoalId } });
        return fields({ section: g.section, goalJa: g.goalJa, goalEn: g.goalEn, result: g.result, resultJa: g.resultJa, resultEn: g.resultEn, version: g.version });
      },
    },
  },
  "reports.goals.$goalId.delete.tsx": {
    path: (f) => `/reports/goals/${f.planGoalId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/reports/goals/${await toDelete.planGoal()}/delete`, form: () => ({}) },
  },
  "membership.$figureId.delete.tsx": {
    path: (f) => `/membership/${f.membershipFigureId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/membership/${await toDelete.membershipFigure()}/delete`, form: () => ({}) },
  },
  "networks.new.tsx": {
    path: () => "/networks/new",
    get: STAFF,
    post: { expect: STAFF, form: () => ({ nameJa: `試験プロジェクト${next()}`, status: "independent", fromOn: "2020" }) },
  },
  "networks.$networkId._index.tsx": {
    path: (f) => `/networks/${f.networkId}`,
    get: SIGNED_IN,
    post: { expect: STAFF, form: () => ({ intent: "addPhase", status: "dormant", nameJa: "試験", nameEn: "Test", fromOn: String(2030 + next()) }) },
  },
  "networks.$networkId.edit.tsx": {
    path: (f) => `/networks/${f.networkId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const n = await current.network(f.networkId);
        return fields({ nameJa: n.nameJa, nameEn: n.nameEn, organisationId: n.organisationId, version: n.version });
      },
    },
  },

  "organisations._index.tsx": { path: () => "/organisations", get: SIGNED_IN, post: NO_ACTION },
  "organisations.new.tsx": { path: () => "/organisations/new", get: STAFF, post: { expect: STAFF, form: () => ({ kind: "partner", nameEn: `Matrix partner ${next()}` }) } },
  "organisations.$organisationId._index.tsx": {
    path: (f) => `/organisations/${f.organisationId}`,
    get: SIGNED_IN,
    post: { expect: STAFF, form: () => ({ intent: "addFormerName", nameJa: `旧名${next()}` }) },
  },
  "organisations.$organisationId.edit.tsx": {
    path: (f) => `/organisations/${f.organisationId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const o = await current.organisation(f.organisationId);
        return fields({ kind: o.kind, nameJa: o.nameJa, nameEn: o.nameEn, shortName: o.shortName, foundedOn: o.foundedOn, dissolvedOn: o.dissolvedOn, version: o.version });
      },
    },
  },

  "people._index.tsx": { path: () => "/people", get: SIGNED_IN, post: NO_ACTION },
  "people.new.tsx": { path: () => "/people/new", get: STAFF, post: { expect: STAFF, form: () => ({ kind: "other", nameJa: `試験 太郎${next()}` }) } },
  "people.$personId._index.tsx": {
    path: (f) => `/people/${f.personId}`,
    get: SIGNED_IN,
    post: { expect: STAFF, form: ({ f }) => ({ intent: "addAffiliation", bodyId: f.bodyId, roleJa: `係${next()}`, startOn: "2011" }) },
  },
  "people.$personId.edit.tsx": {
    path: (f) => `/people/${f.personId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const p = await current.person(f.personId);
        return fields({ kind: p.kind, nameJa: p.nameJa, nameEn: p.nameEn, email: p.email, phone: p.phone, notes: p.notes, version: p.version });
      },
    },
  },

  "requests._index.tsx": { path: () => "/requests", get: SIGNED_IN, post: NO_ACTION },
  "requests.new.tsx": {
    path: () => "/requests/new",
    get: STAFF,
    post: { expect: STAFF, form: ({ f }) => ({ kind: "regular", titleJa: `試験要望書${next()}`, sentOn: "2012-01", "items[0].demandId": f.demandId }) },
  },
  "requests.$requestId._index.tsx": { path: (f) => `/requests/${f.requestId}`, get: SIGNED_IN, internalNotes: true, post: NO_ACTION },
  "requests.$requestId.edit.tsx": {
    path: (f) => `/requests/${f.requestId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const r = await current.request(f.requestId);
        const form = fields({ kind: r.kind, titleJa: r.titleJa, titleEn: r.titleEn, sentOn: r.sentOn, internalNote: r.internalNote, version: r.version });
        r.items.forEach((item, i) => Object.assign(form, fields({ [`items[${i}].demandId`]: item.demandId, [`items[${i}].wordingJa`]: item.wordingJa, [`items[${i}].wordingEn`]: item.wordingEn })));
        return form;
      },
    },
  },

  "consultations._index.tsx": { path: () => "/consultations", get: SIGNED_IN, post: NO_ACTION },
  "consultations.new.tsx": {
    path: () => "/consultations/new",
    get: STAFF,
    post: { expect: STAFF, form: () => ({ titleJa: `試験意見募集${next()}`, closesOn: "2012-01-31" }) },
  },
  "consultations.$consultationId._index.tsx": { path: (f) => `/consultations/${f.consultationId}`, get: SIGNED_IN, internalNotes: true, post: NO_ACTION },
  "consultations.$consultationId.edit.tsx": {
    path: (f) => `/consultations/${f.consultationId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const c = await current.consultation(f.consultationId);
        return fields({
          titleJa: c.titleJa,
          titleEn: c.titleEn,
          caseNumber: c.caseNumber,
          issuerBodyId: c.issuerBodyId,
          instrumentId: c.instrumentId,
          openedOn: c.openedOn,
          closesOn: c.closesOn,
          url: c.url,
          note: c.note,
          resultOn: c.resultOn,
          finalTextChanged: c.finalTextChanged,
          resultNote: c.resultNote,
          internalNote: c.internalNote,
          version: c.version,
        });
      },
    },
  },
  "consultations.$consultationId.delete.tsx": {
    path: (f) => `/consultations/${f.consultationId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/consultations/${await toDelete.consultation()}/delete`, form: () => ({}) },
  },
  "consultations.$consultationId.submissions.new.tsx": {
    path: (f) => `/consultations/${f.consultationId}/submissions/new`,
    get: STAFF,
    post: { expect: STAFF, form: ({ f }) => ({ submittedOn: "2012-01-20", "points[0].demandId": f.demandId, "points[0].textJa": `試験の意見${next()}` }) },
  },
  "consultations.$consultationId.submissions.$submissionId.edit.tsx": {
    path: (f) => `/consultations/${f.consultationId}/submissions/${f.submissionId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const s = await current.submission(f.submissionId);
        const form = fields({ submittedOn: s.submittedOn, internalNote: s.internalNote, version: s.version });
        if (s.senderOrganisationId) form.sender = `org:${s.senderOrganisationId}`;
        if (s.senderNetworkId) form.sender = `net:${s.senderNetworkId}`;
        s.points.forEach((p, i) =>
          Object.assign(form, fields({ [`points[${i}].id`]: p.id, [`points[${i}].demandId`]: p.demandId, [`points[${i}].textJa`]: p.textJa, [`points[${i}].textEn`]: p.textEn })),
        );
        return form;
      },
    },
  },
  "consultations.$consultationId.submissions.$submissionId.delete.tsx": {
    path: (f) => `/consultations/${f.consultationId}/submissions/${f.submissionId}/delete`,
    get: STAFF,
    post: {
      expect: STAFF,
      path: async ({ f }) => `/consultations/${f.consultationId}/submissions/${await toDelete.submission(f.consultationId)}/delete`,
      form: () => ({}),
    },
  },

  "rounds._index.tsx": { path: () => "/rounds", get: SIGNED_IN, post: NO_ACTION },
  "rounds.new.tsx": { path: () => "/rounds/new", get: STAFF, post: { expect: STAFF, form: () => ({ kind: "ministry_round", titleJa: `試験交渉${next()}`, heldOn: "2012-02-03" }) } },
  "rounds.$roundId._index.tsx": {
    path: (f) => `/rounds/${f.roundId}`,
    get: SIGNED_IN,
    internalNotes: true,
    // Moves the first agenda item of a round that has two down.
    post: {
      expect: STAFF,
      path: ({ f }) => `/rounds/${f.movableRoundId}`,
      form: async ({ f }) => {
        const first = await db.agendaItem.findFirstOrThrow({ where: { roundId: f.movableRoundId }, orderBy: { position: "asc" } });
        return { intent: "moveDown", itemId: first.id };
      },
    },
  },
  "rounds.$roundId.edit.tsx": {
    path: (f) => `/rounds/${f.roundId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const r = await current.round(f.roundId);
        return {
          ...fields({ kind: r.kind, titleJa: r.titleJa, titleEn: r.titleEn, heldOn: r.heldOn, place: r.place, requestId: r.requestId, internalNote: r.internalNote, version: r.version }),
          bodyIds: r.bodies.map((b) => b.bodyId),
        };
      },
    },
  },
  "rounds.$roundId.items.new.tsx": {
    path: (f) => `/rounds/${f.roundId}/items/new`,
    get: STAFF,
    post: { expect: STAFF, form: ({ f }) => ({ demandId: f.demandId, bodyId: f.bodyId, questionJa: `試験質問${next()}` }) },
  },
  "rounds.$roundId.items.$itemId.tsx": {
    path: (f) => `/rounds/${f.itemRoundId}/items/${f.itemId}`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const i = await current.item(f.itemId);
        return fields({
          demandId: i.demandId,
          bodyId: i.bodyId,
          questionJa: i.questionJa,
          questionEn: i.questionEn,
          assessment: i.assessment,
          commitmentJa: i.commitmentJa,
          commitmentEn: i.commitmentEn,
          followUpOn: i.followUpOn,
          followUpStatus: i.followUpStatus,
          internalNote: i.internalNote,
          version: i.version,
        });
      },
    },
  },

  "outcomes.new.tsx": {
    path: () => "/outcomes/new",
    get: STAFF,
    post: { expect: STAFF, form: ({ f }) => ({ demandId: f.demandId, degree: "mentioned", occurredOn: "2013", note: `権限表${next()}` }) },
  },
  "outcomes.form-options.tsx": { path: () => "/outcomes/form-options", search: (f) => `?demand=${f.demandId}`, get: STAFF, post: NO_ACTION },
  "outcomes.$outcomeId._index.tsx": {
    path: (f) => `/outcomes/${f.outcomeId}`,
    get: SIGNED_IN,
    internalNotes: true,
    // Deleting: each role gets an outcome of its own to delete.
    post: {
      expect: STAFF,
      path: async ({ f }) => {
        const o = await db.outcome.create({ data: { demandId: f.demandId, degree: "mentioned", occurredOn: "2014", note: `削除用${next()}` } });
        return `/outcomes/${o.id}`;
      },
      form: () => ({ intent: "delete" }),
    },
  },
  "outcomes.$outcomeId.edit.tsx": {
    path: (f) => `/outcomes/${f.outcomeId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const o = await current.outcome(f.outcomeId);
        return fields({ demandId: o.demandId, instrumentId: o.instrumentId, degree: o.degree, occurredOn: o.occurredOn, note: o.note, internalNote: o.internalNote, version: o.version });
      },
    },
  },

  // A record's history: staff, a user's history administrators only (a made-up type or id is 404).
  "un._index.tsx": { path: () => "/un", get: SIGNED_IN, post: NO_ACTION },
  "un.mechanisms.new.tsx": {
    path: () => "/un/mechanisms/new",
    get: STAFF,
    post: { expect: STAFF, form: () => ({ kind: "special_procedure", abbreviation: `MX${next()}`, nameEn: "Matrix mandate", japanStatus: "not_applicable" }) },
  },
  "un.mechanisms.$mechanismId._index.tsx": { path: (f) => `/un/mechanisms/${f.mechanismId}`, get: SIGNED_IN, post: NO_ACTION },
  "un.mechanisms.$mechanismId.edit.tsx": {
    path: (f) => `/un/mechanisms/${f.mechanismId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const m = await current.mechanism(f.mechanismId);
        return fields({ kind: m.kind, abbreviation: m.abbreviation, nameJa: m.nameJa, nameEn: m.nameEn, japanStatus: m.japanStatus, ratifiedOn: m.ratifiedOn, version: m.version });
      },
    },
  },
  "un.mechanisms.$mechanismId.delete.tsx": {
    path: (f) => `/un/mechanisms/${f.mechanismId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/un/mechanisms/${await toDelete.mechanism()}/delete`, form: () => ({}) },
  },
  "un.cycles.new.tsx": {
    path: () => "/un/cycles/new",
    get: STAFF,
    post: { expect: STAFF, form: ({ f }) => ({ mechanismId: f.mechanismId, titleEn: `Matrix cycle ${next()}`, stage_dialogue: "2030-05" }) },
  },
  "un.cycles.$cycleId._index.tsx": { path: (f) => `/un/cycles/${f.cycleId}`, get: SIGNED_IN, internalNotes: true, post: NO_ACTION },
  "un.cycles.$cycleId.edit.tsx": {
    path: (f) => `/un/cycles/${f.cycleId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const c = await current.cycle(f.cycleId);
        return fields({ mechanismId: c.mechanismId, titleJa: c.titleJa, titleEn: c.titleEn, session: c.session, internalNote: c.internalNote, version: c.version });
      },
    },
  },
  "un.cycles.$cycleId.delete.tsx": {
    path: (f) => `/un/cycles/${f.cycleId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/un/cycles/${await toDelete.cycle()}/delete`, form: () => ({}) },
  },
  "un.documents.new.tsx": {
    path: () => "/un/documents/new",
    get: STAFF,
    post: { expect: STAFF, form: ({ f }) => ({ mechanismId: f.mechanismId, kind: "other", titleEn: `Matrix document ${next()}` }) },
  },
  "un.documents.$unDocumentId._index.tsx": { path: (f) => `/un/documents/${f.unDocumentId}`, get: SIGNED_IN, post: NO_ACTION },
  "un.documents.$unDocumentId.edit.tsx": {
    path: (f) => `/un/documents/${f.unDocumentId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const d = await current.unDocument(f.unDocumentId);
        return { ...fields({ mechanismId: d.mechanismId, cycleId: d.cycleId, kind: d.kind, symbol: d.symbol, titleJa: d.titleJa, titleEn: d.titleEn, issuedOn: d.issuedOn, version: d.version }), languages: d.languages?.split(",") ?? [] };
      },
    },
  },
  "un.documents.$unDocumentId.delete.tsx": {
    path: (f) => `/un/documents/${f.unDocumentId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/un/documents/${await toDelete.unDocument()}/delete`, form: () => ({}) },
  },
  // A preview writes nothing; saving is tested in test/integration/un.test.ts.
  "un.documents.$unDocumentId.import.tsx": {
    path: (f) => `/un/documents/${f.unDocumentId}/import`,
    get: STAFF,
    post: { expect: STAFF, form: () => ({ intent: "preview", text: "1. The Committee recommends a matrix test." }) },
  },
  "un.import-template[.]csv.ts": { path: () => "/un/import-template.csv", get: STAFF, post: NO_ACTION },
  "un.recommendations._index.tsx": { path: () => "/un/recommendations", get: SIGNED_IN, post: NO_ACTION },
  "un.recommendations.new.tsx": {
    path: () => "/un/recommendations/new",
    get: STAFF,
    post: { expect: STAFF, form: ({ f }) => ({ documentId: f.unDocumentId, paragraph: String(500 + next()), textEn: "The Committee recommends a matrix test." }) },
  },
  "un.recommendations.$recommendationId._index.tsx": { path: (f) => `/un/recommendations/${f.recommendationId}`, get: SIGNED_IN, internalNotes: true, post: NO_ACTION },
  "un.recommendations.$recommendationId.edit.tsx": {
    path: (f) => `/un/recommendations/${f.recommendationId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const r = await db.recommendation.findUniqueOrThrow({ where: { id: f.recommendationId }, include: { demands: { include: { demand: true } }, themes: true } });
        return {
          ...fields({ documentId: r.documentId, paragraph: r.paragraph, textEn: r.textEn, textJa: r.textJa, grade: r.grade, internalNote: r.internalNote, reiteratesId: r.reiteratesId, version: r.version }),
          demandRefs: r.demands.map((d) => d.demand.ref).join(", "),
          themeIds: r.themes.map((x) => x.themeId),
        };
      },
    },
  },
  "un.recommendations.$recommendationId.delete.tsx": {
    path: (f) => `/un/recommendations/${f.recommendationId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/un/recommendations/${await toDelete.recommendation()}/delete`, form: () => ({}) },
  },

  // The counter-report composer (docs/decisions/014): a new cycle of its own for each start.
  "un.cycles.$cycleId.report.tsx": {
    path: (f) => `/un/cycles/${f.reportCycleId}/report`,
    get: SIGNED_IN,
    post: { expect: STAFF, path: async () => `/un/cycles/${await toDelete.cycle()}/report`, form: () => ({ titleEn: `Matrix report ${next()}`, outlineMode: "articles", wordLimit: "10700" }) },
  },
  "un.reports.$reportId._index.tsx": { path: (f) => `/un/reports/${f.reportId}`, get: SIGNED_IN, post: NO_ACTION },
  "un.reports.$reportId.print.tsx": { path: (f) => `/un/reports/${f.reportId}/print`, get: SIGNED_IN, post: NO_ACTION },
  "un.reports.$reportId.grading.tsx": { path: (f) => `/un/reports/${f.reportId}/grading`, get: SIGNED_IN, post: NO_ACTION },
  "un.reports.$reportId.grading[.]csv.ts": { path: (f) => `/un/reports/${f.reportId}/grading.csv`, get: SIGNED_IN, post: NO_ACTION },
  "un.reports.$reportId.report[.]docx.ts": { path: (f) => `/un/reports/${f.reportId}/report.docx`, get: SIGNED_IN, post: NO_ACTION },
  "un.reports.$reportId.edit.tsx": {
    path: (f) => `/un/reports/${f.reportId}/edit`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => {
        const r = await current.report(f.reportId);
        return fields({ titleEn: r.titleEn, titleJa: r.titleJa, outlineMode: r.outlineMode, wordLimit: r.wordLimit, version: r.version });
      },
    },
  },
  "un.reports.$reportId.sections.$sectionKey.tsx": {
    path: (f) => `/un/reports/${f.reportId}/sections/${f.sectionKey}`,
    get: STAFF,
    post: {
      expect: STAFF,
      form: async ({ f }) => ({
        version: String(await current.sectionVersion(f.reportId, f.sectionKey)),
        analysisEn: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Matrix analysis ${next()}` }] }] }),
        done: "on",
      }),
    },
  },

  "history.$entityType.$entityId.tsx": { path: (f) => `/history/request/${f.requestId}`, get: STAFF, post: NO_ACTION },
  // The trash: each role restores a deleted document of its own.
  "admin.trash.tsx": {
    path: () => "/admin/trash",
    get: ADMIN,
    post: {
      expect: ADMIN,
      form: async () => {
        const i = await db.instrument.create({ data: { kind: "law", titleJa: `ごみ箱の文書${next()}`, titleEn: "Matrix", deletedAt: new Date() } });
        return { intent: "restore", type: "Instrument", id: i.id };
      },
    },
  },
  "requests.$requestId.delete.tsx": {
    path: (f) => `/requests/${f.requestId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/requests/${await toDelete.request()}/delete`, form: () => ({}) },
  },
  "rounds.$roundId.delete.tsx": {
    path: (f) => `/rounds/${f.roundId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/rounds/${await toDelete.round()}/delete`, form: () => ({}) },
  },
  "instruments.$instrumentId.delete.tsx": {
    path: (f) => `/instruments/${f.instrumentId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/instruments/${await toDelete.instrument()}/delete`, form: () => ({}) },
  },
  "people.$personId.delete.tsx": {
    path: (f) => `/people/${f.personId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/people/${await toDelete.person()}/delete`, form: () => ({}) },
  },
  "organisations.$organisationId.delete.tsx": {
    path: (f) => `/organisations/${f.organisationId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/organisations/${await toDelete.organisation()}/delete`, form: () => ({}) },
  },
  "networks.$networkId.delete.tsx": {
    path: (f) => `/networks/${f.networkId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/networks/${await toDelete.network()}/delete`, form: () => ({}) },
  },
  "bodies.$bodyId.delete.tsx": {
    path: (f) => `/bodies/${f.bodyId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/bodies/${await toDelete.body()}/delete`, form: () => ({}) },
  },
  "demands.$demandId.delete.tsx": {
    path: (f) => `/demands/${f.demandId}/delete`,
    get: STAFF,
    post: { expect: STAFF, path: async () => `/demands/${await toDelete.demand()}/delete`, form: () => ({}) },
  },
};
