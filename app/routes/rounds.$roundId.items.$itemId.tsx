import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AgendaItemEditor } from "~/components/round-agenda-editor";
import { useBilingual, useT } from "~/i18n/react";
import { agendaItemUpdateSchema } from "~/models/round";
import { agendaFormOptions, checkAgendaReferences, findRound, getAgendaItem, updateAgendaItem } from "~/models/round.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { renderRichText } from "~/utils/rich-text.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("agenda.edit", { ref: data.item.demand.ref }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const round = await findRound(params.roundId ?? "");
  if (!round) throw new Response("Not found", { status: 404 });
  const item = await getAgendaItem(round.id, params.itemId ?? "");
  if (!item) throw new Response("Not found", { status: 404 });
  return {
    round: { id: round.id, titleJa: round.titleJa, titleEn: round.titleEn },
    item,
    options: await agendaFormOptions(round.id, await getLocale(request, user)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const roundId = params.roundId ?? "";
  const itemId = params.itemId ?? "";
  if (!(await getAgendaItem(roundId, itemId))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: agendaItemUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const fieldErrors = await checkAgendaReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateAgendaItem(roundId, itemId, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) {
    const { answer, answerText: _text, ...rest } = saved.conflict;
    return data(
      { result: submission.reply({ formErrors: ["error.conflict"] }), conflict: { ...rest, answerHtml: renderRichText(answer) } },
      { status: 409 },
    );
  }
  return redirectWithToast(`/rounds/${roundId}#item-${itemId}`, { message: "toast.saved" });
}

export default function EditAgendaItem() {
  const { round, item, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/rounds">{t("rounds.title")}</Link>
        {" › "}
        <Link to={`/rounds/${round.id}`}>{pick(round.titleJa, round.titleEn)}</Link>
      </nav>
      <p className="record-ref">
        {item.demand.ref}
        {item.body ? ` · ${pick(item.body.nameJa, item.body.nameEn)}` : ""}
      </p>
      <h1>{t("agenda.edit", { ref: item.demand.ref })}</h1>
      <AgendaItemEditor
        key={conflict?.version ?? item.version}
        defaults={item}
        options={options}
        lastResult={actionData?.result}
        version={conflict?.version ?? item.version}
        conflict={conflict}
        cancelTo={`/rounds/${round.id}#item-${item.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
