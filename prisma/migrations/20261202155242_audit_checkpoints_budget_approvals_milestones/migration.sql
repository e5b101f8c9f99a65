-- CreateEnum
CREATE TYPE "BudgetApprovalStatus" AS ENUM ('ACTIVE', 'SUPERSEDED', 'REVOKED');

-- AlterTable
ALTER TABLE "BudgetApproval" ADD COLUMN     "activeProgrammeId" UUID,
ADD COLUMN     "endReason" TEXT,
ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "endedBy" TEXT,
ADD COLUMN     "endedById" UUID,
ADD COLUMN     "status" "BudgetApprovalStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "supersededById" UUID;

-- AlterTable
ALTER TABLE "CostScenario" ADD COLUMN     "sentBackAt" TIMESTAMPTZ(3),
ADD COLUMN     "sentBackBy" TEXT,
ADD COLUMN     "sentBackReason" TEXT;

-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "custom" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" UUID NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "full" BOOLEAN NOT NULL,
    "brokenAtSeq" INTEGER,
    "reason" TEXT,
    "verifiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditCheckpoint_chain_ok_seq_idx" ON "AuditCheckpoint"("chain", "ok", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_chain_action_seq_idx" ON "AuditEvent"("chain", "action", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_chain_entityType_seq_idx" ON "AuditEvent"("chain", "entityType", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_chain_actorId_seq_idx" ON "AuditEvent"("chain", "actorId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_chain_entityId_seq_idx" ON "AuditEvent"("chain", "entityId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetApproval_activeProgrammeId_key" ON "BudgetApproval"("activeProgrammeId");
-- Approvals before this migration: the latest of each programme is its approved budget, every earlier one
-- was superseded by the next.
WITH ordered AS (
  SELECT "id",
         lead("id") OVER w AS "nextId",
         lead("approvedAt") OVER w AS "nextAt",
         lead("approvedBy") OVER w AS "nextBy",
         lead("approverId") OVER w AS "nextById"
  FROM "BudgetApproval"
  WINDOW w AS (PARTITION BY "programmeId" ORDER BY "approvedAt", "id")
)
UPDATE "BudgetApproval" b
SET "status" = 'SUPERSEDED', "endedAt" = o."nextAt", "endedBy" = o."nextBy", "endedById" = o."nextById", "supersededById" = o."nextId"
FROM ordered o
WHERE o."id" = b."id" AND o."nextId" IS NOT NULL;
UPDATE "BudgetApproval" SET "activeProgrammeId" = "programmeId" WHERE "status" = 'ACTIVE';

-- An active approval names its own programme; an ended one names none.
ALTER TABLE "BudgetApproval" ADD CONSTRAINT "BudgetApproval_active_check"
  CHECK (("status" = 'ACTIVE' AND "activeProgrammeId" = "programmeId") OR ("status" <> 'ACTIVE' AND "activeProgrammeId" IS NULL));
