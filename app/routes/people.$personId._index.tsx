import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { ErrorList, Field, FormErrors, type Option, SelectField } from "~/components/forms";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { affiliationFormSchema, affiliationRemoveSchema, isPersonKind } from "~/models/person";
import {
  addAffiliation,
  affiliationFormOptions,
  checkAffiliationReferences,
  findPerson,
  getPerson,
  getPersonPrivate,
  removeAffiliation,
} from "~/models/person.server";
import { hasRole } from "~/models/roles";
import { canSeeInternal } from "~/models/visibility";
import { requireStaff, requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { formatPartialDate } from "~/utils/partial-date";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.person.nameJa || data.person.nameEn : "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const id = params.personId ?? "";
  const person = await getPerson(id);
  if (!person) throw new Response("Not found", { status: 404 });
  const canEdit = hasRole(user.role, "staff");
  // Members never receive contact details or notes, not even hidden (app/models/visibility.ts).
  const [privateInfo, options] = await Promise.all([canSeeInternal(user.role) ? getPersonPrivate(id) : null, canEdit ? affiliationFormOptions(locale) : null]);
  return { person, privateInfo, options, canEdit };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.personId ?? "";
  if (!(await findPerson(id))) throw new Response("Not found", { status: 404 });
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "addAffiliation") {
    const submission = parseWithZod(formData, { schema: affiliationFormSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const fieldErrors = await checkAffiliationReferences(submission.value);
    if (Object.keys(fieldErrors).length) return data({ intent, result: submission.reply({ fieldErrors }) }, { status: 400 });
    const created = await addAffiliation(id, submission.value, user.id);
    if (!created) throw new Response("Not found", { status: 404 });
    return redirectWithToast(`/people/${id}`, { message: "toast.affiliationAdded" });
  }

  if (intent === "removeAffiliation") {
    const parsed = affiliationRemoveSchema.safeParse({ intent, affiliationId: formData.get("affiliationId") ?? undefined });
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    const removed = await removeAffiliation(id, parsed.data.affiliationId, user.id);
    if (!removed) throw new Response("Not found", { status: 404 });
    return redirectWithToast(`/people/${id}`, { message: "toast.affiliationRemoved" });
  }

  throw new Response("Bad request", { status: 400 });
}

type Affiliation = {
  id: string;
  roleJa: string | null;
  roleEn: string | null;
  startOn: string | null;
  endOn: string | null;
  current: boolean;
  body: { id: string; nameJa: string; nameEn: string } | null;
  organisation: { id: string; nameJa: string; nameEn: string } | null;
  projectNetwork: { id: string; nameJa: string; nameEn: string } | null;
};

function Place({ affiliation: a }: { affiliation: Affiliation }) {
  const t = useT();
  const pick = useBilingual();
  const [href, target, kind] = a.body
    ? [`/bodies/${a.body.id}`, a.body, t("affiliation.body")]
    : a.organisation
      ? [`/organisations/${a.organisation.id}`, a.organisation, t("affiliation.organisation")]
      : a.projectNetwork
        ? [`/networks/${a.projectNetwork.id}`, a.projectNetwork, t("affiliation.projectNetwork")]
        : [null, null, ""];
  if (!href || !target) return <>—</>;
  return (
    <>
      <Link to={href}>{pick(target.nameJa, target.nameEn)}</Link>
      <div className="muted">{kind}</div>
    </>
  );
}

function placeName(a: Affiliation, pick: (ja: string | null | undefined, en: string | null | undefined) => string) {
  const target = a.body ?? a.organisation ?? a.projectNetwork;
  return target ? pick(target.nameJa, target.nameEn) : "";
}

function AffiliationForm({
  options,
  lastResult,
}: {
  options: { bodies: Option[]; organisations: Option[]; networks: Option[] };
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "affiliation-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: affiliationFormSchema }),
  });
  const adding = navigation.state === "submitting" && navigation.formData?.get("intent") === "addAffiliation";
  const targetErrors = form.allErrors.target;
  const targetErrorId = `${form.id}-target-error`;
  const targetHelpId = `${form.id}-target-help`;
  return (
    <Form method="post" {...getFormProps(form)} className="panel">
      <h3>{t("affiliation.add")}</h3>
      <input type="hidden" name="intent" value="addAffiliation" />
      <FormErrors errors={form.errors} />
      <fieldset
        className="field"
        aria-invalid={targetErrors?.length ? true : undefined}
        aria-describedby={[targetHelpId, targetErrors?.length ? targetErrorId : null].filter(Boolean).join(" ")}
      >
        <legend>{t("affiliation.target")}</legend>
        <p id={targetHelpId} className="field-help">
          {t("affiliation.targetHelp")}
        </p>
        <div className="field-row">
          <SelectField
            label={t("affiliation.body")}
            id={fields.bodyId.id}
            name={fields.bodyId.name}
            defaultValue={fields.bodyId.initialValue}
            errors={fields.bodyId.errors}
            options={options.bodies}
            emptyLabel={t("common.none")}
          />
          <SelectField
            label={t("affiliation.organisation")}
            id={fields.organisationId.id}
            name={fields.organisationId.name}
            defaultValue={fields.organisationId.initialValue}
            errors={fields.organisationId.errors}
            options={options.organisations}
            emptyLabel={t("common.none")}
          />
          <SelectField
            label={t("affiliation.projectNetwork")}
            id={fields.projectNetworkId.id}
            name={fields.projectNetworkId.name}
            defaultValue={fields.projectNetworkId.initialValue}
            errors={fields.projectNetworkId.errors}
            options={options.networks}
            emptyLabel={t("common.none")}
          />
        </div>
        <ErrorList id={targetErrorId} errors={targetErrors} />
      </fieldset>
      <div className="field-pair">
        <Field
          label={t("affiliation.roleJa")}
          id={fields.roleJa.id}
          name={fields.roleJa.name}
          defaultValue={fields.roleJa.initialValue}
          errors={fields.roleJa.errors}
          lang="ja"
          maxLength={200}
        />
        <Field
          label={t("affiliation.roleEn")}
          id={fields.roleEn.id}
          name={fields.roleEn.name}
          defaultValue={fields.roleEn.initialValue}
          errors={fields.roleEn.errors}
          lang="en"
          maxLength={200}
        />
      </div>
      <div className="field-pair">
        <Field
          label={t("affiliation.startOn")}
          id={fields.startOn.id}
          name={fields.startOn.name}
          defaultValue={fields.startOn.initialValue}
          errors={fields.startOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
          placeholder="2007-10"
        />
        <Field
          label={t("affiliation.endOn")}
          id={fields.endOn.id}
          name={fields.endOn.name}
          defaultValue={fields.endOn.initialValue}
          errors={fields.endOn.errors}
          help={t("affiliation.endOnHelp")}
          inputMode="numeric"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={adding}>
          {adding ? t("affiliation.adding") : t("affiliation.add")}
        </button>
      </div>
    </Form>
  );
}

export default function PersonDetail() {
  const { person, privateInfo, options, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const navigation = useNavigation();
  const kindLabel = isPersonKind(person.kind) ? t(`personKind.${person.kind}`) : person.kind;
  const addResult = actionData?.intent === "addAffiliation" ? actionData.result : undefined;
  const removing = navigation.state === "submitting" && navigation.formData?.get("intent") === "removeAffiliation";

  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/people">{t("people.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          <h1>
            {pick(person.nameJa, person.nameEn)}
            <span className="badge badge-status">{kindLabel}</span>
          </h1>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/people/${person.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <RecordTools historyTo={`/history/person/${person.id}`} deleteTo={`/people/${person.id}/delete`} />
          </div>
        ) : null}
      </div>

      <BilingualTitles ja={person.nameJa} en={person.nameEn} />

      <dl className="facts">
        <dt>{t("common.kind")}</dt>
        <dd>{kindLabel}</dd>
        {privateInfo ? (
          <>
            <dt>{t("person.email")}</dt>
            <dd>{privateInfo.email ? <a href={`mailto:${privateInfo.email}`}>{privateInfo.email}</a> : "—"}</dd>
            <dt>{t("person.phone")}</dt>
            <dd>{privateInfo.phone ? <a href={`tel:${privateInfo.phone.replace(/[^\d+]/g, "")}`}>{privateInfo.phone}</a> : "—"}</dd>
            <dt>{t("common.notes")}</dt>
            <dd className="multiline">{privateInfo.notes || "—"}</dd>
          </>
        ) : null}
      </dl>
      {privateInfo ? <p className="muted">{t("person.staffOnly")}</p> : null}

      <section aria-labelledby="affiliations-heading">
        <h2 id="affiliations-heading">{t("affiliation.title")}</h2>
        {person.affiliations.length === 0 ? (
          <p className="empty">{t("affiliation.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("affiliation.place")}</th>
                <th scope="col">{t("affiliation.role")}</th>
                <th scope="col">{t("affiliation.period")}</th>
                {canEdit ? <th scope="col">{t("common.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {person.affiliations.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Place affiliation={a} />
                  </td>
                  <td>
                    {a.roleJa ? <div lang="ja">{a.roleJa}</div> : null}
                    {a.roleEn ? <div lang="en">{a.roleEn}</div> : null}
                    {!a.roleJa && !a.roleEn ? "—" : null}
                  </td>
                  <td className="nowrap">
                    {a.startOn || a.endOn
                      ? t("affiliation.period.value", {
                          from: formatPartialDate(a.startOn, locale) || t("affiliation.unknownStart"),
                          until: a.endOn ? formatPartialDate(a.endOn, locale) : t("common.present"),
                        })
                      : "—"}
                    {a.current ? <span className="badge badge-public">{t("affiliation.current")}</span> : null}
                  </td>
                  {canEdit ? (
                    <td>
                      <Form
                        method="post"
                        onSubmit={(event) => {
                          if (!window.confirm(t("affiliation.removeConfirm"))) event.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="removeAffiliation" />
                        <input type="hidden" name="affiliationId" value={a.id} />
                        <button
                          type="submit"
                          className="danger"
                          disabled={removing}
                          aria-label={t("affiliation.removeLabel", { place: placeName(a, pick) })}
                        >
                          {t("affiliation.remove")}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canEdit && options ? (
          // A new key after each change empties the form once the affiliation is saved.
          <AffiliationForm key={person.affiliations.map((a) => a.id).join()} options={options} lastResult={addResult} />
        ) : null}
      </section>

      <p className="record-meta muted">
        {t("people.updatedOn", { date: formatDateTime(person.updatedAt, locale) })}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
