// Phrase banks and builders for the benchmark's generated data: Japanese and English text of the
// lengths the real records have (titles of 15–40 characters, summaries of a few sentences, answers
// of 80–400 characters in the officials' register), drawn with the generator's seeded PRNG.

/** Pairs [Japanese, English]. */
export const SUBJECTS = [
  ["技能実習生", "technical intern trainees"],
  ["外国人労働者", "migrant workers"],
  ["難民申請者", "asylum seekers"],
  ["非正規滞在者", "undocumented migrants"],
  ["移住女性", "migrant women"],
  ["外国籍の子ども", "children of foreign nationality"],
  ["日系人", "Nikkei residents"],
  ["留学生", "international students"],
  ["介護分野の外国人材", "foreign care workers"],
  ["家事労働者", "domestic workers"],
  ["無国籍者", "stateless persons"],
  ["人身取引被害者", "victims of human trafficking"],
  ["仮放免者", "people on provisional release"],
  ["特定技能外国人", "Specified Skilled Workers"],
  ["外国人患者", "foreign patients"],
  ["外国籍住民", "foreign residents"],
  ["国際結婚家庭", "internationally married families"],
  ["入管収容施設の被収容者", "people held in immigration detention"],
  ["DV被害を受けた移住女性", "migrant women who suffered domestic violence"],
  ["外国人高齢者", "elderly foreign residents"],
];

export const MATTERS = [
  ["転職の自由", "the freedom to change employers"],
  ["家族帯同", "family reunification"],
  ["医療へのアクセス", "access to health care"],
  ["教育を受ける権利", "the right to education"],
  ["在留資格の安定", "secure residence status"],
  ["労働基準の遵守", "compliance with labour standards"],
  ["医療通訳の配置", "medical interpreters"],
  ["社会保障の適用", "social security coverage"],
  ["人種差別の禁止", "a ban on racial discrimination"],
  ["収容期間の上限", "a limit on the length of detention"],
  ["退去強制手続きの透明性", "transparent deportation procedures"],
  ["相談窓口の設置", "counselling services"],
  ["日本語教育の保障", "Japanese-language education"],
  ["住居の確保", "access to housing"],
  ["賃金未払いの救済", "remedies for unpaid wages"],
  ["監理団体の監督", "supervision of the supervising organisations"],
  ["在留特別許可の基準", "criteria for special permission to stay"],
  ["母語による情報提供", "information in migrants' own languages"],
  ["地方参政権", "local voting rights"],
  ["再入国許可の運用", "re-entry permits"],
  ["国民健康保険への加入", "enrolment in National Health Insurance"],
  ["生活保護の適用", "access to public assistance"],
  ["就学の実態調査", "a survey of school enrolment"],
  ["保証金の返還", "the return of deposits"],
];

export const ACTIONS = [
  ["の保障", "Guarantee"],
  ["の確立", "Establish"],
  ["の拡充", "Expand"],
  ["の見直し", "Review"],
  ["の明確化", "Clarify"],
  ["の改善", "Improve"],
  ["に関する法整備", "Legislate"],
  ["の実現", "Achieve"],
  ["の制度化", "Institutionalise"],
];

const PROBLEMS = [
  ["相談先がないまま孤立している", "are left isolated with nowhere to turn"],
  ["雇用主の変更が認められていない", "are not allowed to change employers"],
  ["医療費の負担に苦しんでいる", "struggle with the cost of medical care"],
  ["長期にわたり収容されている", "are detained for long periods"],
  ["十分な説明を受けずに手続きが進められている", "go through procedures without adequate explanation"],
  ["賃金の未払いが放置されている", "see unpaid wages left unresolved"],
  ["言葉の壁のために行政サービスを利用できない", "cannot use public services because of the language barrier"],
  ["在留資格を失うおそれから被害を訴えられない", "cannot report abuse for fear of losing their status"],
];

const SUMMARY = [
  ["現行制度のもとでは{s}は{p}。", "Under the current system, {s} {p}."],
  ["政府は{m}について具体的な措置を講じるべきである。", "The government should take concrete measures on {m}."],
  ["関係省庁に対し、{m}の実態調査と結果の公表を求める。", "We ask the ministries concerned to survey {m} and publish the results."],
  ["国際人権基準に照らして、{m}を早急に実現すること。", "In line with international human rights standards, {m} should be achieved without delay."],
  ["{s}の権利保障を基本に据えた政策への転換が必要である。", "Policy must turn to one grounded in the rights of {s}."],
  ["関係省庁の連携による総合的な対応が求められている。", "A comprehensive response, coordinated across ministries, is needed."],
  ["自治体と支援団体の現場からは、{m}を求める声が繰り返し寄せられている。", "Local governments and support groups have repeatedly called for {m}."],
  ["国連の条約機関も、{m}について日本政府に勧告している。", "UN treaty bodies have also recommended {m} to the Japanese government."],
];

