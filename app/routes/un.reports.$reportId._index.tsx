// The counter-report composer: every section with its pre-filled recommendation, the government's
// claim and our footnoted evidence, what staff wrote, who writes it and whether it is done; word
// counts against the committee's limit; filters, paging and the exports. Members read it.
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SectionContext, WordCount } from "~/components/counter-report-parts";
import { DownloadLink } from "~/components/download-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterForm } from "~/components/list-filters";
import { Pagination } from "~/components/pagination";
import { RecordTools } from "~/components/record-trash";
import { RichTextView } from "~/components/rich-text-editor";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { SECTION_STATES, progressOf, sectionHeading, sectionLimit } from "~/models/counter-report";
import { assigneeOptions, composerData } from "~/models/counter-report.server";
import { hasRole } from "~/models/roles";
import { requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { oneOf, pageCount, pageFrom } from "~/utils/paging";
import { formatPartialDate, todayInJapan } from "~/utils/partial-date";
import { renderRichText } from "~/utils/rich-text.server";

const SECTIONS_PER_PAGE = 20;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (_t, locale) => (data ? (locale === "ja" ? data.report.titleJa || data.report.titleEn : data.report.titleEn) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const composer = await composerData(params.reportId ?? "", todayInJapan());
  if (!composer) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const state = oneOf(url.searchParams.get("state"), ["all", ...SECTION_STATES], "all");
  const assignee = url.searchParams.get("assignee") ?? "";
  const { report, sections, stored } = composer;
  const totalWords = [...stored.values()].filter((s) => sections.some((x) => x.key === s.key)).reduce((sum, s) => sum + s.wordCount, 0);
  const matching = sections.filter((s) => {
    const saved = stored.get(s.key);
    if (state === "done" && !saved?.done) return false;
    if (state === "open" && saved?.done) return false;
    if (assignee === "none" && saved?.assigneeId) return false;
    if (assignee && assignee !== "none" && saved?.assigneeId !== assignee) return false;
    return true;
  });
  const pages = pageCount(matching.length, SECTIONS_PER_PAGE);
  const page = Math.min(pageFrom(url.searchParams), pages);
  const shown = matching.slice((page - 1) * SECTIONS_PER_PAGE, page * SECTIONS_PER_PAGE).map((s) => {
    const saved = stored.get(s.key);
    return {
      section: s,
      written: saved
        ? {
            analysisEn: renderRichText(saved.analysisEn),
            analysisJa: renderRichText(saved.analysisJa),
            proposalsEn: renderRichText(saved.proposalsEn),
            proposalsJa: renderRichText(saved.proposalsJa),
            assigneeName: saved.assigneeName,
            done: saved.done,
            wordCount: saved.wordCount,
          }
        : null,
    };
  });
  return {
    report: { id: report.id, titleEn: report.titleEn, titleJa: report.titleJa, wordLimit: report.wordLimit, outlineMode: composer.mode },
    cycle: { id: composer.cycle.id, titleEn: composer.cycle.titleEn, titleJa: composer.cycle.titleJa, mechanism: composer.cycle.mechanism },
    previous: composer.previous,
    window: composer.window,
    progress: progressOf(sections, stored),
    totalWords,
    perSection: sectionLimit(report.wordLimit, sections.length),
    shown,
    filters: { state, assignee },
    assignees: hasRole(user.role, "staff") ? await assigneeOptions() : [],
    paging: { page, pageCount: pages, total: matching.length },
    canEdit: hasRole(user.role, "staff"),
  };
}

export default function Composer() {
  const { report, cycle, previous, window, progress, totalWords, perSection, shown, filters, assignees, paging, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  return (
    <article className="record composer">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to="/un">{t("un.title")}</Link>
        {" › "}
        <Link to={`/un/mechanisms/${cycle.mechanism.id}`}>{cycle.mechanism.abbreviation}</Link>
        {" › "}
        <Link to={`/un/cycles/${cycle.id}`}>{pick(cycle.titleJa, cycle.titleEn)}</Link>
      </nav>
      <div className="page-header">
        <div>
          <p className="record-ref">{t("report.counter.title")}</p>
          <h1>{pick(report.titleJa, report.titleEn)}</h1>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to={`/un/reports/${report.id}/edit`} className="button">
              {t("report.settings")}
            </Link>
            <RecordTools historyTo={`/history/counter-report/${report.id}`} />
          </div>
        ) : null}
      </div>

      <dl className="facts">
        <dt>{t("report.outlineMode")}</dt>
        <dd>{t(`report.mode.${report.outlineMode}`)}</dd>
        <dt>{t("report.previous")}</dt>
        <dd>{previous ? <Link to={`/un/cycles/${previous.id}`}>{pick(previous.titleJa, previous.titleEn)}</Link> : t("report.noPrevious")}</dd>
        <dt>{t("report.evidence")}</dt>
        <dd>
          {window.from
            ? t("report.window", { from: formatPartialDate(window.from, locale), to: formatPartialDate(window.to, locale) })
            : t("report.windowOpen", { to: formatPartialDate(window.to, locale) })}
        </dd>
        <dt>{t("report.wordLimit")}</dt>
        <dd>
          <WordCount count={totalWords} limit={report.wordLimit} />
        </dd>
      </dl>
      <p className="progress-line">
        <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t("report.progress", { done: progress.done, total: progress.total })} />{" "}
        {t("report.progress", { done: progress.done, total: progress.total })}
      </p>

      <section aria-labelledby="exports-heading" className="exports">
        <h2 id="exports-heading">{t("report.exports")}</h2>
        <ul className="inline-list">
          <li>
            <DownloadLink
              href={`/un/reports/${report.id}/report.docx`}
              label={t("report.counter.exportDocx")}
              preparing={t("report.docxPreparing")}
              ready={t("report.docxReady")}
              failed={t("report.docxFailed")}
              fallbackName="counter-report.docx"
            />
          </li>
          <li>
            <Link to={`/un/reports/${report.id}/print`}>{t("report.exportPrint")}</Link>
          </li>
          <li>
            <Link to={`/un/reports/${report.id}/grading`}>{t("report.exportGrading")}</Link>
          </li>
          <li>
            <a href={`/un/reports/${report.id}/grading.csv`} download>
              {t("report.exportGradingCsv")}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading">{t("report.sections")}</h2>
        <FilterForm clearTo={`/un/reports/${report.id}`} filtered={filters.state !== "all" || Boolean(filters.assignee)}>
          <div className="field">
            <label htmlFor="filter-state">{t("report.filter.state")}</label>
            <select id="filter-state" name="state" defaultValue={filters.state}>
              <option value="all">{t("report.filter.all")}</option>
              {(["open", "done"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`report.state.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {canEdit ? (
            <div className="field">
              <label htmlFor="filter-assignee">{t("report.filter.assignee")}</label>
              <select id="filter-assignee" name="assignee" defaultValue={filters.assignee}>
                <option value="">{t("report.filter.anyone")}</option>
                <option value="none">{t("report.filter.unassigned")}</option>
                {assignees.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </FilterForm>
        {paging.total === 0 ? <p className="empty">{progress.total === 0 ? t("report.sectionsEmpty") : t("report.noMatch")}</p> : null}
        {shown.map(({ section, written }) => (
          <section key={section.key} className={`composer-section${written?.done ? " done" : ""}`} aria-labelledby={`h-${section.key}`}>
            <div className="page-header">
              <h3 id={`h-${section.key}`}>
                {section.number}. {sectionHeading(section, t, locale)}
              </h3>
              <div className="section-status">
                <span className={written?.done ? "badge badge-done" : "badge"}>{written?.done ? t("report.state.done") : t("report.state.open")}</span>{" "}
                <span>
                  {t("report.assignee")}: {written?.assigneeName ?? t("report.nobody")}
                </span>{" "}
                <WordCount count={written?.wordCount ?? 0} limit={perSection} />{" "}
                {canEdit ? (
                  <Link to={`/un/reports/${report.id}/sections/${section.key}`} className="button" aria-label={`${t("report.editSection")}: ${section.number}`}>
                    {t("report.editSection")}
                  </Link>
                ) : null}
              </div>
            </div>
            <SectionContext section={section} />
            <h4>{t("report.written")}</h4>
            {written ? (
              <div className="field-pair">
                <div lang="en">
                  <RichTextView html={written.analysisEn} emptyText={t("report.notWritten")} />
                  <RichTextView html={written.proposalsEn} />
                </div>
                <div lang="ja">
                  <RichTextView html={written.analysisJa} emptyText={t("report.notWritten")} />
                  <RichTextView html={written.proposalsJa} />
                </div>
              </div>
            ) : (
              <p className="muted">{t("report.notWritten")}</p>
            )}
          </section>
        ))}
        <Pagination page={paging.page} pageCount={paging.pageCount} total={paging.total} />
      </section>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
