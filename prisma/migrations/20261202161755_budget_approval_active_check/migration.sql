-- The check of 20261202155242 let an ACTIVE row without its key through (NULL = x is not false):
-- an active approval holds its programme's id as its key; an ended one holds none.
ALTER TABLE "BudgetApproval" DROP CONSTRAINT "BudgetApproval_active_check";
ALTER TABLE "BudgetApproval" ADD CONSTRAINT "BudgetApproval_active_check"
  CHECK (CASE WHEN "status" = 'ACTIVE' THEN "activeProgrammeId" IS NOT NULL AND "activeProgrammeId" = "programmeId" ELSE "activeProgrammeId" IS NULL END);
