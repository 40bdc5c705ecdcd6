import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RoundEditor, type RoundEditorDefaults } from "~/components/round-editor";
import { useT } from "~/i18n/react";
import { roundFormSchema } from "~/models/round";
import {
  checkRoundFiles,
  checkRoundReferences,
  createRound,
  filesTooLargeReply,
  readRoundForm,
  roundDefaultsFromRequest,
  roundFormOptions,
  withoutFiles,
} from "~/models/round.server";
import { ATTACHMENT_ACCEPT } from "~/utils/attachments.server";
import { requireStaff } from "~/utils/auth.server";
import { config } from "~/utils/env.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("rounds.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const requestId = new URL(request.url).searchParams.get("request");
  const fromRequest = requestId ? await roundDefaultsFromRequest(requestId.slice(0, 64)) : null;
  if (requestId && !fromRequest) throw new Response("Not found", { status: 404 });
  const defaults: RoundEditorDefaults = fromRequest ?? { kind: "ministry_round" };
  return {
    options: await roundFormOptions(await getLocale(request, user)),
    defaults,
    requestItemCount: fromRequest?.requestItemCount ?? null,
    attachmentAccept: ATTACHMENT_ACCEPT,
    attachmentMaxMb: Math.round(config.attachmentMaxBytes / 1024 / 1024),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const { formData } = await readRoundForm(request);
  if (!formData) return data({ result: filesTooLargeReply() }, { status: 400 });
  const submission = parseWithZod(withoutFiles(formData), { schema: roundFormSchema });
  const files = await checkRoundFiles(formData);
  const fileErrors: Record<string, string[]> = files.errors.length ? { attachments: files.errors } : {};
  if (submission.status !== "success") {
    return data({ result: submission.reply(files.errors.length ? { fieldErrors: fileErrors } : undefined) }, { status: 400 });
  }
  const fieldErrors = { ...(await checkRoundReferences(submission.value)), ...fileErrors };
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const round = await createRound(submission.value, files.files, user.id);
  return redirectWithToast(`/rounds/${round.id}`, {
    message: round.itemCount ? "toast.roundCreatedWithAgenda" : "toast.roundCreated",
    vars: { count: round.itemCount },
  });
}

export default function NewRound() {
  const { options, defaults, requestItemCount, attachmentAccept, attachmentMaxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/rounds">{t("rounds.title")}</Link>
      </nav>
      <h1>{t("rounds.new")}</h1>
      {requestItemCount !== null ? <p className="muted">{t("round.fromRequestIntro", { count: requestItemCount })}</p> : null}
      <RoundEditor
        defaults={defaults}
        options={options}
        attachments={[]}
        attachmentAccept={attachmentAccept}
        attachmentMaxMb={attachmentMaxMb}
        creating
        lastResult={actionData?.result}
        cancelTo="/rounds"
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
