// Fills a database with a large network's whole history, for the benchmark (bench/run.js) and the
// query-budget test. The shapes are realistic: Japanese and English text of real length, a body tree
// of ministries, bureaus and divisions, and skewed distributions (a few demands with hundreds of
// events, a few divisions that answer most questions, officials who repeat their stock answers).
// Writes with better-sqlite3 directly, in one transaction per table, into a database first migrated
// with `prisma migrate deploy`. A seeded PRNG makes every run of a scale produce the same data.
//
//   npm run bench:generate -- --scale large [--out bench/.data/large.db] [--seed tracker]
//
// Beside the database it writes <name>.json: the counts, how long generation took, and the records
// the benchmark reads (the demand with a timeline of about 500 events, the busiest answering body,
// the sign-in of the bench user).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { migrate } from "../server/database.js";
import { Random, Skewed, idMaker } from "./random.js";
import { ACTIONS, DOC_KINDS, FOREIGN_NAMES, GIVEN_NAMES, MATTERS, PLACES, SUBJECTS, SURNAMES, doc, texts } from "./text.js";

/** Bumped whenever the generated data change shape, so that bench/run.js regenerates old files. */
export const GENERATOR_VERSION = 4;

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const dataDir = path.join(benchDir, ".data");

/** The "large" scale of the issue; the others are fractions of it. */
const LARGE = {
  demands: 10_000,
  rounds: 2_000,
  agendaItems: 100_000,
  outcomes: 30_000,
  people: 20_000,
  attachments: 50_000,
  requests: 1_200,
  instruments: 3_000,
  organisations: 300,
  overrides: 300,
  recommendations: 5_000,
  /** the recommendations of the one review the counter-report export is timed on */
  reportRecommendations: 300,
};

export const SCALES = { small: 0.03, medium: 0.2, large: 1 };

export const BENCH_USER = { email: "bench@example.org", password: "bench-password-2026", name: "Bench Staff", role: "staff" };

/** @param {string | number} scale a name of SCALES or a fraction of large */
export function countsFor(scale) {
  const factor = typeof scale === "number" ? scale : (SCALES[/** @type {keyof typeof SCALES} */ (scale)] ?? Number(scale));
  if (!Number.isFinite(factor) || factor <= 0) throw new Error(`Unknown scale "${scale}": use ${Object.keys(SCALES).join(", ")} or a fraction of large`);
  /** @type {Record<keyof typeof LARGE, number>} */
  const counts = { ...LARGE };
  for (const key of /** @type {(keyof typeof LARGE)[]} */ (Object.keys(LARGE))) counts[key] = Math.max(key === "organisations" ? 20 : 5, Math.round(LARGE[key] * factor));
  return { factor, counts };
}

// ───────────── Dates ─────────────

