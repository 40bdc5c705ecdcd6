-- AlterTable
ALTER TABLE "DataJob" ADD COLUMN "processId" TEXT;

