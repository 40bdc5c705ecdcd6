// What the public page (/public, docs/decisions/018) reads: the demands staff marked public, not in
// the trash, with their status and their public timeline. Everything it returns has been through
// toPublic / toPublicEvent (app/models/visibility.ts): an allow-list per record type.
import { type Locale } from "~/i18n/locales";
import { type Status } from "~/models/status";
import { demandStatuses } from "~/models/status.server";
import { loadTimeline } from "~/models/timeline.server";
import { TIMELINE_CHANNELS } from "~/models/timeline";
import { PUBLIC_EVENT_CHANNELS, toPublic, toPublicEvent } from "~/models/visibility";
import { db } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";
import { sessionIdFrom } from "~/utils/auth.server";
import { config } from "~/utils/env.server";

/** Throws the plain 404 every public route gives while PUBLIC_PAGE is off: nothing hints that the page exists. */
export function requirePublicPage() {
  if (!config.publicPage) throw new Response("Not found", { status: 404 });
}

/** Whether the public page is on (the staff pages link to it only then). */
export const publicPageOn = () => config.publicPage;

const bodySelect = { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true, sortOrder: true } as const;
const demandSelect = {
  id: true,
  ref: true,
  titleJa: true,
  titleEn: true,
  summaryJa: true,
  summaryEn: true,
  firstRaisedOn: true,
  archived: true,
  themes: { select: { theme: { select: { id: true, nameJa: true, nameEn: true, slug: true } } } },
  targets: { select: { body: { select: { ...bodySelect, deletedAt: true } } } },
} as const;

type DemandRow = {
  themes: Array<{ theme: { id: string; nameJa: string; nameEn: string; slug: string } }>;
  targets: Array<{ body: { id: string; nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null; sortOrder: number; deletedAt: Date | null } }>;
};

/** Themes by slug, target bodies (not in the trash) in the directory's order. */
function links(d: DemandRow) {
  return {
    themes: d.themes.map((t) => t.theme).sort((a, b) => a.slug.localeCompare(b.slug)),
    targetBodies: d.targets
      .map((t) => t.body)
      .filter((b) => !b.deletedAt)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.nameEn.localeCompare(b.nameEn)),
  };
}

export type PublicListQuery = { themeId?: string; status?: Status; page: number };

/** One page of the public demands, in reference order, with the themes the filter offers. */
export async function publicDemandList(query: PublicListQuery) {
  const where = { isPublic: true, deletedAt: null };
  const [rows, themes] = await Promise.all([
    db.demand.findMany({ where: { ...where, ...(query.themeId ? { themes: { some: { themeId: query.themeId } } } : {}) }, select: demandSelect, orderBy: { ref: "asc" } }),
    // Only themes that some public demand has: an empty choice tells nothing.
    db.theme.findMany({ where: { demands: { some: { demand: where } } }, select: { id: true, nameJa: true, nameEn: true }, orderBy: { slug: "asc" } }),
  ]);
  const statuses = await demandStatuses(rows.map((r) => r.id));
  const all = rows
    .map((d) => ({ ...d, ...links(d), status: statuses[d.id]?.status ?? "open", sinceOn: statuses[d.id]?.sinceOn ?? null }))
    .filter((d) => !query.status || d.status === query.status);
  const { skip, take } = pageWindow(query.page);
  return {
    demands: all.slice(skip, skip + take).map((d) => toPublic("listedDemand", d)),
    total: all.length,
    pageCount: pageCount(all.length),
    themes: themes.map((t) => toPublic("listedDemand", { themes: [t] }).themes[0]),
  };
}

/** A public, live demand with one page of its public timeline; null for any other id. */
export async function publicDemandPage(id: string, locale: Locale, page: number) {
  const row = await db.demand.findFirst({ where: { id, isPublic: true, deletedAt: null }, select: demandSelect });
  if (!row) return null;
  // The public channels (the "raised" event goes with any filter; the head gives that date).
  const channels = TIMELINE_CHANNELS.filter((c) => (PUBLIC_EVENT_CHANNELS as readonly string[]).includes(c));
  const [status, timeline] = await Promise.all([
    demandStatuses([row.id]).then((s) => s[row.id]),
    // As the public sees it: no internal note is even read into the events (role "": audience public).
    loadTimeline({ demandId: row.id, role: "", locale, channels, page }),
  ]);
  if (!timeline) return null;
  const events = timeline.events.flatMap((e) => toPublicEvent(e) ?? []);
  return {
    demand: toPublic("demand", { ...row, ...links(row), status: status?.status ?? "open", sinceOn: status?.sinceOn ?? null }),
    events,
    total: timeline.shown,
    page: timeline.page,
    pageCount: timeline.pageCount,
  };
}

export type PublicDemandPage = NonNullable<Awaited<ReturnType<typeof publicDemandPage>>>;
export type PublicTimelineEvent = PublicDemandPage["events"][number];

/**
 * Headers of a public page: cached for a minute; by shared caches only when nobody is signed in
 * (the page's data then holds no account), and per language cookie and Accept-Language.
 */
export async function publicHeaders(request: Request) {
  const signedIn = Boolean(await sessionIdFrom(request));
  return { "Cache-Control": `${signedIn ? "private" : "public"}, max-age=60`, Vary: "Cookie, Accept-Language" };
}
