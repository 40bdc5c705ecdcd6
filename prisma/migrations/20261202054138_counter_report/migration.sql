-- CreateTable
CREATE TABLE "CounterReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cycleId" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titleJa" TEXT,
    "outlineMode" TEXT NOT NULL DEFAULT 'recommendations',
    "wordLimit" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    CONSTRAINT "CounterReport_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CounterReportSection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "analysisEn" TEXT,
    "analysisJa" TEXT,
    "proposalsEn" TEXT,
    "proposalsJa" TEXT,
    "assigneeId" TEXT,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "CounterReportSection_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "CounterReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CounterReportSection_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CounterReport_cycleId_key" ON "CounterReport"("cycleId");

-- CreateIndex
CREATE INDEX "CounterReportSection_assigneeId_idx" ON "CounterReportSection"("assigneeId");

-- CreateIndex
CREATE UNIQUE INDEX "CounterReportSection_reportId_key_key" ON "CounterReportSection"("reportId", "key");

