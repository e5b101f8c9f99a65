-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "calendarTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Membership_calendarTokenHash_key" ON "Membership"("calendarTokenHash");
