import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsvLink } from "~/components/csv-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, Field, SelectField } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { RichTextView } from "~/components/rich-text-editor";
import { AssessmentBadge, BilingualText, InternalNote, labelOf, StockBadge } from "~/components/timeline-event";
import { type Locale } from "~/i18n/locales";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { bodyAnswers } from "~/models/answers.server";
import { ASSESSMENT_FILTERS, ASSESSMENTS } from "~/models/timeline";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageFrom, queryFrom } from "~/utils/paging";
import { formatPartialDate } from "~/utils/partial-date";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("answers.heading", { name: data.bodyLabel }) : t("answers.title")));

/** The list's filters from the query string (also the CSV download's, routes/bodies.$bodyId.answers[.]csv.ts). */
export function answersQuery(search: URLSearchParams, bodyId: string, role: string, locale: Locale) {
  const assessment = oneOf(search.get("assessment"), ["", ...ASSESSMENT_FILTERS] as const, "");
  return {
    bodyId,
    role,
    locale,
    includeSubBodies: search.get("sub") === "1",
    q: queryFrom(search),
    demandId: search.get("demand") || undefined,
    assessment: assessment || undefined,
    stockOnly: search.get("stock") === "1",
    page: pageFrom(search),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request, user);
  const query = answersQuery(new URL(request.url).searchParams, params.bodyId ?? "", user.role, locale);
  const data = await bodyAnswers(query);
  if (!data) throw new Response("Not found", { status: 404 });
  const { role: _role, ...shown } = query;
  return { ...data, query: shown };
}

