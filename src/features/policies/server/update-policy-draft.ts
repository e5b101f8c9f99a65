import "server-only";

import { POLICY_VERSION_STATUS_LABELS } from "@/domain/enums";
import { isPolicyVersionEditable } from "@/domain/policies";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { updatePolicyDraftSchema, type UpdatePolicyDraftInput } from "../schemas";
import { lockAcceptableUsePolicy, policyVersionAuditSelect, versionOf } from "./policy-state";

/** The programme manager rewrites a draft. Published and retired versions never change. */
export async function updatePolicyDraft(actor: Actor, raw: UpdatePolicyDraftInput) {
  const input = updatePolicyDraftSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "policies.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const before = versionOf(await lockAcceptableUsePolicy(tx, programmeId), input.versionId);
    if (!isPolicyVersionEditable(before.status))
      throw new RuleError(
        `Version ${before.version} is ${POLICY_VERSION_STATUS_LABELS[before.status].toLowerCase()}; only a draft can be edited. Start a new draft.`,
      );
    const after = await tx.policyVersion.update({ where: { id: before.id }, data: { body: input.body }, select: policyVersionAuditSelect });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "policy.update",
      entityType: "PolicyVersion",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
