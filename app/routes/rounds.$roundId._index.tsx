import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { BilingualTitles } from "~/components/bilingual-titles";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecordTools } from "~/components/record-trash";
import { RoundAgenda } from "~/components/round-agenda";
import { InternalBadge, RoundKindBadge } from "~/components/round-badges";
import { formatSize } from "~/components/round-editor";
import { RichTextView } from "~/components/rich-text-editor";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { agendaCounts, agendaItemIntentSchema, carryForwardSchema } from "~/models/round";
import { carryForward, carryForwardChoices, getRound, moveAgendaItem, previousRoundOf, removeAgendaItem } from "~/models/round.server";
import { hasRole } from "~/models/roles";
import { requireStaff, requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate } from "~/utils/partial-date";
import { renderRichText } from "~/utils/rich-text.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (_t, locale) => (data ? (locale === "ja" ? data.round.titleJa || data.round.titleEn : data.round.titleEn || data.round.titleJa) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const id = params.roundId ?? "";
  // Internal notes are removed here for members: they never reach the browser.
  const round = await getRound(id, user.role);
  if (!round) throw new Response("Not found", { status: 404 });
  const canEdit = hasRole(user.role, "staff");
  const { summary, items, ...rest } = round;
  const [carryChoices, previousRound] = canEdit ? await Promise.all([carryForwardChoices(id, locale), previousRoundOf(id)]) : [null, null];
  return {
    round: rest,
    summaryHtml: renderRichText(summary),
    items: items.map(({ answer, ...item }) => ({ ...item, answerHtml: renderRichText(answer) })),
    counts: agendaCounts(items),
    carryChoices,
    previousRound,
    canEdit,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const id = params.roundId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "carryForward") {
    const parsed = carryForwardSchema.safeParse({ intent, sourceRoundId: formData.get("sourceRoundId") || undefined });
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    const result = await carryForward(id, parsed.data.sourceRoundId, user.id);
    if (!result.ok && result.reason === "notFound") throw new Response("Not found", { status: 404 });
    if (!result.ok) {
      const message = result.reason === "noSource" ? "toast.carryForwardNoSource" : "error.unknownChoice";
      return redirectWithToast(`/rounds/${id}#carry-forward-heading`, { kind: result.reason === "noSource" ? "info" : "error", message });
    }
    const date = formatPartialDate(result.source.heldOn, await getLocale(request, user));
    const vars = { count: result.copied, skipped: result.skipped, date };
    return redirectWithToast(`/rounds/${id}#agenda-heading`, {
      kind: result.copied ? "success" : "info",
      message: result.copied ? "toast.carriedForward" : "toast.carriedForwardNone",
      vars,
    });
  }

  const parsed = agendaItemIntentSchema.safeParse({ intent, itemId: formData.get("itemId") });
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const { itemId } = parsed.data;
  if (parsed.data.intent === "removeItem") {
    const removed = await removeAgendaItem(id, itemId, user.id);
    if (!removed.ok && "notFound" in removed) throw new Response("Not found", { status: 404 });
    if (!removed.ok && "inUse" in removed) {
      return redirectWithToast(`/rounds/${id}#item-${itemId}`, { kind: "error", message: "toast.agendaItemInUse", vars: { count: removed.inUse } });
    }
    return redirectWithToast(`/rounds/${id}#agenda-heading`, { message: "toast.agendaItemRemoved" });
  }
  const moved = await moveAgendaItem(id, itemId, parsed.data.intent === "moveUp" ? "up" : "down", user.id);
  if (!moved.ok) throw new Response("Not found", { status: 404 });
  return redirect(`/rounds/${id}#item-${itemId}`);
}

