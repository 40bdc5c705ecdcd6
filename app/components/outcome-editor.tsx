// The outcome form of the new and edit pages: same Zod schema on the client and the server, files
// sent as multipart, and the channel lists fetched again when another demand is chosen.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useFetcher } from "@remix-run/react";
import { useId, useState } from "react";
import { ConflictPanel, EditorActions } from "~/components/conflict-panel";
import { CheckboxGroup, ErrorList, Field, FormErrors, type Option, SelectField, TextareaField } from "~/components/forms";
import { translateMaybe } from "~/i18n";
import { useBilingual, useLocale, useT } from "~/i18n/react";
import { formatFileSize, outcomeFormSchema } from "~/models/outcome";
import { DEGREES, isDegree } from "~/models/status";
import { type loader as formOptionsLoader } from "~/routes/outcomes.form-options";
import { formatPartialDate } from "~/utils/partial-date";

export type OutcomeEditorDefaults = {
  demandId?: string | null;
  instrumentId?: string | null;
  degree?: string | null;
  occurredOn?: string | null;
  quoteJa?: string | null;
  quoteEn?: string | null;
  sourceUrl?: string | null;
  note?: string | null;
  internalNote?: string | null;
  requestIds?: string[];
  roundIds?: string[];
  agendaItemIds?: string[];
  commentPointIds?: string[];
  recommendationIds?: string[];
};

export type OutcomeChannelChoices = { requests: Option[]; rounds: Option[]; agendaItems: Option[]; commentPoints: Option[]; recommendations: Option[] };
const NO_CHANNELS: OutcomeChannelChoices = { requests: [], rounds: [], agendaItems: [], commentPoints: [], recommendations: [] };

export type OutcomeConflict = {
  degree: string;
  occurredOn: string;
  instrument: { titleJa: string; titleEn: string } | null;
  quoteJa: string | null;
  quoteEn: string | null;
  sourceUrl: string | null;
  note: string | null;
  internalNote: string | null;
  attachments: string[];
  version: number;
  updatedByName: string | null;
};

export type ExistingAttachment = { id: string; fileName: string; size: number };

