// The government documents (instruments) as filtered and sorted, every page, as CSV:
// /instruments.csv?<the list's parameters>.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { INSTRUMENT_KINDS, type InstrumentKind } from "~/models/instrument";
import { listInstruments } from "~/models/instrument.server";
import { instrumentExtras } from "~/models/list-export.server";
import { instrumentListQuery } from "~/routes/instruments._index";
import { csvContext, csvResponse } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, t, url, name } = await csvContext(request);
  const query = instrumentListQuery(url.searchParams, locale);
  const { items } = await listInstruments({ ...query, all: true });
  const extras = await instrumentExtras(items.map((i) => i.id));
  const kind = (k: string) => ((INSTRUMENT_KINDS as readonly string[]).includes(k) ? t(`instrumentKind.${k as InstrumentKind}`) : k);
  const header = [
    t("common.kind"),
    t("instrument.titleJa"),
    t("instrument.titleEn"),
    t("instrument.issuerBody"),
    t("instrument.draftOn"),
    t("instrument.adoptedOn"),
    t("instrument.effectiveOn"),
    t("csv.outcomeCount"),
    t("instrument.url"),
    t("common.notes"),
    t("common.updatedAt"),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = items.map((i) => {
    const x = extras.get(i.id);
    return [
      kind(i.kind),
      i.titleJa,
      i.titleEn,
      name(i.issuerBody),
      i.draftOn,
      i.adoptedOn,
      i.effectiveOn,
      i.outcomeCount,
      x?.url,
      x?.notes,
      i.updatedAt.toISOString(),
      new URL(`/instruments/${i.id}`, url).href,
      i.id,
    ];
  });
  return csvResponse(t("csv.file.instruments"), header, rows, todayInJapan());
}
