import { sameAmount } from "./costs";

/**
 * Budget approvals (decision record 023). A programme has at most one approved budget: the ACTIVE
 * approval. Approving another scenario supersedes it (after the sponsor confirmed what it replaces);
 * the sponsor may revoke it (then no budget is approved until they approve one again). Approving the
 * scenario that is already approved, at the same figure, changes nothing.
 */
export const BUDGET_APPROVAL_STATUSES = ["ACTIVE", "SUPERSEDED", "REVOKED"] as const;
export type BudgetApprovalStatus = (typeof BUDGET_APPROVAL_STATUSES)[number];
export const BUDGET_APPROVAL_STATUS_LABELS: Readonly<Record<BudgetApprovalStatus, string>> = {
  ACTIVE: "Approved budget",
  SUPERSEDED: "Superseded",
  REVOKED: "Revoked",
};

export interface ActiveApproval {
  id: string;
  scenarioId: string;
  scenarioName: string;
  monthlyAmount: number;
}

export type ApprovalPlan =
  /** The scenario is the approved budget at this figure already: nothing to write. */
  | { kind: "unchanged"; active: ActiveApproval }
  /** No budget is approved: this becomes the first (or the next after a revocation). */
  | { kind: "first" }
  /** Another approval (another scenario, or this one at an older figure) is replaced. */
  | { kind: "supersede"; active: ActiveApproval };

/** What approving `scenarioId` at `monthly` does, given the programme's active approval. */
export function planApproval(active: ActiveApproval | null, scenarioId: string, monthly: number): ApprovalPlan {
  if (!active) return { kind: "first" };
  if (active.scenarioId === scenarioId && sameAmount(active.monthlyAmount, monthly)) return { kind: "unchanged", active };
  return { kind: "supersede", active };
}

/**
 * Whether the sponsor confirmed against the approval that is active now: they name the approval they saw
 * (null for none). A different one means someone approved or revoked in between.
 */
export const confirmedAgainst = (active: ActiveApproval | null, seenApprovalId: string | null) =>
  (active?.id ?? null) === (seenApprovalId ?? null);
