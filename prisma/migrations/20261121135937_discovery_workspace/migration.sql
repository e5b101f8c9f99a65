-- CreateTable
CREATE TABLE "UseCaseScopeChange" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "useCaseId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "changedBy" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scopeCreep" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "UseCaseScopeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelPrice" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "model" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "inputPerMTok" DOUBLE PRECISION NOT NULL,
    "cacheWrite5mPerMTok" DOUBLE PRECISION NOT NULL,
    "cacheWrite1hPerMTok" DOUBLE PRECISION NOT NULL,
    "cacheReadPerMTok" DOUBLE PRECISION NOT NULL,
    "outputPerMTok" DOUBLE PRECISION NOT NULL,
    "batchDiscountPct" INTEGER NOT NULL DEFAULT 50,
    "effectiveFrom" DATE NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ModelPrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostScenario" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "users" INTEGER NOT NULL,
    "tasksPerUserPerDay" DOUBLE PRECISION NOT NULL,
    "workingDaysPerMonth" INTEGER NOT NULL DEFAULT 21,
    "inputTokensPerTask" INTEGER NOT NULL,
    "outputTokensPerTask" INTEGER NOT NULL,
    "cacheHitRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "modelMix" JSONB NOT NULL,
    "batchShare" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "seats" INTEGER NOT NULL DEFAULT 0,
    "seatPricePerMonth" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "engineeringCostPerMonth" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "changeMgmtCostPerMonth" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "supportCostPerMonth" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "tokensMeasuredWith" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CostScenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetApproval" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "scenarioId" UUID NOT NULL,
    "monthlyAmount" DOUBLE PRECISION NOT NULL,
    "ninetyDayAmount" DOUBLE PRECISION NOT NULL,
    "approvedBy" TEXT NOT NULL,
    "approverId" UUID NOT NULL,
    "approvedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "BudgetApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentBudget" (
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "department" TEXT NOT NULL,
    "monthlyAmount" DOUBLE PRECISION NOT NULL,
    "ownerId" UUID,

    CONSTRAINT "DepartmentBudget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UseCaseScopeChange_programmeId_scopeCreep_idx" ON "UseCaseScopeChange"("programmeId", "scopeCreep");

-- CreateIndex
CREATE INDEX "UseCaseScopeChange_useCaseId_idx" ON "UseCaseScopeChange"("useCaseId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelPrice_programmeId_model_effectiveFrom_key" ON "ModelPrice"("programmeId", "model", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "CostScenario_programmeId_name_key" ON "CostScenario"("programmeId", "name");

-- CreateIndex
CREATE INDEX "BudgetApproval_programmeId_approvedAt_idx" ON "BudgetApproval"("programmeId", "approvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentBudget_programmeId_department_key" ON "DepartmentBudget"("programmeId", "department");

-- AddForeignKey
ALTER TABLE "UseCaseScopeChange" ADD CONSTRAINT "UseCaseScopeChange_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseScopeChange" ADD CONSTRAINT "UseCaseScopeChange_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelPrice" ADD CONSTRAINT "ModelPrice_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostScenario" ADD CONSTRAINT "CostScenario_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetApproval" ADD CONSTRAINT "BudgetApproval_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetApproval" ADD CONSTRAINT "BudgetApproval_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "CostScenario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentBudget" ADD CONSTRAINT "DepartmentBudget_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentBudget" ADD CONSTRAINT "DepartmentBudget_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Membership"("id") ON DELETE SET NULL ON UPDATE CASCADE;
