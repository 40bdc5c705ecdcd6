// The people as filtered and sorted, every page, as CSV: /people.csv?<the list's parameters>.
// Email, phone and notes only for staff (app/models/visibility.ts: INTERNAL_FIELDS.Person); members
// get the columns the list shows them, and cannot search by email (listPeople's includePrivate).
import { type LoaderFunctionArgs } from "@remix-run/node";
import { personKindLabels } from "~/components/value-labels";
import { personExtras } from "~/models/list-export.server";
import { listPeople } from "~/models/person.server";
import { personListQuery } from "~/routes/people._index";
import { csvContext, csvResponse, joinCell } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

type Place = {
  roleJa: string | null;
  roleEn: string | null;
  startOn: string | null;
  body: { nameJa: string; nameEn: string } | null;
  organisation: { nameJa: string; nameEn: string } | null;
  projectNetwork: { nameJa: string; nameEn: string } | null;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, locale, t, url, name, staff } = await csvContext(request);
  const query = personListQuery(url.searchParams, locale);
  const { items } = await listPeople({ ...query, includePrivate: staff, all: true });
  const extras = await personExtras(
    items.map((p) => p.id),
    user.role,
  );
  const kinds = personKindLabels(t);
  const roleAt = (a: Place) => {
    const place = name(a.body ?? a.organisation ?? a.projectNetwork);
    const role = locale === "ja" ? a.roleJa || a.roleEn : a.roleEn || a.roleJa;
    const text = role ? t("people.roleAt", { role, place }) : place;
    return a.startOn ? `${text} (${a.startOn}–)` : text;
  };
  const header = [
    t("common.nameJa"),
    t("common.nameEn"),
    t("common.kind"),
    t("csv.affiliations"),
    ...(staff ? [t("person.email"), t("person.phone"), t("csv.notes")] : []),
    t("common.updatedAt"),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = items.map((p) => {
    const x = extras.get(p.id);
    return [
      p.nameJa,
      p.nameEn,
      kinds.label(p.kind),
      joinCell(p.current.map(roleAt)),
      ...(staff ? [x?.email, x?.phone, x?.notes] : []),
      p.updatedAt.toISOString(),
      new URL(`/people/${p.id}`, url).href,
      p.id,
    ];
  });
  return csvResponse(t("csv.file.people"), header, rows, todayInJapan());
}
