// The government bodies as listed, as CSV: /bodies.csv?<the list's parameters>. Without a search or
// filter the whole tree in its order (with each body's level); with one, the matching bodies sorted
// like the list, every page.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { bodyKindLabels } from "~/components/value-labels";
import { listBodies } from "~/models/body.server";
import { bodyExtras } from "~/models/list-export.server";
import { bodyListQuery } from "~/routes/bodies._index";
import { csvContext, csvResponse } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t, url, name } = await csvContext(request);
  const query = bodyListQuery(url.searchParams, locale);
  const result = await listBodies({ ...query, all: true });
  const kinds = bodyKindLabels(t);
  // The tree gives every body and its depth; the list gives each match the bodies above it.
  const byId = new Map(result.rows.map((b) => [b.id, b]));
  const above = (parentId: string | null) => {
    const trail: string[] = [];
    for (let id = parentId, guard = 0; id && guard < 50; guard++) {
      const parent = byId.get(id);
      if (!parent) break;
      trail.unshift(name(parent));
      id = parent.parentId;
    }
    return trail;
  };
  const bodies =
    result.mode === "tree"
      ? result.rows.map((b) => ({ ...b, depth: b.depth, trail: above(b.parentId) }))
      : result.items.map((b) => ({ ...b, depth: b.path.length, trail: b.path.map(name) }));
  const extras = await bodyExtras(bodies.map((b) => b.id));
  const header = [
    t("common.kind"),
    t("common.nameJa"),
    t("common.nameEn"),
    t("body.shortNameJa"),
    t("body.shortNameEn"),
    t("body.parent"),
    t("csv.depth"),
    t("bodies.people"),
    t("bodies.activeDemands"),
    t("common.website"),
    t("common.notes"),
    t("common.updatedAt"),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = bodies.map((b) => {
    const x = extras.get(b.id);
    return [
      kinds.label(b.kind),
      b.nameJa,
      b.nameEn,
      b.shortNameJa,
      b.shortNameEn,
      b.trail.join(" > "),
      b.depth,
      b.people,
      b.demands,
      x?.website,
      x?.notes,
      x?.updatedAt.toISOString(),
      new URL(`/bodies/${b.id}`, url).href,
      b.id,
    ];
  });
  return csvResponse(t("csv.file.bodies"), header, rows, todayInJapan());
}
