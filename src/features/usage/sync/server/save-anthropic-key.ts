import "server-only";

import { keyHint } from "@/domain/sync";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { encryptionKeyFromEnv, encryptSecret } from "@/server/crypto";
import { db } from "@/server/db";

import { saveAnthropicKeySchema, type SaveAnthropicKeyInput } from "../schemas";
import { anthropicKeySelect, keyContext, type AnthropicKeyView } from "./anthropic-key-select";

/**
 * Adds or replaces a programme's admin or analytics key (programme managers: "usage.sync"). The key is
 * encrypted before it reaches the database and is never returned, logged or audited: only its last four
 * characters are kept in clear. Refused, with what to do, when GATEHOUSE_ENCRYPTION_KEY is not set.
 */
export async function saveAnthropicKey(actor: Actor, raw: SaveAnthropicKeyInput): Promise<AnthropicKeyView> {
  const input = saveAnthropicKeySchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "usage.sync");
  const programmeId = access.programme.id;
  const ciphertext = encryptSecret(input.key, encryptionKeyFromEnv(), keyContext(programmeId, input.kind));
  const hint = keyHint(input.key);
  const by = auditActor(actor);
  return db.$transaction(async (tx) => {
    const where = { programmeId_kind: { programmeId, kind: input.kind } };
    const before = await tx.anthropicKey.findUnique({ where, select: { hint: true } });
    const row = await tx.anthropicKey.upsert({
      where,
      create: { programmeId, kind: input.kind, ciphertext, hint, addedBy: by.label },
      update: { ciphertext, hint, addedBy: by.label, addedAt: new Date() },
      select: anthropicKeySelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: by,
      action: before ? "anthropic_key.replace" : "anthropic_key.add",
      entityType: "AnthropicKey",
      entityId: row.id,
      before: before ? { kind: input.kind, hint: before.hint } : undefined,
      after: { kind: input.kind, hint },
    });
    return row;
  });
}