const ANSWERS = [
  ["ご指摘の点については、関係省庁と連携しつつ、引き続き適切に対応してまいりたい。", "We will continue to respond appropriately to the points raised, in cooperation with the ministries concerned."],
  ["{m}については、現行制度の下で個別の事情を考慮し、適切に判断しているところである。", "On {m}, we judge each case appropriately under the current system, taking individual circumstances into account."],
  ["制度の趣旨に照らし、慎重に検討する必要があると考えている。", "In light of the purpose of the system, we believe careful consideration is needed."],
  ["現時点で制度を改める予定はない。", "There are no plans to change the system at this time."],
  ["実態の把握に努めるとともに、必要に応じて対応を検討してまいりたい。", "We will try to grasp the actual situation and consider measures as necessary."],
  ["{y}年度予算において、{m}に係る経費を計上しているところである。", "The FY{y} budget includes funds for {m}."],
  ["個別の事案についてはお答えを差し控えたい。", "We refrain from commenting on individual cases."],
  ["地方自治体に対して通知を発出し、周知徹底を図っている。", "We have issued a notice to local governments and are making it widely known."],
  ["{s}の置かれた状況については承知しており、今後の課題として受け止めたい。", "We are aware of the situation of {s} and take it as an issue for the future."],
  ["所管外の事項であるため、担当部局に伝える。", "This falls outside our remit; we will pass it on to the division in charge."],
  ["有識者会議の議論を踏まえ、{y}年度中に方針を取りまとめる予定である。", "Based on the expert panel's discussion, we plan to set out a policy during FY{y}."],
  ["{m}に関する相談件数は増加傾向にあり、体制の強化を図っている。", "Consultations on {m} are increasing, and we are strengthening our capacity."],
];

const QUESTIONS = [
  ["{s}の{m}について、貴省の見解と今後の方針を伺いたい。", "What is your ministry's view of, and future policy on, {m} for {s}?"],
  ["{m}に関する昨年度の回答以降、どのような検討が行われたのか明らかにされたい。", "Please explain what has been considered on {m} since last year's answer."],
  ["{s}が{p}現状を把握しているか。把握しているならば、その件数を示されたい。", "Do you know that {s} {p}? If so, please give the numbers."],
  ["{m}を実現するための具体的な工程を示されたい。", "Please set out concrete steps to achieve {m}."],
];

const COMMITMENTS = [
  ["{m}について、{y}年度中に実態調査を実施し、結果を公表する。", "Will survey {m} during FY{y} and publish the results."],
  ["{m}に関する通知を改正し、自治体に周知する。", "Will revise the notice on {m} and inform local governments."],
  ["次回の交渉までに{m}の検討状況を文書で回答する。", "Will answer in writing on the progress on {m} before the next round."],
  ["{m}について関係省庁連絡会議の議題とする。", "Will put {m} on the agenda of the inter-ministerial liaison meeting."],
];

const QUOTES = [
  ["{s}の{m}について、必要な措置を講ずるものとする。", "Necessary measures shall be taken regarding {m} for {s}."],
  ["{m}の在り方について検討を行い、その結果に基づいて所要の措置を講ずる。", "The state of {m} shall be examined and the necessary measures taken on that basis."],
  ["{s}が安心して生活できるよう、{m}に努める。", "Efforts shall be made towards {m} so that {s} can live in security."],
];

export const DOC_KINDS = [
  ["law", "法律", "Act"],
  ["bill", "法案", "Bill"],
  ["basic_policy", "基本方針", "Basic Policy"],
  ["plan", "行動計画", "Action Plan"],
  ["guideline", "ガイドライン", "Guidelines"],
  ["notice", "通知", "Notice"],
  ["system", "制度要綱", "System Outline"],
  ["budget", "予算", "Budget"],
];

