-- DropIndex
DROP INDEX "AgendaItem_followUpStatus_followUpOn_idx";

-- CreateTable
CREATE TABLE "MembershipFigure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "individualMembers" INTEGER,
    "individualMemberUnits" INTEGER,
    "organisationMembers" INTEGER,
    "organisationMemberUnits" INTEGER,
    "individualSubscribers" INTEGER,
    "individualSubscriberUnits" INTEGER,
    "organisationSubscribers" INTEGER,
    "organisationSubscriberUnits" INTEGER,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ActivityReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "sections" TEXT NOT NULL,
    "generated" TEXT NOT NULL,
    "generatedAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "ActivityPlanGoal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "goalJa" TEXT NOT NULL,
    "goalEn" TEXT NOT NULL,
    "result" TEXT,
    "resultJa" TEXT,
    "resultEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateIndex
CREATE UNIQUE INDEX "MembershipFigure_year_key" ON "MembershipFigure"("year");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityReport_year_key" ON "ActivityReport"("year");

-- CreateIndex
CREATE INDEX "ActivityPlanGoal_year_section_position_idx" ON "ActivityPlanGoal"("year", "section", "position");

-- CreateIndex
CREATE INDEX "AgendaItem_followUpStatus_followUpOn_roundId_idx" ON "AgendaItem"("followUpStatus", "followUpOn", "roundId");

-- CreateIndex
CREATE INDEX "AgendaItem_bodyId_assessment_roundId_idx" ON "AgendaItem"("bodyId", "assessment", "roundId");

-- CreateIndex
CREATE INDEX "Outcome_deletedAt_degree_occurredOn_demandId_idx" ON "Outcome"("deletedAt", "degree", "occurredOn", "demandId");

