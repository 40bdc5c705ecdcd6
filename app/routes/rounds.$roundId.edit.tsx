import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RoundEditor } from "~/components/round-editor";
import { useBilingual, useT } from "~/i18n/react";
import { roundUpdateSchema } from "~/models/round";
import {
  checkRoundFiles,
  checkRoundReferences,
  filesTooLargeReply,
  findRound,
  getRoundForEdit,
  readRoundForm,
  roundFormOptions,
  updateRound,
  withoutFiles,
} from "~/models/round.server";
import { ATTACHMENT_ACCEPT } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { config } from "~/utils/env.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { renderRichText } from "~/utils/rich-text.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("rounds.edit", { title: locale === "ja" ? data.round.titleJa || data.round.titleEn : data.round.titleEn || data.round.titleJa }) : null,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const round = await getRoundForEdit(params.roundId ?? "");
  if (!round) throw new Response("Not found", { status: 404 });
  return {
    round,
    options: await roundFormOptions(await getLocale(request, user), { officialIds: round.officialIds, ourIds: round.ourIds }),
    attachmentAccept: ATTACHMENT_ACCEPT,
    attachmentMaxMb: Math.round(config.attachmentMaxBytes / 1024 / 1024),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.roundId ?? "";
  if (!(await findRound(id))) throw new Response("Not found", { status: 404 });
  const { formData } = await readRoundForm(request);
  if (!formData) return data({ result: filesTooLargeReply(), conflict: null }, { status: 400 });
  const submission = parseWithZod(withoutFiles(formData), { schema: roundUpdateSchema });
  const files = await checkRoundFiles(formData);
  const fileErrors: Record<string, string[]> = files.errors.length ? { attachments: files.errors } : {};
  if (submission.status !== "success") {
    return data({ result: submission.reply(files.errors.length ? { fieldErrors: fileErrors } : undefined), conflict: null }, { status: 400 });
  }
  const fieldErrors = { ...(await checkRoundReferences(submission.value, id)), ...fileErrors };
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateRound(id, submission.value.version, submission.value, files.files, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) {
    const { summary, ...rest } = saved.conflict;
    return data(
      { result: submission.reply({ formErrors: ["error.conflict"] }), conflict: { ...rest, summaryHtml: renderRichText(summary) } },
      { status: 409 },
    );
  }
  return redirectWithToast(`/rounds/${id}`, { message: "toast.saved" });
}

export default function EditRound() {
  const { round, options, attachmentAccept, attachmentMaxMb } = useLoaderData<typeof loader>();
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
      <h1>{t("rounds.edit", { title: pick(round.titleJa, round.titleEn) })}</h1>
      <RoundEditor
        key={conflict?.version ?? round.version}
        defaults={round}
        options={options}
        attachments={round.attachments}
        attachmentAccept={attachmentAccept}
        attachmentMaxMb={attachmentMaxMb}
        creating={false}
        lastResult={actionData?.result}
        version={conflict?.version ?? round.version}
        conflict={conflict}
        cancelTo={`/rounds/${round.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
