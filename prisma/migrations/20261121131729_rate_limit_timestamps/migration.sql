-- AlterTable
ALTER TABLE "rate_limits" DROP COLUMN "expire",
ADD COLUMN     "expire" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits"("expire");
