// Loads the demo data set (prisma/demo/*.json, drawn from the SMJ reports in shared/seeds) into an
// empty database. `npm start` runs it when DEMO_DATA is on and the database has no users or demands.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../server/database-url.js";
import { hashPassword } from "../app/utils/auth.server";
import { db } from "../app/utils/db.server";
import { BODY_KINDS } from "../app/models/body";
import { INSTRUMENT_KINDS } from "../app/models/instrument";
import { REQUEST_KINDS } from "../app/models/request";
import { ROLES } from "../app/models/roles";
import { ASSESSMENTS, FOLLOW_UP_STATUSES, ROUND_KINDS } from "../app/models/round";
import { DEGREES } from "../app/models/status";
import { FINAL_TEXT_CHANGES, RESPONSE_KINDS, deadlineOf } from "../app/models/consultation";
import { GRADES, JAPAN_STATUSES, MECHANISM_KINDS, REVIEW_STAGES, UN_DOCUMENT_KINDS, normalizeParagraph, normalizeSymbol } from "../app/models/un";
import { OUTLINE_MODES, sectionKeyOf, sectionWords } from "../app/models/counter-report";
import { checkRichText } from "../app/utils/rich-text.server";
import { normalizePartialDate } from "../app/utils/partial-date";
import { membershipFigures } from "../app/models/membership";
import { PLAN_RESULTS, REPORT_SECTIONS } from "../app/models/activity-report";

const demoDir = path.join(projectRoot, "prisma", "demo");
const date = z.string().refine((v) => normalizePartialDate(v) === v, "not a partial ISO date");
const optionalDate = date.optional();
/** A ProseMirror document; checked against the editor's schema with checkRichText when loaded. */
const richDoc = z.object({ type: z.literal("doc") }).loose();

/** Keys are how the files refer to each other: each must be unique within its file. */
function uniqueKeys<T>(what: string, keyOf: (item: T) => string) {
  return (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const key = keyOf(item);
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index], message: `${what} "${key}" comes twice` });
      seen.add(key);
    });
  };
}

const agendaItem = z
  .object({
    demand: z.string(),
    body: z.string().optional(),
    questionJa: z.string().optional(),
    questionEn: z.string().optional(),
    answer: richDoc.optional(),
    assessment: z.enum(ASSESSMENTS).optional(),
    commitmentJa: z.string().optional(),
    commitmentEn: z.string().optional(),
    followUpOn: optionalDate,
    followUpStatus: z.enum(FOLLOW_UP_STATUSES).optional(),
    followUpNote: z.string().optional(),
    internalNote: z.string().optional(),
  })
  .refine((i) => !(i.commitmentJa || i.commitmentEn) || i.followUpOn, { path: ["followUpOn"], message: "a commitment needs a follow-up date" })
  .refine((i) => !(i.followUpStatus || i.followUpOn) || i.commitmentJa || i.commitmentEn, {
    path: ["followUpStatus"],
    message: "a follow-up goes with a commitment",
  });

