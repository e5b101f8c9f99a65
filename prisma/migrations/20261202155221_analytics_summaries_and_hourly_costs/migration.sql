-- CreateTable
CREATE TABLE "UsageAnalyticsDaily" (
    "programmeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "dailyActiveUsers" INTEGER NOT NULL,
    "weeklyActiveUsers" INTEGER,
    "monthlyActiveUsers" INTEGER,
    "assignedSeats" INTEGER,
    "pendingInvites" INTEGER,
    "dailyAdoptionRate" DOUBLE PRECISION,
    "weeklyAdoptionRate" DOUBLE PRECISION,
    "monthlyAdoptionRate" DOUBLE PRECISION,
    "products" JSONB NOT NULL DEFAULT '{}',
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageAnalyticsDaily_pkey" PRIMARY KEY ("programmeId","day")
);

-- CreateTable
CREATE TABLE "HourlyCost" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "department" TEXT NOT NULL,
    "usdPerHour" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HourlyCost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HourlyCost_programmeId_department_key" ON "HourlyCost"("programmeId", "department");

-- AddForeignKey
ALTER TABLE "UsageAnalyticsDaily" ADD CONSTRAINT "UsageAnalyticsDaily_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HourlyCost" ADD CONSTRAINT "HourlyCost_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