/** Values as last submitted win over the record's, so nothing typed is lost after an error. */
function submittedList(result: SubmissionResult<string[]> | undefined, name: string, fallback: string[]): string[] {
  const initial = result?.initialValue as Record<string, unknown> | null | undefined;
  if (!initial) return fallback;
  const value = initial[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string") return [value];
  // A submitted form without the field had nothing checked.
  return result?.initialValue ? [] : fallback;
}

export function OutcomeEditor({
  outcomeId,
  defaults,
  options,
  attachments = [],
  attachmentAccept,
  maxMb,
  lastResult,
  submittedRecommendations = [],
  version,
  conflict,
  cancelTo,
}: {
  outcomeId?: string;
  defaults: OutcomeEditorDefaults;
  options: { demands: Option[]; instruments: Option[]; channels: OutcomeChannelChoices };
  attachments?: ExistingAttachment[];
  attachmentAccept: string;
  maxMb: number;
  lastResult?: SubmissionResult<string[]>;
  /** The recommendations last submitted, labelled by the action (a search result is in no other list). */
  submittedRecommendations?: Option[];
  version?: number;
  conflict?: OutcomeConflict | null;
  cancelTo: string;
}) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const fileId = useId();
  const fetcher = useFetcher<typeof formOptionsLoader>();
  const [form, fields] = useForm({
    id: "outcome-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: outcomeFormSchema }),
    defaultValue: {
      demandId: defaults.demandId ?? "",
      instrumentId: defaults.instrumentId ?? "",
      degree: defaults.degree ?? "",
      occurredOn: defaults.occurredOn ?? "",
      quoteJa: defaults.quoteJa ?? "",
      quoteEn: defaults.quoteEn ?? "",
      sourceUrl: defaults.sourceUrl ?? "",
      note: defaults.note ?? "",
      internalNote: defaults.internalNote ?? "",
    },
  });
  const initialDemand = String(fields.demandId.initialValue ?? defaults.demandId ?? "");
  const [demandId, setDemandId] = useState(initialDemand);
  // Channels of the demand chosen now: fetched again when the demand changes in the form.
  const fetched = fetcher.data && fetcher.data.demandId === demandId ? fetcher.data : null;
  const channels: OutcomeChannelChoices = fetched?.channels ?? (demandId === initialDemand ? options.channels : NO_CHANNELS);
  const instruments = fetcher.data?.instruments ?? options.instruments;
  const keepChosen = demandId === initialDemand;
  const requestIds = keepChosen ? submittedList(lastResult, "requestIds", defaults.requestIds ?? []) : [];
  const roundIds = keepChosen ? submittedList(lastResult, "roundIds", defaults.roundIds ?? []) : [];
  const agendaItemIds = keepChosen ? submittedList(lastResult, "agendaItemIds", defaults.agendaItemIds ?? []) : [];
  const commentPointIds = keepChosen ? submittedList(lastResult, "commentPointIds", defaults.commentPointIds ?? []) : [];
  const removeIds = submittedList(lastResult, "removeAttachmentIds", []);
  // Recommendations are not the demand's alone: what was chosen stays chosen when the demand changes.
  const recommendationIds = submittedList(lastResult, "recommendationIds", defaults.recommendationIds ?? []);
  const reload = (demand: string) => {
    const params = new URLSearchParams({ demand });
    if (outcomeId) params.set("outcome", outcomeId);
    fetcher.load(`/outcomes/form-options?${params}`);
  };
  const degreeOptions = DEGREES.map((d) => ({ value: d, label: t(`degree.${d}`) }));
  const fileErrors = (lastResult?.error?.attachments ?? []).map((e) => translateMaybe(t, e, { max: maxMb }));
  const noChannels = channels.requests.length + channels.rounds.length + channels.agendaItems.length + channels.commentPoints.length === 0;
  const knownRecommendations = [...channels.recommendations, ...options.channels.recommendations, ...submittedRecommendations];

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="editor-form">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={form.errors} />
      {conflict ? (
        <ConflictPanel
          savedBy={conflict.updatedByName}
          rows={[
            { label: t("outcome.degree"), value: isDegree(conflict.degree) ? t(`degree.${conflict.degree}`) : conflict.degree },
            { label: t("outcome.occurredOn"), value: formatPartialDate(conflict.occurredOn, locale) },
            { label: t("outcome.instrument"), value: conflict.instrument ? pick(conflict.instrument.titleJa, conflict.instrument.titleEn) : null },
            { label: t("outcome.quoteJa"), value: conflict.quoteJa, lang: "ja" },
            { label: t("outcome.quoteEn"), value: conflict.quoteEn, lang: "en" },
            { label: t("outcome.sourceUrl"), value: conflict.sourceUrl },
            { label: t("outcome.note"), value: conflict.note },
            { label: t("common.internalNote"), value: conflict.internalNote },
            { label: t("common.attachments"), value: conflict.attachments.join(", ") },
          ]}
        />
      ) : null}

      <div className="field-row">
        <SelectField
          label={t("outcome.demand")}
          id={fields.demandId.id}
          name={fields.demandId.name}
          defaultValue={fields.demandId.initialValue}
          errors={fields.demandId.errors}
          options={options.demands}
          emptyLabel={t("outcome.chooseDemand")}
          required
          onChange={(e) => {
            setDemandId(e.currentTarget.value);
            if (e.currentTarget.value) reload(e.currentTarget.value);
          }}
        />
      </div>
      <div className="field-row">
        <SelectField
          label={t("outcome.degree")}
          id={fields.degree.id}
          name={fields.degree.name}
          defaultValue={fields.degree.initialValue}
          errors={fields.degree.errors}
          options={degreeOptions}
          emptyLabel={t("outcome.chooseDegree")}
          required
        />
        <Field
          label={t("outcome.occurredOn")}
          id={fields.occurredOn.id}
          name={fields.occurredOn.name}
          defaultValue={fields.occurredOn.initialValue}
          errors={fields.occurredOn.errors}
          help={t("help.partialDate")}
          inputMode="numeric"
          placeholder="2009-07-15"
          required
        />
      </div>
      <div className="field-row">
        <SelectField
          label={t("outcome.instrument")}
          id={fields.instrumentId.id}
          name={fields.instrumentId.name}
          defaultValue={fields.instrumentId.initialValue}
          errors={fields.instrumentId.errors}
          options={instruments}
          emptyLabel={t("outcome.noInstrument")}
          help={
            <>
              <Link to="/instruments/new" target="_blank" rel="noopener">
                {t("outcome.newInstrument")}
              </Link>{" "}
              <button type="button" onClick={() => reload(demandId)} disabled={fetcher.state !== "idle"}>
                {t("outcome.refreshInstruments")}
              </button>
            </>
          }
        />
      </div>
      <div className="field-pair">
        <TextareaField
          label={t("outcome.quoteJa")}
          id={fields.quoteJa.id}
          name={fields.quoteJa.name}
          defaultValue={fields.quoteJa.initialValue}
          errors={fields.quoteJa.errors}
          rows={5}
          lang="ja"
        />
        <TextareaField
          label={t("outcome.quoteEn")}
          id={fields.quoteEn.id}
          name={fields.quoteEn.name}
          defaultValue={fields.quoteEn.initialValue}
          errors={fields.quoteEn.errors}
          rows={5}
          lang="en"
        />
      </div>
      <Field
        label={t("outcome.sourceUrl")}
        id={fields.sourceUrl.id}
        name={fields.sourceUrl.name}
        defaultValue={fields.sourceUrl.initialValue}
        errors={fields.sourceUrl.errors}
        type="url"
        inputMode="url"
        placeholder="https://"
        maxLength={2000}
      />
      <div className="field-pair">
        <TextareaField
          label={t("outcome.note")}
          id={fields.note.id}
          name={fields.note.name}
          defaultValue={fields.note.initialValue}
          errors={fields.note.errors}
          help={t("outcome.noteHelp")}
          rows={4}
        />
        <TextareaField
          label={
            <>
              {t("common.internalNote")} <span className="badge badge-internal">{t("common.internal")}</span>
            </>
          }
          id={fields.internalNote.id}
          name={fields.internalNote.name}
          defaultValue={fields.internalNote.initialValue}
          errors={fields.internalNote.errors}
          help={t("outcome.internalNoteHelp")}
          rows={4}
        />
      </div>

      <fieldset className="field" aria-describedby={noChannels ? `${fileId}-channels-empty` : undefined}>
        <legend>{t("outcome.channels")}</legend>
        {fetcher.state === "loading" ? <p className="muted">{t("outcome.loadingChannels")}</p> : null}
        {noChannels ? (
          <p id={`${fileId}-channels-empty`} className="muted">
            {demandId ? t("outcome.channelsEmpty") : t("outcome.channelsChooseDemand")}
          </p>
        ) : null}
        {channels.requests.length ? (
          <CheckboxGroup key={`r-${demandId}`} legend={t("outcome.channelRequests")} name="requestIds" options={channels.requests} defaultValue={requestIds} errors={fields.requestIds.errors} />
        ) : (
          <ErrorList errors={fields.requestIds.errors} />
        )}
        {channels.rounds.length ? (
          <CheckboxGroup key={`n-${demandId}`} legend={t("outcome.channelRounds")} name="roundIds" options={channels.rounds} defaultValue={roundIds} errors={fields.roundIds.errors} />
        ) : (
          <ErrorList errors={fields.roundIds.errors} />
        )}
        {channels.agendaItems.length ? (
          <CheckboxGroup
            key={`a-${demandId}`}
            legend={t("outcome.channelAgendaItems")}
            name="agendaItemIds"
            options={channels.agendaItems}
            defaultValue={agendaItemIds}
            errors={fields.agendaItemIds.errors}
            className="tall"
          />
        ) : (
          <ErrorList errors={fields.agendaItemIds.errors} />
        )}
        {channels.commentPoints.length ? (
          <CheckboxGroup
            key={`c-${demandId}`}
            legend={t("outcome.channelCommentPoints")}
            name="commentPointIds"
            options={channels.commentPoints}
            defaultValue={commentPointIds}
            errors={fields.commentPointIds.errors}
          />
        ) : (
          <ErrorList errors={fields.commentPointIds.errors} />
        )}
        <RecommendationPicker
          demandOptions={channels.recommendations}
          known={knownRecommendations}
          initialChosen={recommendationIds}
          errors={fields.recommendationIds.errors}
        />
      </fieldset>

      <fieldset className="field">
        <legend>{t("common.attachments")}</legend>
        {attachments.length ? (
          <CheckboxGroup
            legend={t("outcome.removeAttachments")}
            name="removeAttachmentIds"
            options={attachments.map((a) => ({ value: a.id, label: `${a.fileName} (${formatFileSize(a.size, locale)})` }))}
            defaultValue={removeIds}
            errors={fields.removeAttachmentIds.errors}
          />
        ) : null}
        <div className="field">
          <label htmlFor={fileId}>{t("common.addAttachment")}</label>
          <input
            id={fileId}
            type="file"
            name="attachments"
            multiple
            accept={attachmentAccept}
            aria-invalid={fileErrors.length ? true : undefined}
            aria-describedby={`${fileId}-help${fileErrors.length ? ` ${fileId}-error` : ""}`}
          />
          <p id={`${fileId}-help`} className="field-help">
            {t("outcome.attachmentHelp", { max: maxMb })}
          </p>
          {fileErrors.length ? (
            <ul id={`${fileId}-error`} className="field-errors">
              {fileErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </fieldset>

      <EditorActions cancelTo={cancelTo} />
    </Form>
  );
}

/**
 * The UN recommendations that led to the outcome: those linked to the demand are listed, others are
 * found by symbol and paragraph (a search on the form-options route) and added to the list when ticked.
 * The boxes are controlled, so a new search never drops what was ticked before.
 */
function RecommendationPicker({ demandOptions, known, initialChosen, errors }: { demandOptions: Option[]; known: Option[]; initialChosen: string[]; errors?: string[] }) {
  const t = useT();
  const id = useId();
  const search = useFetcher<typeof formOptionsLoader>();
  const [chosen, setChosen] = useState<string[]>(initialChosen);
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<Option[]>([]);
  const found = search.data?.recommendationSearch ?? null;
  const labelOf = new Map([...known, ...picked, ...(found?.results ?? [])].map((o) => [o.value, o]));
  const listed: Option[] = [];
  const add = (o: Option | undefined) => {
    if (o && !listed.some((l) => l.value === o.value)) listed.push(o);
  };
  for (const o of demandOptions) add(o);
  for (const value of chosen) add(labelOf.get(value));
  const results = (found?.results ?? []).filter((o) => !listed.some((l) => l.value === o.value));
  const toggle = (o: Option, on: boolean) => {
    setChosen((c) => (on ? [...c.filter((x) => x !== o.value), o.value] : c.filter((x) => x !== o.value)));
    if (on) setPicked((p) => (p.some((x) => x.value === o.value) ? p : [...p, o]));
  };
  const run = () => {
    if (query.trim()) search.load(`/outcomes/form-options?${new URLSearchParams({ recq: query.trim() })}`);
  };
  const hasErrors = Boolean(errors?.some(Boolean));
  const box = (o: Option) => (
    <label key={o.value} className="checkbox-option">
      <input type="checkbox" name="recommendationIds" value={o.value} checked={chosen.includes(o.value)} onChange={(e) => toggle(o, e.currentTarget.checked)} />
      <span>{o.label}</span>
    </label>
  );
  return (
    <fieldset className="field checkbox-group recommendation-picker" aria-describedby={`${id}-help${hasErrors ? ` ${id}-error` : ""}`} aria-invalid={hasErrors || undefined}>
      <legend>{t("outcome.channelRecommendations")}</legend>
      <p id={`${id}-help`} className="field-help">
        {t("outcome.recommendationsOfDemand")}
      </p>
      {listed.length ? <div className="checkbox-group-options">{listed.map(box)}</div> : null}
      <div className="recommendation-search">
        <label htmlFor={`${id}-q`}>{t("outcome.recommendationSearch")}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          maxLength={200}
          aria-describedby={`${id}-q-help`}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter searches instead of submitting the outcome.
            if (e.key === "Enter") {
              e.preventDefault();
              run();
            }
          }}
        />
        <button type="button" onClick={run} disabled={search.state !== "idle"}>
          {t("outcome.recommendationSearchButton")}
        </button>
        <p id={`${id}-q-help`} className="field-help">
          {t("outcome.recommendationSearchHelp")}
        </p>
      </div>
      <div role="status" className="recommendation-results">
        {found ? (
          found.results.length ? (
            <>
              <p className="muted">{t("outcome.recommendationSearchFound", { count: found.results.length })}</p>
              {results.length ? <div className="checkbox-group-options">{results.map(box)}</div> : null}
            </>
          ) : (
            <p className="muted">{t("outcome.recommendationSearchNone", { q: found.q })}</p>
          )
        ) : null}
      </div>
      <ErrorList id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