export const SURNAMES = [
  ["佐藤", "Sato"], ["鈴木", "Suzuki"], ["高橋", "Takahashi"], ["田中", "Tanaka"], ["伊藤", "Ito"], ["渡辺", "Watanabe"],
  ["山本", "Yamamoto"], ["中村", "Nakamura"], ["小林", "Kobayashi"], ["加藤", "Kato"], ["吉田", "Yoshida"], ["山田", "Yamada"],
  ["佐々木", "Sasaki"], ["山口", "Yamaguchi"], ["松本", "Matsumoto"], ["井上", "Inoue"], ["木村", "Kimura"], ["林", "Hayashi"],
  ["斎藤", "Saito"], ["清水", "Shimizu"], ["山崎", "Yamazaki"], ["森", "Mori"], ["池田", "Ikeda"], ["橋本", "Hashimoto"],
  ["阿部", "Abe"], ["石川", "Ishikawa"], ["前田", "Maeda"], ["藤田", "Fujita"], ["小川", "Ogawa"], ["岡田", "Okada"],
];
export const GIVEN_NAMES = [
  ["太郎", "Taro"], ["花子", "Hanako"], ["健一", "Kenichi"], ["美咲", "Misaki"], ["大輔", "Daisuke"], ["陽子", "Yoko"],
  ["直樹", "Naoki"], ["恵", "Megumi"], ["誠", "Makoto"], ["由美", "Yumi"], ["翔", "Sho"], ["彩", "Aya"], ["浩二", "Koji"],
  ["智子", "Tomoko"], ["拓也", "Takuya"], ["裕子", "Yuko"], ["和也", "Kazuya"], ["真理", "Mari"], ["聡", "Satoshi"], ["愛", "Ai"],
];
export const FOREIGN_NAMES = [
  ["グエン・ヴァン・アン", "Nguyen Van An"], ["マリア・サントス", "Maria Santos"], ["キム・ミンジュ", "Kim Min-ju"],
  ["ラジェシュ・クマール", "Rajesh Kumar"], ["アナ・ロドリゲス", "Ana Rodriguez"], ["リー・ウェイ", "Li Wei"],
  ["ジョセフ・オカフォー", "Joseph Okafor"], ["ファティマ・ラーマン", "Fatima Rahman"],
];

export const PLACES = [
  ["東京", "Tokyo"], ["大阪", "Osaka"], ["名古屋", "Nagoya"], ["横浜", "Yokohama"], ["神戸", "Kobe"], ["福岡", "Fukuoka"],
  ["札幌", "Sapporo"], ["仙台", "Sendai"], ["広島", "Hiroshima"], ["京都", "Kyoto"], ["浜松", "Hamamatsu"], ["群馬", "Gunma"],
  ["埼玉", "Saitama"], ["千葉", "Chiba"], ["静岡", "Shizuoka"], ["岐阜", "Gifu"], ["三重", "Mie"], ["長野", "Nagano"],
  ["茨城", "Ibaraki"], ["熊本", "Kumamoto"],
];

/** Fills {s} {m} {p} {y} in a [ja, en] template. */
function fill(template, slots) {
  return template.map((t, i) =>
    t
      .replace("{s}", slots.s[i])
      .replace("{m}", slots.m[i])
      .replace("{p}", slots.p[i])
      .replace("{y}", String(slots.y)),
  );
}

/**
 * @param {import("./random.js").Random} r
 */
export function texts(r) {
  const slots = (year = 2000 + r.int(26)) => ({ s: r.pick(SUBJECTS), m: r.pick(MATTERS), p: r.pick(PROBLEMS), y: year });
  /** `count` sentences from `bank`, as [ja, en]. */
  const sentences = (bank, count, year) => {
    const ja = [];
    const en = [];
    for (let i = 0; i < count; i++) {
      const [j, e] = fill(r.pick(bank), slots(year));
      ja.push(j);
      en.push(e);
    }
    return [ja.join(""), en.join(" ")];
  };
  return {
    demandTitle(subject, matter, action) {
      return [`${subject[0]}の${matter[0]}${action[0]}`, `${action[1]} ${matter[1]} for ${subject[1]}`];
    },
    summary: () => sentences(SUMMARY, 2 + r.int(4)),
    paragraphs: (count) => Array.from({ length: count }, () => sentences(SUMMARY, 2 + r.int(3))),
    question: (year) => sentences(QUESTIONS, 1 + r.int(2), year),
    answer: (year) => sentences(ANSWERS, 2 + r.int(5), year),
    commitment: (year) => sentences(COMMITMENTS, 1, year),
    quote: () => sentences(QUOTES, 1 + r.int(2)),
    note: () => sentences(SUMMARY, 1 + r.int(2)),
  };
}

/** A ProseMirror document of plain paragraphs, as the TipTap editor saves it. */
export function doc(paragraphs) {
  return JSON.stringify({ type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });
}
