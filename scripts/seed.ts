// Loads the demo data set (prisma/demo/*.json, drawn from the SMJ reports in shared/seeds) into an
// empty database. `npm start` runs it when DEMO_DATA is on and the database has no users or demands.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../server/database-url.js";
import { hashPassword } from "../app/utils/auth.server";
import { db } from "../app/utils/db.server";
import { BODY_KINDS } from "../app/models/body";
import { ROLES } from "../app/models/roles";
import { checkRichText } from "../app/utils/rich-text.server";
import { normalizePartialDate } from "../app/utils/partial-date";

const demoDir = path.join(projectRoot, "prisma", "demo");
const date = z.string().refine((v) => normalizePartialDate(v) === v, "not a partial ISO date");
const optionalDate = date.optional();

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

export async function seedDemo() {
  const themes = load("themes", "themes.json");
  const bodies = load("bodies", "bodies.json");
  const organisations = load("organisations", "organisations.json");
  const networks = load("networks", "project-networks.json");
  const people = load("people", "people.json");
  const demands = load("demands", "demands.json");
  const users = load("users", "users.json");
  const membership = load("membership", "membership.json");
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
            createdById: author,
            updatedById: author,
            themes: { create: d.themes.map((slug) => ({ themeId: lookup(themeIds, slug, "theme") })) },
            targets: { create: d.targets.map((key) => ({ bodyId: lookup(bodyIds, key, "body") })) },
          },
        });
        demandIds.set(d.ref, created.id);
      }

      for (const m of membership) await tx.membershipCount.create({ data: m });
    },
    { timeout: 60_000 },
  );
  return { demands: demands.length, bodies: bodies.length, users: users.length };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "");
if (isMain) {
  const existing = await db.user.count();
  if (existing > 0) {
    console.error("The database already has users: the demo data is loaded only into an empty database.");
    process.exit(1);
  }
  const counts = await seedDemo();
  console.log(`Demo data loaded: ${counts.demands} demands, ${counts.bodies} bodies, ${counts.users} accounts.`);
  await db.$disconnect();
}