const schemas = {
  themes: z.array(z.object({ slug: z.string(), nameJa: z.string(), nameEn: z.string() })),
  bodies: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(BODY_KINDS),
      nameJa: z.string(),
      nameEn: z.string(),
      shortNameJa: z.string().optional(),
      shortNameEn: z.string().optional(),
      parent: z.string().optional(),
      website: z.string().optional(),
    }),
  ),
  organisations: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(["our_network", "member", "partner", "coalition", "other"]),
      nameJa: z.string(),
      nameEn: z.string(),
      shortName: z.string().optional(),
      website: z.string().optional(),
      foundedOn: optionalDate,
      dissolvedOn: optionalDate,
      notesJa: z.string().optional(),
      notesEn: z.string().optional(),
      formerNames: z.array(z.object({ nameJa: z.string(), nameEn: z.string(), fromOn: optionalDate, untilOn: optionalDate })).optional(),
    }),
  ),
  networks: z.array(
    z.object({
      key: z.string(),
      nameJa: z.string(),
      nameEn: z.string(),
      descriptionJa: z.string().optional(),
      descriptionEn: z.string().optional(),
      organisation: z.string().optional(),
      phases: z.array(
        z.object({
          status: z.enum(["sub_network", "independent", "dormant", "dissolved"]),
          nameJa: z.string(),
          nameEn: z.string(),
          fromOn: date,
          noteJa: z.string().optional(),
          noteEn: z.string().optional(),
        }),
      ),
    }),
  ),
  people: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(["official", "diet_member", "secretary", "staff", "partner", "other"]),
      nameJa: z.string(),
      nameEn: z.string(),
      affiliations: z.array(
        z.object({
          body: z.string().optional(),
          organisation: z.string().optional(),
          projectNetwork: z.string().optional(),
          roleJa: z.string().optional(),
          roleEn: z.string().optional(),
          startOn: optionalDate,
          endOn: optionalDate,
        }),
      ),
    }),
  ),
  demands: z.array(
    z.object({
      ref: z.string().regex(/^D-\d+$/),
      titleJa: z.string(),
      titleEn: z.string(),
      summaryJa: z.string().optional(),
      summaryEn: z.string().optional(),
      body: z.unknown().optional(),
      parent: z.string().optional(),
      themes: z.array(z.string()),
      projectNetwork: z.string().optional(),
      targets: z.array(z.string()),
      firstRaisedOn: optionalDate,
      archived: z.boolean().default(false),
      /** shown on the public page (docs/decisions/018) */
      isPublic: z.boolean().default(false),
    }),
  ),
  users: z.array(
    z.object({
      email: z.string().email(),
      name: z.string(),
      role: z.enum(ROLES),
      password: z.string().min(8),
      locale: z.enum(["ja", "en"]).optional(),
      person: z.string().optional(),
    }),
  ),
  membership: z.array(z.object({ year: z.number().int(), category: z.string(), count: z.number().int(), units: z.number().int().optional() })),
  membershipNotes: z.array(z.object({ year: z.number().int(), note: z.string() })),
  activityPlans: z.array(
    z.object({
      year: z.number().int(),
      section: z.enum(REPORT_SECTIONS),
      goalJa: z.string(),
      goalEn: z.string(),
      result: z.enum(PLAN_RESULTS).optional(),
      resultJa: z.string().optional(),
      resultEn: z.string().optional(),
    }),
  ),
  requests: z
    .array(
      z
        .object({
          key: z.string(),
          kind: z.enum(REQUEST_KINDS),
          titleJa: z.string(),
          titleEn: z.string(),
          sentOn: date,
          senderOrganisation: z.string().optional(),
          senderNetwork: z.string().optional(),
          cosigners: z.array(z.string()).default([]),
          addressees: z.array(z.string()).min(1),
          items: z
            .array(z.object({ demand: z.string(), wordingJa: z.string().optional(), wordingEn: z.string().optional() }))
            .min(1)
            .superRefine(uniqueKeys("demand", (i) => i.demand)),
          body: richDoc.optional(),
          internalNote: z.string().optional(),
        })
        .refine((r) => !(r.senderOrganisation && r.senderNetwork), { path: ["senderNetwork"], message: "one sender: an organisation or a network" }),
    )
    .superRefine(uniqueKeys("request key", (r) => r.key)),
  rounds: z
    .array(
      z.object({
        key: z.string(),
        kind: z.enum(ROUND_KINDS),
        titleJa: z.string(),
        titleEn: z.string(),
        heldOn: date,
        place: z.string().optional(),
        request: z.string().optional(),
        intermediaryBody: z.string().optional(),
        bodies: z.array(z.string()),
        participants: z.array(z.object({ person: z.string(), side: z.enum(["official", "ours"]) })).default([]),
        summary: richDoc.optional(),
        internalNote: z.string().optional(),
        items: z.array(agendaItem),
      }),
    )
    .superRefine(uniqueKeys("round key", (r) => r.key)),
  instruments: z
    .array(
      z.object({
        key: z.string(),
        kind: z.enum(INSTRUMENT_KINDS),
        titleJa: z.string(),
        titleEn: z.string(),
        issuerBody: z.string().optional(),
        draftOn: optionalDate,
        adoptedOn: optionalDate,
        effectiveOn: optionalDate,
        url: z.url().optional(),
        notes: z.string().optional(),
      }),
    )
    .superRefine(uniqueKeys("instrument key", (i) => i.key)),
  un: z.object({
    mechanisms: z
      .array(
        z.object({
          key: z.string(),
          kind: z.enum(MECHANISM_KINDS),
          abbreviation: z.string(),
          nameJa: z.string(),
          nameEn: z.string(),
          committeeAbbr: z.string().optional(),
          committeeNameJa: z.string().optional(),
          committeeNameEn: z.string().optional(),
          japanStatus: z.enum(JAPAN_STATUSES),
          ratifiedOn: optionalDate,
          reservationsJa: z.string().optional(),
          reservationsEn: z.string().optional(),
          notes: z.string().optional(),
        }),
      )
      .superRefine(uniqueKeys("mechanism key", (m) => m.key)),
    cycles: z
      .array(
        z.object({
          key: z.string(),
          mechanism: z.string(),
          titleJa: z.string(),
          titleEn: z.string(),
          session: z.string().optional(),
          notes: z.string().optional(),
          internalNote: z.string().optional(),
          stages: z.partialRecord(z.enum(REVIEW_STAGES), date),
        }),
      )
      .superRefine(uniqueKeys("cycle key", (c) => c.key)),
    documents: z
      .array(
        z.object({
          key: z.string(),
          mechanism: z.string(),
          cycle: z.string().optional(),
          kind: z.enum(UN_DOCUMENT_KINDS),
          symbol: z.string().refine((v) => normalizeSymbol(v) === v, "not a normalized UN symbol").optional(),
          titleJa: z.string(),
          titleEn: z.string(),
          issuedOn: optionalDate,
          languages: z.string().optional(),
          url: z.url().optional(),
          notes: z.string().optional(),
        }),
      )
      .superRefine(uniqueKeys("document key", (d) => d.key)),
    recommendations: z
      .array(
        z.object({
          key: z.string(),
          document: z.string(),
          paragraph: z.string().refine((v) => normalizeParagraph(v) === v, "not a paragraph number"),
          position: z.number().int(),
          headingEn: z.string().optional(),
          headingJa: z.string().optional(),
          textEn: z.string(),
          textJa: z.string().optional(),
          articles: z.string().optional(),
          themes: z.array(z.string()).default([]),
          followUp: z.boolean().default(false),
          reiterates: z.string().optional(),
          demands: z.array(z.string()).default([]),
          governmentClaimJa: z.string().optional(),
          governmentClaimEn: z.string().optional(),
          governmentClaimSource: z.string().optional(),
          grade: z.enum(GRADES).optional(),
          assessmentNote: z.string().optional(),
          internalNote: z.string().optional(),
        }),
      )
      .superRefine(uniqueKeys("recommendation key", (r) => r.key)),
    // Counter-reports in progress (docs/decisions/014): what staff wrote, section by section of the outline.
    counterReports: z
      .array(
        z
          .object({
            cycle: z.string(),
            titleEn: z.string(),
            titleJa: z.string().optional(),
            outlineMode: z.enum(OUTLINE_MODES).default("recommendations"),
            wordLimit: z.number().int().positive().optional(),
            sections: z
              .array(
                z
                  .object({
                    /** the earlier recommendation the section follows (outline by recommendations) */
                    recommendation: z.string().optional(),
                    /** the treaty article, or "other" (outline by articles) */
                    article: z.string().regex(/^(\d+|other)$/).optional(),
                    /** a demo account by e-mail; staff or admin, as the composer offers */
                    assignee: z.string().optional(),
                    done: z.boolean().default(false),
                    analysisEn: richDoc.optional(),
                    analysisJa: richDoc.optional(),
                    proposalsEn: richDoc.optional(),
                    proposalsJa: richDoc.optional(),
                  })
                  .refine((s) => Boolean(s.recommendation) !== Boolean(s.article), "a section follows one recommendation or one article"),
              )
              .superRefine(uniqueKeys("section", (s) => s.recommendation ?? `article ${s.article}`)),
          })
          .refine((r) => r.sections.every((s) => (r.outlineMode === "recommendations" ? s.recommendation : s.article)), {
            path: ["sections"],
            message: "the sections follow the report's outline mode",
          }),
      )
      .default([])
      .superRefine(uniqueKeys("counter-report cycle", (r) => r.cycle)),
  }),
  outcomes: z.array(
    z.object({
      demand: z.string(),
      instrument: z.string().optional(),
      degree: z.enum(DEGREES),
      occurredOn: date,
      quoteJa: z.string().optional(),
      quoteEn: z.string().optional(),
      sourceUrl: z.url().optional(),
      note: z.string().optional(),
      internalNote: z.string().optional(),
      channels: z
        .array(
          z
            .strictObject({ request: z.string().optional(), round: z.string().optional(), commentPoint: z.string().optional() })
            .refine((c) => [c.request, c.round, c.commentPoint].filter(Boolean).length === 1, "a channel names one request, round or comment point"),
        )
        .default([]),
    }),
  ),
  // Public comments (docs/decisions/011): consultations with our submissions and their points.
  consultations: z
  .array(
    z.object({
      key: z.string(),
      titleJa: z.string(),
      titleEn: z.string(),
      caseNumber: z.string().optional(),
      issuerBody: z.string().optional(),
      instrument: z.string().optional(),
      openedOn: optionalDate,
      closesOn: date,
      url: z.url().optional(),
      note: z.string().optional(),
      resultOn: optionalDate,
      finalTextChanged: z.enum(FINAL_TEXT_CHANGES).optional(),
      resultNote: z.string().optional(),
      internalNote: z.string().optional(),
      submissions: z.array(
        z
          .object({
            submittedOn: date,
            senderOrganisation: z.string().optional(),
            senderNetwork: z.string().optional(),
            cosigners: z.array(z.string()).default([]),
            body: richDoc.optional(),
            internalNote: z.string().optional(),
            points: z.array(
              z.object({
                key: z.string().optional(),
                demand: z.string().optional(),
                textJa: z.string().optional(),
                textEn: z.string().optional(),
                responseSummary: z.string().optional(),
                responseAnswer: z.string().optional(),
                responseKind: z.enum(RESPONSE_KINDS).optional(),
              }),
            ),
          })
          .refine((s) => !(s.senderOrganisation && s.senderNetwork), { path: ["senderNetwork"], message: "one sender: an organisation or a network" }),
      ),
    }),
  )
  .superRefine(uniqueKeys("consultation key", (c) => c.key)),
};

