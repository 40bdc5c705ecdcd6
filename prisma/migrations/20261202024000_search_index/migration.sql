-- Full-text search (docs/decisions/012-search-and-status-board.md). Written by hand, not by Prisma:
-- Prisma does not know these tables, views and triggers (scripts/new-migration.js leaves them out of its diffs).
--
-- search_doc holds what members may find, one row per live record (kind, record_id), with the link and
-- label the result list shows; search_note holds staff-only text (internal notes, a person's notes). Each
-- has an FTS5 index with the trigram tokenizer (external content: the text is stored once, in the table).
-- Every kind is a view search_src_<kind> giving its live records, and triggers on the tables it reads
-- re-index the records a write touches, so every write path (forms, seed, trash, restore) keeps it right.

CREATE TABLE "search_doc" (
  "id" INTEGER PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "record_id" TEXT NOT NULL,
  "link" TEXT NOT NULL,
  "label_ja" TEXT,
  "label_en" TEXT,
  "date" TEXT,
  "title" TEXT,
  "body" TEXT
);
CREATE UNIQUE INDEX "search_doc_kind_record_key" ON "search_doc"("kind", "record_id");

CREATE TABLE "search_note" (
  "id" INTEGER PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "record_id" TEXT NOT NULL,
  "note" TEXT NOT NULL
);
CREATE UNIQUE INDEX "search_note_kind_record_key" ON "search_note"("kind", "record_id");

CREATE VIRTUAL TABLE "search_fts" USING fts5("title", "body", content='search_doc', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE "search_note_fts" USING fts5("note", content='search_note', content_rowid='id', tokenize='trigram');

CREATE TRIGGER "search_doc_ai" AFTER INSERT ON "search_doc" BEGIN
  INSERT INTO "search_fts"("rowid", "title", "body") VALUES (NEW."id", NEW."title", NEW."body");
END;
CREATE TRIGGER "search_doc_ad" AFTER DELETE ON "search_doc" BEGIN
  INSERT INTO "search_fts"("search_fts", "rowid", "title", "body") VALUES ('delete', OLD."id", OLD."title", OLD."body");
END;
CREATE TRIGGER "search_note_ai" AFTER INSERT ON "search_note" BEGIN
  INSERT INTO "search_note_fts"("rowid", "note") VALUES (NEW."id", NEW."note");
END;
CREATE TRIGGER "search_note_ad" AFTER DELETE ON "search_note" BEGIN
  INSERT INTO "search_note_fts"("search_note_fts", "rowid", "note") VALUES ('delete', OLD."id", OLD."note");
END;

-- ───── demand ─────
CREATE VIEW "search_src_demand" AS
SELECT 'demand' AS kind, d."id" AS record_id, '/demands/' || d."id" AS link,
  d."ref" || ' ' || coalesce(nullif(d."titleJa", ''), d."titleEn") AS label_ja, d."ref" || ' ' || coalesce(nullif(d."titleEn", ''), d."titleJa") AS label_en,
  d."firstRaisedOn" AS date,
  concat_ws(char(10), d."ref", d."titleJa", d."titleEn") AS title,
  concat_ws(char(10), d."summaryJa", d."summaryEn", (SELECT group_concat("value", ' ') FROM json_tree(CASE WHEN json_valid(d."body") THEN d."body" ELSE '{}' END) WHERE "key" = 'text')) AS body,
  NULL AS note
FROM "Demand" d WHERE d."deletedAt" IS NULL;

CREATE TRIGGER "search_demand_demand_insert" AFTER INSERT ON "Demand" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'demand' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'demand' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_demand" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_demand" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_demand_demand_update" AFTER UPDATE ON "Demand" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'demand' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'demand' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_demand" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_demand" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_demand_demand_delete" AFTER DELETE ON "Demand" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'demand' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'demand' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_demand" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_demand" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_demand";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_demand" WHERE note IS NOT NULL AND note <> '';

-- ───── request ─────
CREATE VIEW "search_src_request" AS
SELECT 'request' AS kind, r."id" AS record_id, '/requests/' || r."id" AS link,
  coalesce(nullif(r."titleJa", ''), r."titleEn") AS label_ja, coalesce(nullif(r."titleEn", ''), r."titleJa") AS label_en,
  r."sentOn" AS date,
  concat_ws(char(10), r."titleJa", r."titleEn") AS title,
  concat_ws(char(10), (SELECT group_concat("value", ' ') FROM json_tree(CASE WHEN json_valid(r."body") THEN r."body" ELSE '{}' END) WHERE "key" = 'text'), (SELECT group_concat(concat_ws(char(10), i."wordingJa", i."wordingEn"), char(10)) FROM "RequestItem" i WHERE i."requestId" = r."id")) AS body,
  r."internalNote" AS note
FROM "Request" r WHERE r."deletedAt" IS NULL;

CREATE TRIGGER "search_request_request_insert" AFTER INSERT ON "Request" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'request' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'request' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_request" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_request" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_request_request_update" AFTER UPDATE ON "Request" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'request' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'request' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_request" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_request" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_request_request_delete" AFTER DELETE ON "Request" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'request' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'request' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_request" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_request" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_request_requestitem_insert" AFTER INSERT ON "RequestItem" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'request' AND "record_id" IN (SELECT NEW."requestId");
  DELETE FROM "search_note" WHERE "kind" = 'request' AND "record_id" IN (SELECT NEW."requestId");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_request" WHERE record_id IN (SELECT NEW."requestId");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_request" WHERE record_id IN (SELECT NEW."requestId") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_request_requestitem_update" AFTER UPDATE ON "RequestItem" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'request' AND "record_id" IN (SELECT OLD."requestId" UNION SELECT NEW."requestId");
  DELETE FROM "search_note" WHERE "kind" = 'request' AND "record_id" IN (SELECT OLD."requestId" UNION SELECT NEW."requestId");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_request" WHERE record_id IN (SELECT OLD."requestId" UNION SELECT NEW."requestId");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_request" WHERE record_id IN (SELECT OLD."requestId" UNION SELECT NEW."requestId") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_request_requestitem_delete" AFTER DELETE ON "RequestItem" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'request' AND "record_id" IN (SELECT OLD."requestId");
  DELETE FROM "search_note" WHERE "kind" = 'request' AND "record_id" IN (SELECT OLD."requestId");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_request" WHERE record_id IN (SELECT OLD."requestId");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_request" WHERE record_id IN (SELECT OLD."requestId") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_request";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_request" WHERE note IS NOT NULL AND note <> '';

-- ───── round ─────
CREATE VIEW "search_src_round" AS
SELECT 'round' AS kind, n."id" AS record_id, '/rounds/' || n."id" AS link,
  coalesce(nullif(n."titleJa", ''), n."titleEn") AS label_ja, coalesce(nullif(n."titleEn", ''), n."titleJa") AS label_en,
  n."heldOn" AS date,
  concat_ws(char(10), n."titleJa", n."titleEn") AS title,
  concat_ws(char(10), n."place", (SELECT group_concat("value", ' ') FROM json_tree(CASE WHEN json_valid(n."summary") THEN n."summary" ELSE '{}' END) WHERE "key" = 'text')) AS body,
  n."internalNote" AS note
FROM "NegotiationRound" n WHERE n."deletedAt" IS NULL;

CREATE TRIGGER "search_round_negotiationround_insert" AFTER INSERT ON "NegotiationRound" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'round' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'round' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_round" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_round" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_round_negotiationround_update" AFTER UPDATE ON "NegotiationRound" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'round' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'round' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_round" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_round" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_round_negotiationround_delete" AFTER DELETE ON "NegotiationRound" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'round' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'round' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_round" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_round" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_round";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_round" WHERE note IS NOT NULL AND note <> '';

-- ───── answer ─────
CREATE VIEW "search_src_answer" AS
SELECT 'answer' AS kind, a."id" AS record_id, '/rounds/' || n."id" || '#item-' || a."id" AS link,
  coalesce(nullif(n."titleJa", ''), n."titleEn") || ' · ' || d."ref" || coalesce(' · ' || coalesce(nullif(b."shortNameJa", ''), b."nameJa"), '') AS label_ja,
  coalesce(nullif(n."titleEn", ''), n."titleJa") || ' · ' || d."ref" || coalesce(' · ' || coalesce(nullif(b."shortNameEn", ''), b."nameEn"), '') AS label_en,
  n."heldOn" AS date,
  concat_ws(char(10), d."ref", b."nameJa", b."nameEn") AS title,
  concat_ws(char(10), a."questionJa", a."questionEn", a."answerText", a."commitmentJa", a."commitmentEn", a."followUpNote") AS body,
  a."internalNote" AS note
FROM "AgendaItem" a JOIN "NegotiationRound" n ON n."id" = a."roundId" JOIN "Demand" d ON d."id" = a."demandId" LEFT JOIN "Body" b ON b."id" = a."bodyId"
WHERE n."deletedAt" IS NULL;

CREATE TRIGGER "search_answer_agendaitem_insert" AFTER INSERT ON "AgendaItem" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'answer' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'answer' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_answer" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_answer" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_answer_agendaitem_update" AFTER UPDATE ON "AgendaItem" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'answer' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'answer' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_answer" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_answer" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_answer_agendaitem_delete" AFTER DELETE ON "AgendaItem" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'answer' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'answer' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_answer" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_answer" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_answer_negotiationround_update" AFTER UPDATE ON "NegotiationRound" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'answer' AND "record_id" IN (SELECT "id" FROM "AgendaItem" WHERE "roundId" = OLD."id" UNION SELECT "id" FROM "AgendaItem" WHERE "roundId" = NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'answer' AND "record_id" IN (SELECT "id" FROM "AgendaItem" WHERE "roundId" = OLD."id" UNION SELECT "id" FROM "AgendaItem" WHERE "roundId" = NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_answer" WHERE record_id IN (SELECT "id" FROM "AgendaItem" WHERE "roundId" = OLD."id" UNION SELECT "id" FROM "AgendaItem" WHERE "roundId" = NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_answer" WHERE record_id IN (SELECT "id" FROM "AgendaItem" WHERE "roundId" = OLD."id" UNION SELECT "id" FROM "AgendaItem" WHERE "roundId" = NEW."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_answer";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_answer" WHERE note IS NOT NULL AND note <> '';

-- ───── outcome ─────
CREATE VIEW "search_src_outcome" AS
SELECT 'outcome' AS kind, o."id" AS record_id, '/outcomes/' || o."id" AS link,
  d."ref" || coalesce(' · ' || coalesce(nullif(i."titleJa", ''), i."titleEn"), '') AS label_ja,
  d."ref" || coalesce(' · ' || coalesce(nullif(i."titleEn", ''), i."titleJa"), '') AS label_en,
  o."occurredOn" AS date,
  concat_ws(char(10), d."ref", i."titleJa", i."titleEn") AS title,
  concat_ws(char(10), o."quoteJa", o."quoteEn", o."note") AS body,
  o."internalNote" AS note
FROM "Outcome" o JOIN "Demand" d ON d."id" = o."demandId" LEFT JOIN "Instrument" i ON i."id" = o."instrumentId"
WHERE o."deletedAt" IS NULL;

CREATE TRIGGER "search_outcome_outcome_insert" AFTER INSERT ON "Outcome" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'outcome' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'outcome' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_outcome" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_outcome" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_outcome_outcome_update" AFTER UPDATE ON "Outcome" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'outcome' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'outcome' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_outcome" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_outcome" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_outcome_outcome_delete" AFTER DELETE ON "Outcome" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'outcome' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'outcome' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_outcome" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_outcome" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_outcome_instrument_update" AFTER UPDATE ON "Instrument" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'outcome' AND "record_id" IN (SELECT "id" FROM "Outcome" WHERE "instrumentId" = OLD."id" UNION SELECT "id" FROM "Outcome" WHERE "instrumentId" = NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'outcome' AND "record_id" IN (SELECT "id" FROM "Outcome" WHERE "instrumentId" = OLD."id" UNION SELECT "id" FROM "Outcome" WHERE "instrumentId" = NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_outcome" WHERE record_id IN (SELECT "id" FROM "Outcome" WHERE "instrumentId" = OLD."id" UNION SELECT "id" FROM "Outcome" WHERE "instrumentId" = NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_outcome" WHERE record_id IN (SELECT "id" FROM "Outcome" WHERE "instrumentId" = OLD."id" UNION SELECT "id" FROM "Outcome" WHERE "instrumentId" = NEW."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_outcome";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_outcome" WHERE note IS NOT NULL AND note <> '';

-- ───── instrument ─────
CREATE VIEW "search_src_instrument" AS
SELECT 'instrument' AS kind, i."id" AS record_id, '/instruments/' || i."id" AS link,
  coalesce(nullif(i."titleJa", ''), i."titleEn") AS label_ja, coalesce(nullif(i."titleEn", ''), i."titleJa") AS label_en,
  coalesce(i."adoptedOn", i."draftOn", i."effectiveOn") AS date,
  concat_ws(char(10), i."titleJa", i."titleEn") AS title,
  i."notes" AS body,
  NULL AS note
FROM "Instrument" i WHERE i."deletedAt" IS NULL;

CREATE TRIGGER "search_instrument_instrument_insert" AFTER INSERT ON "Instrument" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'instrument' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'instrument' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_instrument" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_instrument" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_instrument_instrument_update" AFTER UPDATE ON "Instrument" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'instrument' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'instrument' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_instrument" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_instrument" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_instrument_instrument_delete" AFTER DELETE ON "Instrument" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'instrument' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'instrument' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_instrument" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_instrument" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_instrument";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_instrument" WHERE note IS NOT NULL AND note <> '';

-- ───── body ─────
CREATE VIEW "search_src_body" AS
SELECT 'body' AS kind, b."id" AS record_id, '/bodies/' || b."id" AS link,
  b."nameJa" AS label_ja, b."nameEn" AS label_en,
  NULL AS date,
  concat_ws(char(10), b."nameJa", b."nameEn", b."shortNameJa", b."shortNameEn") AS title,
  b."notes" AS body,
  NULL AS note
FROM "Body" b WHERE b."deletedAt" IS NULL;

CREATE TRIGGER "search_body_body_insert" AFTER INSERT ON "Body" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'body' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'body' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_body" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_body" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_body_body_update" AFTER UPDATE ON "Body" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'body' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'body' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_body" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_body" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_body_body_delete" AFTER DELETE ON "Body" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'body' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'body' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_body" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_body" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_body";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_body" WHERE note IS NOT NULL AND note <> '';

-- ───── person ─────
CREATE VIEW "search_src_person" AS
SELECT 'person' AS kind, p."id" AS record_id, '/people/' || p."id" AS link,
  coalesce(nullif(p."nameJa", ''), p."nameEn") AS label_ja, coalesce(nullif(p."nameEn", ''), p."nameJa") AS label_en,
  NULL AS date,
  concat_ws(char(10), p."nameJa", p."nameEn") AS title,
  NULL AS body,
  p."notes" AS note
FROM "Person" p WHERE p."deletedAt" IS NULL;

CREATE TRIGGER "search_person_person_insert" AFTER INSERT ON "Person" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'person' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'person' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_person" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_person" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_person_person_update" AFTER UPDATE ON "Person" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'person' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'person' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_person" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_person" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_person_person_delete" AFTER DELETE ON "Person" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'person' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'person' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_person" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_person" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_person";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_person" WHERE note IS NOT NULL AND note <> '';

-- ───── organisation ─────
CREATE VIEW "search_src_organisation" AS
SELECT 'organisation' AS kind, o."id" AS record_id, '/organisations/' || o."id" AS link,
  coalesce(nullif(o."nameJa", ''), o."nameEn") AS label_ja, coalesce(nullif(o."nameEn", ''), o."nameJa") AS label_en,
  o."foundedOn" AS date,
  concat_ws(char(10), o."nameJa", o."nameEn", o."shortName", (SELECT group_concat(concat_ws(char(10), f."nameJa", f."nameEn"), char(10)) FROM "OrganisationName" f WHERE f."organisationId" = o."id")) AS title,
  concat_ws(char(10), o."notesJa", o."notesEn") AS body,
  NULL AS note
FROM "Organisation" o WHERE o."deletedAt" IS NULL;

CREATE TRIGGER "search_organisation_organisation_insert" AFTER INSERT ON "Organisation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_organisation" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_organisation" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_organisation_organisation_update" AFTER UPDATE ON "Organisation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_organisation" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_organisation" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_organisation_organisation_delete" AFTER DELETE ON "Organisation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_organisation" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_organisation" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_organisation_organisationname_insert" AFTER INSERT ON "OrganisationName" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT NEW."organisationId");
  DELETE FROM "search_note" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT NEW."organisationId");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_organisation" WHERE record_id IN (SELECT NEW."organisationId");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_organisation" WHERE record_id IN (SELECT NEW."organisationId") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_organisation_organisationname_update" AFTER UPDATE ON "OrganisationName" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT OLD."organisationId" UNION SELECT NEW."organisationId");
  DELETE FROM "search_note" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT OLD."organisationId" UNION SELECT NEW."organisationId");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_organisation" WHERE record_id IN (SELECT OLD."organisationId" UNION SELECT NEW."organisationId");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_organisation" WHERE record_id IN (SELECT OLD."organisationId" UNION SELECT NEW."organisationId") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_organisation_organisationname_delete" AFTER DELETE ON "OrganisationName" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT OLD."organisationId");
  DELETE FROM "search_note" WHERE "kind" = 'organisation' AND "record_id" IN (SELECT OLD."organisationId");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_organisation" WHERE record_id IN (SELECT OLD."organisationId");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_organisation" WHERE record_id IN (SELECT OLD."organisationId") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_organisation";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_organisation" WHERE note IS NOT NULL AND note <> '';

-- ───── network ─────
CREATE VIEW "search_src_network" AS
SELECT 'network' AS kind, p."id" AS record_id, '/networks/' || p."id" AS link,
  coalesce(nullif(p."nameJa", ''), p."nameEn") AS label_ja, coalesce(nullif(p."nameEn", ''), p."nameJa") AS label_en,
  NULL AS date,
  concat_ws(char(10), p."nameJa", p."nameEn") AS title,
  concat_ws(char(10), p."descriptionJa", p."descriptionEn") AS body,
  NULL AS note
FROM "ProjectNetwork" p WHERE p."deletedAt" IS NULL;

CREATE TRIGGER "search_network_projectnetwork_insert" AFTER INSERT ON "ProjectNetwork" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'network' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'network' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_network" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_network" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_network_projectnetwork_update" AFTER UPDATE ON "ProjectNetwork" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'network' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'network' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_network" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_network" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_network_projectnetwork_delete" AFTER DELETE ON "ProjectNetwork" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'network' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'network' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_network" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_network" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_network";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_network" WHERE note IS NOT NULL AND note <> '';

