// Long imports save in batches (docs/decisions/010): a transaction of a bounded size each, so that a
// failure loses at most one batch and the page can show how far it got. Pure: used by the CSV and the
// pasted-text imports on the server, and by the import page to cut the same batches it asks for.

/** Paragraphs a batch. */
export const IMPORT_BATCH = 50;

/** The items in batches of `size`, in order. */
export function batchesOf<T>(items: readonly T[], size = IMPORT_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Saves the items batch by batch (`save` is one transaction), calling `progress` with the items done
 * after each batch. A failing batch stops the run with its error: the batches before it stay saved.
 */
export async function inBatches<T>(items: readonly T[], save: (batch: T[], index: number) => Promise<void>, progress?: (done: number, total: number) => void, size = IMPORT_BATCH) {
  let done = 0;
  for (const [index, batch] of batchesOf(items, size).entries()) {
    await save(batch, index);
    done += batch.length;
    progress?.(done, items.length);
  }
}

/** A run of paragraphs for a message, by its first and last: "51–100", or "7" alone. */
export function paragraphSpan(paragraphs: readonly string[]) {
  if (paragraphs.length <= 1) return paragraphs[0] ?? "";
  return `${paragraphs[0]}–${paragraphs[paragraphs.length - 1]}`;
}
