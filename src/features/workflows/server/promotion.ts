import { promotionProblems, type PromotionInput } from "@/domain/workflows";

/** What the promotion gate reads about a workflow, a version of it and that version's facts. */
export interface PromotionFacts {
  workflow: { ownerName: string | null; threshold: number; productionVersionId: string | null };
  version: { id: string; number: number; documentation: string; authorId: string };
  /** Test cases of the workflow. */
  testCases: number;
  /** The version's latest evaluation by start (latestEvaluation's rule), or null. */
  latestEvaluation: PromotionInput["latestEvaluation"];
  /** Who approved the version (user ids). */
  approverIds: readonly string[];
}

/**
 * Everything that stops a version going to production: the pure rule (promotionProblems) fed the
 * same way by the promotion itself (under the workflow's lock) and by the workflow page, so the page
 * shows Promote exactly when the server would accept it.
 */
export function versionPromotionProblems(f: PromotionFacts): string[] {
  return promotionProblems({
    ownerName: f.workflow.ownerName,
    documentation: f.version.documentation,
    testCases: f.testCases,
    threshold: f.workflow.threshold,
    versionNumber: f.version.number,
    latestEvaluation: f.latestEvaluation,
    authorId: f.version.authorId,
    approverIds: f.approverIds,
    isProduction: f.workflow.productionVersionId === f.version.id,
  });
}
