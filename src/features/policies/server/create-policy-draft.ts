import "server-only";

import { newDraftProblems, nextDraftBody, nextVersionNumber } from "@/domain/policies";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { createPolicyDraftSchema, type CreatePolicyDraftInput } from "../schemas";
import { ACCEPTABLE_USE, lockAcceptableUsePolicy, policyVersionAuditSelect } from "./policy-state";

/**
 * The programme manager starts the next version of the acceptable use policy as a draft, from the
 * latest version's text (or the playbook's outline for the first). The policy itself is created with
 * its first draft. One draft at a time.
 */
export async function createPolicyDraft(actor: Actor, raw: CreatePolicyDraftInput) {
  const input = createPolicyDraftSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "policies.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    let policy = await lockAcceptableUsePolicy(tx, programmeId);
    if (!policy) {
      const created = await tx.policy.create({
        data: { programmeId, kind: ACCEPTABLE_USE, title: "Acceptable use policy" },
        select: { id: true, title: true, kind: true },
      });
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "policy.create",
        entityType: "Policy",
        entityId: created.id,
        after: created,
      });
      policy = { id: created.id, title: created.title, versions: [] };
    }
    const problems = newDraftProblems(policy.versions);
    if (problems.length > 0) throw new RuleError(problems.join(" "));
    const draft = await tx.policyVersion.create({
      data: {
        programmeId,
        policyId: policy.id,
        version: nextVersionNumber(policy.versions),
        body: nextDraftBody(policy.versions, access.programme.organisation),
        status: "DRAFT",
      },
      select: policyVersionAuditSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "policy.draft",
      entityType: "PolicyVersion",
      entityId: draft.id,
      after: draft,
    });
    return draft;
  });
}
