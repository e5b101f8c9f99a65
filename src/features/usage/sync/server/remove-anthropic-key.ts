import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { removeAnthropicKeySchema, type RemoveAnthropicKeyInput } from "../schemas";
import { keyLabel } from "./anthropic-key-select";

/** Removes a programme's admin or analytics key; its endpoints are no longer synced. */
export async function removeAnthropicKey(actor: Actor, raw: RemoveAnthropicKeyInput): Promise<{ removed: true }> {
  const input = removeAnthropicKeySchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "usage.sync");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const row = await tx.anthropicKey.findUnique({
      where: { programmeId_kind: { programmeId, kind: input.kind } },
      select: { id: true, hint: true },
    });
    if (!row) throw new NotFoundError(`This programme has no ${keyLabel(input.kind)}.`);
    await tx.anthropicKey.delete({ where: { id: row.id } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "anthropic_key.remove",
      entityType: "AnthropicKey",
      entityId: row.id,
      before: { kind: input.kind, hint: row.hint },
    });
    return { removed: true as const };
  });
}
