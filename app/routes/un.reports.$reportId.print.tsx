// The counter-report as a print-ready page, in English as it is sent: cover, contents, numbered
// sections with their footnotes; the print style sheet drops the app's header and starts each part on
// a new page (docs/decisions/014).
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { translator } from "~/i18n";
import { useBilingual, useT } from "~/i18n/react";
import { footnoteText, recommendationRef, sectionHeading } from "~/models/counter-report";
import { composerData } from "~/models/counter-report.server";
import { requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { formatPartialDate, todayInJapan } from "~/utils/partial-date";
import { renderRichText } from "~/utils/rich-text.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, () => data?.title ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const today = todayInJapan();
  const composer = await composerData(params.reportId ?? "", today);
  if (!composer) throw new Response("Not found", { status: 404 });
  const en = translator("en");
  const { report, cycle, sections, stored } = composer;
  return {
    id: report.id,
    title: report.titleEn,
    titleJa: report.titleJa,
    committee: cycle.mechanism.committeeNameEn || cycle.mechanism.committeeAbbr || cycle.mechanism.nameEn,
    cycle: `${cycle.mechanism.abbreviation}: ${cycle.titleEn || cycle.titleJa}${cycle.session ? ` (${cycle.session})` : ""}`,
    preparedBy: en("report.preparedBy"),
    draftOf: en("report.draftOf", { date: formatPartialDate(today, "en") }),
    labels: {
      contents: en("report.contents"),
      recommendation: en("report.recommendation"),
      reiterates: en("report.reiterates"),
      claim: en("report.claim"),
      claimNone: en("report.claimNone"),
      source: en("report.claimSource"),
      grade: en("report.grade"),
      ungraded: en("report.ungraded"),
      evidence: en("report.evidence"),
      analysis: en("report.analysis"),
      proposals: en("report.proposals"),
    },
    sections: sections.map((s) => {
      const saved = stored.get(s.key);
      return {
        key: s.key,
        number: s.number,
        heading: sectionHeading(s, en, "en"),
        recommendations: s.recommendations.map((r) => ({
          id: r.id,
          ref: recommendationRef(r, en, "en"),
          textEn: r.textEn,
          earlier: r.earlier.map((e) => recommendationRef(e, en, "en")),
          claim: r.governmentClaimEn || r.governmentClaimJa,
          claimSource: r.governmentClaimSource,
          grade: r.grade,
          assessmentNote: r.assessmentNote,
        })),
        footnotes: s.footnotes.map((f) => ({ n: f.n, text: footnoteText(f, en, "en"), kind: en(`report.kind.${f.kind}`), on: formatPartialDate(f.on, "en") })),
        analysisEn: renderRichText(saved?.analysisEn),
        proposalsEn: renderRichText(saved?.proposalsEn),
      };
    }),
  };
}

export default function PrintReport() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const pick = useBilingual();
  const { labels } = data;
  return (
    <div className="print-report">
      <p className="no-print form-actions">
        <Link to={`/un/reports/${data.id}`}>← {pick(data.titleJa, data.title)}</Link>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t("report.print")}
        </button>
      </p>
      <article lang="en">
        <header className="print-cover">
          <h1>{data.title}</h1>
          <p className="print-committee">{data.committee}</p>
          <p>{data.cycle}</p>
          <p className="print-by">{data.preparedBy}</p>
          <p>{data.draftOf}</p>
        </header>
        <nav className="print-contents" aria-labelledby="contents-heading">
          <h2 id="contents-heading">{labels.contents}</h2>
          <ol>
            {data.sections.map((s) => (
              <li key={s.key} value={s.number}>
                <a href={`#s-${s.key}`}>{s.heading}</a>
              </li>
            ))}
          </ol>
        </nav>
        {data.sections.map((s) => (
          <section key={s.key} id={`s-${s.key}`} className="print-section" aria-labelledby={`ph-${s.key}`}>
            <h2 id={`ph-${s.key}`}>
              {s.number}. {s.heading}
            </h2>
            {s.recommendations.map((r) => (
              <div key={r.id}>
                <p>
                  <strong>{labels.recommendation}:</strong> {r.ref}
                </p>
                <blockquote>{r.textEn}</blockquote>
                {r.earlier.length ? (
                  <p>
                    <strong>{labels.reiterates}:</strong> {r.earlier.join("; ")}
                  </p>
                ) : null}
                <p>
                  <strong>{labels.claim}:</strong> {r.claim || labels.claimNone}
                  {r.claimSource ? ` (${labels.source}: ${r.claimSource})` : ""}
                </p>
                <p>
                  <strong>{labels.grade}:</strong> {r.grade ?? labels.ungraded}
                  {r.assessmentNote ? ` ${r.assessmentNote}` : ""}
                </p>
              </div>
            ))}
            {s.footnotes.length ? (
              <>
                <h3>{labels.evidence}</h3>
                <ul className="evidence-refs">
                  {s.footnotes.map((f) => (
                    <li key={f.n}>
                      {f.kind}, {f.on}
                      <sup>
                        <a href={`#pfn-${f.n}`}>{f.n}</a>
                      </sup>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {s.analysisEn ? (
              <>
                <h3>{labels.analysis}</h3>
                <div className="rich-text" dangerouslySetInnerHTML={{ __html: s.analysisEn }} />
              </>
            ) : null}
            {s.proposalsEn ? (
              <>
                <h3>{labels.proposals}</h3>
                <div className="rich-text" dangerouslySetInnerHTML={{ __html: s.proposalsEn }} />
              </>
            ) : null}
            {s.footnotes.length ? (
              <ol className="print-footnotes">
                {s.footnotes.map((f) => (
                  <li key={f.n} value={f.n} id={`pfn-${f.n}`}>
                    {f.text}
                  </li>
                ))}
              </ol>
            ) : null}
          </section>
        ))}
      </article>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
