import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { revokeTokenSchema, type RevokeTokenInput } from "../schemas";

/** Revokes one of the programme's API tokens: the next request with it gets 401. Another programme's token is not found. */
export async function revokeProgrammeToken(actor: Actor, raw: RevokeTokenInput) {
  const input = revokeTokenSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "tokens.manage");
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({
      where: { id: input.tokenId, programmeId: access.programme.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) throw new NotFoundError("Token not found (or already revoked).");
    const token = await tx.apiToken.findUniqueOrThrow({ where: { id: input.tokenId }, select: { id: true, name: true, prefix: true } });
    await appendAudit(tx, {
      programmeId: access.programme.id,
      actor: auditActor(actor),
      action: "token.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      before: { name: token.name, prefix: token.prefix },
    });
    return { tokenId: token.id };
  });
}
