import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PersonEditor } from "~/components/person-editor";
import { useBilingual, useT } from "~/i18n/react";
import { personUpdateSchema } from "~/models/person";
import { findPerson, updatePerson } from "~/models/person.server";
import { requireStaff } from "~/utils/auth.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const person = await findPerson(params.personId ?? "");
  if (!person) throw new Response("Not found", { status: 404 });
  return {
    person: {
      id: person.id,
      version: person.version,
      kind: person.kind,
      nameJa: person.nameJa,
      nameEn: person.nameEn,
      email: person.email,
      phone: person.phone,
      notes: person.notes,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.personId ?? "";
  if (!(await findPerson(id))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: personUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const saved = await updatePerson(id, submission.value.version, submission.value, user.id);
  if (!saved.ok && "notFound" in saved) throw new Response("Not found", { status: 404 });
  if (!saved.ok) {
    return data({ result: submission.reply({ formErrors: ["error.conflict"] }), conflict: saved.conflict }, { status: 409 });
  }
  return redirectWithToast(`/people/${id}`, { message: "toast.saved" });
}

export default function EditPerson() {
  const { person } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const conflict = actionData?.conflict ?? null;
  return (
    <section>
      <h1>{t("people.edit", { name: pick(person.nameJa, person.nameEn) })}</h1>
      <PersonEditor
        key={conflict?.version ?? person.version}
        defaults={person}
        lastResult={actionData?.result}
        version={conflict?.version ?? person.version}
        conflict={conflict}
        cancelTo={`/people/${person.id}`}
      />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
