import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InstrumentEditor } from "~/components/outcome-instrument-editor";
import { useBilingual, useT } from "~/i18n/react";
import { instrumentUpdateSchema } from "~/models/instrument";
import { checkInstrumentReferences, getInstrument, instrumentExists, instrumentFormOptions, updateInstrument } from "~/models/instrument.server";
import { requireStaff } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("instruments.edit", { title: locale === "ja" ? data.instrument.titleJa || data.instrument.titleEn : data.instrument.titleEn || data.instrument.titleJa }) : null,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const instrument = await getInstrument(params.instrumentId ?? "");
  if (!instrument) throw new Response("Not found", { status: 404 });
  return {
    instrument: {
      id: instrument.id,
      version: instrument.version,
      kind: instrument.kind,
      titleJa: instrument.titleJa,
      titleEn: instrument.titleEn,
      issuerBodyId: instrument.issuerBodyId,
      draftOn: instrument.draftOn,
      adoptedOn: instrument.adoptedOn,
      effectiveOn: instrument.effectiveOn,
      url: instrument.url,
      notes: instrument.notes,
    },
    options: await instrumentFormOptions(await getLocale(request, user)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.instrumentId ?? "";
  if (!(await instrumentExists(id))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: instrumentUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const fieldErrors = await checkInstrumentReferences(submission.value);
  if (Object.keys(fieldErrors).length) return data({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 });
  const saved = await updateInstrument(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  return redirectWithToast(`/instruments/${id}`, { message: "toast.saved" });
}

export default function EditInstrument() {
  const { instrument, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  const title = pick(instrument.titleJa, instrument.titleEn);
  return (
    <section>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/instruments">{t("instruments.title")}</Link>
        {" › "}
        <Link to={`/instruments/${instrument.id}`}>{title}</Link>
      </nav>
      <h1>{t("instruments.edit", { title })}</h1>
      <InstrumentEditor
        key={conflict?.version ?? instrument.version}
        defaults={instrument}
        options={options}
        lastResult={actionData?.result}
        version={conflict?.version ?? instrument.version}
        conflict={conflict}
        cancelTo={`/instruments/${instrument.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
