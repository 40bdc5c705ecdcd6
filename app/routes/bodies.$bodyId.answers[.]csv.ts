// A body's answers as filtered, every round (newest first, each round's items in agenda order), as
// CSV: /bodies/<id>/answers.csv?<the page's parameters>. Internal notes only for staff: bodyAnswers
// passes them through app/models/visibility.ts.
import { type LoaderFunctionArgs } from "@remix-run/node";
import { bodyAnswers } from "~/models/answers.server";
import { isFollowUpStatus, isRoundKind } from "~/models/round";
import { isAssessment } from "~/models/timeline";
import { answersQuery } from "~/routes/bodies.$bodyId.answers";
import { csvContext, csvResponse } from "~/utils/csv.server";
import { todayInJapan } from "~/utils/partial-date";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, locale, t, url, name, title, staff } = await csvContext(request);
  const query = answersQuery(url.searchParams, params.bodyId ?? "", user.role, locale);
  const data = await bodyAnswers({ ...query, all: true });
  if (!data) throw new Response("Not found", { status: 404 });
  const header = [
    t("round.heldOn"),
    t("csv.roundKind"),
    t("csv.roundTitleJa"),
    t("csv.roundTitleEn"),
    t("csv.body"),
    t("csv.demandRef"),
    t("csv.demandTitle"),
    t("csv.questionJa"),
    t("csv.questionEn"),
    t("csv.answer"),
    t("answers.assessment"),
    t("csv.commitmentJa"),
    t("csv.commitmentEn"),
    t("csv.followUpOn"),
    t("csv.followUpStatus"),
    t("csv.stock"),
    ...(staff ? [t("csv.internalNote")] : []),
    t("export.link"),
    t("csv.id"),
  ];
  const rows = data.rounds.flatMap(({ round, items }) =>
    items.map((item) => [
      round.heldOn,
      isRoundKind(round.kind) ? t(`roundKind.${round.kind}`) : round.kind,
      round.titleJa,
      round.titleEn,
      name(item.body),
      item.demand.ref,
      title(item.demand),
      item.questionJa,
      item.questionEn,
      item.answerText,
      isAssessment(item.assessment) ? t(`assessment.${item.assessment}`) : "",
      item.commitmentJa,
      item.commitmentEn,
      item.followUpOn,
      isFollowUpStatus(item.followUpStatus) ? t(`followUp.${item.followUpStatus}`) : "",
      item.stock ? `${item.stock.round.heldOn} ${title(item.stock.round)}` : "",
      ...(staff ? [item.internalNote] : []),
      new URL(`/rounds/${round.id}`, url).href,
      item.id,
    ]),
  );
  return csvResponse(t("csv.file.answers", { name: data.bodyLabel }), header, rows, todayInJapan());
}
