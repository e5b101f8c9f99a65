import "server-only";

import { publishProblems } from "@/domain/policies";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { publishPolicyVersionSchema, type PublishPolicyVersionInput } from "../schemas";
import { lockAcceptableUsePolicy, policyVersionAuditSelect, versionOf } from "./policy-state";

/**
 * The programme manager publishes a draft. The version published before it is retired in the same
 * transaction, so there is exactly one published version from then on. The published version is the
 * Architecture Review's evidence and lets the pilot start.
 */
export async function publishPolicyVersion(actor: Actor, raw: PublishPolicyVersionInput, now = new Date()) {
  const input = publishPolicyVersionSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "policies.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const policy = await lockAcceptableUsePolicy(tx, programmeId);
    const version = versionOf(policy, input.versionId);
    const problems = publishProblems(version);
    if (problems.length > 0) throw new RuleError(problems.join(" "));
    const retired = [];
    for (const old of policy!.versions.filter((v) => v.status === "PUBLISHED")) {
      const after = await tx.policyVersion.update({
        where: { id: old.id },
        data: { status: "RETIRED" },
        select: { id: true, version: true, status: true },
      });
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "policy.retire",
        entityType: "PolicyVersion",
        entityId: old.id,
        before: { version: old.version, status: old.status },
        after: { version: after.version, status: after.status, retiredBy: version.version },
      });
      retired.push(after);
    }
    const published = await tx.policyVersion.update({
      where: { id: version.id },
      data: { status: "PUBLISHED", publishedAt: now },
      select: policyVersionAuditSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "policy.publish",
      entityType: "PolicyVersion",
      entityId: version.id,
      before: { version: version.version, status: version.status },
      after: published,
    });
    return { published, retired };
  });
}