const DAY = 86_400_000;
const START = Date.UTC(2000, 0, 1);
const END = Date.UTC(2026, 5, 30);
const iso = (/** @type {number} */ ms) => new Date(ms).toISOString().replace("Z", "+00:00");
const ymd = (/** @type {number} */ ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * A partial ISO date of a day: mostly the day, sometimes only the month or the year, as the
 * activity reports give them.
 * @param {Random} r @param {number} ms
 */
function partial(r, ms, pDay = 0.6, pMonth = 0.3) {
  const day = ymd(ms);
  const x = r.next();
  return x < pDay ? day : x < pDay + pMonth ? day.slice(0, 7) : day.slice(0, 4);
}

// ───────────── Bodies ─────────────

const MINISTRIES = [
  ["ministry", "法務省", "Ministry of Justice", "MOJ", ["民事局", "Civil Affairs Bureau"], ["刑事局", "Criminal Affairs Bureau"], ["矯正局", "Correction Bureau"], ["人権擁護局", "Human Rights Bureau"]],
  ["agency", "出入国在留管理庁", "Immigration Services Agency", "ISA", ["出入国管理部", "Immigration Control Department"], ["在留管理支援部", "Residency Management and Support Department"], ["警備課", "Enforcement Division"]],
  ["ministry", "厚生労働省", "Ministry of Health, Labour and Welfare", "MHLW", ["職業安定局", "Employment Security Bureau"], ["労働基準局", "Labour Standards Bureau"], ["社会・援護局", "Social Welfare Bureau"], ["医政局", "Health Policy Bureau"], ["保険局", "Health Insurance Bureau"], ["人材開発統括官", "Human Resources Development"]],
  ["ministry", "外務省", "Ministry of Foreign Affairs", "MOFA", ["総合外交政策局", "Foreign Policy Bureau"], ["領事局", "Consular Affairs Bureau"], ["国際協力局", "International Cooperation Bureau"]],
  ["ministry", "文部科学省", "Ministry of Education, Culture, Sports, Science and Technology", "MEXT", ["初等中等教育局", "Elementary and Secondary Education Bureau"], ["総合教育政策局", "Lifelong Learning Policy Bureau"], ["高等教育局", "Higher Education Bureau"]],
  ["ministry", "総務省", "Ministry of Internal Affairs and Communications", "MIC", ["自治行政局", "Local Administration Bureau"], ["行政評価局", "Administrative Evaluation Bureau"]],
  ["agency", "警察庁", "National Police Agency", "NPA", ["生活安全局", "Community Safety Bureau"], ["刑事局", "Criminal Investigation Bureau"]],
  ["ministry", "内閣府", "Cabinet Office", "CAO", ["男女共同参画局", "Gender Equality Bureau"], ["政策統括官", "Director-General for Policy"]],
  ["ministry", "経済産業省", "Ministry of Economy, Trade and Industry", "METI", ["経済産業政策局", "Economic and Industrial Policy Bureau"], ["製造産業局", "Manufacturing Industries Bureau"]],
  ["ministry", "国土交通省", "Ministry of Land, Infrastructure, Transport and Tourism", "MLIT", ["住宅局", "Housing Bureau"], ["海事局", "Maritime Bureau"]],
  ["ministry", "農林水産省", "Ministry of Agriculture, Forestry and Fisheries", "MAFF", ["経営局", "Management Improvement Bureau"]],
  ["agency", "こども家庭庁", "Children and Families Agency", "CFA", ["成育局", "Child Development Bureau"], ["支援局", "Support Bureau"]],
  ["cabinet", "内閣官房", "Cabinet Secretariat", "CAS", ["外国人材受入れ・共生総合調整室", "Office for Foreign Nationals Policy"]],
  ["ministry", "財務省", "Ministry of Finance", "MOF", ["主計局", "Budget Bureau"]],
];
const DIVISIONS = [
  ["総務課", "General Affairs Division"],
  ["企画課", "Planning Division"],
  ["政策課", "Policy Division"],
  ["調査課", "Research Division"],
  ["指導課", "Guidance Division"],
  ["審査課", "Examination Division"],
  ["管理課", "Management Division"],
  ["国際課", "International Affairs Division"],
];

// ───────────── The generator ─────────────

/**
 * @param {{ scale?: string | number, file: string, seed?: string, bcryptCost?: number, template?: string, log?: (line: string) => void }} options
 *   `template`: an empty database already migrated, copied instead of migrating (tests)
 */
export function generate({ scale = "small", file, seed = "tracker", bcryptCost = 12, template, log = () => {} }) {
  const started = performance.now();
  const { factor, counts } = countsFor(scale);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  if (template) fs.copyFileSync(template, file);
  else migrate(`file:${path.resolve(file)}`);
  const migratedAt = performance.now();

  const r = new Random(`${seed}:${factor}`);
  const newId = idMaker(r);
  const t = texts(r);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("foreign_keys = OFF");
  // The search index's triggers re-index a record per insert (16 minutes at the large scale): set them
  // aside, and index everything at once from the search views at the end, as the migration does.
  const searchTriggers = /** @type {Array<{ name: string, sql: string }>} */ (
    sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\' AND tbl_name NOT LIKE 'search\\_%' ESCAPE '\\'").all()
  );
  for (const { name } of searchTriggers) sqlite.exec(`DROP TRIGGER "${name}"`);

  /** @type {Record<string, number>} */
  const inserted = {};
  /**
   * Inserts rows (objects with the same keys) in one transaction.
   * @param {string} table @param {Array<Record<string, unknown>>} rows
   */
  function insert(table, rows) {
    if (rows.length === 0) return;
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const statement = sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    sqlite.transaction(() => {
      for (const row of rows) statement.run(columns.map((c) => { const v = row[c]; return typeof v === "boolean" ? (v ? 1 : 0) : (v ?? null); }));
    })();
    inserted[table] = (inserted[table] ?? 0) + rows.length;
  }
  const when = () => START + r.next() * (END - START);
  const stamp = (/** @type {number} */ ms) => ({ createdAt: iso(ms), updatedAt: iso(ms + r.int(400) * DAY) });

  // Users: the bench user (staff, who sees internal notes) and the staff who wrote the records.
  const users = [{ id: newId(START), email: BENCH_USER.email, name: BENCH_USER.name, passwordHash: bcrypt.hashSync(BENCH_USER.password, bcryptCost), role: BENCH_USER.role, ...stamp(START) }];
  for (let i = 0; i < 6; i++) {
    const [sj] = r.pick(SURNAMES);
    users.push({ id: newId(START), email: `staff${i + 1}@example.org`, name: sj, passwordHash: users[0].passwordHash, role: i === 0 ? "admin" : "staff", ...stamp(START) });
  }
  insert("User", users);
  const staff = users.map((u) => u.id);

  // Themes.
  const themes = SUBJECTS.map(([ja, en], i) => ({ id: newId(START), slug: `theme-${i + 1}-${en.split(" ")[0].toLowerCase()}`, nameJa: ja, nameEn: en.replace(/^./, (c) => c.toUpperCase()) }));
  insert("Theme", themes);

  // Bodies: the Cabinet, ministries and agencies, their bureaus and divisions, the Diet, parties, local governments.
  /** @type {Array<Record<string, unknown> & { id: string, kind: string, parentId: string | null }>} */
  const bodies = [];
  const body = (/** @type {string} */ kind, /** @type {string} */ nameJa, /** @type {string} */ nameEn, /** @type {string | null} */ parentId, extra = {}) => {
    const row = { id: newId(START), kind, nameJa, nameEn, parentId, sortOrder: bodies.length, ...stamp(START), ...extra };
    bodies.push(row);
    return row;
  };
  const cabinet = body("cabinet", "内閣", "Cabinet", null);
  const ministries = [];
  const bureaus = [];
  const divisions = [];
  for (const [kind, ja, en, short, ...subs] of MINISTRIES) {
    const m = body(String(kind), String(ja), String(en), cabinet.id, { shortNameJa: null, shortNameEn: short, website: `https://www.${String(short).toLowerCase()}.go.jp` });
    ministries.push(m);
    for (const [bja, ben] of /** @type {string[][]} */ (subs)) {
      const b = body("bureau", bja, ben, m.id, { shortNameJa: `${ja}${bja}`.length > 12 ? bja : null });
      bureaus.push(b);
      const n = 2 + r.int(4);
      for (const [dja, den] of r.shuffle([...DIVISIONS]).slice(0, n)) divisions.push(body("division", dja, `${den}, ${ben}`, b.id, { shortNameJa: `${bja}${dja}` }));
    }
  }
  const diet = body("diet", "国会", "National Diet", null);
  for (const [ja, en] of [["衆議院法務委員会", "House of Representatives Committee on Judicial Affairs"], ["参議院厚生労働委員会", "House of Councillors Committee on Health, Welfare and Labour"]]) body("diet", ja, en, diet.id);
  const parties = ["自由民主党", "立憲民主党", "公明党", "日本共産党", "国民民主党", "社会民主党"].map((ja, i) =>
    body("political_party", `${ja}幹事長室`, `${["Liberal Democratic Party", "Constitutional Democratic Party", "Komeito", "Japanese Communist Party", "Democratic Party for the People", "Social Democratic Party"][i]} Secretary General's Office`, null),
  );
  for (const [ja, en] of PLACES) body("local_government", `${ja}市`, `${en} City`, null);
  insert("Body", bodies);
  // Who answers: divisions and bureaus, a few of them very often; those of the ministries listed
  // first (justice, immigration, labour) most.
  const answering = [...divisions, ...bureaus];
  const answeringSkew = new Skewed(r, answering.length, 10, false);
  const targetable = [...ministries, ...bureaus];
  const targetSkew = new Skewed(r, targetable.length, 4, false);

  // Organisations: our network, member groups, partners, coalitions.
  const organisations = [];
  organisations.push({ id: newId(START), kind: "our_network", nameJa: "移住者と連帯する全国ネットワーク", nameEn: "Solidarity Network with Migrants Japan", shortName: "SMJ", foundedOn: "1997-04", ...stamp(START) });
  const orgKinds = ["member", "member", "member", "partner", "partner", "coalition"];
  const orgNames = [["外国人労働者支援センター", "Support Centre for Foreign Workers"], ["移住者ネットワーク", "Migrants' Network"], ["ユニオン", "Union"], ["国際交流協会", "International Association"], ["女性の家", "Women's Shelter"], ["難民支援の会", "Refugee Support Group"]];
  while (organisations.length < counts.organisations) {
    const [pja, pen] = r.pick(PLACES);
    const [nja, nen] = r.pick(orgNames);
    const n = organisations.length;
    organisations.push({ id: newId(START), kind: r.pick(orgKinds), nameJa: `${pja}${nja}${n % 7 === 0 ? `（第${n}支部）` : ""}`, nameEn: `${pen} ${nen}${n % 7 === 0 ? ` (branch ${n})` : ""}`, foundedOn: String(1985 + r.int(35)), ...stamp(when()) });
  }
  insert("Organisation", organisations);

  // Project networks with their phases.
  const networkNames = [["女性プロジェクト", "Women's Project"], ["研修生問題ネットワーク", "Trainee Issues Network"], ["医療・生活ネットワーク", "Medical Care and Livelihood Network"], ["排外主義ウォッチ", "Xenophobia Watch"], ["貧困対策プロジェクト", "Poverty Project"], ["教育プロジェクト", "Education Project"], ["難民・収容プロジェクト", "Refugees and Detention Project"], ["自治体政策プロジェクト", "Local Policy Project"], ["労働プロジェクト", "Labour Project"], ["法制度プロジェクト", "Legal Framework Project"], ["家族プロジェクト", "Families Project"], ["災害対応プロジェクト", "Disaster Response Project"]];
  const networks = networkNames.map(([ja, en]) => ({ id: newId(START), nameJa: ja, nameEn: en, descriptionJa: t.note()[0], descriptionEn: null, ...stamp(START) }));
  insert("ProjectNetwork", networks);
  insert("ProjectNetworkPhase", networks.flatMap((n) => [{ id: newId(START), projectNetworkId: n.id, status: "sub_network", nameJa: n.nameJa, nameEn: n.nameEn, fromOn: String(1998 + r.int(10)) }]));
  const networkSkew = new Skewed(r, networks.length, 2);

  // People and where they work.
  const people = [];
  const affiliations = [];
  const officials = [];
  const ours = [];
  for (let i = 0; i < counts.people; i++) {
    const x = r.next();
    const kind = x < 0.6 ? "official" : x < 0.65 ? "diet_member" : x < 0.7 ? "secretary" : x < 0.75 ? "staff" : x < 0.95 ? "partner" : "other";
    const [nja, nen] = r.chance(0.08) ? r.pick(FOREIGN_NAMES) : ((s, g) => [`${s[0]} ${g[0]}`, `${g[1]} ${s[1]}`])(r.pick(SURNAMES), r.pick(GIVEN_NAMES));
    const ms = when();
    const person = { id: newId(ms), kind, nameJa: nja, nameEn: nen, email: r.chance(0.4) ? `person${i}@example.org` : null, phone: r.chance(0.2) ? `03-${String(1000 + r.int(9000))}-${String(1000 + r.int(9000))}` : null, notes: r.chance(0.1) ? t.note()[0] : null, ...stamp(ms) };
    people.push(person);
    const startOn = String(1995 + r.int(30));
    if (kind === "official") {
      officials.push(person.id);
      affiliations.push({ id: newId(ms), personId: person.id, bodyId: answering[answeringSkew.draw()].id, roleJa: r.pick(["課長", "課長補佐", "係長", "専門官", "室長"]), roleEn: null, startOn, endOn: r.chance(0.7) ? String(Number(startOn) + 1 + r.int(3)) : null });
    } else if (kind === "staff") {
      ours.push(person.id);
      affiliations.push({ id: newId(ms), personId: person.id, projectNetworkId: networks[networkSkew.draw()].id, roleJa: "事務局", roleEn: "Secretariat", startOn });
    } else if (kind === "partner") {
      affiliations.push({ id: newId(ms), personId: person.id, organisationId: r.pick(organisations).id, roleJa: "代表", roleEn: "Representative", startOn });
    } else if (kind !== "other") {
      affiliations.push({ id: newId(ms), personId: person.id, bodyId: r.pick(parties).id, roleJa: kind === "diet_member" ? "議員" : "秘書", roleEn: null, startOn });
    }
  }
  if (ours.length === 0) ours.push(people[0].id);
  if (officials.length === 0) officials.push(people[0].id);
  insert("Person", people);
  insert("Affiliation", affiliations);

  // Demands: a few very active ones (the skew), most with a short history.
  const demands = [];
  const demandThemes = [];
  const demandTargets = [];
  const refWidth = Math.max(3, String(counts.demands).length);
  for (let i = 0; i < counts.demands; i++) {
    const subject = r.pick(SUBJECTS);
    const [titleJa, titleEn] = t.demandTitle(subject, r.pick(MATTERS), r.pick(ACTIONS));
    const [summaryJa, summaryEn] = t.summary();
    const created = Date.UTC(2008, 0, 1) + r.next() * (END - Date.UTC(2008, 0, 1));
    const updated = Math.min(END, created + r.next() * 6 * 365 * DAY);
    const raised = Date.UTC(1995, 0, 1) + r.next() * (Date.UTC(2025, 0, 1) - Date.UTC(1995, 0, 1));
    const deleted = r.chance(0.02);
    const paragraphs = r.chance(0.3) ? t.paragraphs(1 + r.int(4)).flat() : null;
    demands.push({
      id: newId(created),
      ref: `D-${String(i + 1).padStart(refWidth, "0")}`,
      titleJa,
      titleEn: r.chance(0.9) ? titleEn : "",
      summaryJa,
      summaryEn: r.chance(0.7) ? summaryEn : null,
      body: paragraphs ? doc(paragraphs) : null,
      parentId: i > 20 && r.chance(0.15) ? demands[r.int(i)].id : null,
      projectNetworkId: r.chance(0.85) ? networks[networkSkew.draw()].id : null,
      firstRaisedOn: r.chance(0.95) ? partial(r, raised, 0.3, 0.3) : null,
      archived: r.chance(0.15),
      isPublic: r.chance(0.3),
      createdById: r.pick(staff),
      updatedById: r.pick(staff),
      createdAt: iso(created),
      updatedAt: iso(updated),
      version: 1 + r.int(5),
      deletedAt: deleted ? iso(updated) : null,
    });
    const themeIds = new Set([themes[SUBJECTS.indexOf(subject)].id]);
    while (r.chance(0.5) && themeIds.size < 4) themeIds.add(r.pick(themes).id);
    for (const themeId of themeIds) demandThemes.push({ demandId: demands[i].id, themeId });
    const targetIds = new Set();
    const targetCount = 1 + r.int(3);
    while (targetIds.size < targetCount) targetIds.add(targetable[targetSkew.draw()].id);
    for (const bodyId of targetIds) demandTargets.push({ demandId: demands[i].id, bodyId });
  }
  insert("Demand", demands);
  insert("DemandTheme", demandThemes);
  insert("DemandTarget", demandTargets);
  // Every channel follows the same demands: those heavy in answers are heavy in outcomes too.
  const demandSkew = new Skewed(r, demands.length, 50);
  log(`  demands ${demands.length}, people ${people.length}`);

  // Instruments.
  const instruments = [];
  for (let i = 0; i < counts.instruments; i++) {
    const [kind, dja, den] = r.pick(DOC_KINDS);
    const [sja, sen] = r.pick(SUBJECTS);
    const [mja, men] = r.pick(MATTERS);
    const adopted = when();
    const year = new Date(adopted).getUTCFullYear();
    instruments.push({ id: newId(adopted), kind, titleJa: `${sja}の${mja}に関する${dja}（${year}年）`, titleEn: `${den} on ${men} for ${sen} (${year})`, issuerBodyId: r.chance(0.9) ? targetable[targetSkew.draw()].id : null, draftOn: r.chance(0.3) ? partial(r, adopted - 200 * DAY) : null, adoptedOn: partial(r, adopted), effectiveOn: r.chance(0.5) ? partial(r, adopted + 180 * DAY) : null, url: r.chance(0.6) ? `https://www.e-gov.go.jp/doc/${i}` : null, notes: r.chance(0.2) ? t.note()[0] : null, ...stamp(adopted) });
  }
  insert("Instrument", instruments);

  // Requests (要望書): a few big regular ones a year listing dozens of demands, many small ones.
  const requests = [];
  const addressees = [];
  const cosigners = [];
  const requestItems = [];
  for (let i = 0; i < counts.requests; i++) {
    const x = r.next();
    const kind = x < 0.3 ? "regular" : x < 0.7 ? "individual" : x < 0.9 ? "emergency" : "petition";
    const sent = when();
    const year = new Date(sent).getUTCFullYear();
    const [mja, men] = r.pick(MATTERS);
    const request = {
      id: newId(sent),
      kind,
      titleJa: kind === "regular" ? `${year}年度 省庁交渉に向けた要望書` : `${mja}に関する${kind === "emergency" ? "緊急" : ""}要望書`,
      titleEn: kind === "regular" ? `${year} requests to ministries and agencies` : `${kind === "emergency" ? "Emergency request" : "Request"} on ${men}`,
      sentOn: partial(r, sent, 0.7, 0.3),
      senderOrganisationId: r.chance(0.6) ? organisations[0].id : null,
      senderNetworkId: null,
      body: r.chance(0.5) ? doc(t.paragraphs(2 + r.int(3)).map((p) => p[0])) : null,
      internalNote: r.chance(0.15) ? t.note()[0] : null,
      createdById: r.pick(staff),
      updatedById: r.pick(staff),
      ...stamp(sent),
      deletedAt: r.chance(0.01) ? iso(sent + DAY) : null,
    };
    if (!request.senderOrganisationId) request.senderNetworkId = networks[networkSkew.draw()].id;
    requests.push(request);
    const to = new Set();
    const addresseeCount = kind === "regular" ? 4 + r.int(6) : 1 + r.int(2);
    while (to.size < addresseeCount) to.add(targetable[targetSkew.draw()].id);
    for (const bodyId of to) addressees.push({ requestId: request.id, bodyId });
    const co = new Set();
    const coCount = kind === "petition" ? 10 + r.int(30) : r.int(4);
    while (co.size < Math.min(coCount, organisations.length - 1)) co.add(organisations[1 + r.int(organisations.length - 1)].id);
    for (const organisationId of co) cosigners.push({ requestId: request.id, organisationId });
    const itemCount = Math.min(200, counts.demands, kind === "regular" ? 20 + Math.floor(r.next() ** 2 * 100) : kind === "petition" ? 1 + r.int(3) : 1 + r.int(8));
    const listed = new Set();
    for (let attempts = 0; listed.size < itemCount && attempts < itemCount * 20; attempts++) listed.add(demandSkew.draw());
    let position = 0;
    for (const d of listed) {
      const wording = r.chance(0.3) ? t.question(year) : [null, null];
      requestItems.push({ id: newId(sent), requestId: request.id, position: ++position, demandId: demands[d].id, wordingJa: wording[0], wordingEn: wording[1] && r.chance(0.5) ? wording[1] : null });
    }
  }
  insert("Request", requests);
  insert("RequestAddressee", addressees);
  insert("RequestCosigner", cosigners);
  insert("RequestItem", requestItems);
  const requestsByYear = new Map();
  for (const q of requests) {
    const year = q.sentOn.slice(0, 4);
    requestsByYear.set(year, [...(requestsByYear.get(year) ?? []), q]);
  }

  // Negotiation rounds with the bodies and people present.
  const rounds = [];
  const roundBodies = [];
  const participants = [];
  /** @type {Map<string, string[]>} */
  const bodiesOfRound = new Map();
  for (let i = 0; i < counts.rounds; i++) {
    const held = when();
    const year = new Date(held).getUTCFullYear();
    const x = r.next();
    const kind = x < 0.6 ? "ministry_round" : x < 0.85 ? "individual_talks" : x < 0.95 ? "diet_member_meeting" : "intermediary_meeting";
    const present = new Set();
    const bodyCount = kind === "ministry_round" ? 2 + r.int(4) : 1;
    while (present.size < bodyCount) present.add(answering[answeringSkew.draw()].id);
    const first = bodies.find((b) => b.id === [...present][0]);
    const sameYear = requestsByYear.get(String(year));
    const round = {
      id: newId(held),
      kind,
      titleJa: kind === "ministry_round" ? `${year}年度 省庁交渉（${first?.nameJa ?? ""}ほか）` : `${first?.nameJa ?? ""}との個別協議`,
      titleEn: kind === "ministry_round" ? `${year} negotiations with ${first?.nameEn ?? ""} and others` : `Talks with ${first?.nameEn ?? ""}`,
      heldOn: partial(r, held, 0.85, 0.15),
      place: r.chance(0.6) ? r.pick(["参議院議員会館", "衆議院第一議員会館", "衆議院第二議員会館", "法務省", "厚生労働省"]) : null,
      requestId: kind === "ministry_round" && sameYear && r.chance(0.7) ? r.pick(sameYear).id : null,
      intermediaryBodyId: kind === "intermediary_meeting" ? r.pick(parties).id : null,
      summary: r.chance(0.7) ? doc(t.paragraphs(1 + r.int(3)).flat()) : null,
      internalNote: r.chance(0.15) ? t.note()[0] : null,
      createdById: r.pick(staff),
      updatedById: r.pick(staff),
      ...stamp(held),
      deletedAt: r.chance(0.01) ? iso(held + DAY) : null,
    };
    rounds.push(round);
    bodiesOfRound.set(round.id, [...present]);
    for (const bodyId of present) roundBodies.push({ roundId: round.id, bodyId });
    const who = new Set();
    const officialCount = 1 + r.int(6);
    while (who.size < Math.min(officialCount, officials.length)) who.add(r.pick(officials));
    for (const personId of who) participants.push({ roundId: round.id, personId, side: "official" });
    const ourCount = 1 + r.int(3);
    const ourSet = new Set();
    while (ourSet.size < Math.min(ourCount, ours.length)) ourSet.add(r.pick(ours));
    for (const personId of ourSet) if (!who.has(personId)) participants.push({ roundId: round.id, personId, side: "ours" });
  }
  insert("NegotiationRound", rounds);
  insert("RoundBody", roundBodies);
  insert("RoundParticipant", participants);

  // Agenda items: rounds of very different sizes; each asks a demand of one body present; the
  // busiest bodies repeat a few stock answers, sometimes with a word changed.
  const sizes = rounds.map(() => Math.exp(r.next() * 2.5));
  const sizeTotal = sizes.reduce((a, b) => a + b, 0);
  const itemCounts = sizes.map((s) => Math.max(1, Math.round((s / sizeTotal) * counts.agendaItems)));
  let excess = itemCounts.reduce((a, b) => a + b, 0) - counts.agendaItems;
  for (let i = 0; excess !== 0; i = (i + 1) % itemCounts.length) {
    if (excess > 0 && itemCounts[i] > 1) {
      itemCounts[i]--;
      excess--;
    } else if (excess < 0) {
      itemCounts[i]++;
      excess++;
    }
  }
  /** @type {Map<string, string[][]>} */
  const stockPool = new Map();
  const agendaItems = [];
  const x0 = (/** @type {number} */ p) => r.next() < p;
  rounds.forEach((round, ri) => {
    const year = Number(round.heldOn.slice(0, 4));
    const heldMs = Date.parse(`${round.heldOn.length === 4 ? `${round.heldOn}-06-30` : round.heldOn.length === 7 ? `${round.heldOn}-15` : round.heldOn}T00:00:00Z`);
    const present = bodiesOfRound.get(round.id) ?? [];
    for (let position = 1; position <= itemCounts[ri]; position++) {
      const demand = demands[demandSkew.draw()];
      const bodyId = r.chance(0.95) ? r.pick(present) : null;
      const [questionJa, questionEn] = t.question(year);
      let answer = null;
      if (r.chance(0.85)) {
        const pool = stockPool.get(bodyId ?? "") ?? [];
        if (pool.length >= 3 && r.chance(0.35)) {
          const [ja, en] = r.pick(pool);
          answer = [r.chance(0.5) ? ja : ja.replace(/\d{4}/, String(year)), en];
        } else {
          answer = t.answer(year);
          if (pool.length < 4) stockPool.set(bodyId ?? "", [...pool, answer]);
        }
        if (!r.chance(0.4)) answer = [answer[0], null];
      }
      const y = r.next();
      const assessment = !answer ? (r.chance(0.5) ? "no_answer" : null) : y < 0.08 ? "commitment" : y < 0.33 ? "will_consider" : y < 0.63 ? "evasive" : y < 0.75 ? "refusal" : y < 0.85 ? null : "no_answer";
      const committed = assessment === "commitment" || (assessment === "will_consider" && r.chance(0.1));
      let commitment = [null, null];
      let followUpOn = null;
      let followUpStatus = null;
      if (committed) {
        commitment = t.commitment(year + 1);
        const due = heldMs + (90 + r.int(300)) * DAY;
        followUpOn = partial(r, due, 0.3, 0.6);
        followUpStatus = due > Date.UTC(2024, 6, 1) ? (r.chance(0.7) ? "open" : "done") : x0(0.05) ? "open" : x0(0.65) ? "done" : "dropped";
      }
      agendaItems.push({
        id: newId(heldMs),
        roundId: round.id,
        position,
        demandId: demand.id,
        bodyId,
        questionJa,
        questionEn: r.chance(0.3) ? questionEn : null,
        answer: answer ? doc(answer.filter((p) => p !== null)) : null,
        answerText: answer ? answer.filter((p) => p !== null).join("\n\n") : null,
        assessment,
        commitmentJa: commitment[0],
        commitmentEn: commitment[1] && r.chance(0.5) ? commitment[1] : null,
        followUpOn,
        followUpStatus,
        followUpNote: followUpStatus === "done" && r.chance(0.5) ? t.note()[0] : null,
        internalNote: r.chance(0.1) ? t.note()[0] : null,
        updatedAt: iso(heldMs + r.int(60) * DAY),
        version: 1,
      });
    }
  });
  insert("AgendaItem", agendaItems);
  log(`  agenda items ${agendaItems.length}`);

  // Outcomes, with what led to them.
  const outcomes = [];
  const channels = [];
  for (let i = 0; i < counts.outcomes; i++) {
    const at = when();
    const d = demands[demandSkew.draw()];
    const [quoteJa, quoteEn] = t.quote();
    const x = r.next();
    const outcome = {
      id: newId(at),
      demandId: d.id,
      instrumentId: r.chance(0.85) ? r.pick(instruments).id : null,
      degree: x < 0.3 ? "not_reflected" : x < 0.55 ? "mentioned" : x < 0.8 ? "partially_reflected" : x < 0.93 ? "reflected" : "regressed",
      occurredOn: partial(r, at, 0.4, 0.4),
      quoteJa: r.chance(0.6) ? quoteJa : null,
      quoteEn: r.chance(0.3) ? quoteEn : null,
      sourceUrl: r.chance(0.4) ? `https://www.e-gov.go.jp/source/${i}` : null,
      note: r.chance(0.3) ? t.note()[0] : null,
      internalNote: r.chance(0.1) ? t.note()[0] : null,
      createdById: r.pick(staff),
      updatedById: r.pick(staff),
      ...stamp(at),
      deletedAt: r.chance(0.01) ? iso(at + DAY) : null,
    };
    outcomes.push(outcome);
    const y = r.next();
    if (y < 0.5) channels.push({ id: newId(at), outcomeId: outcome.id, roundId: r.pick(rounds).id });
    else if (y < 0.8) channels.push({ id: newId(at), outcomeId: outcome.id, requestId: r.pick(requests).id });
  }
  insert("Outcome", outcomes);
  insert("OutcomeChannel", channels);

  // Manual status overrides, some of them lifted.
  const overrides = [];
  for (let i = 0; i < counts.overrides; i++) {
    const d = demands[demandSkew.draw()];
    const from = when();
    overrides.push({ id: newId(from), demandId: d.id, status: r.pick(["open", "mentioned", "partially_reflected", "reflected"]), reason: t.note()[0], fromOn: partial(r, from), clearedAt: r.chance(0.5) ? iso(from + r.int(700) * DAY) : null, createdById: r.pick(staff), createdAt: iso(from) });
  }
  insert("DemandStatusOverride", overrides);

  // UN treaty reporting: mechanisms, their review cycles (a concluding observations document each),
  // and recommendations linked to demands, each reiterating one of the cycle before half the time.
  // One cycle has `reportRecommendations` of them: the earlier review of the cycle whose counter-report
  // the benchmark exports.
  const mechanismList = [
    ["treaty", "ICERD", "CERD", "人種差別撤廃条約", "International Convention on the Elimination of All Forms of Racial Discrimination", "acceded", "1995-12"],
    ["treaty", "ICCPR", "CCPR", "自由権規約", "International Covenant on Civil and Political Rights", "ratified", "1979-06"],
    ["treaty", "ICESCR", "CESCR", "社会権規約", "International Covenant on Economic, Social and Cultural Rights", "ratified", "1979-06"],
    ["treaty", "CEDAW", "CEDAW", "女性差別撤廃条約", "Convention on the Elimination of All Forms of Discrimination against Women", "ratified", "1985-06"],
    ["treaty", "CAT", "CAT", "拷問等禁止条約", "Convention against Torture", "acceded", "1999-06"],
    ["treaty", "CRC", "CRC", "子どもの権利条約", "Convention on the Rights of the Child", "ratified", "1994-04"],
    ["treaty", "ICRMW", "CMW", "移住労働者権利条約", "International Convention on the Protection of the Rights of All Migrant Workers", "not_ratified", null],
    ["special_procedure", "SR migrants", null, "移住者の人権に関する特別報告者", "Special Rapporteur on the human rights of migrants", "not_applicable", null],
    ["upr", "UPR", null, "普遍的定期的審査", "Universal Periodic Review", "not_applicable", null],
  ];
  const mechanisms = mechanismList.map(([kind, abbreviation, committee, nameJa, nameEn, japanStatus, ratifiedOn], i) => ({
    id: newId(START), kind, abbreviation, nameJa, nameEn, committeeAbbr: committee, committeeNameJa: committee ? `${committee}委員会` : null, committeeNameEn: committee ? `Committee ${committee}` : null,
    japanStatus, ratifiedOn, sortOrder: i, ...stamp(START),
  }));
  insert("UnMechanism", mechanisms);
  const reviewing = mechanisms.filter((m) => m.japanStatus !== "not_ratified");
  // A review about every four years, as the treaty bodies' cycles go.
  const cyclesPer = 6;
  const cycles = [];
  const stages = [];
  const unDocuments = [];
  /** @type {Array<{ mechanism: typeof mechanisms[number], cycle: { id: string }, document: { id: string }, at: number }>} */
  const reviews = [];
  for (const m of reviewing) {
    for (let k = 0; k < cyclesPer; k++) {
      const at = START + ((k + 0.5 + r.next() * 0.4) / cyclesPer) * (END - START);
      const cycle = { id: newId(at), mechanismId: m.id, titleJa: `${m.abbreviation} 第${k + 1}回審査`, titleEn: `${m.abbreviation} review ${k + 1}`, session: `${60 + k * 3}th session`, notes: t.note()[1], internalNote: r.chance(0.3) ? t.note()[0] : null, ...stamp(at) };
      cycles.push(cycle);
      const kinds = /** @type {const} */ (["state_report", "ngo_submission_deadline", "dialogue", "concluding_observations", "follow_up_due", "next_report_due"]);
      const offsets = [-400, -60, -30, 0, 365, 1400];
      kinds.forEach((kind, j) => stages.push({ id: newId(at), cycleId: cycle.id, kind, on: ymd(at + offsets[j] * DAY) }));
      const prefix = m.committeeAbbr ?? m.abbreviation.replace(/\s+/g, "");
      const document = { id: newId(at), mechanismId: m.id, cycleId: cycle.id, kind: m.kind === "treaty" ? "concluding_observations" : m.kind === "upr" ? "upr_report" : "special_procedure_report", symbol: `${prefix}/C/JPN/CO/${k + 1}`, titleJa: `${m.abbreviation} 総括所見 第${k + 1}回`, titleEn: `Concluding observations on the report of Japan (${k + 1})`, issuedOn: ymd(at), languages: "en,ja", ...stamp(at) };
      unDocuments.push(document);
      reviews.push({ mechanism: m, cycle, document, at });
    }
  }
  insert("ReviewCycle", cycles);
  insert("ReviewStage", stages);
  insert("UnDocument", unDocuments);
  // The big review: CERD's second-to-last, so that its last cycle's composer follows 300 earlier recommendations.
  const cerdReviews = reviews.filter((v) => v.mechanism.abbreviation === "ICERD");
  const bigReview = cerdReviews[cerdReviews.length - 2];
  const perReview = new Map(reviews.map((v) => [v, v === bigReview ? counts.reportRecommendations : 0]));
  const rest = Math.max(0, counts.recommendations - counts.reportRecommendations);
  const others = reviews.filter((v) => v !== bigReview);
  for (let i = 0; i < rest; i++) {
    const v = others[r.int(others.length)];
    perReview.set(v, (perReview.get(v) ?? 0) + 1);
  }
  const recommendations = [];
  const recommendationDemands = [];
  const recommendationThemes = [];
  /** @type {Map<string, string[]>} the recommendations of each cycle, for the next one to reiterate */
  const recsOfCycle = new Map();
  const previousOf = new Map(reviews.map((v, i) => [v, i > 0 && reviews[i - 1].mechanism === v.mechanism ? reviews[i - 1] : null]));
  for (const v of reviews) {
    const n = perReview.get(v) ?? 0;
    const earlier = previousOf.get(v) ? (recsOfCycle.get(previousOf.get(v)?.cycle.id ?? "") ?? []) : [];
    const own = [];
    for (let p = 1; p <= n; p++) {
      const [headingJa, headingEn] = t.demandTitle(r.pick(SUBJECTS), r.pick(MATTERS), r.pick(ACTIONS));
      const [textJa, textEn] = t.summary();
      const [claimJa, claimEn] = t.answer(new Date(v.at).getUTCFullYear());
      const rec = {
        id: newId(v.at), documentId: v.document.id, paragraph: String(p + 6), position: p + 6,
        headingEn, headingJa: r.chance(0.6) ? headingJa : null, textEn, textJa: r.chance(0.5) ? textJa : null,
        articles: v.mechanism.kind === "treaty" ? `${1 + r.int(7)}${r.chance(0.3) ? ` (${r.pick(["a", "b", "c", "d", "e"])})` : ""}` : null,
        followUp: r.chance(0.08),
        reiteratesId: earlier.length && r.chance(0.5) ? r.pick(earlier) : null,
        governmentClaimJa: r.chance(0.5) ? claimJa : null, governmentClaimEn: r.chance(0.3) ? claimEn : null,
        governmentClaimSource: r.chance(0.3) ? `${v.mechanism.committeeAbbr ?? "A/HRC"}/C/JPN/FCO/${p}` : null,
        grade: r.chance(0.35) ? r.pick(["A", "B", "C", "D", "E"]) : null,
        assessmentNote: r.chance(0.3) ? t.note()[0] : null,
        internalNote: r.chance(0.1) ? t.note()[0] : null,
        ...stamp(v.at),
        deletedAt: r.chance(0.005) ? iso(v.at + DAY) : null,
      };
      recommendations.push(rec);
      own.push(rec.id);
      const linked = new Set();
      const links = r.chance(0.15) ? 0 : 1 + r.int(3);
      while (linked.size < links) linked.add(demands[demandSkew.draw()].id);
      for (const demandId of linked) recommendationDemands.push({ recommendationId: rec.id, demandId });
      const themed = new Set([r.pick(themes).id]);
      if (r.chance(0.3)) themed.add(r.pick(themes).id);
      for (const themeId of themed) recommendationThemes.push({ recommendationId: rec.id, themeId });
    }
    recsOfCycle.set(v.cycle.id, own);
  }
  insert("Recommendation", recommendations);
  insert("RecommendationDemand", recommendationDemands);
  insert("RecommendationTheme", recommendationThemes);
  const reportReview = cerdReviews[cerdReviews.length - 1];
  // The counter-report of the last review, which follows the big review's recommendations: a third of
  // its sections written in both languages, some done (the composer keeps a section row once written).
  const reportAt = reportReview.at + 30 * DAY;
  const counterReport = { id: newId(reportAt), cycleId: reportReview.cycle.id, titleEn: "Joint NGO counter-report to CERD", titleJa: "人種差別撤廃委員会へのNGO共同レポート", outlineMode: "recommendations", wordLimit: 10_700, ...stamp(reportAt) };
  insert("CounterReport", [counterReport]);
  const reportSections = [];
  for (const recId of recsOfCycle.get(bigReview.cycle.id) ?? []) {
    if (!r.chance(1 / 3)) continue;
    const paragraphs = t.paragraphs(2 + r.int(3));
    reportSections.push({
      id: newId(reportAt), reportId: counterReport.id, key: `rec-${recId}`,
      analysisEn: doc(paragraphs.map(([, en]) => en)), analysisJa: doc(paragraphs.map(([ja]) => ja)),
      proposalsEn: r.chance(0.5) ? doc([t.question()[1]]) : null, proposalsJa: null,
      assigneeId: r.pick(staff), done: r.chance(0.4), wordCount: paragraphs.reduce((n, [, en]) => n + en.split(/\s+/).length, 0),
      ...stamp(reportAt),
    });
  }
  insert("CounterReportSection", reportSections);
  log(`  UN: ${cycles.length} review cycles, ${recommendations.length} recommendations; a counter-report with ${reportSections.length} written sections`);

  // Attachments' metadata (the files themselves are not written).
  const attachments = [];
  for (let i = 0; i < counts.attachments; i++) {
    const x = r.next();
    const owner = x < 0.2 ? { requestId: r.pick(requests).id } : x < 0.7 ? { roundId: r.pick(rounds).id } : { outcomeId: r.pick(outcomes).id };
    const sha256 = r.hex64();
    const pdf = r.chance(0.8);
    const at = when();
    attachments.push({ id: newId(at), fileName: `${new Date(at).getUTCFullYear()}年${r.pick(["要望書", "回答書", "交渉記録", "議事録", "通知", "資料"])}_${r.pick(PLACES)[0]}${i}.${pdf ? "pdf" : "docx"}`, contentType: pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 20_000 + r.int(5_000_000), sha256, storagePath: `${sha256.slice(0, 2)}/${sha256}`, ...owner, uploadedById: r.pick(staff), createdAt: iso(at), deletedAt: r.chance(0.01) ? iso(at + DAY) : null });
  }
  insert("Attachment", attachments);

  const searchViews = /** @type {Array<{ name: string }>} */ (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'search\\_src\\_%' ESCAPE '\\'").all());
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM "search_doc"; DELETE FROM "search_note";');
    for (const { name } of searchViews) {
      sqlite.exec(`INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "${name}"`);
      sqlite.exec(`INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "${name}" WHERE note IS NOT NULL AND note <> ''`);
    }
    for (const { sql } of searchTriggers) sqlite.exec(sql);
  })();

  const problems = sqlite.pragma("foreign_key_check");
  if (Array.isArray(problems) && problems.length > 0) throw new Error(`generated rows break foreign keys: ${JSON.stringify(problems.slice(0, 3))}`);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();

  const fixtures = {
    ...pickFixtures({ demands, requestItems, requests, agendaItems, rounds, outcomes, answering, themes, demandThemes, ministries, networks, recommendationDemands }),
    // The review with 300 recommendations, and the next review of the same treaty, whose counter-report follows them.
    bigCycleId: bigReview.cycle.id,
    bigCycleRecommendations: perReview.get(bigReview) ?? 0,
    reportCycleId: reportReview.cycle.id,
    counterReportId: counterReport.id,
  };
  const seconds = (performance.now() - started) / 1000;
  const meta = {
    generator: GENERATOR_VERSION,
    scale: typeof scale === "number" ? String(scale) : scale,
    factor,
    seed,
    generatedAt: new Date().toISOString(),
    seconds: Math.round(seconds * 10) / 10,
    migrateSeconds: Math.round((migratedAt - started) / 100) / 10,
    rows: inserted,
    benchUser: { email: BENCH_USER.email, password: BENCH_USER.password },
    fixtures,
  };
  fs.writeFileSync(metaFile(file), JSON.stringify(meta, null, 2) + "\n");
  return meta;
}

