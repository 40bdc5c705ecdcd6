// Resource route of the outcome editor: when the demand is changed in the form, the channels
// (requests, rounds, agenda items of that demand) are fetched again without leaving the page; the
// instrument list is refreshed after one was created in another tab; `recq` finds UN recommendations
// of any document by symbol and paragraph.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { instrumentChoices } from "~/models/instrument.server";
import { outcomeChannelOptions, searchRecommendationOptions } from "~/models/outcome.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const locale = await getLocale(request, user);
  const params = new URL(request.url).searchParams;
  const demandId = (params.get("demand") ?? "").slice(0, 64);
  const outcomeId = (params.get("outcome") ?? "").slice(0, 64) || undefined;
  const recq = (params.get("recq") ?? "").slice(0, 200);
  const [channels, instruments, found] = await Promise.all([
    demandId ? outcomeChannelOptions(demandId, locale, outcomeId) : Promise.resolve({ requests: [], rounds: [], agendaItems: [], commentPoints: [], recommendations: [] }),
    instrumentChoices(locale),
    recq.trim() ? searchRecommendationOptions(recq, locale) : Promise.resolve(null),
  ]);
  return { demandId, channels, instruments, recommendationSearch: found ? { q: recq, results: found } : null };
}
