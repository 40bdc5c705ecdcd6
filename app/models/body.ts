// Government bodies nest: ministry → bureau → division. Pure helpers over a flat list.
import { z } from "zod";
import { optionalText, optionalUrl, versionField } from "~/utils/validation";

export const BODY_KINDS = [
  "cabinet",
  "ministry",
  "agency",
  "bureau",
  "division",
  "office",
  "semi_governmental",
  "diet",
  "political_party",
  "local_government",
  "other",
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

type TreeNode = { id: string; parentId: string | null; sortOrder?: number };

/** Depth-first order with each node's depth; nodes whose parent is missing count as roots. */
export function flattenTree<T extends TreeNode>(nodes: T[], label: (n: T) => string): Array<T & { depth: number }> {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, T[]>();
  for (const n of nodes) {
    const parent = n.parentId && ids.has(n.parentId) ? n.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(n);
    children.set(parent, list);
  }
  const sorted = (list: T[]) =>
    [...list].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || label(a).localeCompare(label(b)));
  const out: Array<T & { depth: number }> = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const n of sorted(children.get(parent) ?? [])) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      out.push({ ...n, depth });
      visit(n.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The ids of a node and everything below it. */
export function subtreeIds(nodes: TreeNode[], rootId: string): Set<string> {
  const result = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (n.parentId && result.has(n.parentId) && !result.has(n.id)) {
        result.add(n.id);
        grew = true;
      }
    }
  }
  return result;
}

/** The chain from the root down to the node (inclusive). */
export function ancestry<T extends TreeNode>(nodes: T[], id: string): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const chain: T[] = [];
  let current = byId.get(id);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

// ───────────── The body form and list (added for the bodies screens) ─────────────

export function isBodyKind(value: unknown): value is BodyKind {
  return typeof value === "string" && (BODY_KINDS as readonly string[]).includes(value);
}

/** The body form, used by the editor page (client validation) and its action (server). */
export const bodyFormSchema = z
  .object({
    kind: z.enum(BODY_KINDS, { error: "error.required" }),
    nameJa: optionalText(300),
    nameEn: optionalText(300),
    shortNameJa: optionalText(100),
    shortNameEn: optionalText(100),
    parentId: z.string().max(64).optional(),
    website: optionalUrl,
    notes: optionalText(4000),
    sortOrder: z
      .number({ error: "error.sortOrder" })
      .int("error.sortOrder")
      .min(-9999, "error.sortOrder")
      .max(9999, "error.sortOrder")
      .default(0),
  })
  .refine((value) => Boolean(value.nameJa || value.nameEn), {
    path: ["nameJa"],
    message: "error.bodyNameOneLanguage",
    // Checked even when other fields have errors, so that all messages show at once.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });

export const bodyUpdateSchema = bodyFormSchema.and(z.object({ version: versionField }));

export type BodyFormValues = z.infer<typeof bodyFormSchema>;

/** Sort orders of the flat (searched or filtered) list; without a search the list is the tree. */
export const BODY_SORTS = ["name", "kind", "people", "demands"] as const;
export type BodySort = (typeof BODY_SORTS)[number];
