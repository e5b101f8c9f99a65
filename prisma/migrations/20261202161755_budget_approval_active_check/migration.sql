-- The check of 20261202155242 let an ACTIVE row without its key through (NULL = x is not false):
-- an active approval holds its programme's id as its key; an ended one holds none.
-- A row that slipped through is not the approved budget (the unique key holds the one that is).
UPDATE "BudgetApproval" SET "status" = 'SUPERSEDED', "endReason" = 'Recorded without the active key; not the approved budget.'
WHERE "status" = 'ACTIVE' AND "activeProgrammeId" IS NULL;
ALTER TABLE "BudgetApproval" DROP CONSTRAINT "BudgetApproval_active_check";
ALTER TABLE "BudgetApproval" ADD CONSTRAINT "BudgetApproval_active_check"
  CHECK (CASE WHEN "status" = 'ACTIVE' THEN "activeProgrammeId" IS NOT NULL AND "activeProgrammeId" = "programmeId" ELSE "activeProgrammeId" IS NULL END);
