// What the CSV downloads of the lists add to each list's own rows (routes/<list>[.]csv.ts): the
// fields a list screen does not show but a spreadsheet needs (both languages, notes, the related
// records' names). The list functions choose and order the rows (the same filters as the screen,
// every page: their `all` option); these read the extra fields of those rows in one statement per
// list, whatever the number of rows, and pass staff-only fields through app/models/visibility.ts.
import { redact } from "~/models/visibility";
import { db } from "~/utils/db.server";

const named = { select: { id: true, nameJa: true, nameEn: true } } as const;
const bodyNamed = { select: { id: true, nameJa: true, nameEn: true, shortNameJa: true, shortNameEn: true } } as const;

/** Rows by id: the lookup the CSV routes make for each row of the list. */
function byId<T extends { id: string }>(rows: T[]) {
  return new Map(rows.map((r) => [r.id, r]));
}

export async function roundExtras(ids: string[], role: string) {
  const rows = await db.negotiationRound.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      summary: true,
      internalNote: true,
      updatedAt: true,
      request: { select: { id: true, titleJa: true, titleEn: true, sentOn: true } },
      intermediaryBody: bodyNamed,
    },
  });
  return byId(rows.map((r) => redact("NegotiationRound", r, role)));
}

export async function consultationExtras(ids: string[], role: string) {
  const rows = await db.consultation.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      url: true,
      note: true,
      resultOn: true,
      resultNote: true,
      internalNote: true,
      updatedAt: true,
      instrument: { select: { id: true, titleJa: true, titleEn: true } },
    },
  });
  return byId(rows.map((r) => redact("Consultation", r, role)));
}

export async function recommendationExtras(ids: string[], role: string) {
  const rows = await db.recommendation.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      textJa: true,
      articles: true,
      governmentClaimJa: true,
      governmentClaimEn: true,
      assessmentNote: true,
      internalNote: true,
      reiterates: { select: { paragraph: true, document: { select: { symbol: true } } } },
      themes: { select: { theme: named } },
      demands: { where: { demand: { deletedAt: null } }, select: { demand: { select: { ref: true } } } },
    },
  });
  return byId(rows.map((r) => redact("Recommendation", r, role)));
}

/** Bodies carry no staff-only field: their notes are shared with members (as on the body page). */
export async function bodyExtras(ids: string[]) {
  return byId(await db.body.findMany({ where: { id: { in: ids } }, select: { id: true, website: true, notes: true, updatedAt: true } }));
}

export async function organisationExtras(ids: string[]) {
  return byId(await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, website: true, notesJa: true, notesEn: true, updatedAt: true } }));
}

export async function networkExtras(ids: string[]) {
  const rows = await db.projectNetwork.findMany({
    where: { id: { in: ids } },
    select: { id: true, descriptionJa: true, descriptionEn: true, updatedAt: true, organisation: { select: { id: true, nameJa: true, nameEn: true, deletedAt: true } } },
  });
  return byId(rows.map(({ organisation, ...n }) => ({ ...n, organisation: organisation && !organisation.deletedAt ? organisation : null })));
}

/** Contact details and notes are staff-only (INTERNAL_FIELDS.Person): null for anyone else. */
export async function personExtras(ids: string[], role: string) {
  const rows = await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, phone: true, notes: true } });
  return byId(rows.map((r) => redact("Person", r, role)));
}

export async function instrumentExtras(ids: string[]) {
  return byId(await db.instrument.findMany({ where: { id: { in: ids } }, select: { id: true, url: true, notes: true } }));
}