/** @param {string} file */
export function metaFile(file) {
  return file.replace(/\.db$/, "") + ".json";
}

/**
 * The records the benchmark asks for: the demand whose timeline comes closest to 500 events, the
 * body with the most answers of its own, a filter of the demand list that leaves several pages.
 * @param {Record<string, any[]>} data
 */
function pickFixtures({ demands, requestItems, requests, agendaItems, rounds, outcomes, answering, themes, demandThemes, ministries, recommendationDemands }) {
  const liveRequests = new Set(requests.filter((q) => !q.deletedAt).map((q) => q.id));
  const liveRounds = new Set(rounds.filter((q) => !q.deletedAt).map((q) => q.id));
  /** @type {Map<string, number>} */
  const events = new Map();
  const add = (/** @type {string} */ id, n = 1) => events.set(id, (events.get(id) ?? 0) + n);
  for (const i of requestItems) if (liveRequests.has(i.requestId)) add(i.demandId);
  for (const i of agendaItems) if (liveRounds.has(i.roundId)) add(i.demandId, i.followUpOn ? 2 : 1);
  for (const o of outcomes) if (!o.deletedAt) add(o.demandId);
  for (const l of recommendationDemands) add(l.demandId);
  const live = demands.filter((d) => !d.deletedAt);
  // "raised" and status changes come on top; 500 is the issue's figure for a heavy timeline.
  const timeline = live.reduce((best, d) => (Math.abs((events.get(d.id) ?? 0) - 480) < Math.abs((events.get(best.id) ?? 0) - 480) ? d : best), live[0]);

  /** @type {Map<string, number>} */
  const answers = new Map();
  for (const i of agendaItems) if (i.bodyId) answers.set(i.bodyId, (answers.get(i.bodyId) ?? 0) + 1);
  const busiest = answering.reduce((best, b) => ((answers.get(b.id) ?? 0) > (answers.get(best.id) ?? 0) ? b : best), answering[0]);

  /** @type {Map<string, number>} */
  const themeUse = new Map();
  for (const dt of demandThemes) themeUse.set(dt.themeId, (themeUse.get(dt.themeId) ?? 0) + 1);
  const theme = themes.reduce((best, t) => ((themeUse.get(t.id) ?? 0) > (themeUse.get(best.id) ?? 0) ? t : best), themes[0]);
  return {
    timelineDemandId: timeline.id,
    timelineDemandRef: timeline.ref,
    timelineEventsEstimate: (events.get(timeline.id) ?? 0) + 1,
    answersBodyId: busiest.id,
    answersBodyName: busiest.nameEn,
    answersCount: answers.get(busiest.id) ?? 0,
    listThemeId: theme.id,
    listBodyId: ministries[2]?.id ?? ministries[0].id,
  };
}

/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const { values } = parseArgs({ options: { scale: { type: "string", default: "small" }, out: { type: "string" }, seed: { type: "string", default: "tracker" } } });
  const scale = values.scale ?? "small";
  const file = path.resolve(values.out ?? path.join(dataDir, `${scale}.db`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  process.stdout.write(`Generating scale "${scale}" into ${path.relative(process.cwd(), file)}\n`);
  const meta = generate({ scale, file, seed: values.seed, log: (line) => process.stdout.write(line + "\n") });
  const rows = Object.entries(meta.rows).map(([table, n]) => `${table} ${n.toLocaleString("en")}`).join(", ");
  process.stdout.write(`${rows}\n`);
  process.stdout.write(`Generated in ${meta.seconds} s (of which migrate ${meta.migrateSeconds} s); ${mb(fs.statSync(file).size)}\n`);
  process.stdout.write(`Timeline demand ${meta.fixtures.timelineDemandRef} (~${meta.fixtures.timelineEventsEstimate} events); busiest body ${meta.fixtures.answersBodyName} (${meta.fixtures.answersCount} answers)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
