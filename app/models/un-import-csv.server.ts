// The CSV import of a UN document's recommendations on the database (docs/decisions/010): what each
// row would do (new / changed / unchanged), the errors only the database can tell (demand numbers,
// themes, the recommendation a row reiterates), and saving in batches with an audit event a paragraph.
// A paragraph the document already has is updated, never duplicated; only the columns the file has are
// written, so a file without `text_ja` keeps the Japanese translations, and grades, claims and notes
// are never touched.
import { messageRef } from "~/i18n";
import { IMPORT_BATCH, inBatches } from "~/models/batches";
import { recordAudits } from "~/models/audit.server";
import { type CsvColumn, type CsvParse, type CsvRow } from "~/models/un-import-csv";
import { type ImportSaved, type ImportVersions, recommendationSnapshots } from "~/models/un.server";
import { normalizeSymbol, wouldLoop } from "~/models/un";
import { db } from "~/utils/db.server";

export type CsvPlanRow = CsvRow & {
  state: "new" | "changed" | "same";
  existingId: string | null;
  /** the version on record of the row's paragraph (of a trashed one too), null when there is none */
  version: number | null;
  themeIds: string[];
  demandIds: string[];
  reiteratesId: string | null;
};
export type CsvPlan = { columns: CsvColumn[]; rows: CsvPlanRow[] };

/** Texts compare by their words: a line end sent back by a form as \r\n, or spaces at a line's end, are no change. */
const sameText = (a: string | null, b: string | null) => (a ?? "").replace(/\s+/g, " ").trim() === (b ?? "").replace(/\s+/g, " ").trim();
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

/** Resolves each row against the document and the records, adding the errors only the database can tell. */
export async function planCsvImport(documentId: string, parsed: CsvParse): Promise<CsvPlan> {
  const { rows, columns } = parsed;
  const has = (c: CsvColumn) => columns.includes(c);
  const refs = [...new Set(rows.flatMap((r) => r.demandRefs))];
  const symbols = [...new Set(rows.flatMap((r) => (r.reiterates ? [r.reiterates.symbol] : [])))];
  const [existing, themes, demands, cited, chainRows] = await Promise.all([
    db.recommendation.findMany({
      where: { documentId },
      select: {
        id: true,
        paragraph: true,
        headingEn: true,
        headingJa: true,
        textEn: true,
        textJa: true,
        articles: true,
        followUp: true,
        reiteratesId: true,
        deletedAt: true,
        version: true,
        themes: { select: { themeId: true } },
        demands: { select: { demandId: true } },
      },
    }),
    has("themes") ? db.theme.findMany({ select: { id: true, slug: true, nameJa: true, nameEn: true } }) : [],
    refs.length ? db.demand.findMany({ where: { ref: { in: refs }, deletedAt: null }, select: { id: true, ref: true } }) : [],
    symbols.length
      ? db.recommendation.findMany({ where: { deletedAt: null, document: { deletedAt: null, symbol: { in: symbols } } }, select: { id: true, paragraph: true, document: { select: { symbol: true } } } })
      : [],
    symbols.length ? db.recommendation.findMany({ where: { reiteratesId: { not: null } }, select: { id: true, reiteratesId: true } }) : [],
  ]);
  const byParagraph = new Map(existing.map((e) => [e.paragraph, e]));
  const themeOf = (name: string) => {
    const n = name.toLowerCase();
    return themes.find((t) => t.slug.toLowerCase() === n || t.nameEn.toLowerCase() === n || t.nameJa === name);
  };

  const planned = rows.map((row): CsvPlanRow => {
    const errors = [...row.errors];
    const unknownRefs = row.demandRefs.filter((ref) => !demands.some((d) => d.ref === ref));
    if (unknownRefs.length) errors.push(messageRef("un.error.unknownDemands", { refs: unknownRefs.join(", ") }));
    const unknownThemes = row.themes.filter((t) => !themeOf(t));
    if (unknownThemes.length) errors.push(messageRef("un.csv.error.unknownThemes", { themes: unknownThemes.join(", ") }));
    const before = row.paragraph ? byParagraph.get(row.paragraph) : undefined;
    let reiteratesId: string | null = null;
    if (row.reiterates) {
      const earlier = cited.find((c) => c.document.symbol && normalizeSymbol(c.document.symbol) === row.reiterates?.symbol && c.paragraph === row.reiterates.paragraph);
      if (!earlier) errors.push(messageRef("un.csv.error.unknownReiterates", { value: row.reiterates.raw }));
      else if (before && (earlier.id === before.id || wouldLoop(before.id, earlier.id, chainRows))) errors.push(messageRef("un.csv.error.reiterationLoop", { value: row.reiterates.raw }));
      else reiteratesId = earlier.id;
    }
    const themeIds = [...new Set(row.themes.flatMap((t) => themeOf(t)?.id ?? []))];
    const demandIds = row.demandRefs.flatMap((ref) => demands.filter((d) => d.ref === ref).map((d) => d.id));
    let state: CsvPlanRow["state"] = "new";
    if (before && !before.deletedAt) {
      const changed =
        !sameText(before.textEn, row.textEn) ||
        (has("heading") && !sameText(before.headingEn, row.headingEn)) ||
        (has("heading_ja") && !sameText(before.headingJa, row.headingJa)) ||
        (has("text_ja") && !sameText(before.textJa, row.textJa)) ||
        (has("articles") && !sameText(before.articles, row.articles)) ||
        (has("follow_up") && before.followUp !== row.followUp) ||
        (has("reiterates") && before.reiteratesId !== reiteratesId) ||
        (has("themes") && !sameSet(before.themes.map((t) => t.themeId), themeIds)) ||
        (has("demands") && !sameSet(before.demands.map((d) => d.demandId), demandIds));
      state = changed ? "changed" : "same";
    } else if (before) state = "changed";
    return { ...row, errors, state, existingId: before?.id ?? null, version: before?.version ?? null, themeIds, demandIds, reiteratesId };
  });
  return { columns, rows: planned };
}

