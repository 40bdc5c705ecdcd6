-- CreateTable
CREATE TABLE "UnMechanism" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "abbreviation" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "committeeAbbr" TEXT,
    "committeeNameJa" TEXT,
    "committeeNameEn" TEXT,
    "japanStatus" TEXT NOT NULL,
    "ratifiedOn" TEXT,
    "reservationsJa" TEXT,
    "reservationsEn" TEXT,
    "notes" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ReviewCycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mechanismId" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "session" TEXT,
    "notes" TEXT,
    "internalNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    CONSTRAINT "ReviewCycle_mechanismId_fkey" FOREIGN KEY ("mechanismId") REFERENCES "UnMechanism" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewStage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "ReviewStage_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UnDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mechanismId" TEXT NOT NULL,
    "cycleId" TEXT,
    "kind" TEXT NOT NULL,
    "symbol" TEXT,
    "titleJa" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "issuedOn" TEXT,
    "languages" TEXT,
    "url" TEXT,
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    CONSTRAINT "UnDocument_mechanismId_fkey" FOREIGN KEY ("mechanismId") REFERENCES "UnMechanism" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "UnDocument_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "paragraph" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "headingEn" TEXT,
    "headingJa" TEXT,
    "textEn" TEXT NOT NULL,
    "textJa" TEXT,
    "articles" TEXT,
    "followUp" BOOLEAN NOT NULL DEFAULT false,
    "reiteratesId" TEXT,
    "governmentClaimJa" TEXT,
    "governmentClaimEn" TEXT,
    "governmentClaimSource" TEXT,
    "grade" TEXT,
    "assessmentNote" TEXT,
    "internalNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    CONSTRAINT "Recommendation_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "UnDocument" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Recommendation_reiteratesId_fkey" FOREIGN KEY ("reiteratesId") REFERENCES "Recommendation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecommendationTheme" (
    "recommendationId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,

    PRIMARY KEY ("recommendationId", "themeId"),
    CONSTRAINT "RecommendationTheme_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RecommendationTheme_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecommendationDemand" (
    "recommendationId" TEXT NOT NULL,
    "demandId" TEXT NOT NULL,

    PRIMARY KEY ("recommendationId", "demandId"),
    CONSTRAINT "RecommendationDemand_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RecommendationDemand_demandId_fkey" FOREIGN KEY ("demandId") REFERENCES "Demand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutcomeChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "outcomeId" TEXT NOT NULL,
    "requestId" TEXT,
    "roundId" TEXT,
    "agendaItemId" TEXT,
    "recommendationId" TEXT,
    CONSTRAINT "OutcomeChannel_outcomeId_fkey" FOREIGN KEY ("outcomeId") REFERENCES "Outcome" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NegotiationRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeChannel_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutcomeChannel" ("agendaItemId", "id", "outcomeId", "requestId", "roundId") SELECT "agendaItemId", "id", "outcomeId", "requestId", "roundId" FROM "OutcomeChannel";
DROP TABLE "OutcomeChannel";
ALTER TABLE "new_OutcomeChannel" RENAME TO "OutcomeChannel";
CREATE INDEX "OutcomeChannel_outcomeId_idx" ON "OutcomeChannel"("outcomeId");
CREATE INDEX "OutcomeChannel_requestId_idx" ON "OutcomeChannel"("requestId");
CREATE INDEX "OutcomeChannel_roundId_idx" ON "OutcomeChannel"("roundId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "UnMechanism_kind_idx" ON "UnMechanism"("kind");

-- CreateIndex
CREATE INDEX "ReviewCycle_mechanismId_idx" ON "ReviewCycle"("mechanismId");

-- CreateIndex
CREATE INDEX "ReviewStage_on_idx" ON "ReviewStage"("on");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewStage_cycleId_kind_key" ON "ReviewStage"("cycleId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "UnDocument_symbol_key" ON "UnDocument"("symbol");

-- CreateIndex
CREATE INDEX "UnDocument_mechanismId_issuedOn_idx" ON "UnDocument"("mechanismId", "issuedOn");

-- CreateIndex
CREATE INDEX "UnDocument_cycleId_idx" ON "UnDocument"("cycleId");

-- CreateIndex
CREATE INDEX "Recommendation_documentId_position_idx" ON "Recommendation"("documentId", "position");

-- CreateIndex
CREATE INDEX "Recommendation_reiteratesId_idx" ON "Recommendation"("reiteratesId");

-- CreateIndex
CREATE INDEX "Recommendation_deletedAt_grade_idx" ON "Recommendation"("deletedAt", "grade");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_documentId_paragraph_key" ON "Recommendation"("documentId", "paragraph");

-- CreateIndex
CREATE INDEX "RecommendationTheme_themeId_idx" ON "RecommendationTheme"("themeId");

-- CreateIndex
CREATE INDEX "RecommendationDemand_demandId_idx" ON "RecommendationDemand"("demandId");

