-- CreateTable
CREATE TABLE "GateCondition" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "gateId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" UUID,
    "dueDate" DATE NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "closedNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GateCondition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GateCondition_programmeId_idx" ON "GateCondition"("programmeId");

-- AddForeignKey
ALTER TABLE "GateCondition" ADD CONSTRAINT "GateCondition_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateCondition" ADD CONSTRAINT "GateCondition_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "Gate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateCondition" ADD CONSTRAINT "GateCondition_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;
