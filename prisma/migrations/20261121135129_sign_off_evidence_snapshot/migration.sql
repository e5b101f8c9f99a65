-- AlterTable
ALTER TABLE "SignOff" ADD COLUMN     "evidenceSnapshot" JSONB;
