import "server-only";

import type { Tx } from "@/server/db";
import { notify } from "@/server/notifications/notify";

import { versionAwaitsApprovalKind } from "../notifications";

/**
 * "Credit memo v3 awaits your approval": when a version is marked candidate, to the members who may
 * approve it (programme managers and workflow owners), never its author or whoever marked it.
 */
export async function notifyApprovalRequested(
  tx: Tx,
  programmeId: string,
  workflow: { slug: string; name: string },
  version: { number: number; authorId: string; authorName: string; note: string },
  actorId: string,
) {
  const [approvers, programme] = await Promise.all([
    tx.membership.findMany({
      where: { programmeId, roles: { hasSome: ["PROGRAMME_MANAGER", "WORKFLOW_OWNER"] } },
      select: { userId: true },
    }),
    tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { slug: true } }),
  ]);
  await notify(tx, {
    kind: versionAwaitsApprovalKind,
    programmeId,
    recipientIds: approvers.map((a) => a.userId).filter((id) => id !== version.authorId && id !== actorId),
    subject: `${workflow.name} v${version.number} awaits your approval`,
    text: `Version ${version.number} by ${version.authorName} is the candidate for production${version.note ? `: ${version.note}` : ""}. It needs the approval of someone other than its author before promotion.`,
    link: `/programmes/${programme.slug}/workflows/${workflow.slug}`,
  });
}
