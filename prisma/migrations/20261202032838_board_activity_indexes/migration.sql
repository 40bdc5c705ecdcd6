-- CreateIndex
CREATE INDEX "AgendaItem_demandId_roundId_idx" ON "AgendaItem"("demandId", "roundId");

-- CreateIndex
CREATE INDEX "Outcome_demandId_deletedAt_occurredOn_idx" ON "Outcome"("demandId", "deletedAt", "occurredOn");

