// The yearly activity report: its sections (those of the SMJ annual reports in shared/seeds), and
// the draft assembled from the year's records as ProseMirror JSON, one document per section, with
// every item dated and linked to its record (docs/decisions/016). Pure: the facts come from
// activity-report.server.ts.
import { isMessageKey, translator } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { formatPartialDate } from "~/utils/partial-date";

export const REPORT_SECTIONS = ["advocacy", "networking", "international", "publicity", "organisation", "membership"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const PLAN_RESULTS = ["achieved", "partly", "not_achieved"] as const;
export type PlanResult = (typeof PLAN_RESULTS)[number];

export function isReportSection(value: unknown): value is ReportSection {
  return typeof value === "string" && (REPORT_SECTIONS as readonly string[]).includes(value);
}


/** One ProseMirror document (JSON text) per section. */
export type SectionDocs = Record<ReportSection, string>;

type Names = { ja: string; en: string };
type Titled = { titleJa: string; titleEn: string };

export type ReportFacts = {
  year: number;
  requests: Array<Titled & { id: string; kind: string; on: string; bodies: Names[]; items: number }>;
  rounds: Array<Titled & { id: string; kind: string; on: string; bodies: Names[]; items: number }>;
  submissions: Array<Titled & { id: string; consultationId: string; caseNumber: string | null; on: string; points: number }>;
  outcomes: Array<{ id: string; degree: string; on: string; demand: Titled & { id: string; ref: string }; instrument: (Titled & { id: string }) | null }>;
  phases: Array<{ networkId: string; status: string; nameJa: string; nameEn: string; on: string }>;
  documents: Array<Titled & { id: string; kind: string; symbol: string | null; on: string; recommendations: number }>;
  plan: Array<{ section: ReportSection; goalJa: string; goalEn: string; result: string | null; resultJa: string | null; resultEn: string | null }>;
  figure: FigureLike | null;
  previousFigure: FigureLike | null;
};

type FigureLike = {
  year: number;
  individualMembers: number | null;
  individualMemberUnits: number | null;
  organisationMembers: number | null;
  organisationMemberUnits: number | null;
  individualSubscribers: number | null;
  individualSubscriberUnits: number | null;
  organisationSubscribers: number | null;
  organisationSubscriberUnits: number | null;
  note: string | null;
};

// ───── ProseMirror JSON, as the editor's schema has it (utils/rich-text.ts) ─────

export type PmMark = { type: string; attrs?: Record<string, unknown> };
export type PmNode = { type: string; attrs?: Record<string, unknown>; content?: PmNode[]; text?: string; marks?: PmMark[] };

const text = (value: string, marks?: PmMark[]): PmNode => (marks ? { type: "text", text: value, marks } : { type: "text", text: value });
const link = (value: string, href: string): PmNode => text(value, [{ type: "link", attrs: { href } }]);
const paragraph = (...content: PmNode[]): PmNode => ({ type: "paragraph", content: content.filter((n) => n.text !== "") });
const heading = (value: string): PmNode => ({ type: "heading", attrs: { level: 3 }, content: [text(value)] });
const bullets = (items: PmNode[][]): PmNode => ({ type: "bulletList", content: items.map((content) => ({ type: "listItem", content: [paragraph(...content)] })) });
const doc = (content: PmNode[]): PmNode => ({ type: "doc", content });

const pick = (locale: Locale, ja: string | null | undefined, en: string | null | undefined) => (locale === "ja" ? ja || en : en || ja) ?? "";

/** The draft of every section from the year's records: each item dated and linked to its record. */
export function buildDraft(facts: ReportFacts, locale: Locale): SectionDocs {
  const t = translator(locale);
  const date = (on: string) => formatPartialDate(on, locale);
  const sep = locale === "ja" ? "、" : ", ";
  const label = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  const names = (list: Names[]) => list.map((n) => (locale === "ja" ? n.ja : n.en)).join(sep);
  const year = String(facts.year);

  const planLines = (section: ReportSection): PmNode[] => {
    const goals = facts.plan.filter((g) => g.section === section);
    if (!goals.length) return [];
    return [
      heading(t("report.draft.plan")),
      bullets(
        goals.map((g) => [
          text(t("report.draft.goal", { goal: pick(locale, g.goalJa, g.goalEn) })),
          text(" → "),
          text(g.result ? label("report.planResult", g.result) : t("report.planResult.open"), [{ type: "bold" }]),
          text(g.resultJa || g.resultEn ? ` ${pick(locale, g.resultJa, g.resultEn)}` : ""),
        ]),
      ),
    ];
  };
  const orNothing = (parts: PmNode[], hint: string) => (parts.length ? parts : [paragraph(text(hint))]);

  const advocacy: PmNode[] = [];
  if (facts.requests.length) {
    advocacy.push(heading(t("report.draft.requests")));
    advocacy.push(
      bullets(
        facts.requests.map((r) => [
          text(`${date(r.on)} `),
          link(pick(locale, r.titleJa, r.titleEn), `/requests/${r.id}`),
          text(` (${label("requestKind", r.kind)}${r.bodies.length ? `${sep}${t("report.draft.to", { bodies: names(r.bodies) })}` : ""}${sep}${t("report.draft.demands", { count: r.items })})`),
        ]),
      ),
    );
  }
  if (facts.rounds.length) {
    advocacy.push(heading(t("report.draft.rounds")));
    advocacy.push(
      bullets(
        facts.rounds.map((r) => [
          text(`${date(r.on)} `),
          link(pick(locale, r.titleJa, r.titleEn), `/rounds/${r.id}`),
          text(r.bodies.length ? ` (${t("report.draft.with", { bodies: names(r.bodies) })}${sep}${t("report.draft.questions", { count: r.items })})` : ` (${t("report.draft.questions", { count: r.items })})`),
        ]),
      ),
    );
  }
  if (facts.submissions.length) {
    advocacy.push(heading(t("report.draft.comments")));
    advocacy.push(
      bullets(
        facts.submissions.map((s) => [
          text(`${date(s.on)} `),
          link(pick(locale, s.titleJa, s.titleEn), `/consultations/${s.consultationId}`),
          text(` (${s.caseNumber ? `${t("report.draft.case", { number: s.caseNumber })}${sep}` : ""}${t("report.draft.points", { count: s.points })})`),
        ]),
      ),
    );
  }
  if (facts.outcomes.length) {
    advocacy.push(heading(t("report.draft.outcomes")));
    advocacy.push(
      bullets(
        facts.outcomes.map((o) => [
          text(`${date(o.on)} `),
          ...(o.instrument ? [link(pick(locale, o.instrument.titleJa, o.instrument.titleEn), `/outcomes/${o.id}`), text(": ")] : []),
          text(`${label("degree", o.degree)} — `),
          link(`${o.demand.ref} ${pick(locale, o.demand.titleJa, o.demand.titleEn)}`, `/demands/${o.demand.id}/timeline`),
          text(o.on.slice(0, 4) > year ? ` ${t("report.draft.later", { year })}` : ""),
        ]),
      ),
    );
  }

  const networking: PmNode[] = facts.phases.length
    ? [
        heading(t("report.draft.networks")),
        bullets(
          facts.phases.map((p) => [
            text(`${date(p.on)} `),
            link(pick(locale, p.nameJa, p.nameEn), `/networks/${p.networkId}`),
            text(`: ${label("network.status", p.status)}`),
          ]),
        ),
      ]
    : [];

  const international: PmNode[] = facts.documents.length
    ? [
        heading(t("report.draft.unDocuments")),
        bullets(
          facts.documents.map((d) => [
            text(`${date(d.on)} `),
            link(d.symbol ? `${d.symbol} ${pick(locale, d.titleJa, d.titleEn)}` : pick(locale, d.titleJa, d.titleEn), `/un/documents/${d.id}`),
            text(d.recommendations ? ` (${t("report.draft.recommendations", { count: d.recommendations })})` : ""),
          ]),
        ),
      ]
    : [];

  const membership: PmNode[] = [];
  if (facts.figure) {
    const f = facts.figure;
    const p = facts.previousFigure;
    const rows: Array<[string, number | null, number | null, number | null | undefined, number | null | undefined]> = [
      [t("membership.individualMembers"), f.individualMembers, f.individualMemberUnits, p?.individualMembers, p?.individualMemberUnits],
      [t("membership.organisationMembers"), f.organisationMembers, f.organisationMemberUnits, p?.organisationMembers, p?.organisationMemberUnits],
      [t("membership.individualSubscribers"), f.individualSubscribers, f.individualSubscriberUnits, p?.individualSubscribers, p?.individualSubscriberUnits],
      [t("membership.organisationSubscribers"), f.organisationSubscribers, f.organisationSubscriberUnits, p?.organisationSubscribers, p?.organisationSubscriberUnits],
    ];
    const figure = (n: number | null | undefined, units: number | null | undefined) =>
      n == null ? "—" : units == null ? String(n) : t("report.draft.withUnits", { count: n, units });
    membership.push(paragraph(text(t("report.draft.figuresAt", { year }))));
    membership.push(
      bullets(
        rows.map(([name, n, units, pn, punits]) => [
          text(`${name}: `, [{ type: "bold" }]),
          text(figure(n, units)),
          text(p && pn != null ? ` (${t("report.draft.previous", { year: String(p.year), figure: figure(pn, punits) })})` : ""),
        ]),
      ),
    );
    if (f.note) membership.push(paragraph(text(f.note)));
  }

  const sections: Record<ReportSection, PmNode[]> = {
    advocacy: [...orNothing(advocacy, t("report.draft.noAdvocacy", { year })), ...planLines("advocacy")],
    networking: [...orNothing(networking, t("report.draft.noNetworking", { year })), ...planLines("networking")],
    international: [...orNothing(international, t("report.draft.noInternational", { year })), ...planLines("international")],
    publicity: [paragraph(text(t("report.draft.notRecorded"))), ...planLines("publicity")],
    organisation: [paragraph(text(t("report.draft.notRecorded"))), ...planLines("organisation")],
    membership: [...orNothing(membership, t("report.draft.noFigures", { year })), ...planLines("membership")],
  };
  return Object.fromEntries(REPORT_SECTIONS.map((s) => [s, JSON.stringify(doc(sections[s]))])) as SectionDocs;
}

const EMPTY = JSON.stringify(doc([{ type: "paragraph" }]));

/** The stored sections (JSON object of documents); a missing or broken one is an empty document. */
export function parseSections(json: string | null | undefined): SectionDocs {
  let parsed: unknown = null;
  try {
    parsed = json ? JSON.parse(json) : null;
  } catch {
    parsed = null;
  }
  const record = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  return Object.fromEntries(REPORT_SECTIONS.map((s) => [s, typeof record[s] === "string" ? (record[s] as string) : EMPTY])) as SectionDocs;
}

/**
 * A new draft over the stored report: a section still as last generated takes the new draft; one
 * staff edited keeps its text, unless `replaceEdits`. Returns the sections kept.
 */
export function mergeRegenerated(current: SectionDocs, lastGenerated: SectionDocs, fresh: SectionDocs, replaceEdits: boolean) {
  const kept: ReportSection[] = [];
  const sections = { ...fresh };
  for (const s of REPORT_SECTIONS) {
    const edited = current[s] !== lastGenerated[s];
    if (edited && !replaceEdits) {
      sections[s] = current[s];
      if (current[s] !== fresh[s]) kept.push(s);
    }
  }
  return { sections, kept };
}

/** The nodes of a stored section document (for the exports); an unreadable one is empty. */
export function sectionNodes(json: string): PmNode[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed && typeof parsed === "object" && "content" in parsed && Array.isArray(parsed.content)) return parsed.content as PmNode[];
  } catch {
    // an unreadable section exports as nothing
  }
  return [];
}

/** The year in a report's URL, or null when it is not one the app accepts. */
export function reportYear(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 1990 && year <= 2100 ? year : null;
}