export default function BodyAnswers() {
  const data = useLoaderData<typeof loader>();
  const { body, trail, query, summary, matrix, rounds } = data;
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const filtered = ["q", "demand", "assessment", "stock"].some((k) => params.get(k));
  const bodyName = pick(body.nameJa, body.nameEn);
  const short = (b: { nameJa: string; nameEn: string; shortNameJa: string | null; shortNameEn: string | null }) =>
    pick(b.shortNameJa || b.nameJa, b.shortNameEn || b.nameEn);

  /** The same page with one filter changed (and back to page 1). */
  const withParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    if (value === null) next.delete(name);
    else next.set(name, value);
    return `?${next}`;
  };

  return (
    <article className="record">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/bodies">{t("bodies.title")}</Link>
        {trail.map((b) => (
          <span key={b.id}>
            {" › "}
            <Link to={`/bodies/${b.id}`}>{short(b)}</Link>
          </span>
        ))}
        {" › "}
        <Link to={`/bodies/${body.id}`}>{short(body)}</Link>
        {" › "}
        <span aria-current="page">{t("answers.title")}</span>
      </nav>
      <div className="page-header">
        <h1>{t("answers.heading", { name: bodyName })}</h1>
        <div className="form-actions">
          <CsvLink path={`/bodies/${body.id}/answers.csv`} />
          <Link to={`/bodies/${body.id}`}>{t("answers.backToBody")}</Link>
        </div>
      </div>
      <p className="muted">{t("answers.intro")}</p>

      <Form method="get" className="filters" role="search">
        <Field label={t("list.search")} id="answers-q" type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("answers.searchPlaceholder")} />
        <Field
          label={t("answers.demand")}
          id="answers-demand"
          type="search"
          name="demand"
          defaultValue={data.demand?.ref ?? query.demandId ?? ""}
          placeholder="D-001"
          help={data.demand ? `${data.demand.ref} ${pick(data.demand.titleJa, data.demand.titleEn)}` : undefined}
        />
        <SelectField
          label={t("answers.assessment")}
          id="answers-assessment"
          name="assessment"
          defaultValue={query.assessment ?? ""}
          emptyLabel={t("list.all")}
          options={ASSESSMENT_FILTERS.map((a) => ({ value: a, label: a === "none" ? t("answers.unassessed") : t(`assessment.${a}`) }))}
        />
        <div>
          {data.hasSubBodies ? <CheckboxField label={t("answers.includeSubBodies")} id="answers-sub" name="sub" value="1" defaultChecked={query.includeSubBodies} /> : null}
          <CheckboxField label={t("answers.stockOnly")} id="answers-stock" name="stock" value="1" defaultChecked={query.stockOnly} />
        </div>
        <div className="filter-actions">
          <button type="submit">{t("list.apply")}</button>
          {filtered ? <Link to={`/bodies/${body.id}/answers${query.includeSubBodies ? "?sub=1" : ""}`}>{t("list.clear")}</Link> : null}
        </div>
      </Form>

      {summary.total === 0 ? (
        <p className="empty">{!query.includeSubBodies && data.subBodyAnswers > 0 ? t("answers.emptyHere") : t("answers.empty")}</p>
      ) : (
        <>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t("answers.summary")}</h2>
            <table className="data-table compact" style={{ width: "auto" }}>
              <caption className="muted">{t("answers.summaryCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("answers.assessment")}</th>
                  <th scope="col" className="numeric">
                    {t("answers.count")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...ASSESSMENTS, "none" as const].map((a) => (
                  <tr key={a}>
                    <th scope="row">{a === "none" ? t("answers.unassessed") : <AssessmentBadge assessment={a} />}</th>
                    <td className="numeric">
                      {summary.byAssessment[a] ? <Link to={withParam("assessment", a)}>{summary.byAssessment[a]}</Link> : 0}
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("answers.total")}</th>
                  <td className="numeric">{summary.total}</td>
                </tr>
                <tr>
                  <th scope="row">
                    <StockBadge />
                  </th>
                  <td className="numeric">{summary.stock ? <Link to={withParam("stock", "1")}>{summary.stock}</Link> : 0}</td>
                </tr>
              </tbody>
            </table>
          </section>

          <section aria-labelledby="matrix-heading">
            <h2 id="matrix-heading">{t("answers.matrix")}</h2>
            <p className="muted">{t("answers.matrixIntro")}</p>
            <div className="scroll-x">
              <table className="data-table compact">
                <caption className="muted">{t("answers.matrixCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("answers.demand")}</th>
                    {matrix.rounds.map((r) => (
                      <th scope="col" key={r.id} className="nowrap">
                        <Link to={`/rounds/${r.id}`} title={pick(r.titleJa, r.titleEn)}>
                          {formatPartialDate(r.heldOn, locale)}
                        </Link>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.demands.map((d) => (
                    <tr key={d.id}>
                      <th scope="row">
                        <Link to={`/demands/${d.id}`} title={pick(d.titleJa, d.titleEn)}>
                          {d.ref}
                        </Link>{" "}
                        <span className="muted" style={{ fontWeight: "normal" }}>
                          {pick(d.titleJa, d.titleEn)}
                        </span>
                      </th>
                      {matrix.rounds.map((r) => {
                        const cell = matrix.cells[`${d.id}:${r.id}`] ?? [];
                        return (
                          <td key={r.id}>
                            {cell.map((c) => (
                              <Link
                                key={c.itemId}
                                to={`/rounds/${c.roundId}#item-${c.itemId}`}
                                aria-label={t("answers.cellLabel", {
                                  demand: d.ref,
                                  round: formatPartialDate(r.heldOn, locale),
                                  assessment: `${c.assessment ? t(`assessment.${c.assessment}`) : t("answers.unassessed")}${c.stock ? ` (${t("answers.stock")})` : ""}`,
                                })}
                                style={{ textDecoration: "none", display: "inline-block" }}
                              >
                                {c.assessment ? <AssessmentBadge assessment={c.assessment} /> : <span className="badge">{t("answers.unassessed")}</span>}
                                {c.stock ? <span aria-hidden="true"> ↺</span> : null}
                              </Link>
                            ))}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="rounds-heading">
            <h2 id="rounds-heading">{t("answers.byRound")}</h2>
            {rounds.length === 0 ? (
              <p className="empty">{t("list.noMatches")}</p>
            ) : (
              rounds.map(({ round, items }) => (
                <section key={round.id} aria-labelledby={`round-${round.id}`} className="subform">
                  <h3 id={`round-${round.id}`} style={{ marginTop: 0 }}>
                    <span className="nowrap">{formatPartialDate(round.heldOn, locale)}</span>{" "}
                    <Link to={`/rounds/${round.id}`}>{pick(round.titleJa, round.titleEn)}</Link>
                    <span className="badge">{labelOf(t, `roundKind.${round.kind}`, round.kind)}</span>
                    <span className="muted" style={{ fontWeight: "normal", fontSize: "0.9rem" }}>
                      {" "}
                      · {t("answers.roundItems", { count: items.length })}
                    </span>
                  </h3>
                  <ol className="plain-list">
                    {items.map((item) => (
                      <li key={item.id} id={`item-${item.id}`}>
                        <p className="tight">
                          <Link to={`/demands/${item.demand.id}`}>
                            <span className="record-ref">{item.demand.ref}</span> {pick(item.demand.titleJa, item.demand.titleEn)}
                          </Link>
                          <AssessmentBadge assessment={item.assessment} />
                          {item.stock ? <StockBadge /> : null}
                          {item.body && item.body.id !== body.id ? (
                            <span className="muted">
                              {" · "}
                              <Link to={`/bodies/${item.body.id}/answers`}>{short(item.body)}</Link>
                            </span>
                          ) : null}
                        </p>
                        <dl className="facts">
                          <dt>{t("timeline.question")}</dt>
                          <dd>{item.questionJa || item.questionEn ? <BilingualText ja={item.questionJa} en={item.questionEn} /> : "—"}</dd>
                          <dt>{t("timeline.answer")}</dt>
                          <dd>
                            {item.answerHtml ? (
                              <RichTextView html={item.answerHtml} />
                            ) : item.answerText ? (
                              <p className="multiline">{item.answerText}</p>
                            ) : (
                              <p className="muted">{t("timeline.noAnswer")}</p>
                            )}
                            {item.stock ? (
                              <p className="muted">
                                {t("answers.stockGiven", { date: formatPartialDate(item.stock.heldOn, locale), times: item.stock.times })}{" "}
                                <Link to={`/rounds/${item.stock.round.id}#item-${item.stock.itemId}`}>{t("answers.seeEarlier")}</Link>
                              </p>
                            ) : null}
                          </dd>
                          {item.commitmentJa || item.commitmentEn ? (
                            <>
                              <dt>{t("timeline.channel.commitment")}</dt>
                              <dd>
                                <BilingualText ja={item.commitmentJa} en={item.commitmentEn} />
                                {item.followUpOn ? (
                                  <span className="muted">
                                    {t("timeline.followUpOn")}: {formatPartialDate(item.followUpOn, locale)}
                                    {item.followUpStatus ? ` · ${labelOf(t, `followUp.${item.followUpStatus}`, item.followUpStatus)}` : null}
                                  </span>
                                ) : null}
                              </dd>
                            </>
                          ) : null}
                        </dl>
                        <InternalNote note={item.internalNote} />
                      </li>
                    ))}
                  </ol>
                </section>
              ))
            )}
            <Pagination page={data.page} pageCount={data.pageCount} total={data.listedCount} />
          </section>
        </>
      )}
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