function PersonList({ people }: { people: Array<{ id: string; nameJa: string; nameEn: string; place: { roleJa: string | null; roleEn: string | null; body: { nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null } | null } | null }> }) {
  const t = useT();
  const pick = useBilingual();
  if (!people.length) return <>—</>;
  return (
    <ul className="plain-list">
      {people.map((p) => {
        const role = p.place ? pick(p.place.roleJa, p.place.roleEn) : "";
        const body = p.place?.body ? pick(p.place.body.shortNameJa || p.place.body.nameJa, p.place.body.shortNameEn || p.place.body.nameEn) : "";
        const where = role && body ? t("round.roleAt", { role, place: body }) : role || body;
        return (
          <li key={p.id}>
            <Link to={`/people/${p.id}`}>{pick(p.nameJa, p.nameEn)}</Link>
            {where ? <span className="muted"> — {where}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

export default function RoundDetail() {
  const { round, summaryHtml, items, counts, carryChoices, previousRound, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const navigation = useNavigation();
  const carrying = navigation.state === "submitting" && navigation.formData?.get("intent") === "carryForward";

  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/rounds">{t("rounds.title")}</Link>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">
            {formatPartialDate(round.heldOn, locale)}
            <RoundKindBadge kind={round.kind} />
          </p>
          <h1>{pick(round.titleJa, round.titleEn)}</h1>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/rounds/${round.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
            <RecordTools historyTo={`/history/round/${round.id}`} deleteTo={`/rounds/${round.id}/delete`} />
          </div>
        ) : null}
      </div>

      <BilingualTitles ja={round.titleJa} en={round.titleEn} />

      <dl className="facts">
        <dt>{t("common.kind")}</dt>
        <dd>
          <RoundKindBadge kind={round.kind} />
        </dd>
        <dt>{t("round.heldOn")}</dt>
        <dd>{formatPartialDate(round.heldOn, locale)}</dd>
        <dt>{t("round.place")}</dt>
        <dd>{round.place || "—"}</dd>
        <dt>{t("round.request")}</dt>
        <dd>
          {round.request ? (
            <>
              <Link to={`/requests/${round.request.id}`}>{pick(round.request.titleJa, round.request.titleEn)}</Link>{" "}
              <span className="muted">({formatPartialDate(round.request.sentOn, locale)})</span>
            </>
          ) : (
            "—"
          )}
        </dd>
        {round.intermediaryBody ? (
          <>
            <dt>{t("round.intermediary")}</dt>
            <dd>
              <Link to={`/bodies/${round.intermediaryBody.id}`}>{pick(round.intermediaryBody.nameJa, round.intermediaryBody.nameEn)}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t("round.bodies")}</dt>
        <dd>
          {round.bodies.length ? (
            <ul className="inline-list">
              {round.bodies.map((b) => (
                <li key={b.id}>
                  <Link to={`/bodies/${b.id}`}>{pick(b.nameJa, b.nameEn)}</Link>
                </li>
              ))}
            </ul>
          ) : (
            "—"
          )}
        </dd>
        <dt>{t("round.officials")}</dt>
        <dd>
          <PersonList people={round.officials} />
        </dd>
        <dt>{t("round.ours")}</dt>
        <dd>
          <PersonList people={round.ours} />
        </dd>
      </dl>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t("round.summary")}</h2>
        <RichTextView html={summaryHtml} emptyText={t("common.notGiven")} />
      </section>

      <section aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">{t("common.attachments")}</h2>
        {round.attachments.length ? (
          <ul className="plain-list">
            {round.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/attachments/${a.id}`} download>
                  {a.fileName}
                </a>{" "}
                <span className="muted">({formatSize(a.size, locale)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("round.noAttachments")}</p>
        )}
      </section>

      {canEdit ? (
        <section aria-labelledby="internal-heading" className="panel">
          <h2 id="internal-heading">
            {t("common.internalNote")} <InternalBadge />
          </h2>
          {round.internalNote ? <p className="multiline">{round.internalNote}</p> : <p className="muted">{t("common.notGiven")}</p>}
        </section>
      ) : null}

      <RoundAgenda roundId={round.id} items={items} counts={counts} canEdit={canEdit} />

      {canEdit && carryChoices ? (
        <section aria-labelledby="carry-forward-heading" className="panel">
          <h2 id="carry-forward-heading">{t("round.carryForward")}</h2>
          <p>{t("round.carryForwardHelp")}</p>
          <Form method="post" className="field-row">
            <input type="hidden" name="intent" value="carryForward" />
            <div className="field">
              <label htmlFor="carry-source">{t("round.carryForwardSource")}</label>
              <select id="carry-source" name="sourceRoundId" defaultValue="" aria-describedby="carry-source-help">
                <option value="">
                  {previousRound
                    ? t("round.carryForwardPrevious", { date: formatPartialDate(previousRound.heldOn, locale), title: pick(previousRound.titleJa, previousRound.titleEn) })
                    : t("round.carryForwardPreviousNone")}
                </option>
                {carryChoices.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <p id="carry-source-help" className="field-help">
                {t("round.carryForwardSourceHelp")}
              </p>
            </div>
            <div className="form-actions">
              <button type="submit" disabled={carrying}>
                {carrying ? t("round.carryingForward") : t("round.carryForwardButton")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <p className="record-meta muted">
        {t("common.createdBy", { name: round.createdByName ?? "—", date: formatDateTime(round.createdAt, locale) })}
        {" · "}
        {t("common.updatedBy", { name: round.updatedByName ?? "—", date: formatDateTime(round.updatedAt, locale) })}
      </p>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
