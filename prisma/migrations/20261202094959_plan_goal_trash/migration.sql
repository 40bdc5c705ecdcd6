-- AlterTable
ALTER TABLE "ActivityPlanGoal" ADD COLUMN "deletedAt" DATETIME;

