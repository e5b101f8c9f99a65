-- AlterTable
ALTER TABLE "SignOff" ADD COLUMN     "activeFunctionKey" TEXT,
ADD COLUMN     "activeReviewerKey" TEXT,
ADD COLUMN     "voidReason" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SignOff_activeFunctionKey_key" ON "SignOff"("activeFunctionKey");

-- CreateIndex
CREATE UNIQUE INDEX "SignOff_activeReviewerKey_key" ON "SignOff"("activeReviewerKey");