export const CSV_BATCH = IMPORT_BATCH;

/** The rows a save writes: new or changed, with a paragraph number and no error. */
const writtenRows = (rows: CsvPlanRow[]) => rows.filter((r): r is CsvPlanRow & { paragraph: string } => r.state !== "same" && Boolean(r.paragraph) && !r.errors.length);

/** The version on record of each paragraph the plan would write, as the preview saw it (sent back with "Save"). */
export const csvVersionsOf = (plan: CsvPlan): ImportVersions => Object.fromEntries(writtenRows(plan.rows).map((r) => [r.paragraph, r.version]));

/** A row to be written was changed (or its paragraph added) by someone else after the preview. */
class CsvConflict extends Error {
  constructor(readonly paragraphs: string[]) {
    super(`changed since the preview: ${paragraphs.join(", ")}`);
  }
}

/**
 * Saves the rows of a plan without errors, CSV_BATCH paragraphs a transaction (each paragraph audited),
 * calling `progress` after each batch. A batch is a fixed number of statements plus one update per
 * changed paragraph. With `versions` (from the preview), a row whose paragraph's version on record is no
 * longer the one previewed stops the save before its batch, as the pasted import does: the batches
 * before it stay saved, and the result names the paragraphs saved and not saved. A failure leaves the
 * batches before it saved; saving the same file again finishes the rest (what is saved reads "unchanged").
 */
