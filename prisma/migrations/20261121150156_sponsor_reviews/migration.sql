-- CreateTable
CREATE TABLE "SponsorReview" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "week" INTEGER NOT NULL,
    "reviewerId" UUID NOT NULL,
    "reviewedBy" TEXT NOT NULL,
    "note" TEXT,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SponsorReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SponsorReview_programmeId_reviewedAt_idx" ON "SponsorReview"("programmeId", "reviewedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SponsorReview_programmeId_week_reviewerId_key" ON "SponsorReview"("programmeId", "week", "reviewerId");

-- AddForeignKey
ALTER TABLE "SponsorReview" ADD CONSTRAINT "SponsorReview_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
