-- CreateEnum
CREATE TYPE "NarrativeStatus" AS ENUM ('DRAFTED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "AnthropicKeyKind" AS ENUM ('ADMIN', 'ANALYTICS');

-- CreateEnum
CREATE TYPE "SyncTrigger" AS ENUM ('MANUAL', 'SCHEDULED');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "PromotionKind" AS ENUM ('PROMOTE', 'ROLLBACK');

-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED');

-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('PASSED', 'FAILED', 'ERROR');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "WeeklyNarrative" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "week" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "status" "NarrativeStatus" NOT NULL DEFAULT 'DRAFTED',
    "draftedByModel" TEXT,
    "draftedAt" TIMESTAMPTZ(3),
    "editedBy" TEXT,
    "publishedBy" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WeeklyNarrative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnthropicKey" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "kind" "AnthropicKeyKind" NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "addedBy" TEXT NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnthropicKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageSync" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "trigger" "SyncTrigger" NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'RUNNING',
    "fromDay" DATE NOT NULL,
    "toDay" DATE NOT NULL,
    "progress" JSONB NOT NULL DEFAULT '{}',
    "pages" INTEGER NOT NULL DEFAULT 0,
    "records" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedBy" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "UsageSync_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workflow" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "useCaseId" UUID,
    "ownerId" UUID,
    "threshold" INTEGER NOT NULL DEFAULT 90,
    "minutesSavedPerRun" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "candidateVersionId" UUID,
    "productionVersionId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Workflow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowVersion" (
    "id" UUID NOT NULL,
    "workflowId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "authorName" TEXT NOT NULL,
    "contextWho" TEXT NOT NULL DEFAULT '',
    "contextVoice" TEXT NOT NULL DEFAULT '',
    "contextStandards" TEXT NOT NULL DEFAULT '',
    "exampleOutput" TEXT NOT NULL DEFAULT '',
    "template" TEXT NOT NULL,
    "variables" TEXT[],
    "model" TEXT NOT NULL,
    "maxTokens" INTEGER NOT NULL,
    "documentation" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowApproval" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "approverId" UUID NOT NULL,
    "approverName" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowPromotion" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "kind" "PromotionKind" NOT NULL,
    "actorName" TEXT NOT NULL,
    "passRate" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowPromotion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowTestCase" (
    "id" UUID NOT NULL,
    "workflowId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "variables" JSONB NOT NULL,
    "mustContain" TEXT[],
    "mustNotContain" TEXT[],
    "pattern" TEXT,
    "minLength" INTEGER,
    "maxLength" INTEGER,
    "rubric" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkflowTestCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationRun" (
    "id" UUID NOT NULL,
    "workflowId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'RUNNING',
    "totalCases" INTEGER NOT NULL,
    "doneCases" INTEGER NOT NULL DEFAULT 0,
    "passedCases" INTEGER NOT NULL DEFAULT 0,
    "erroredCases" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedBy" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EvaluationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResult" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "testCaseId" UUID,
    "caseName" TEXT NOT NULL,
    "caseSnapshot" JSONB NOT NULL,
    "outcome" "CaseOutcome" NOT NULL,
    "output" TEXT,
    "checks" JSONB NOT NULL DEFAULT '[]',
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheReadTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,
    "errorType" TEXT,
    "errorStatus" INTEGER,
    "requestId" TEXT,
    "errorMessage" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowRun" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "workflowId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "variables" JSONB NOT NULL,
    "status" "RunStatus" NOT NULL,
    "output" TEXT,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0,
    "cacheReadTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,
    "errorType" TEXT,
    "requestId" TEXT,
    "errorMessage" TEXT,
    "runBy" TEXT NOT NULL,
    "runByUserId" UUID,
    "channel" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyNarrative_programmeId_week_key" ON "WeeklyNarrative"("programmeId", "week");

-- CreateIndex
CREATE UNIQUE INDEX "AnthropicKey_programmeId_kind_key" ON "AnthropicKey"("programmeId", "kind");

-- CreateIndex
CREATE INDEX "UsageSync_programmeId_startedAt_idx" ON "UsageSync"("programmeId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Workflow_candidateVersionId_key" ON "Workflow"("candidateVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Workflow_productionVersionId_key" ON "Workflow"("productionVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Workflow_programmeId_slug_key" ON "Workflow"("programmeId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowVersion_workflowId_number_key" ON "WorkflowVersion"("workflowId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowApproval_versionId_approverId_key" ON "WorkflowApproval"("versionId", "approverId");

-- CreateIndex
CREATE INDEX "WorkflowPromotion_versionId_idx" ON "WorkflowPromotion"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowTestCase_workflowId_name_key" ON "WorkflowTestCase"("workflowId", "name");

-- CreateIndex
CREATE INDEX "EvaluationRun_versionId_startedAt_idx" ON "EvaluationRun"("versionId", "startedAt");

-- CreateIndex
CREATE INDEX "EvaluationRun_workflowId_startedAt_idx" ON "EvaluationRun"("workflowId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationResult_runId_caseName_key" ON "EvaluationResult"("runId", "caseName");

-- CreateIndex
CREATE INDEX "WorkflowRun_workflowId_createdAt_idx" ON "WorkflowRun"("workflowId", "createdAt");

-- AddForeignKey
ALTER TABLE "WeeklyNarrative" ADD CONSTRAINT "WeeklyNarrative_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnthropicKey" ADD CONSTRAINT "AnthropicKey_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageSync" ADD CONSTRAINT "UsageSync_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workflow" ADD CONSTRAINT "Workflow_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workflow" ADD CONSTRAINT "Workflow_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workflow" ADD CONSTRAINT "Workflow_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workflow" ADD CONSTRAINT "Workflow_candidateVersionId_fkey" FOREIGN KEY ("candidateVersionId") REFERENCES "WorkflowVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workflow" ADD CONSTRAINT "Workflow_productionVersionId_fkey" FOREIGN KEY ("productionVersionId") REFERENCES "WorkflowVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowVersion" ADD CONSTRAINT "WorkflowVersion_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowApproval" ADD CONSTRAINT "WorkflowApproval_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "WorkflowVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowPromotion" ADD CONSTRAINT "WorkflowPromotion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "WorkflowVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowTestCase" ADD CONSTRAINT "WorkflowTestCase_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "WorkflowVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "EvaluationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowRun" ADD CONSTRAINT "WorkflowRun_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowRun" ADD CONSTRAINT "WorkflowRun_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowRun" ADD CONSTRAINT "WorkflowRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "WorkflowVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a workflow version is immutable once saved (a change is a new version). Prisma does
-- not model triggers, so the schema diff neither generates nor sees this one.
CREATE FUNCTION "workflow_version_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'WorkflowVersion is immutable: UPDATE refused'
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Save a new version instead.';
END;
$$;

CREATE TRIGGER "WorkflowVersion_no_update"
    BEFORE UPDATE ON "WorkflowVersion"
    FOR EACH ROW EXECUTE FUNCTION "workflow_version_immutable"();
