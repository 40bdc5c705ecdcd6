// A record's history from the audit log: its own events and its child records' (a round's agenda
// items, a person's affiliations…), newest first, paged, each with the fields it changed made readable.
import { translator } from "~/i18n";
import { type Locale } from "~/i18n/locales";
import { CHILD_TYPES, describeChanges, entityLabel, type HistoryType, parseSnapshot, referencedIds } from "~/models/history";
import { db, type Prisma } from "~/utils/db.server";
import { pageCount, pageWindow } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

/** Every type with a name of its own: the records with a history page, and attachments (the trash lists them). */
export type RecordType = HistoryType | "Attachment" | "CommentSubmission";
export type Labelled = { id: string; ja: string; en: string; deletedAt: Date | null; owner?: { ja: string; en: string } | null };
type Where = { id: string } | { id: { in: string[] } } | { deletedAt: { not: null } };

const pair = (ja: string | null | undefined, en: string | null | undefined) => ({ ja: ja || en || "", en: en || ja || "" });
const bodyName = (b: { nameJa: string; nameEn: string }) => pair(b.nameJa, b.nameEn);

/** The records of a type that match, each named in both languages (a demand by its number and title). */
export async function labelledRecords(type: RecordType, where: Where, client: Prisma.TransactionClient = db): Promise<Labelled[]> {
  switch (type) {
    case "Demand": {
      const rows = await client.demand.findMany({ where, select: { id: true, ref: true, titleJa: true, titleEn: true, deletedAt: true } });
      return rows.map((r) => {
        const title = pair(r.titleJa, r.titleEn);
        return { id: r.id, ja: `${r.ref} ${title.ja}`, en: `${r.ref} ${title.en}`, deletedAt: r.deletedAt };
      });
    }
    case "Body": {
      const rows = await client.body.findMany({ where, select: { id: true, nameJa: true, nameEn: true, deletedAt: true } });
      return rows.map((r) => ({ id: r.id, ...bodyName(r), deletedAt: r.deletedAt }));
    }
    case "Person": {
      const rows = await client.person.findMany({ where, select: { id: true, nameJa: true, nameEn: true, deletedAt: true } });
      return rows.map((r) => ({ id: r.id, ...bodyName(r), deletedAt: r.deletedAt }));
    }
    case "Organisation": {
      const rows = await client.organisation.findMany({ where, select: { id: true, nameJa: true, nameEn: true, deletedAt: true } });
      return rows.map((r) => ({ id: r.id, ...bodyName(r), deletedAt: r.deletedAt }));
    }
    case "ProjectNetwork": {
      const rows = await client.projectNetwork.findMany({ where, select: { id: true, nameJa: true, nameEn: true, deletedAt: true } });
      return rows.map((r) => ({ id: r.id, ...bodyName(r), deletedAt: r.deletedAt }));
    }
    case "Request": {
      const rows = await client.request.findMany({ where, select: { id: true, titleJa: true, titleEn: true, deletedAt: true } });
      return rows.map((r) => ({ id: r.id, ...pair(r.titleJa, r.titleEn), deletedAt: r.deletedAt }));
    }
    case "NegotiationRound": {
      const rows = await client.negotiationRound.findMany({ where, select: { id: true, titleJa: true, titleEn: true, deletedAt: true } });
      return rows.map((r) => ({ id: r.id, ...pair(r.titleJa, r.titleEn), deletedAt: r.deletedAt }));
    }
    case "Consultation": {
      const rows = await client.consultation.findMany({ where, select: { id: true, titleJa: true, titleEn: true, deletedAt: true } });
      return rows.map((r) => ({ id: r.id, ...pair(r.titleJa, r.titleEn), deletedAt: r.deletedAt }));
    }
    case "CommentSubmission": {
      const rows = await client.commentSubmission.findMany({
        where,
        select: { id: true, submittedOn: true, deletedAt: true, consultation: { select: { titleJa: true, titleEn: true } } },
      });
      return rows.map((r) => {
        const title = pair(r.consultation.titleJa, r.consultation.titleEn);
        const name = (locale: Locale) => `${title[locale]} · ${formatPartialDate(r.submittedOn, locale)}`;
        return { id: r.id, ja: name("ja"), en: name("en"), deletedAt: r.deletedAt, owner: title };
      });
    }
    case "Instrument": {
      const rows = await client.instrument.findMany({ where, select: { id: true, titleJa: true, titleEn: true, deletedAt: true } });
      return rows.map((r) => ({ id: r.id, ...pair(r.titleJa, r.titleEn), deletedAt: r.deletedAt }));
    }
    case "Outcome": {
      const rows = await client.outcome.findMany({
        where,
        select: { id: true, occurredOn: true, deletedAt: true, demand: { select: { ref: true } }, instrument: { select: { titleJa: true, titleEn: true } } },
      });
      return rows.map((r) => {
        const doc = r.instrument ? pair(r.instrument.titleJa, r.instrument.titleEn) : null;
        const name = (locale: Locale) => [r.demand.ref, doc?.[locale], formatPartialDate(r.occurredOn, locale)].filter(Boolean).join(" · ");
        return { id: r.id, ja: name("ja"), en: name("en"), deletedAt: r.deletedAt };
      });
    }
    case "UnMechanism": {
      const rows = await client.unMechanism.findMany({ where, select: { id: true, abbreviation: true, nameJa: true, nameEn: true, deletedAt: true } });
      return rows.map((r) => {
        const name = pair(r.nameJa, r.nameEn);
        return { id: r.id, ja: `${r.abbreviation} ${name.ja}`, en: `${r.abbreviation} ${name.en}`, deletedAt: r.deletedAt };
      });
    }
    case "ReviewCycle": {
      const rows = await client.reviewCycle.findMany({ where, select: { id: true, titleJa: true, titleEn: true, deletedAt: true, mechanism: { select: { abbreviation: true } } } });
      return rows.map((r) => {
        const title = pair(r.titleJa, r.titleEn);
        return { id: r.id, ja: `${r.mechanism.abbreviation}: ${title.ja}`, en: `${r.mechanism.abbreviation}: ${title.en}`, deletedAt: r.deletedAt };
      });
    }
    case "UnDocument": {
      const rows = await client.unDocument.findMany({ where, select: { id: true, symbol: true, titleJa: true, titleEn: true, deletedAt: true } });
      return rows.map((r) => {
        const title = pair(r.titleJa, r.titleEn);
        return { id: r.id, ja: r.symbol ? `${r.symbol} ${title.ja}` : title.ja, en: r.symbol ? `${r.symbol} ${title.en}` : title.en, deletedAt: r.deletedAt };
      });
    }
    case "Recommendation": {
      const rows = await client.recommendation.findMany({
        where,
        select: { id: true, paragraph: true, headingJa: true, headingEn: true, deletedAt: true, document: { select: { symbol: true, titleJa: true, titleEn: true } } },
      });
      return rows.map((r) => {
        const doc = pair(r.document.symbol || r.document.titleJa, r.document.symbol || r.document.titleEn);
        const heading = pair(r.headingJa, r.headingEn);
        return { id: r.id, ja: `${doc.ja} パラ${r.paragraph}${heading.ja ? ` ${heading.ja}` : ""}`, en: `${doc.en} para. ${r.paragraph}${heading.en ? ` ${heading.en}` : ""}`, deletedAt: r.deletedAt, owner: doc };
      });
    }
    case "MembershipFigure": {
      const rows = await client.membershipFigure.findMany({ where, select: { id: true, year: true, deletedAt: true } });
      return rows.map((r) => ({ id: r.id, ja: `${r.year}年の会員数`, en: `Membership ${r.year}`, deletedAt: r.deletedAt }));
    }
    case "ActivityPlanGoal": {
      const rows = await client.activityPlanGoal.findMany({ where, select: { id: true, year: true, goalJa: true, goalEn: true, deletedAt: true } });
      return rows.map((r) => {
        const goal = pair(r.goalJa, r.goalEn);
        const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
        return { id: r.id, ja: `${r.year}年の目標：${short(goal.ja)}`, en: `Goal ${r.year}: ${short(goal.en)}`, deletedAt: r.deletedAt, owner: { ja: `${r.year}年 活動計画`, en: `Activity plan ${r.year}` } };
      });
    }
    case "ActivityReport": {
      // Reports are regenerated, never deleted.
      if ("deletedAt" in where) return [];
      const rows = await client.activityReport.findMany({ where, select: { id: true, year: true } });
      return rows.map((r) => ({ id: r.id, ja: `${r.year}年 活動報告`, en: `Activity report ${r.year}`, deletedAt: null }));
    }
    case "CounterReport": {
      const rows = await client.counterReport.findMany({ where, select: { id: true, titleEn: true, titleJa: true, deletedAt: true } });
      return rows.map((r) => ({ id: r.id, ...pair(r.titleJa, r.titleEn), deletedAt: r.deletedAt }));
    }
    case "User": {
      // Accounts are deactivated, never deleted.
      const rows = await client.user.findMany({ where: "deletedAt" in where ? { id: { in: [] } } : where, select: { id: true, name: true } });
      return rows.map((r) => ({ id: r.id, ja: r.name, en: r.name, deletedAt: null }));
    }
    case "Attachment": {
      const titles = { select: { titleJa: true, titleEn: true } } as const;
      const rows = await client.attachment.findMany({
        where,
        select: {
          id: true,
          fileName: true,
          deletedAt: true,
          request: titles,
          round: titles,
          outcome: { select: { demand: { select: { ref: true } } } },
          consultation: titles,
          submission: { select: { consultation: titles } },
        },
      });
      return rows.map((r) => {
        const titled = r.request ?? r.round ?? r.consultation ?? r.submission?.consultation ?? null;
        const owner = titled ? pair(titled.titleJa, titled.titleEn) : r.outcome ? pair(r.outcome.demand.ref, null) : null;
        return { id: r.id, ja: r.fileName, en: r.fileName, deletedAt: r.deletedAt, owner };
      });
    }
  }
}

