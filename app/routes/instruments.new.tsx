import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InstrumentEditor } from "~/components/outcome-instrument-editor";
import { useT } from "~/i18n/react";
import { instrumentFormSchema } from "~/models/instrument";
import { checkInstrumentReferences, createInstrument, instrumentFormOptions } from "~/models/instrument.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("instruments.new"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return { options: await instrumentFormOptions(await getLocale(request, user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: instrumentFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const fieldErrors = await checkInstrumentReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  const instrument = await createInstrument(submission.value, user.id);
  return redirectWithToast(`/instruments/${instrument.id}`, { message: "toast.instrumentCreated" });
}

export default function NewInstrument() {
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/instruments">{t("instruments.title")}</Link>
      </nav>
      <h1>{t("instruments.new")}</h1>
      <InstrumentEditor defaults={{}} options={options} lastResult={actionData?.result} cancelTo="/instruments" />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