export async function saveCsvImport(
  documentId: string,
  plan: CsvPlan,
  userId: string,
  { versions, progress }: { versions?: ImportVersions; progress?: (saved: number, total: number) => void } = {},
): Promise<ImportSaved> {
  const has = (c: CsvColumn) => plan.columns.includes(c);
  const todo = writtenRows(plan.rows);
  const dataOf = (row: CsvPlanRow) => ({
    textEn: row.textEn,
    position: row.position,
    ...(has("heading") ? { headingEn: row.headingEn } : {}),
    ...(has("heading_ja") ? { headingJa: row.headingJa } : {}),
    ...(has("text_ja") ? { textJa: row.textJa } : {}),
    ...(has("articles") ? { articles: row.articles } : {}),
    ...(has("follow_up") ? { followUp: row.followUp } : {}),
    ...(has("reiterates") ? { reiteratesId: row.reiteratesId } : {}),
  });
  let created = 0;
  let updated = 0;
  let done = 0;
  const paragraphsOf = (rows: Array<{ paragraph: string }>) => rows.map((r) => r.paragraph);
  try {
    await inBatches(
      todo,
      (batch) =>
        db.$transaction(
          async (tx) => {
            const paragraphs = batch.map((r) => r.paragraph);
            const found = await tx.recommendation.findMany({ where: { documentId, paragraph: { in: paragraphs } }, select: { id: true, paragraph: true, version: true } });
            if (versions) {
              const now = new Map(found.map((f) => [f.paragraph, f.version]));
              const conflicts = paragraphs.filter((n) => (now.get(n) ?? null) !== (versions[n] ?? null));
              if (conflicts.length) throw new CsvConflict(conflicts);
            }
            const idOf = new Map(found.map((f) => [f.paragraph, f.id]));
            const before = await recommendationSnapshots(tx, found.map((f) => f.id));
            const fresh = batch.filter((r) => !idOf.has(r.paragraph));
            if (fresh.length) {
              await tx.recommendation.createMany({ data: fresh.map((r) => ({ documentId, paragraph: r.paragraph, ...dataOf(r) })) });
              const made = await tx.recommendation.findMany({ where: { documentId, paragraph: { in: fresh.map((r) => r.paragraph) } }, select: { id: true, paragraph: true } });
              for (const m of made) idOf.set(m.paragraph, m.id);
            }
            for (const row of batch) {
              const id = idOf.get(row.paragraph);
              if (id && before.has(id)) await tx.recommendation.update({ where: { id }, data: { ...dataOf(row), deletedAt: null, version: { increment: 1 } } });
            }
            const ids = batch.flatMap((r) => idOf.get(r.paragraph) ?? []);
            if (has("themes")) {
              await tx.recommendationTheme.deleteMany({ where: { recommendationId: { in: ids } } });
              const links = batch.flatMap((r) => r.themeIds.map((themeId) => ({ recommendationId: idOf.get(r.paragraph) ?? "", themeId })));
              if (links.length) await tx.recommendationTheme.createMany({ data: links });
            }
            if (has("demands")) {
              await tx.recommendationDemand.deleteMany({ where: { recommendationId: { in: ids } } });
              const links = batch.flatMap((r) => [...new Set(r.demandIds)].map((demandId) => ({ recommendationId: idOf.get(r.paragraph) ?? "", demandId })));
              if (links.length) await tx.recommendationDemand.createMany({ data: links });
            }
            const after = await recommendationSnapshots(tx, ids);
            await recordAudits(
              tx,
              ids.map((id) => {
                const was = before.get(id);
                return was ? { userId, action: "update" as const, entityType: "Recommendation", entityId: id, before: was, after: after.get(id) } : { userId, action: "create" as const, entityType: "Recommendation", entityId: id, after: after.get(id) };
              }),
            );
            updated += before.size;
            created += ids.length - before.size;
          },
          { timeout: 60_000 },
        ),
      (n, total) => {
        done = n;
        progress?.(n, total);
      },
      CSV_BATCH,
    );
  } catch (error) {
    if (!(error instanceof CsvConflict)) throw error;
    return { created, updated, unchanged: plan.rows.length - todo.length, saved: paragraphsOf(todo.slice(0, done)), notSaved: paragraphsOf(todo.slice(done)), conflicts: error.paragraphs };
  }
  return { created, updated, unchanged: plan.rows.length - created - updated, saved: paragraphsOf(todo), notSaved: [], conflicts: [] };
}

// What routes need of the pure module, re-exported from here: csv-parse runs `Buffer.from` when it is
// loaded, so a route importing `un-import-csv` directly pulled it into the browser bundle, where the
// route module then failed to load ("Buffer is not defined") and every link to the page only reloaded it.
export { CSV_MAX_BYTES, CSV_TEMPLATE_ROWS, decodeCsv, parseRecommendationCsv } from "~/models/un-import-csv";