const NAMED_TYPES: RecordType[] = ["Demand", "Body", "Person", "Organisation", "ProjectNetwork", "Request", "NegotiationRound", "Consultation", "Instrument", "User", "UnMechanism", "ReviewCycle", "UnDocument", "Recommendation", "MembershipFigure", "ActivityPlanGoal", "ActivityReport"];

/** The names of the records these ids belong to, whatever their type (ids are unique across tables), in the trash or not. */
async function namesOf(ids: Set<string>, locale: Locale) {
  const names = new Map<string, string>();
  if (!ids.size) return names;
  const where = { id: { in: [...ids] } };
  const [records, themes] = await Promise.all([
    Promise.all(NAMED_TYPES.map((type) => labelledRecords(type, where))),
    db.theme.findMany({ where, select: { id: true, nameJa: true, nameEn: true } }),
  ]);
  for (const r of records.flat()) names.set(r.id, r[locale]);
  for (const th of themes) names.set(th.id, bodyName(th)[locale]);
  return names;
}

/** The child rows of a record as they are now, with the record a child is about (an agenda item's demand). */
async function liveChildren(type: HistoryType, id: string): Promise<Array<{ id: string; subjectId: string | null }>> {
  switch (type) {
    case "NegotiationRound":
      return (await db.agendaItem.findMany({ where: { roundId: id }, select: { id: true, demandId: true } })).map((r) => ({ id: r.id, subjectId: r.demandId }));
    case "Demand":
      return (await db.demandStatusOverride.findMany({ where: { demandId: id }, select: { id: true } })).map((r) => ({ id: r.id, subjectId: null }));
    case "Person":
      return (await db.affiliation.findMany({ where: { personId: id }, select: { id: true, bodyId: true, organisationId: true, projectNetworkId: true } })).map((r) => ({
        id: r.id,
        subjectId: r.bodyId ?? r.organisationId ?? r.projectNetworkId,
      }));
    case "Consultation":
      return (await db.commentSubmission.findMany({ where: { consultationId: id }, select: { id: true } })).map((r) => ({ id: r.id, subjectId: null }));
    case "Organisation":
      return (await db.organisationName.findMany({ where: { organisationId: id }, select: { id: true } })).map((r) => ({ id: r.id, subjectId: null }));
    case "CounterReport":
      return (await db.counterReportSection.findMany({ where: { reportId: id }, select: { id: true } })).map((r) => ({ id: r.id, subjectId: null }));
    case "ProjectNetwork":
      return (await db.projectNetworkPhase.findMany({ where: { projectNetworkId: id }, select: { id: true } })).map((r) => ({ id: r.id, subjectId: null }));
    default:
      return [];
  }
}

