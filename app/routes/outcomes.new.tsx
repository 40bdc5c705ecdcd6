import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OutcomeEditor } from "~/components/outcome-editor";
import { useBilingual, useT } from "~/i18n/react";
import { instrumentChoices } from "~/models/instrument.server";
import { outcomeFormSchema } from "~/models/outcome";
import { checkOutcomeReferences, createOutcome, demandChoices, outcomeChannelOptions, readOutcomeForm, recommendationChoicesFor } from "~/models/outcome.server";
import { ATTACHMENT_ACCEPT } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { config } from "~/utils/env.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("outcomes.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const locale = await getLocale(request, user);
  const params = new URL(request.url).searchParams;
  const demandParam = (params.get("demand") ?? "").slice(0, 64);
  const instrumentParam = (params.get("instrument") ?? "").slice(0, 64);
  const [demand, demands, instruments] = await Promise.all([
    demandParam ? db.demand.findFirst({ where: { id: demandParam, deletedAt: null }, select: { id: true, ref: true, titleJa: true, titleEn: true } }) : null,
    demandChoices(locale),
    instrumentChoices(locale),
  ]);
  const channels = demand ? await outcomeChannelOptions(demand.id, locale) : { requests: [], rounds: [], agendaItems: [], commentPoints: [], recommendations: [] };
  // Opened from a point of a public comment: that point is the channel.
  const pointParam = (params.get("commentPoint") ?? "").slice(0, 64);
  // Opened from a recommendation's page: that recommendation is the channel.
  const recommendationParam = (params.get("recommendation") ?? "").slice(0, 64);
  return {
    demand,
    defaults: {
      demandId: demand?.id ?? null,
      instrumentId: instruments.some((i) => i.value === instrumentParam) ? instrumentParam : null,
      commentPointIds: channels.commentPoints.some((p) => p.value === pointParam) ? [pointParam] : [],
      recommendationIds: channels.recommendations.some((r) => r.value === recommendationParam) ? [recommendationParam] : [],
    },
    options: { demands, instruments, channels },
    attachmentAccept: ATTACHMENT_ACCEPT,
    maxMb: Math.round(config.attachmentMaxBytes / (1024 * 1024)),
  };
}

const tooLargeReply = (fileErrors: string[]): SubmissionResult<string[]> => ({ status: "error", error: { attachments: fileErrors } });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const { formData, files, fileErrors } = await readOutcomeForm(request);
  // A recommendation found by search is in no list the loader gives: its label comes back with the errors.
  const recommendations = await recommendationChoicesFor(formData, await getLocale(request, user));
  if (!formData) return data({ result: tooLargeReply(fileErrors), recommendations }, { status: 400 });
  const submission = parseWithZod(formData, { schema: outcomeFormSchema });
  const extra: Record<string, string[]> = fileErrors.length ? { attachments: fileErrors } : {};
  if (submission.status !== "success") return data({ result: submission.reply({ fieldErrors: extra }), recommendations }, { status: 400 });
  const fieldErrors = { ...(await checkOutcomeReferences(submission.value)), ...extra };
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), recommendations }, { status: 400 });
  const outcome = await createOutcome(submission.value, files, user.id);
  return redirectWithToast(`/demands/${outcome.demandId}`, { message: "toast.outcomeCreated" });
}

export default function NewOutcome() {
  const { demand, defaults, options, attachmentAccept, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/demands">{t("demands.title")}</Link>
        {demand ? (
          <>
            {" › "}
            <Link to={`/demands/${demand.id}`}>
              {demand.ref} {pick(demand.titleJa, demand.titleEn)}
            </Link>
          </>
        ) : null}
      </nav>
      <h1>{t("outcomes.new")}</h1>
      <OutcomeEditor
        defaults={defaults}
        options={options}
        attachmentAccept={attachmentAccept}
        maxMb={maxMb}
        lastResult={actionData?.result}
        submittedRecommendations={actionData?.recommendations}
        cancelTo={demand ? `/demands/${demand.id}` : "/demands"}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
