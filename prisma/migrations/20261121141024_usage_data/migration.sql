-- CreateEnum
CREATE TYPE "MinutesSource" AS ENUM ('MEASURED', 'SELF_REPORTED', 'ESTIMATED');

-- CreateTable
CREATE TABLE "UsageEvent" (
    "programmeId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "userRef" TEXT NOT NULL,
    "department" TEXT NOT NULL DEFAULT '',
    "useCase" TEXT NOT NULL DEFAULT '',
    "cohort" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL DEFAULT '',
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "tasks" INTEGER NOT NULL DEFAULT 0,
    "minutesSaved" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "minutesSource" "MinutesSource" NOT NULL DEFAULT 'ESTIMATED',
    "errors" INTEGER NOT NULL DEFAULT 0,
    "uncachedInputTokens" BIGINT NOT NULL DEFAULT 0,
    "cacheWriteTokens" BIGINT NOT NULL DEFAULT 0,
    "cacheReadTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("programmeId","externalId")
);

-- CreateTable
CREATE TABLE "UsageDaily" (
    "programmeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "minutesSource" "MinutesSource" NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,
    "sessions" INTEGER NOT NULL DEFAULT 0,
    "tasks" INTEGER NOT NULL DEFAULT 0,
    "minutesSaved" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "uncachedInputTokens" BIGINT NOT NULL DEFAULT 0,
    "cacheWriteTokens" BIGINT NOT NULL DEFAULT 0,
    "cacheReadTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "UsageDaily_pkey" PRIMARY KEY ("programmeId","dimension","day","key","minutesSource")
);

-- CreateTable
CREATE TABLE "UsageUserDay" (
    "programmeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "userRef" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "cohort" TEXT NOT NULL,

    CONSTRAINT "UsageUserDay_pkey" PRIMARY KEY ("programmeId","day","userRef")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "programmeId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("programmeId","key")
);

-- CreateTable
CREATE TABLE "UsageActiveDaily" (
    "programmeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "daily" INTEGER NOT NULL,
    "weekly" INTEGER NOT NULL,
    "monthly" INTEGER NOT NULL,

    CONSTRAINT "UsageActiveDaily_pkey" PRIMARY KEY ("programmeId","day")
);

-- CreateIndex
CREATE INDEX "UsageEvent_programmeId_day_idx" ON "UsageEvent"("programmeId", "day");

-- CreateIndex
CREATE INDEX "UsageUserDay_programmeId_userRef_idx" ON "UsageUserDay"("programmeId", "userRef");

-- AddForeignKey
ALTER TABLE "UsageDaily" ADD CONSTRAINT "UsageDaily_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageActiveDaily" ADD CONSTRAINT "UsageActiveDaily_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
