// The dashboard's charts as rows (one per year or per body), from the grouped counts that
// dashboard.server.ts reads. Pure; the same rows feed each chart and the table beside it.
import { type Locale } from "~/i18n/locales";
import { type MembershipFigureData } from "~/models/membership";
import { ASSESSMENTS, type Assessment } from "~/models/round";
import { DEGREES, type Degree } from "~/models/status";

export const COMMITMENT_BUCKETS = ["kept", "overdue", "pending", "dropped"] as const;
export type CommitmentBucket = (typeof COMMITMENT_BUCKETS)[number];

/** How many bodies the answers chart shows (those with the most assessed answers). */
export const TOP_BODIES = 8;

export type DashboardFacts = {
  today: string;
  outcomes: Array<{ year: string; degree: string; n: number }>;
  raised: Array<{ year: string | null; n: number }>;
  reflected: Array<{ partlyYear: string | null; fullyYear: string | null; n: number }>;
  answers: Array<{ bodyId: string; assessment: string; nameJa: string; nameEn: string; n: number }>;
  commitments: Array<{ year: string; bucket: CommitmentBucket; n: number }>;
  figures: Array<MembershipFigureData & { id: string }>;
};

const isYear = (y: string | null | undefined): y is string => typeof y === "string" && /^\d{4}$/.test(y);
const isDegree = (d: string): d is Degree => (DEGREES as readonly string[]).includes(d);
const isAssessment = (a: string): a is Assessment => (ASSESSMENTS as readonly string[]).includes(a);

export type OutcomeYearRow = { year: string; total: number } & Record<Degree, number>;
export type RaisedRow = { year: string; raised: number; partly: number; fully: number };
export type AnswerBodyRow = { bodyId: string; name: string; total: number } & Record<Assessment, number>;
export type CommitmentRow = { year: string; total: number } & Record<CommitmentBucket, number>;

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Every year from the first to the last (a cumulative line must not skip years). */
function yearSpan(years: string[]): string[] {
  const nums = years.filter(isYear).map(Number);
  if (!nums.length) return [];
  const out: string[] = [];
  for (let y = Math.min(...nums); y <= Math.max(...nums); y++) out.push(String(y));
  return out;
}

export function outcomesByYear(facts: DashboardFacts["outcomes"]): OutcomeYearRow[] {
  const rows = new Map<string, OutcomeYearRow>();
  for (const f of facts) {
    if (!isYear(f.year) || !isDegree(f.degree)) continue;
    const row = rows.get(f.year) ?? { year: f.year, total: 0, ...zeros(DEGREES) };
    row[f.degree] += f.n;
    row.total += f.n;
    rows.set(f.year, row);
  }
  return [...rows.values()].sort((a, b) => a.year.localeCompare(b.year));
}

/** Demands raised, and demands reflected (at least partly; in full), cumulative to the end of each year. */
export function raisedVersusReflected(raised: DashboardFacts["raised"], reflected: DashboardFacts["reflected"]) {
  const years = yearSpan([...raised.map((r) => r.year ?? ""), ...reflected.flatMap((r) => [r.partlyYear ?? "", r.fullyYear ?? ""])]);
  const undated = raised.filter((r) => !isYear(r.year)).reduce((sum, r) => sum + r.n, 0);
  let raisedSum = 0;
  let partlySum = 0;
  let fullySum = 0;
  const rows: RaisedRow[] = years.map((year) => {
    raisedSum += raised.filter((r) => r.year === year).reduce((sum, r) => sum + r.n, 0);
    partlySum += reflected.filter((r) => r.partlyYear === year).reduce((sum, r) => sum + r.n, 0);
    fullySum += reflected.filter((r) => r.fullyYear === year).reduce((sum, r) => sum + r.n, 0);
    return { year, raised: raisedSum, partly: partlySum, fully: fullySum };
  });
  return { rows, undated };
}

export function answersByBody(facts: DashboardFacts["answers"], locale: Locale, top = TOP_BODIES) {
  const rows = new Map<string, AnswerBodyRow>();
  for (const f of facts) {
    if (!isAssessment(f.assessment)) continue;
    const row = rows.get(f.bodyId) ?? { bodyId: f.bodyId, name: locale === "ja" ? f.nameJa : f.nameEn, total: 0, ...zeros(ASSESSMENTS) };
    row[f.assessment] += f.n;
    row.total += f.n;
    rows.set(f.bodyId, row);
  }
  const all = [...rows.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, locale));
  return { rows: all.slice(0, top), otherBodies: Math.max(0, all.length - top) };
}

export function commitmentsByYear(facts: DashboardFacts["commitments"]): CommitmentRow[] {
  const rows = new Map<string, CommitmentRow>();
  for (const f of facts) {
    if (!isYear(f.year) || !(COMMITMENT_BUCKETS as readonly string[]).includes(f.bucket)) continue;
    const row = rows.get(f.year) ?? { year: f.year, total: 0, ...zeros(COMMITMENT_BUCKETS) };
    row[f.bucket] += f.n;
    row.total += f.n;
    rows.set(f.year, row);
  }
  return [...rows.values()].sort((a, b) => a.year.localeCompare(b.year));
}

export function buildDashboard(facts: DashboardFacts, locale: Locale, top = TOP_BODIES) {
  return {
    today: facts.today,
    outcomes: outcomesByYear(facts.outcomes),
    raised: raisedVersusReflected(facts.raised, facts.reflected),
    answers: answersByBody(facts.answers, locale, top),
    commitments: commitmentsByYear(facts.commitments),
    membership: facts.figures,
  };
}
export type Dashboard = ReturnType<typeof buildDashboard>;
