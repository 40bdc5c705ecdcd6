-- DropIndex
DROP INDEX "Demand_archived_deletedAt_idx";

-- CreateIndex
CREATE INDEX "Demand_archived_deletedAt_updatedAt_ref_idx" ON "Demand"("archived", "deletedAt", "updatedAt" DESC, "ref");

-- CreateIndex
CREATE INDEX "Demand_archived_deletedAt_firstRaisedOn_idx" ON "Demand"("archived", "deletedAt", "firstRaisedOn");

-- CreateIndex
CREATE INDEX "Demand_archived_deletedAt_projectNetworkId_idx" ON "Demand"("archived", "deletedAt", "projectNetworkId");

-- CreateIndex
CREATE INDEX "Demand_deletedAt_updatedAt_ref_idx" ON "Demand"("deletedAt", "updatedAt" DESC, "ref");

