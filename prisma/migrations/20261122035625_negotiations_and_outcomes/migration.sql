-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "sentOn" TEXT NOT NULL,
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
    CONSTRAINT "Request_senderOrganisationId_fkey" FOREIGN KEY ("senderOrganisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Request_senderNetworkId_fkey" FOREIGN KEY ("senderNetworkId") REFERENCES "ProjectNetwork" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestAddressee" (
    "requestId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,

    PRIMARY KEY ("requestId", "bodyId"),
    CONSTRAINT "RequestAddressee_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestAddressee_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestCosigner" (
    "requestId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,

    PRIMARY KEY ("requestId", "organisationId"),
    CONSTRAINT "RequestCosigner_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestCosigner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "demandId" TEXT NOT NULL,
    "wordingJa" TEXT,
    "wordingEn" TEXT,
    CONSTRAINT "RequestItem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestItem_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NegotiationRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "place" TEXT,
    "requestId" TEXT,
    "intermediaryBodyId" TEXT,
    "summary" TEXT,
    "internalNote" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    CONSTRAINT "NegotiationRound_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "NegotiationRound_intermediaryBodyId_fkey" FOREIGN KEY ("intermediaryBodyId") REFERENCES "Body" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundBody" (
    "roundId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,

    PRIMARY KEY ("roundId", "bodyId"),
    CONSTRAINT "RoundBody_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NegotiationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundBody_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundParticipant" (
    "roundId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "side" TEXT NOT NULL,

    PRIMARY KEY ("roundId", "personId"),
    CONSTRAINT "RoundParticipant_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NegotiationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundParticipant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "demandId" TEXT NOT NULL,
    "bodyId" TEXT,
    "requestItemId" TEXT,
    "carriedFromId" TEXT,
    "questionJa" TEXT,
    "questionEn" TEXT,
    "answer" TEXT,
    "answerText" TEXT,
    "assessment" TEXT,
    "commitmentJa" TEXT,
    "commitmentEn" TEXT,
    "followUpOn" TEXT,
    "followUpStatus" TEXT,
    "followUpNote" TEXT,
    "internalNote" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "AgendaItem_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NegotiationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_requestItemId_fkey" FOREIGN KEY ("requestItemId") REFERENCES "RequestItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AgendaItem_carriedFromId_fkey" FOREIGN KEY ("carriedFromId") REFERENCES "AgendaItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Instrument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "issuerBodyId" TEXT,
    "draftOn" TEXT,
    "adoptedOn" TEXT,
    "effectiveOn" TEXT,
    "url" TEXT,
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    CONSTRAINT "Instrument_issuerBodyId_fkey" FOREIGN KEY ("issuerBodyId") REFERENCES "Body" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Outcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "demandId" TEXT NOT NULL,
    "instrumentId" TEXT,
    "degree" TEXT NOT NULL,
    "occurredOn" TEXT NOT NULL,
    "quoteJa" TEXT,
    "quoteEn" TEXT,
    "sourceUrl" TEXT,
    "note" TEXT,
    "internalNote" TEXT,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    CONSTRAINT "Outcome_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Outcome_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outcomeId" TEXT NOT NULL,
    "requestId" TEXT,
    "roundId" TEXT,
    "agendaItemId" TEXT,
    CONSTRAINT "OutcomeChannel_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NegotiationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DemandStatusOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "demandId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "fromOn" TEXT NOT NULL,
    "clearedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DemandStatusOverride_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storagePath" TEXT NOT NULL,
    "requestId" TEXT,
    "roundId" TEXT,
    "outcomeId" TEXT,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    CONSTRAINT "Attachment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attachment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NegotiationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attachment_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Request_sentOn_idx" ON "Request"("sentOn");

-- CreateIndex
CREATE INDEX "Request_deletedAt_sentOn_idx" ON "Request"("deletedAt", "sentOn");

-- CreateIndex
CREATE INDEX "RequestAddressee_bodyId_idx" ON "RequestAddressee"("bodyId");

-- CreateIndex
CREATE INDEX "RequestCosigner_organisationId_idx" ON "RequestCosigner"("organisationId");

-- CreateIndex
CREATE INDEX "RequestItem_demandId_idx" ON "RequestItem"("demandId");

-- CreateIndex
CREATE INDEX "RequestItem_requestId_position_idx" ON "RequestItem"("requestId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RequestItem_requestId_demandId_key" ON "RequestItem"("requestId", "demandId");

-- CreateIndex
CREATE INDEX "NegotiationRound_heldOn_idx" ON "NegotiationRound"("heldOn");

-- CreateIndex
CREATE INDEX "NegotiationRound_requestId_idx" ON "NegotiationRound"("requestId");

-- CreateIndex
CREATE INDEX "NegotiationRound_deletedAt_heldOn_idx" ON "NegotiationRound"("deletedAt", "heldOn");

-- CreateIndex
CREATE INDEX "RoundBody_bodyId_idx" ON "RoundBody"("bodyId");

-- CreateIndex
CREATE INDEX "RoundParticipant_personId_idx" ON "RoundParticipant"("personId");

-- CreateIndex
CREATE INDEX "AgendaItem_roundId_position_idx" ON "AgendaItem"("roundId", "position");

-- CreateIndex
CREATE INDEX "AgendaItem_demandId_idx" ON "AgendaItem"("demandId");

-- CreateIndex
CREATE INDEX "AgendaItem_bodyId_idx" ON "AgendaItem"("bodyId");

-- CreateIndex
CREATE INDEX "AgendaItem_followUpStatus_followUpOn_idx" ON "AgendaItem"("followUpStatus", "followUpOn");

-- CreateIndex
CREATE INDEX "Instrument_kind_idx" ON "Instrument"("kind");

-- CreateIndex
CREATE INDEX "Outcome_demandId_occurredOn_idx" ON "Outcome"("demandId", "occurredOn");

-- CreateIndex
CREATE INDEX "Outcome_instrumentId_idx" ON "Outcome"("instrumentId");

-- CreateIndex
CREATE INDEX "OutcomeChannel_outcomeId_idx" ON "OutcomeChannel"("outcomeId");

-- CreateIndex
CREATE INDEX "OutcomeChannel_requestId_idx" ON "OutcomeChannel"("requestId");

-- CreateIndex
CREATE INDEX "OutcomeChannel_roundId_idx" ON "OutcomeChannel"("roundId");

-- CreateIndex
CREATE INDEX "DemandStatusOverride_demandId_fromOn_idx" ON "DemandStatusOverride"("demandId", "fromOn");

-- CreateIndex
CREATE INDEX "Attachment_requestId_idx" ON "Attachment"("requestId");

-- CreateIndex
CREATE INDEX "Attachment_roundId_idx" ON "Attachment"("roundId");

-- CreateIndex
CREATE INDEX "Attachment_outcomeId_idx" ON "Attachment"("outcomeId");

-- CreateIndex
CREATE INDEX "Attachment_sha256_idx" ON "Attachment"("sha256");

