/**
 * The domain's enums (src/domain/enums.ts, string unions that src/domain keeps free of Prisma) and
 * Prisma's enums must be the same types. This file holds no code: it fails the typecheck the moment
 * one side gains, loses or renames a value without the other, so no `as Role[]` cast is needed to pass
 * values between them — and none may hide a drift. tests/unit/enum-parity.test.ts checks the order too.
 */
import type { BudgetApprovalStatus } from "@/domain/budget-approvals";
import type * as Cohorts from "@/domain/cohorts";
import type * as Domain from "@/domain/enums";
import type { SyncKeyKind } from "@/domain/sync";
import type { EvaluationMode, EvaluationStatus } from "@/domain/workflows";
import type * as Db from "@/generated/prisma/enums";

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type EnumParity = [
  Assert<Equal<Domain.PhaseKey, Db.PhaseKey>>,
  Assert<Equal<Domain.DeploymentKind, Db.DeploymentKind>>,
  Assert<Equal<Domain.ProgrammeStatus, Db.ProgrammeStatus>>,
  Assert<Equal<Domain.Role, Db.Role>>,
  Assert<Equal<Domain.ReviewFunction, Db.ReviewFunction>>,
  Assert<Equal<Domain.StakeholderRole, Db.StakeholderRole>>,
  Assert<Equal<Domain.Stance, Db.Stance>>,
  Assert<Equal<Domain.GateKey, Db.GateKey>>,
  Assert<Equal<Domain.GateStatus, Db.GateStatus>>,
  Assert<Equal<Domain.GateDecision, Db.GateDecision>>,
  Assert<Equal<Domain.CriterionStatus, Db.CriterionStatus>>,
  Assert<Equal<Domain.SignOffDecision, Db.SignOffDecision>>,
  Assert<Equal<Domain.MilestoneStatus, Db.MilestoneStatus>>,
  Assert<Equal<BudgetApprovalStatus, Db.BudgetApprovalStatus>>,
  Assert<Equal<Domain.Level, Db.Level>>,
  Assert<Equal<Domain.RiskStatus, Db.RiskStatus>>,
  Assert<Equal<Domain.UseCaseStatus, Db.UseCaseStatus>>,
  Assert<Equal<Domain.DataSensitivity, Db.DataSensitivity>>,
  Assert<Equal<Domain.DecisionStatus, Db.DecisionStatus>>,
  Assert<Equal<Domain.PolicyKind, Db.PolicyKind>>,
  Assert<Equal<Domain.PolicyVersionStatus, Db.PolicyVersionStatus>>,
  Assert<Equal<SyncKeyKind, Db.AnthropicKeyKind>>,
  Assert<Equal<EvaluationStatus, Db.EvaluationStatus>>,
  Assert<Equal<EvaluationMode, Db.EvaluationMode>>,
  Assert<Equal<Cohorts.CohortKind, Db.CohortKind>>,
  Assert<Equal<Cohorts.CohortStatus, Db.CohortStatus>>,
  Assert<Equal<Cohorts.ThresholdMetric, Db.CohortThresholdMetric>>,
  Assert<Equal<Cohorts.TriggerMetric, Db.CohortTriggerMetric>>,
  Assert<Equal<Cohorts.PilotTag, Db.PilotTag>>,
  Assert<Equal<Cohorts.RollbackAlertStatus, Db.RollbackAlertStatus>>,
  Assert<Equal<Cohorts.RollbackTestResult, Db.RollbackTestResult>>,
];
