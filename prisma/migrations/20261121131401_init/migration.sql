-- CreateEnum
CREATE TYPE "DeploymentKind" AS ENUM ('CLAUDE_APPS', 'API', 'CLAUDE_CODE', 'MIXED');

-- CreateEnum
CREATE TYPE "ProgrammeStatus" AS ENUM ('ACTIVE', 'PAUSED', 'STOPPED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "PhaseKey" AS ENUM ('DISCOVERY', 'PILOT', 'ROLLOUT', 'GOVERNANCE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PROGRAMME_MANAGER', 'SPONSOR', 'GATE_REVIEWER', 'WORKFLOW_OWNER', 'VIEWER');

-- CreateEnum
CREATE TYPE "ReviewFunction" AS ENUM ('SECURITY', 'LEGAL_PRIVACY', 'IT', 'ENGINEERING', 'PROCUREMENT', 'HR', 'BUSINESS');

-- CreateEnum
CREATE TYPE "GateKey" AS ENUM ('ARCHITECTURE_REVIEW', 'PILOT_DEBRIEF', 'PRODUCTION_READINESS', 'POST_LAUNCH_REVIEW');

-- CreateEnum
CREATE TYPE "GateStatus" AS ENUM ('NOT_STARTED', 'IN_REVIEW', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "GateDecision" AS ENUM ('GO', 'CONDITIONAL_GO', 'NO_GO');

-- CreateEnum
CREATE TYPE "CriterionStatus" AS ENUM ('OPEN', 'MET', 'WAIVED');

-- CreateEnum
CREATE TYPE "SignOffDecision" AS ENUM ('APPROVE', 'APPROVE_WITH_CONDITIONS', 'REJECT');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED');

-- CreateEnum
CREATE TYPE "UseCaseStatus" AS ENUM ('CANDIDATE', 'SHORTLISTED', 'POC', 'PILOT', 'PRODUCTION', 'PARKED');

-- CreateEnum
CREATE TYPE "DataSensitivity" AS ENUM ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "StakeholderRole" AS ENUM ('CIO_CTO', 'CISO_SECURITY', 'LEGAL_PRIVACY', 'PROCUREMENT', 'BUSINESS_UNIT_LEADER', 'ENGINEERING_LEAD', 'HR');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('NOT_ENGAGED', 'ENGAGED', 'SUPPORTIVE', 'BLOCKING');

-- CreateEnum
CREATE TYPE "Level" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('OPEN', 'MITIGATING', 'ACCEPTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "PolicyKind" AS ENUM ('ACCEPTABLE_USE', 'ACCESS_CONTROL');

-- CreateEnum
CREATE TYPE "PolicyVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "ssoIssuer" TEXT,
    "ssoSubject" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "licensedSeats" INTEGER NOT NULL,
    "deploymentKind" "DeploymentKind" NOT NULL,
    "currentPhase" "PhaseKey" NOT NULL DEFAULT 'DISCOVERY',
    "status" "ProgrammeStatus" NOT NULL DEFAULT 'ACTIVE',
    "templateVersion" TEXT NOT NULL,
    "pilotMinDays" INTEGER NOT NULL DEFAULT 30,
    "launchedAt" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "roles" "Role"[],
    "functions" "ReviewFunction"[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Phase" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "key" "PhaseKey" NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "plannedStart" DATE NOT NULL,
    "plannedEnd" DATE,
    "actualStart" DATE,
    "actualEnd" DATE,

    CONSTRAINT "Phase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gate" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "key" "GateKey" NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "plannedDate" DATE NOT NULL,
    "requiredFunctions" "ReviewFunction"[],
    "status" "GateStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "round" INTEGER NOT NULL DEFAULT 1,
    "decision" "GateDecision",
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Gate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateCriterion" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "gateId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "guidance" TEXT NOT NULL,
    "ownerId" UUID,
    "status" "CriterionStatus" NOT NULL DEFAULT 'OPEN',
    "evidenceUrl" TEXT,
    "evidenceNote" TEXT,
    "waiverReason" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GateCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignOff" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "gateId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "reviewerId" UUID NOT NULL,
    "function" "ReviewFunction" NOT NULL,
    "decision" "SignOffDecision" NOT NULL,
    "meaning" TEXT NOT NULL,
    "reason" TEXT,
    "printedName" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "evidenceHash" TEXT NOT NULL,
    "voidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "week" INTEGER NOT NULL,
    "phase" "PhaseKey" NOT NULL,
    "title" TEXT NOT NULL,
    "deliverable" TEXT NOT NULL,
    "ownerId" UUID,
    "dueDate" DATE NOT NULL,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "completedAt" DATE,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UseCase" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "businessFunction" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "businessValue" INTEGER,
    "complexity" INTEGER,
    "status" "UseCaseStatus" NOT NULL DEFAULT 'CANDIDATE',
    "successCriteria" TEXT,
    "businessSponsor" TEXT,
    "ownerId" UUID,
    "claudeProduct" TEXT,
    "model" TEXT,
    "dataSensitivity" "DataSensitivity" NOT NULL DEFAULT 'INTERNAL',
    "pocStartedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UseCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Stakeholder" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "role" "StakeholderRole" NOT NULL,
    "personName" TEXT,
    "personTitle" TEXT,
    "relationshipOwnerId" UUID,
    "concerns" TEXT NOT NULL DEFAULT '',
    "engagementPlan" TEXT NOT NULL DEFAULT '',
    "stance" "Stance" NOT NULL DEFAULT 'NOT_ENGAGED',
    "engageByWeek" INTEGER NOT NULL,

    CONSTRAINT "Stakeholder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Risk" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "probability" "Level" NOT NULL,
    "impact" "Level" NOT NULL,
    "consequence" TEXT NOT NULL,
    "mitigation" TEXT NOT NULL,
    "ownerId" UUID,
    "status" "RiskStatus" NOT NULL DEFAULT 'OPEN',
    "reviewDate" DATE,
    "fromPlaybook" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionRecord" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "claudeProduct" TEXT NOT NULL,
    "models" TEXT NOT NULL DEFAULT '',
    "dataFlows" TEXT NOT NULL DEFAULT '',
    "integrationPoints" TEXT NOT NULL DEFAULT '',
    "failureModes" TEXT NOT NULL DEFAULT '',
    "status" "DecisionStatus" NOT NULL DEFAULT 'PROPOSED',
    "supersededById" UUID,
    "acceptedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "kind" "PolicyKind" NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "status" "PolicyVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "programmeId" UUID,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_ssoIssuer_ssoSubject_key" ON "User"("ssoIssuer", "ssoSubject");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_slug_key" ON "Programme"("slug");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_programmeId_userId_key" ON "Membership"("programmeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_programmeId_name_key" ON "ApiToken"("programmeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Phase_programmeId_key_key" ON "Phase"("programmeId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Gate_programmeId_key_key" ON "Gate"("programmeId", "key");

-- CreateIndex
CREATE INDEX "GateCriterion_gateId_idx" ON "GateCriterion"("gateId");

-- CreateIndex
CREATE INDEX "SignOff_gateId_round_idx" ON "SignOff"("gateId", "round");

-- CreateIndex
CREATE INDEX "Milestone_programmeId_dueDate_idx" ON "Milestone"("programmeId", "dueDate");

-- CreateIndex
CREATE INDEX "UseCase_programmeId_status_idx" ON "UseCase"("programmeId", "status");

-- CreateIndex
CREATE INDEX "Stakeholder_programmeId_idx" ON "Stakeholder"("programmeId");

-- CreateIndex
CREATE INDEX "Risk_programmeId_idx" ON "Risk"("programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionRecord_programmeId_number_key" ON "DecisionRecord"("programmeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_programmeId_kind_key" ON "Policy"("programmeId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_policyId_version_key" ON "PolicyVersion"("policyId", "version");

-- CreateIndex
CREATE INDEX "AuditEvent_programmeId_createdAt_idx" ON "AuditEvent"("programmeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chain_seq_key" ON "AuditEvent"("chain", "seq");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Gate" ADD CONSTRAINT "Gate_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateCriterion" ADD CONSTRAINT "GateCriterion_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateCriterion" ADD CONSTRAINT "GateCriterion_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "Gate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateCriterion" ADD CONSTRAINT "GateCriterion_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "Gate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignOff" ADD CONSTRAINT "SignOff_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCase" ADD CONSTRAINT "UseCase_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCase" ADD CONSTRAINT "UseCase_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stakeholder" ADD CONSTRAINT "Stakeholder_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stakeholder" ADD CONSTRAINT "Stakeholder_relationshipOwnerId_fkey" FOREIGN KEY ("relationshipOwnerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionRecord" ADD CONSTRAINT "DecisionRecord_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionRecord" ADD CONSTRAINT "DecisionRecord_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "DecisionRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