function load<K extends keyof typeof schemas>(name: K, file: string): z.infer<(typeof schemas)[K]> {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(demoDir, file), "utf8"));
  const parsed = schemas[name].safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data as z.infer<(typeof schemas)[K]>;
}

function lookup(map: Map<string, string>, key: string, what: string) {
  const id = map.get(key);
  if (!id) throw new Error(`Demo data: unknown ${what} "${key}"`);
  return id;
}

/** A document from the files, as the editor would store it: canonical JSON and its plain text. */
function richText(value: unknown, what: string) {
  if (value === undefined) return { json: null, text: "" };
  const checked = checkRichText(JSON.stringify(value));
  if (!checked.ok) throw new Error(`Demo data: ${what} is a document the editor schema refuses`);
  return { json: checked.json, text: checked.text };
}

export const NOT_EMPTY_MESSAGE = "The database already has users or demands: the demo data is loaded only into an empty database.";

/** The demo data goes only into a database without users and demands (as server/database.js isEmpty). */
export async function databaseIsEmpty() {
  const [users, demands] = await Promise.all([db.user.count(), db.demand.count()]);
  return users + demands === 0;
}

export async function seedDemo() {
  if (!(await databaseIsEmpty())) throw new Error(NOT_EMPTY_MESSAGE);
  const themes = load("themes", "themes.json");
  const bodies = load("bodies", "bodies.json");
  const organisations = load("organisations", "organisations.json");
  const networks = load("networks", "project-networks.json");
  const people = load("people", "people.json");
  const demands = load("demands", "demands.json");
  const users = load("users", "users.json");
  const membership = load("membership", "membership.json");
  const membershipNotes = load("membershipNotes", "membership-notes.json");
  const activityPlans = load("activityPlans", "activity-plans.json");
  const requests = load("requests", "requests.json");
  const rounds = load("rounds", "rounds.json");
  const instruments = load("instruments", "instruments.json");
  const outcomes = load("outcomes", "outcomes.json");
  const consultations = load("consultations", "consultations.json");
  const un = load("un", "un.json");
  const passwordHashes = await Promise.all(users.map((u) => hashPassword(u.password)));

  await db.$transaction(
    async (tx) => {
      const themeIds = new Map<string, string>();
      for (const t of themes) themeIds.set(t.slug, (await tx.theme.create({ data: t })).id);

      const bodyIds = new Map<string, string>();
      for (const [i, b] of bodies.entries()) {
        const { key, parent, ...rest } = b;
        const created = await tx.body.create({ data: { ...rest, sortOrder: i, parentId: parent ? lookup(bodyIds, parent, "body") : null } });
        bodyIds.set(key, created.id);
      }

      const orgIds = new Map<string, string>();
      for (const o of organisations) {
        const { key, formerNames, ...rest } = o;
        const created = await tx.organisation.create({ data: { ...rest, formerNames: { create: formerNames ?? [] } } });
        orgIds.set(key, created.id);
      }

      const networkIds = new Map<string, string>();
      for (const n of networks) {
        const { key, organisation, phases, ...rest } = n;
        const created = await tx.projectNetwork.create({
          data: { ...rest, organisationId: organisation ? lookup(orgIds, organisation, "organisation") : null, phases: { create: phases } },
        });
        networkIds.set(key, created.id);
      }

      const personIds = new Map<string, string>();
      for (const p of people) {
        const { key, affiliations, ...rest } = p;
        const created = await tx.person.create({
          data: {
            ...rest,
            affiliations: {
              create: affiliations.map((a) => ({
                bodyId: a.body ? lookup(bodyIds, a.body, "body") : null,
                organisationId: a.organisation ? lookup(orgIds, a.organisation, "organisation") : null,
                projectNetworkId: a.projectNetwork ? lookup(networkIds, a.projectNetwork, "project network") : null,
                roleJa: a.roleJa,
                roleEn: a.roleEn,
                startOn: a.startOn,
                endOn: a.endOn,
              })),
            },
          },
        });
        personIds.set(key, created.id);
      }

      const userIds: string[] = [];
      for (const [i, u] of users.entries()) {
        const created = await tx.user.create({
          data: {
            email: u.email.toLowerCase(),
            name: u.name,
            role: u.role,
            locale: u.locale ?? null,
            passwordHash: passwordHashes[i],
            personId: u.person ? lookup(personIds, u.person, "person") : null,
          },
        });
        userIds.push(created.id);
      }
      const author = userIds[users.findIndex((u) => u.role === "staff")] ?? userIds[0] ?? null;

      const demandIds = new Map<string, string>();
      for (const d of demands) {
        const body = d.body === undefined ? { ok: true as const, json: null } : checkRichText(JSON.stringify(d.body));
        if (!body.ok) throw new Error(`Demo data: demand ${d.ref} has a body the editor schema refuses`);
        const created = await tx.demand.create({
          data: {
            ref: d.ref,
            titleJa: d.titleJa,
            titleEn: d.titleEn,
            summaryJa: d.summaryJa ?? null,
            summaryEn: d.summaryEn ?? null,
            body: body.json,
            parentId: d.parent ? lookup(demandIds, d.parent, "demand") : null,
            projectNetworkId: d.projectNetwork ? lookup(networkIds, d.projectNetwork, "project network") : null,
            firstRaisedOn: d.firstRaisedOn ?? null,
            archived: d.archived,
            isPublic: d.isPublic,
            createdById: author,
            updatedById: author,
            themes: { create: d.themes.map((slug) => ({ themeId: lookup(themeIds, slug, "theme") })) },
            targets: { create: d.targets.map((key) => ({ bodyId: lookup(bodyIds, key, "body") })) },
          },
        });
        demandIds.set(d.ref, created.id);
      }

      // The reports' figures, one row a year, as staff enter them (docs/decisions/016).
      for (const figure of membershipFigures(membership, membershipNotes)) await tx.membershipFigure.create({ data: figure });
      for (const [position, goal] of activityPlans.entries()) await tx.activityPlanGoal.create({ data: { ...goal, position } });

      // Requests, with their items in order; the item ids by request and demand, for the rounds.
      const requestIds = new Map<string, string>();
      const requestItemIds = new Map<string, string>();
      for (const r of requests) {
        const created = await tx.request.create({
          data: {
            kind: r.kind,
            titleJa: r.titleJa,
            titleEn: r.titleEn,
            sentOn: r.sentOn,
            senderOrganisationId: r.senderOrganisation ? lookup(orgIds, r.senderOrganisation, "organisation") : null,
            senderNetworkId: r.senderNetwork ? lookup(networkIds, r.senderNetwork, "project network") : null,
            body: richText(r.body, `request ${r.key}`).json,
            internalNote: r.internalNote ?? null,
            createdById: author,
            updatedById: author,
            addressees: { create: r.addressees.map((key) => ({ bodyId: lookup(bodyIds, key, "body") })) },
            cosigners: { create: r.cosigners.map((key) => ({ organisationId: lookup(orgIds, key, "organisation") })) },
            items: {
              create: r.items.map((item, i) => ({
                position: i + 1,
                demandId: lookup(demandIds, item.demand, "demand"),
                wordingJa: item.wordingJa ?? null,
                wordingEn: item.wordingEn ?? null,
              })),
            },
          },
          include: { items: { select: { id: true, demandId: true } } },
        });
        requestIds.set(r.key, created.id);
        for (const item of created.items) requestItemIds.set(`${created.id}/${item.demandId}`, item.id);
      }

      // Rounds: bodies, participants, and the agenda in order, each item tied to the request item of
      // its demand when the round answers a request.
      const roundIds = new Map<string, string>();
      for (const r of rounds) {
        const requestId = r.request ? lookup(requestIds, r.request, "request") : null;
        const created = await tx.negotiationRound.create({
          data: {
            kind: r.kind,
            titleJa: r.titleJa,
            titleEn: r.titleEn,
            heldOn: r.heldOn,
            place: r.place ?? null,
            requestId,
            intermediaryBodyId: r.intermediaryBody ? lookup(bodyIds, r.intermediaryBody, "body") : null,
            summary: richText(r.summary, `round ${r.key}`).json,
            internalNote: r.internalNote ?? null,
            createdById: author,
            updatedById: author,
            bodies: { create: r.bodies.map((key) => ({ bodyId: lookup(bodyIds, key, "body") })) },
            participants: { create: r.participants.map((p) => ({ personId: lookup(personIds, p.person, "person"), side: p.side })) },
            items: {
              create: r.items.map((item, i) => {
                const demandId = lookup(demandIds, item.demand, "demand");
                const answer = richText(item.answer, `round ${r.key} item ${i + 1}`);
                return {
                  position: i + 1,
                  demandId,
                  bodyId: item.body ? lookup(bodyIds, item.body, "body") : null,
                  requestItemId: requestId ? (requestItemIds.get(`${requestId}/${demandId}`) ?? null) : null,
                  questionJa: item.questionJa ?? null,
                  questionEn: item.questionEn ?? null,
                  answer: answer.json,
                  answerText: answer.json ? answer.text : null,
                  assessment: item.assessment ?? null,
                  commitmentJa: item.commitmentJa ?? null,
                  commitmentEn: item.commitmentEn ?? null,
                  followUpOn: item.followUpOn ?? null,
                  followUpStatus: item.followUpStatus ?? null,
                  followUpNote: item.followUpNote ?? null,
                  internalNote: item.internalNote ?? null,
                };
              }),
            },
          },
        });
        roundIds.set(r.key, created.id);
      }

      const instrumentIds = new Map<string, string>();
      for (const i of instruments) {
        const { key, issuerBody, ...rest } = i;
        const created = await tx.instrument.create({ data: { ...rest, issuerBodyId: issuerBody ? lookup(bodyIds, issuerBody, "body") : null } });
        instrumentIds.set(key, created.id);
      }

      // Public comments, before the outcomes that name their points.
      const commentPointIds = new Map<string, string>();
      for (const c of consultations) {
        const { key, issuerBody, instrument, submissions, ...rest } = c;
        const consultation = await tx.consultation.create({
          data: {
            ...rest,
            deadlineOn: deadlineOf(c.closesOn) ?? c.closesOn,
            issuerBodyId: issuerBody ? lookup(bodyIds, issuerBody, "body") : null,
            instrumentId: instrument ? lookup(instrumentIds, instrument, "instrument") : null,
            createdById: author,
            updatedById: author,
          },
        });
        for (const [i, s] of submissions.entries()) {
          const created = await tx.commentSubmission.create({
            data: {
              consultationId: consultation.id,
              submittedOn: s.submittedOn,
              senderOrganisationId: s.senderOrganisation ? lookup(orgIds, s.senderOrganisation, "organisation") : null,
              senderNetworkId: s.senderNetwork ? lookup(networkIds, s.senderNetwork, "project network") : null,
              body: richText(s.body, `consultation ${key} submission ${i + 1}`).json,
              internalNote: s.internalNote ?? null,
              createdById: author,
              updatedById: author,
              cosigners: { create: s.cosigners.map((org) => ({ organisationId: lookup(orgIds, org, "organisation") })) },
            },
          });
          for (const [position, p] of s.points.entries()) {
            const point = await tx.commentPoint.create({
              data: {
                submissionId: created.id,
                position,
                demandId: p.demand ? lookup(demandIds, p.demand, "demand") : null,
                textJa: p.textJa ?? null,
                textEn: p.textEn ?? null,
                responseSummary: p.responseSummary ?? null,
                responseAnswer: p.responseAnswer ?? null,
                responseKind: p.responseKind ?? null,
              },
            });
            if (p.key) commentPointIds.set(p.key, point.id);
          }
        }
      }

      for (const o of outcomes) {
        await tx.outcome.create({
          data: {
            demandId: lookup(demandIds, o.demand, "demand"),
            instrumentId: o.instrument ? lookup(instrumentIds, o.instrument, "instrument") : null,
            degree: o.degree,
            occurredOn: o.occurredOn,
            quoteJa: o.quoteJa ?? null,
            quoteEn: o.quoteEn ?? null,
            sourceUrl: o.sourceUrl ?? null,
            note: o.note ?? null,
            internalNote: o.internalNote ?? null,
            createdById: author,
            updatedById: author,
            channels: {
              create: o.channels.map((c) => ({
                requestId: c.request ? lookup(requestIds, c.request, "request") : null,
                roundId: c.round ? lookup(roundIds, c.round, "round") : null,
                commentPointId: c.commentPoint ? lookup(commentPointIds, c.commentPoint, "comment point") : null,
              })),
            },
          },
        });
      }

      // UN treaty reporting (docs/decisions/010).
      const mechanismIds = new Map<string, string>();
      for (const [i, m] of un.mechanisms.entries()) {
        const { key, ...rest } = m;
        mechanismIds.set(key, (await tx.unMechanism.create({ data: { ...rest, sortOrder: i } })).id);
      }
      const cycleIds = new Map<string, string>();
      for (const c of un.cycles) {
        const { key, mechanism, stages, ...rest } = c;
        const created = await tx.reviewCycle.create({
          data: {
            ...rest,
            mechanismId: lookup(mechanismIds, mechanism, "mechanism"),
            stages: { create: Object.entries(stages).map(([kind, on]) => ({ kind, on })) },
          },
        });
        cycleIds.set(key, created.id);
      }
      const documentIds = new Map<string, string>();
      for (const d of un.documents) {
        const { key, mechanism, cycle, ...rest } = d;
        const created = await tx.unDocument.create({
          data: { ...rest, mechanismId: lookup(mechanismIds, mechanism, "mechanism"), cycleId: cycle ? lookup(cycleIds, cycle, "cycle") : null },
        });
        documentIds.set(key, created.id);
      }
      const recommendationIds = new Map<string, string>();
      // In file order: a recommendation reiterates one written above it.
      for (const r of un.recommendations) {
        const { key, document, themes, reiterates, demands, ...rest } = r;
        const created = await tx.recommendation.create({
          data: {
            ...rest,
            documentId: lookup(documentIds, document, "document"),
            reiteratesId: reiterates ? lookup(recommendationIds, reiterates, "recommendation") : null,
            themes: { create: themes.map((slug) => ({ themeId: lookup(themeIds, slug, "theme") })) },
            demands: { create: demands.map((ref) => ({ demandId: lookup(demandIds, ref, "demand") })) },
          },
        });
        recommendationIds.set(key, created.id);
      }

      // Counter-reports in progress: a section row holds what was written, keyed as the composer keys the
      // outline (rec-<recommendation id>); the recommendation must be one of the same treaty's.
      const accounts = new Map(users.map((u, i) => [u.email.toLowerCase(), { id: userIds[i], role: u.role }]));
      for (const r of un.counterReports) {
        const cycle = un.cycles.find((c) => c.key === r.cycle);
        if (!cycle) throw new Error(`Demo data: unknown cycle "${r.cycle}"`);
        const report = await tx.counterReport.create({
          data: { cycleId: lookup(cycleIds, r.cycle, "cycle"), titleEn: r.titleEn, titleJa: r.titleJa ?? null, outlineMode: r.outlineMode, wordLimit: r.wordLimit ?? null },
        });
        for (const s of r.sections) {
          let key: string;
          if (s.recommendation) {
            const rec = un.recommendations.find((x) => x.key === s.recommendation);
            const mechanism = un.documents.find((d) => d.key === rec?.document)?.mechanism;
            if (mechanism !== cycle.mechanism) throw new Error(`Demo data: counter-report ${r.cycle} section "${s.recommendation}" is not a recommendation of its treaty`);
            key = sectionKeyOf("recommendation", lookup(recommendationIds, s.recommendation, "recommendation"));
          } else key = sectionKeyOf("article", s.article ?? "other");
          const assignee = s.assignee ? accounts.get(s.assignee.toLowerCase()) : undefined;
          if (s.assignee && (!assignee || assignee.role === "member")) throw new Error(`Demo data: "${s.assignee}" is no staff account to assign a section to`);
          const texts = {
            analysisEn: richText(s.analysisEn, `counter-report ${r.cycle} ${key} analysisEn`).json,
            analysisJa: richText(s.analysisJa, `counter-report ${r.cycle} ${key} analysisJa`).json,
            proposalsEn: richText(s.proposalsEn, `counter-report ${r.cycle} ${key} proposalsEn`).json,
            proposalsJa: richText(s.proposalsJa, `counter-report ${r.cycle} ${key} proposalsJa`).json,
          };
          await tx.counterReportSection.create({
            data: { reportId: report.id, key, ...texts, assigneeId: assignee?.id ?? null, done: s.done, wordCount: sectionWords(texts), updatedById: author },
          });
        }
      }
    },
    { timeout: 60_000 },
  );
  return {
    demands: demands.length,
    bodies: bodies.length,
    users: users.length,
    requests: requests.length,
    rounds: rounds.length,
    outcomes: outcomes.length,
    consultations: consultations.length,
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "");
if (isMain) {
  if (!(await databaseIsEmpty())) {
    console.error(NOT_EMPTY_MESSAGE);
    process.exit(1);
  }
  const counts = await seedDemo();
  console.log(
    `Demo data loaded: ${counts.demands} demands, ${counts.bodies} bodies, ${counts.users} accounts, ` +
      `${counts.requests} requests, ${counts.rounds} rounds, ${counts.outcomes} outcomes, ${counts.consultations} public consultations.`,
  );
  await db.$disconnect();
}
