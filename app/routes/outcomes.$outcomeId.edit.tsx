import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OutcomeEditor } from "~/components/outcome-editor";
import { useBilingual, useT } from "~/i18n/react";
import { instrumentChoices } from "~/models/instrument.server";
import { outcomeUpdateSchema } from "~/models/outcome";
import {
  checkOutcomeReferences,
  demandChoices,
  getOutcome,
  outcomeChannelOptions,
  outcomeExists,
  readOutcomeForm,
  recommendationChoicesFor,
  updateOutcome,
} from "~/models/outcome.server";
import { ATTACHMENT_ACCEPT } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { config } from "~/utils/env.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("outcomes.edit", { ref: data.demand.ref }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const locale = await getLocale(request, user);
  const outcome = await getOutcome(params.outcomeId ?? "");
  if (!outcome) throw new Response("Not found", { status: 404 });
  const [demands, instruments, channels] = await Promise.all([
    demandChoices(locale),
    instrumentChoices(locale),
    outcomeChannelOptions(outcome.demandId, locale, outcome.id),
  ]);
  return {
    outcomeId: outcome.id,
    version: outcome.version,
    demand: outcome.demand,
    defaults: {
      demandId: outcome.demandId,
      instrumentId: outcome.instrumentId,
      degree: outcome.degree,
      occurredOn: outcome.occurredOn,
      quoteJa: outcome.quoteJa,
      quoteEn: outcome.quoteEn,
      sourceUrl: outcome.sourceUrl,
      note: outcome.note,
      internalNote: outcome.internalNote,
      requestIds: outcome.requests.map((r) => r.id),
      roundIds: outcome.rounds.map((r) => r.id),
      agendaItemIds: outcome.agendaItems.map((a) => a.id),
      commentPointIds: outcome.commentPoints.map((p) => p.id),
      recommendationIds: outcome.recommendations.map((r) => r.id),
    },
    attachments: outcome.attachments.map((a) => ({ id: a.id, fileName: a.fileName, size: a.size })),
    options: { demands, instruments, channels },
    attachmentAccept: ATTACHMENT_ACCEPT,
    maxMb: Math.round(config.attachmentMaxBytes / (1024 * 1024)),
  };
}

const unreadableReply = (fileErrors: string[]): SubmissionResult<string[]> => ({ status: "error", error: { attachments: fileErrors } });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.outcomeId ?? "";
  if (!(await outcomeExists(id))) throw new Response("Not found", { status: 404 });
  const { formData, files, fileErrors } = await readOutcomeForm(request);
  // A recommendation found by search is in no list the loader gives: its label comes back with the errors.
  const recommendations = await recommendationChoicesFor(formData, await getLocale(request, user));
  if (!formData) return data({ result: unreadableReply(fileErrors), conflict: null, recommendations }, { status: 400 });
  const submission = parseWithZod(formData, { schema: outcomeUpdateSchema });
  const extra: Record<string, string[]> = fileErrors.length ? { attachments: fileErrors } : {};
  if (submission.status !== "success") return data({ result: submission.reply({ fieldErrors: extra }), conflict: null, recommendations }, { status: 400 });
  const fieldErrors = { ...(await checkOutcomeReferences(submission.value, id)), ...extra };
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), conflict: null, recommendations }, { status: 400 });
  const saved = await updateOutcome(id, submission.value.version, submission.value, files, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict, recommendations }, { status: 409 });
  return redirectWithToast(`/demands/${submission.value.demandId}`, { message: "toast.saved" });
}

export default function EditOutcome() {
  const { outcomeId, version, demand, defaults, attachments, options, attachmentAccept, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/demands">{t("demands.title")}</Link>
        {" › "}
        <Link to={`/demands/${demand.id}`}>
          {demand.ref} {pick(demand.titleJa, demand.titleEn)}
        </Link>
        {" › "}
        <Link to={`/outcomes/${outcomeId}`}>{t("outcomes.outcome")}</Link>
      </nav>
      <h1>{t("outcomes.edit", { ref: demand.ref })}</h1>
      <OutcomeEditor
        key={conflict?.version ?? version}
        outcomeId={outcomeId}
        defaults={defaults}
        options={options}
        attachments={attachments}
        attachmentAccept={attachmentAccept}
        maxMb={maxMb}
        lastResult={actionData?.result}
        submittedRecommendations={actionData?.recommendations}
        version={conflict?.version ?? version}
        conflict={conflict}
        cancelTo={`/outcomes/${outcomeId}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
