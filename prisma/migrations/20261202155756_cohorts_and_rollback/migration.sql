-- CreateEnum
CREATE TYPE "CohortKind" AS ENUM ('PEOPLE', 'TRAFFIC');

-- CreateEnum
CREATE TYPE "CohortStatus" AS ENUM ('PLANNED', 'LIVE', 'PAUSED', 'ROLLED_BACK', 'COMPLETED');

-- CreateEnum
CREATE TYPE "CohortThresholdMetric" AS ENUM ('ACTIVE_SHARE_7D', 'ERROR_RATE', 'COST_PER_TASK', 'DAYS_LIVE');

-- CreateEnum
CREATE TYPE "CohortTriggerMetric" AS ENUM ('ERROR_RATE_DAY', 'COST_PER_TASK_DAY', 'DAILY_COST', 'ACTIVE_SHARE_DROP_WOW');

-- CreateEnum
CREATE TYPE "PilotTag" AS ENUM ('EARLY_ADOPTER', 'SCEPTIC');

-- CreateEnum
CREATE TYPE "RollbackAlertStatus" AS ENUM ('OPEN', 'ROLLED_BACK', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "RollbackTestResult" AS ENUM ('PASSED', 'FAILED');

-- CreateTable
CREATE TABLE "Cohort" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" "CohortKind" NOT NULL,
    "plannedSeats" INTEGER,
    "trafficSharePct" DOUBLE PRECISION,
    "plannedGoLive" DATE,
    "status" "CohortStatus" NOT NULL DEFAULT 'PLANNED',
    "wentLiveAt" TIMESTAMPTZ(3),
    "statusChangedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Cohort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CohortPerson" (
    "programmeId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "userRef" TEXT NOT NULL,
    "tag" "PilotTag",
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CohortPerson_pkey" PRIMARY KEY ("cohortId","userRef")
);

-- CreateTable
CREATE TABLE "CohortThreshold" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "metric" "CohortThresholdMetric" NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "CohortThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CohortTrigger" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "metric" "CohortTriggerMetric" NOT NULL,
    "limit" DOUBLE PRECISION NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "CohortTrigger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RollbackAlert" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "triggerId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "metric" "CohortTriggerMetric" NOT NULL,
    "limit" DOUBLE PRECISION NOT NULL,
    "measuredValue" DOUBLE PRECISION NOT NULL,
    "windowFrom" DATE NOT NULL,
    "windowTo" DATE NOT NULL,
    "basis" JSONB NOT NULL,
    "status" "RollbackAlertStatus" NOT NULL DEFAULT 'OPEN',
    "raisedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "reason" TEXT,

    CONSTRAINT "RollbackAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RollbackPlan" (
    "programmeId" UUID NOT NULL,
    "procedure" TEXT NOT NULL DEFAULT '',
    "targetMinutes" INTEGER,
    "authorityIds" UUID[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RollbackPlan_pkey" PRIMARY KEY ("programmeId")
);

-- CreateTable
CREATE TABLE "RollbackTest" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "testedOn" DATE NOT NULL,
    "environment" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "result" "RollbackTestResult" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RollbackTest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_programmeId_ordinal_key" ON "Cohort"("programmeId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_programmeId_key_key" ON "Cohort"("programmeId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_programmeId_nameKey_key" ON "Cohort"("programmeId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "CohortPerson_programmeId_userRef_key" ON "CohortPerson"("programmeId", "userRef");

-- CreateIndex
CREATE UNIQUE INDEX "CohortThreshold_cohortId_metric_key" ON "CohortThreshold"("cohortId", "metric");

-- CreateIndex
CREATE UNIQUE INDEX "CohortTrigger_cohortId_metric_key" ON "CohortTrigger"("cohortId", "metric");

-- CreateIndex
CREATE INDEX "RollbackAlert_programmeId_status_idx" ON "RollbackAlert"("programmeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RollbackAlert_triggerId_cohortId_round_key" ON "RollbackAlert"("triggerId", "cohortId", "round");

-- CreateIndex
CREATE INDEX "RollbackTest_programmeId_testedOn_idx" ON "RollbackTest"("programmeId", "testedOn");

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortPerson" ADD CONSTRAINT "CohortPerson_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortThreshold" ADD CONSTRAINT "CohortThreshold_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortTrigger" ADD CONSTRAINT "CohortTrigger_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RollbackAlert" ADD CONSTRAINT "RollbackAlert_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RollbackAlert" ADD CONSTRAINT "RollbackAlert_triggerId_fkey" FOREIGN KEY ("triggerId") REFERENCES "CohortTrigger"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RollbackPlan" ADD CONSTRAINT "RollbackPlan_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RollbackTest" ADD CONSTRAINT "RollbackTest_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
