-- Public comments and UN treaty reporting in the full-text search (docs/decisions/012). Written by hand,
-- as the search index itself (20261202024000_search_index): one view search_src_<kind> per kind giving
-- its live records (the record and its parents not in the trash), triggers on every table the view
-- reads that re-index the records a write touches, and the initial fill. Internal notes go to
-- search_note only. The kind un-document has the view search_src_un_document (no hyphen in names).

-- ───── consultation ─────
CREATE VIEW "search_src_consultation" AS
SELECT 'consultation' AS kind, c."id" AS record_id, '/consultations/' || c."id" AS link,
  coalesce(nullif(c."titleJa", ''), c."titleEn") AS label_ja, coalesce(nullif(c."titleEn", ''), c."titleJa") AS label_en,
  c."closesOn" AS date,
  concat_ws(char(10), c."titleJa", c."titleEn", c."caseNumber") AS title,
  concat_ws(char(10), c."note", c."resultNote") AS body,
  c."internalNote" AS note
FROM "Consultation" c WHERE c."deletedAt" IS NULL;

CREATE TRIGGER "search_consultation_consultation_insert" AFTER INSERT ON "Consultation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'consultation' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'consultation' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_consultation" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_consultation" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_consultation_consultation_update" AFTER UPDATE ON "Consultation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'consultation' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'consultation' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_consultation" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_consultation" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_consultation_consultation_delete" AFTER DELETE ON "Consultation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'consultation' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'consultation' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_consultation" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_consultation" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_consultation";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_consultation" WHERE note IS NOT NULL AND note <> '';

-- ───── comment ─────
CREATE VIEW "search_src_comment" AS
SELECT 'comment' AS kind, s."id" AS record_id, '/consultations/' || c."id" || '#submission-' || s."id" AS link,
  coalesce(nullif(c."titleJa", ''), c."titleEn") AS label_ja,
  coalesce(nullif(c."titleEn", ''), c."titleJa") AS label_en,
  s."submittedOn" AS date,
  c."caseNumber" AS title,
  concat_ws(char(10), (SELECT group_concat(concat_ws(char(10), p."textJa", p."textEn", p."responseSummary", p."responseAnswer"), char(10)) FROM "CommentPoint" p WHERE p."submissionId" = s."id"), (SELECT group_concat("value", ' ') FROM json_tree(CASE WHEN json_valid(s."body") THEN s."body" ELSE '{}' END) WHERE "key" = 'text')) AS body,
  s."internalNote" AS note
FROM "CommentSubmission" s JOIN "Consultation" c ON c."id" = s."consultationId"
WHERE s."deletedAt" IS NULL AND c."deletedAt" IS NULL;

