import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AgendaItemEditor } from "~/components/round-agenda-editor";
import { useBilingual, useT } from "~/i18n/react";
import { agendaItemFormSchema } from "~/models/round";
import { agendaFormOptions, checkAgendaReferences, createAgendaItem, findRound } from "~/models/round.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("agenda.new"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const round = await findRound(params.roundId ?? "");
  if (!round) throw new Response("Not found", { status: 404 });
  const search = new URL(request.url).searchParams;
  return {
    round: { id: round.id, titleJa: round.titleJa, titleEn: round.titleEn },
    // A link may choose the demand and the body ("add this demand for this body").
    defaults: { demandId: search.get("demand")?.slice(0, 64) ?? null, bodyId: search.get("body")?.slice(0, 64) ?? null },
    options: await agendaFormOptions(round.id, await getLocale(request, user)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const roundId = params.roundId ?? "";
  if (!(await findRound(roundId))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: agendaItemFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const fieldErrors = await checkAgendaReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const item = await createAgendaItem(roundId, submission.value, user.id);
  if (!item) throw new Response("Not found", { status: 404 });
  return redirectWithToast(`/rounds/${roundId}#item-${item.id}`, { message: "toast.agendaItemAdded" });
}

export default function NewAgendaItem() {
  const { round, defaults, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/rounds">{t("rounds.title")}</Link>
        {" › "}
        <Link to={`/rounds/${round.id}`}>{pick(round.titleJa, round.titleEn)}</Link>
      </nav>
      <h1>{t("agenda.new")}</h1>
      <AgendaItemEditor defaults={defaults} options={options} lastResult={actionData?.result} cancelTo={`/rounds/${round.id}#agenda-heading`} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
