// The organisations as filtered and sorted, every page, as CSV: /organisations.csv?<the list's parameters>.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { organisationKindLabels } from "~/components/value-labels";
import { organisationExtras } from "~/models/list-export.server";
import { listOrganisations } from "~/models/organisation.server";
import { organisationListQuery } from "~/routes/organisations._index";
import { csvContext, csvResponse, joinCell } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t, url, name } = await csvContext(request);
  const query = organisationListQuery(url.searchParams, locale);
  const { items } = await listOrganisations({ ...query, all: true });
  const extras = await organisationExtras(items.map((o) => o.id));
  const kinds = organisationKindLabels(t);
  const span = (from: string | null, until: string | null) => (from || until ? ` (${from ?? ""}–${until ?? ""})` : "");
  const header = [
    t("common.kind"),
    t("organisation.nameJa"),
    t("organisation.nameEn"),
    t("organisation.shortName"),
    t("organisation.foundedOn"),
    t("organisation.dissolvedOn"),
    t("organisation.formerNames"),
    t("organisation.website"),
    t("organisation.notesJa"),
    t("organisation.notesEn"),
    t("common.updatedAt"),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = items.map((o) => {
    const x = extras.get(o.id);
    return [
      kinds.label(o.kind),
      o.nameJa,
      o.nameEn,
      o.shortName,
      o.foundedOn,
      o.dissolvedOn,
      joinCell(o.formerNames.map((n) => `${name(n)}${span(n.fromOn, n.untilOn)}`)),
      x?.website,
      x?.notesJa,
      x?.notesEn,
      x?.updatedAt.toISOString(),
      new URL(`/organisations/${o.id}`, url).href,
      o.id,
    ];
  });
  return csvResponse(t("csv.file.organisations"), header, rows, todayInJapan());
}