CREATE TRIGGER "search_comment_commentsubmission_insert" AFTER INSERT ON "CommentSubmission" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'comment' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'comment' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_comment" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_comment" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_comment_commentsubmission_update" AFTER UPDATE ON "CommentSubmission" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'comment' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'comment' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_comment" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_comment" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_comment_commentsubmission_delete" AFTER DELETE ON "CommentSubmission" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'comment' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'comment' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_comment" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_comment" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_comment_commentpoint_insert" AFTER INSERT ON "CommentPoint" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'comment' AND "record_id" IN (SELECT NEW."submissionId");
  DELETE FROM "search_note" WHERE "kind" = 'comment' AND "record_id" IN (SELECT NEW."submissionId");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_comment" WHERE record_id IN (SELECT NEW."submissionId");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_comment" WHERE record_id IN (SELECT NEW."submissionId") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_comment_commentpoint_update" AFTER UPDATE ON "CommentPoint" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'comment' AND "record_id" IN (SELECT OLD."submissionId" UNION SELECT NEW."submissionId");
  DELETE FROM "search_note" WHERE "kind" = 'comment' AND "record_id" IN (SELECT OLD."submissionId" UNION SELECT NEW."submissionId");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_comment" WHERE record_id IN (SELECT OLD."submissionId" UNION SELECT NEW."submissionId");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_comment" WHERE record_id IN (SELECT OLD."submissionId" UNION SELECT NEW."submissionId") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_comment_commentpoint_delete" AFTER DELETE ON "CommentPoint" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'comment' AND "record_id" IN (SELECT OLD."submissionId");
  DELETE FROM "search_note" WHERE "kind" = 'comment' AND "record_id" IN (SELECT OLD."submissionId");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_comment" WHERE record_id IN (SELECT OLD."submissionId");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_comment" WHERE record_id IN (SELECT OLD."submissionId") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_comment_consultation_update" AFTER UPDATE ON "Consultation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'comment' AND "record_id" IN (SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = OLD."id" UNION SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'comment' AND "record_id" IN (SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = OLD."id" UNION SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_comment" WHERE record_id IN (SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = OLD."id" UNION SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_comment" WHERE record_id IN (SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = OLD."id" UNION SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_comment_consultation_delete" AFTER DELETE ON "Consultation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'comment' AND "record_id" IN (SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'comment' AND "record_id" IN (SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_comment" WHERE record_id IN (SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_comment" WHERE record_id IN (SELECT "id" FROM "CommentSubmission" WHERE "consultationId" = OLD."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_comment";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_comment" WHERE note IS NOT NULL AND note <> '';

-- ───── recommendation ─────
CREATE VIEW "search_src_recommendation" AS
SELECT 'recommendation' AS kind, r."id" AS record_id, '/un/recommendations/' || r."id" AS link,
  coalesce(d."symbol" || ' ', '') || 'パラ' || r."paragraph" || coalesce(' · ' || coalesce(nullif(r."headingJa", ''), nullif(r."headingEn", '')), '') AS label_ja,
  coalesce(d."symbol" || ' ', '') || 'para. ' || r."paragraph" || coalesce(' · ' || coalesce(nullif(r."headingEn", ''), nullif(r."headingJa", '')), '') AS label_en,
  d."issuedOn" AS date,
  concat_ws(char(10), d."symbol", m."abbreviation", m."committeeAbbr", r."paragraph", r."headingEn", r."headingJa") AS title,
  concat_ws(char(10), r."textEn", r."textJa", r."governmentClaimJa", r."governmentClaimEn", r."governmentClaimSource", r."assessmentNote") AS body,
  r."internalNote" AS note
FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" JOIN "UnMechanism" m ON m."id" = d."mechanismId"
WHERE r."deletedAt" IS NULL AND d."deletedAt" IS NULL AND m."deletedAt" IS NULL;

CREATE TRIGGER "search_recommendation_recommendation_insert" AFTER INSERT ON "Recommendation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_recommendation" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_recommendation" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_recommendation_recommendation_update" AFTER UPDATE ON "Recommendation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_recommendation" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_recommendation" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_recommendation_recommendation_delete" AFTER DELETE ON "Recommendation" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_recommendation" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_recommendation" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_recommendation_undocument_update" AFTER UPDATE ON "UnDocument" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT "id" FROM "Recommendation" WHERE "documentId" = OLD."id" UNION SELECT "id" FROM "Recommendation" WHERE "documentId" = NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT "id" FROM "Recommendation" WHERE "documentId" = OLD."id" UNION SELECT "id" FROM "Recommendation" WHERE "documentId" = NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_recommendation" WHERE record_id IN (SELECT "id" FROM "Recommendation" WHERE "documentId" = OLD."id" UNION SELECT "id" FROM "Recommendation" WHERE "documentId" = NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_recommendation" WHERE record_id IN (SELECT "id" FROM "Recommendation" WHERE "documentId" = OLD."id" UNION SELECT "id" FROM "Recommendation" WHERE "documentId" = NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_recommendation_undocument_delete" AFTER DELETE ON "UnDocument" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT "id" FROM "Recommendation" WHERE "documentId" = OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT "id" FROM "Recommendation" WHERE "documentId" = OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_recommendation" WHERE record_id IN (SELECT "id" FROM "Recommendation" WHERE "documentId" = OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_recommendation" WHERE record_id IN (SELECT "id" FROM "Recommendation" WHERE "documentId" = OLD."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_recommendation_unmechanism_update" AFTER UPDATE ON "UnMechanism" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = OLD."id" UNION SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = OLD."id" UNION SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_recommendation" WHERE record_id IN (SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = OLD."id" UNION SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_recommendation" WHERE record_id IN (SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = OLD."id" UNION SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_recommendation_unmechanism_delete" AFTER DELETE ON "UnMechanism" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'recommendation' AND "record_id" IN (SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_recommendation" WHERE record_id IN (SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_recommendation" WHERE record_id IN (SELECT r."id" FROM "Recommendation" r JOIN "UnDocument" d ON d."id" = r."documentId" WHERE d."mechanismId" = OLD."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_recommendation";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_recommendation" WHERE note IS NOT NULL AND note <> '';

-- ───── un-document ─────
CREATE VIEW "search_src_un_document" AS
SELECT 'un-document' AS kind, d."id" AS record_id, '/un/documents/' || d."id" AS link,
  coalesce(d."symbol" || ' ', '') || coalesce(nullif(d."titleJa", ''), d."titleEn") AS label_ja,
  coalesce(d."symbol" || ' ', '') || coalesce(nullif(d."titleEn", ''), d."titleJa") AS label_en,
  d."issuedOn" AS date,
  concat_ws(char(10), d."symbol", d."titleJa", d."titleEn", m."abbreviation", m."committeeAbbr") AS title,
  d."notes" AS body,
  NULL AS note
FROM "UnDocument" d JOIN "UnMechanism" m ON m."id" = d."mechanismId"
WHERE d."deletedAt" IS NULL AND m."deletedAt" IS NULL;

CREATE TRIGGER "search_un_document_undocument_insert" AFTER INSERT ON "UnDocument" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'un-document' AND "record_id" IN (SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'un-document' AND "record_id" IN (SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_un_document" WHERE record_id IN (SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_un_document" WHERE record_id IN (SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_un_document_undocument_update" AFTER UPDATE ON "UnDocument" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'un-document' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'un-document' AND "record_id" IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_un_document" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_un_document" WHERE record_id IN (SELECT OLD."id" UNION SELECT NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_un_document_undocument_delete" AFTER DELETE ON "UnDocument" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'un-document' AND "record_id" IN (SELECT OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'un-document' AND "record_id" IN (SELECT OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_un_document" WHERE record_id IN (SELECT OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_un_document" WHERE record_id IN (SELECT OLD."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_un_document_unmechanism_update" AFTER UPDATE ON "UnMechanism" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'un-document' AND "record_id" IN (SELECT "id" FROM "UnDocument" WHERE "mechanismId" = OLD."id" UNION SELECT "id" FROM "UnDocument" WHERE "mechanismId" = NEW."id");
  DELETE FROM "search_note" WHERE "kind" = 'un-document' AND "record_id" IN (SELECT "id" FROM "UnDocument" WHERE "mechanismId" = OLD."id" UNION SELECT "id" FROM "UnDocument" WHERE "mechanismId" = NEW."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_un_document" WHERE record_id IN (SELECT "id" FROM "UnDocument" WHERE "mechanismId" = OLD."id" UNION SELECT "id" FROM "UnDocument" WHERE "mechanismId" = NEW."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_un_document" WHERE record_id IN (SELECT "id" FROM "UnDocument" WHERE "mechanismId" = OLD."id" UNION SELECT "id" FROM "UnDocument" WHERE "mechanismId" = NEW."id") AND note IS NOT NULL AND note <> '';
END;
CREATE TRIGGER "search_un_document_unmechanism_delete" AFTER DELETE ON "UnMechanism" BEGIN
  DELETE FROM "search_doc" WHERE "kind" = 'un-document' AND "record_id" IN (SELECT "id" FROM "UnDocument" WHERE "mechanismId" = OLD."id");
  DELETE FROM "search_note" WHERE "kind" = 'un-document' AND "record_id" IN (SELECT "id" FROM "UnDocument" WHERE "mechanismId" = OLD."id");
  INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_un_document" WHERE record_id IN (SELECT "id" FROM "UnDocument" WHERE "mechanismId" = OLD."id");
  INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_un_document" WHERE record_id IN (SELECT "id" FROM "UnDocument" WHERE "mechanismId" = OLD."id") AND note IS NOT NULL AND note <> '';
END;
INSERT INTO "search_doc"("kind", "record_id", "link", "label_ja", "label_en", "date", "title", "body") SELECT kind, record_id, link, label_ja, label_en, date, title, body FROM "search_src_un_document";
INSERT INTO "search_note"("kind", "record_id", "note") SELECT kind, record_id, note FROM "search_src_un_document" WHERE note IS NOT NULL AND note <> '';
