import { describe, expect, it } from "vitest";

import * as Domain from "@/domain/enums";
import * as Db from "@/generated/prisma/enums";

/** The domain's value arrays list Prisma's enum values in the schema's order (src/server/db/enum-parity.ts checks the types). */
describe("domain enums and Prisma enums", () => {
  it.each([
    ["PhaseKey", Domain.PHASE_KEYS, Db.PhaseKey],
    ["DeploymentKind", Domain.DEPLOYMENT_KINDS, Db.DeploymentKind],
    ["ProgrammeStatus", Domain.PROGRAMME_STATUSES, Db.ProgrammeStatus],
    ["Role", Domain.ROLES, Db.Role],
    ["ReviewFunction", Domain.REVIEW_FUNCTIONS, Db.ReviewFunction],
    ["StakeholderRole", Domain.STAKEHOLDER_ROLES, Db.StakeholderRole],
    ["Stance", Domain.STANCES, Db.Stance],
    ["GateKey", Domain.GATE_KEYS, Db.GateKey],
    ["GateStatus", Domain.GATE_STATUSES, Db.GateStatus],
    ["GateDecision", Domain.GATE_DECISIONS, Db.GateDecision],
    ["CriterionStatus", Domain.CRITERION_STATUSES, Db.CriterionStatus],
    ["SignOffDecision", Domain.SIGN_OFF_DECISIONS, Db.SignOffDecision],
    ["MilestoneStatus", Domain.MILESTONE_STATUSES, Db.MilestoneStatus],
    ["Level", Domain.LEVELS, Db.Level],
    ["RiskStatus", Domain.RISK_STATUSES, Db.RiskStatus],
    ["UseCaseStatus", Domain.USE_CASE_STATUSES, Db.UseCaseStatus],
    ["DataSensitivity", Domain.DATA_SENSITIVITIES, Db.DataSensitivity],
    ["DecisionStatus", Domain.DECISION_STATUSES, Db.DecisionStatus],
    ["PolicyKind", Domain.POLICY_KINDS, Db.PolicyKind],
    ["PolicyVersionStatus", Domain.POLICY_VERSION_STATUSES, Db.PolicyVersionStatus],
  ])("%s", (_name, domain, db) => {
    expect([...domain]).toEqual(Object.values(db));
  });
});
