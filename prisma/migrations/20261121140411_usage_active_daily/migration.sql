-- CreateTable
CREATE TABLE "UsageActiveDaily" (
    "programmeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "daily" INTEGER NOT NULL,
    "weekly" INTEGER NOT NULL,
    "monthly" INTEGER NOT NULL,

    CONSTRAINT "UsageActiveDaily_pkey" PRIMARY KEY ("programmeId","day")
);

-- AddForeignKey
ALTER TABLE "UsageActiveDaily" ADD CONSTRAINT "UsageActiveDaily_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
