-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "caseNumber" TEXT,
    "issuerBodyId" TEXT,
    "instrumentId" TEXT,
    "openedOn" TEXT,
    "closesOn" TEXT NOT NULL,
    "deadlineOn" TEXT NOT NULL,
    "url" TEXT,
    "note" TEXT,
    "resultOn" TEXT,
    "finalTextChanged" TEXT,
    "resultNote" TEXT,
    "internalNote" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    CONSTRAINT "Consultation_issuerBodyId_fkey" FOREIGN KEY ("issuerBodyId") REFERENCES "Body" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Consultation_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "consultationId" TEXT NOT NULL,
    "submittedOn" TEXT NOT NULL,
    "senderOrganisationId" TEXT,
    "senderNetworkId" TEXT,
    "body" TEXT,
    "internalNote" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    CONSTRAINT "CommentSubmission_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentSubmission_senderOrganisationId_fkey" FOREIGN KEY ("senderOrganisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CommentSubmission_senderNetworkId_fkey" FOREIGN KEY ("senderNetworkId") REFERENCES "ProjectNetwork" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentSubmissionCosigner" (
    "submissionId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,

    PRIMARY KEY ("submissionId", "organisationId"),
    CONSTRAINT "CommentSubmissionCosigner_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CommentSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentSubmissionCosigner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "demandId" TEXT,
    "textJa" TEXT,
    "textEn" TEXT,
    "responseSummary" TEXT,
    "responseAnswer" TEXT,
    "responseKind" TEXT,
    CONSTRAINT "CommentPoint_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CommentSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentPoint_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storagePath" TEXT NOT NULL,
    "requestId" TEXT,
    "roundId" TEXT,
    "outcomeId" TEXT,
    "consultationId" TEXT,
    "submissionId" TEXT,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    CONSTRAINT "Attachment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attachment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NegotiationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attachment_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attachment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attachment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CommentSubmission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Attachment" ("contentType", "createdAt", "deletedAt", "fileName", "id", "outcomeId", "requestId", "roundId", "sha256", "size", "storagePath", "uploadedById") SELECT "contentType", "createdAt", "deletedAt", "fileName", "id", "outcomeId", "requestId", "roundId", "sha256", "size", "storagePath", "uploadedById" FROM "Attachment";
DROP TABLE "Attachment";
ALTER TABLE "new_Attachment" RENAME TO "Attachment";
CREATE INDEX "Attachment_requestId_idx" ON "Attachment"("requestId");
CREATE INDEX "Attachment_roundId_idx" ON "Attachment"("roundId");
CREATE INDEX "Attachment_outcomeId_idx" ON "Attachment"("outcomeId");
CREATE INDEX "Attachment_consultationId_idx" ON "Attachment"("consultationId");
CREATE INDEX "Attachment_submissionId_idx" ON "Attachment"("submissionId");
CREATE INDEX "Attachment_sha256_idx" ON "Attachment"("sha256");
CREATE TABLE "new_OutcomeChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outcomeId" TEXT NOT NULL,
    "requestId" TEXT,
    "roundId" TEXT,
    "agendaItemId" TEXT,
    "commentPointId" TEXT,
    "recommendationId" TEXT,
    CONSTRAINT "OutcomeChannel_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NegotiationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_commentPointId_fkey" FOREIGN KEY ("commentPointId") REFERENCES "CommentPoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    -- Added by the UN reporting migration just before this one (both branches were written at once).
    CONSTRAINT "OutcomeChannel_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutcomeChannel" ("agendaItemId", "id", "outcomeId", "requestId", "roundId", "recommendationId") SELECT "agendaItemId", "id", "outcomeId", "requestId", "roundId", "recommendationId" FROM "OutcomeChannel";
DROP TABLE "OutcomeChannel";
ALTER TABLE "new_OutcomeChannel" RENAME TO "OutcomeChannel";
CREATE INDEX "OutcomeChannel_outcomeId_idx" ON "OutcomeChannel"("outcomeId");
CREATE INDEX "OutcomeChannel_requestId_idx" ON "OutcomeChannel"("requestId");
CREATE INDEX "OutcomeChannel_roundId_idx" ON "OutcomeChannel"("roundId");
CREATE INDEX "OutcomeChannel_commentPointId_idx" ON "OutcomeChannel"("commentPointId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Consultation_deletedAt_deadlineOn_idx" ON "Consultation"("deletedAt", "deadlineOn");

-- CreateIndex
CREATE INDEX "Consultation_issuerBodyId_idx" ON "Consultation"("issuerBodyId");

-- CreateIndex
CREATE INDEX "CommentSubmission_consultationId_submittedOn_idx" ON "CommentSubmission"("consultationId", "submittedOn");

-- CreateIndex
CREATE INDEX "CommentSubmission_submittedOn_idx" ON "CommentSubmission"("submittedOn");

-- CreateIndex
CREATE INDEX "CommentSubmissionCosigner_organisationId_idx" ON "CommentSubmissionCosigner"("organisationId");

-- CreateIndex
CREATE INDEX "CommentPoint_submissionId_position_idx" ON "CommentPoint"("submissionId", "position");

-- CreateIndex
CREATE INDEX "CommentPoint_demandId_idx" ON "CommentPoint"("demandId");