/** What a child event is about, by id: the agenda item's demand, the affiliation's body, organisation or network. */
function subjectIn(after: Record<string, unknown>, before: Record<string, unknown>, parentKey: string) {
  for (const key of ["demandId", "bodyId", "organisationId", "projectNetworkId"].filter((k) => k !== parentKey)) {
    const value = after[key] ?? before[key];
    if (typeof value === "string") return value;
  }
  return null;
}

/**
 * The history of one record, or null when there is no such record. Events of its child records are
 * found by the parent's id in their snapshots, and by the child rows that exist now.
 */
export async function recordHistory(type: HistoryType, id: string, page: number, locale: Locale) {
  const [record] = await labelledRecords(type, { id });
  if (!record) return null;
  const child = CHILD_TYPES[type];
  let where: Prisma.AuditEventWhereInput = { entityType: type, entityId: id };
  const subjectOfChild = new Map<string, string | null>();
  if (child) {
    const needle = `"${child.parentKey}":${JSON.stringify(id)}`;
    const [mentioned, live] = await Promise.all([
      db.auditEvent.findMany({
        where: { entityType: child.entityType, OR: [{ before: { contains: needle } }, { after: { contains: needle } }] },
        select: { entityId: true, before: true, after: true },
      }),
      liveChildren(type, id),
    ]);
    // A removed child's subject is known from its other events (an agenda item's creation names its demand).
    for (const m of mentioned) {
      const subject = subjectIn(parseSnapshot(m.after), parseSnapshot(m.before), child.parentKey);
      if (subject) subjectOfChild.set(m.entityId, subject);
    }
    for (const c of live) if (c.subjectId) subjectOfChild.set(c.id, c.subjectId);
    const childIds = [...new Set([...mentioned.map((m) => m.entityId), ...live.map((c) => c.id)])];
    where = { OR: [where, { entityType: child.entityType, entityId: { in: childIds } }] };
  }
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      ...pageWindow(page),
      select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true, after: true, user: { select: { name: true } } },
    }),
  ]);

  const parsed = rows.map((e) => {
    const before = parseSnapshot(e.before);
    const after = parseSnapshot(e.after);
    const isChild = e.entityType !== type;
    const subjectId = isChild && child ? (subjectIn(after, before, child.parentKey) ?? subjectOfChild.get(e.entityId) ?? null) : null;
    return { e, before, after, isChild, subjectId };
  });
  const ids = new Set<string>();
  for (const p of parsed) {
    referencedIds(p.e.entityType, p.before, p.after).forEach((x) => ids.add(x));
    if (p.subjectId) ids.add(p.subjectId);
  }
  const names = await namesOf(ids, locale);
  const t = translator(locale);
  const ctx = { t, locale, names };

  const events = parsed.map(({ e, before, after, isChild, subjectId }) => {
    const named = (k: string) => (typeof after[k] === "string" ? after[k] : typeof before[k] === "string" ? before[k] : "");
    const ownName = [named(locale === "ja" ? "nameJa" : "nameEn") || named(locale === "ja" ? "nameEn" : "nameJa"), named("fromOn") ? formatPartialDate(named("fromOn"), locale) : ""]
      .filter(Boolean)
      .join(" · ");
    return {
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      // A record put in the trash keeps its row ("after" is set); a removed child row is gone.
      softDelete: e.action === "delete" && e.after !== null,
      byName: e.user?.name ?? null,
      child: isChild ? { label: entityLabel(t, e.entityType), subject: (subjectId ? names.get(subjectId) : null) ?? (ownName || null) } : null,
      changes: describeChanges(e.entityType, before, after, ctx),
    };
  });

  return {
    record: { id: record.id, name: record[locale], deleted: record.deletedAt !== null },
    events,
    total,
    pageCount: pageCount(total),
  };
}
