import { eventHash, GENESIS_HASH, toJsonSnapshot, type ChainedEventContent } from "@/domain/audit-chain";

import type { Tx } from "./db";

export interface AuditActor {
  id: string | null;
  label: string; // "Ada Lovelace <ada@acme.test>", "cli", "system"
}

export interface AuditInput {
  programmeId: string | null;
  actor: AuditActor;
  action: string; // verb.noun, e.g. "programme.create", "member.update"
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export function chainFor(programmeId: string | null): string {
  return programmeId ?? "system";
}

/**
 * Appends one event to its programme's chain, inside the caller's transaction, so the event and
 * the change it records commit together or not at all. A transaction-scoped advisory lock on the
 * chain serializes appenders; the unique (chain, seq) constraint is the last line of defence.
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  const chain = chainFor(input.programmeId);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${chain}`}, 0))`;
  const last = await tx.auditEvent.findFirst({
    where: { chain },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const content: ChainedEventContent = {
    chain,
    seq: (last?.seq ?? 0) + 1,
    programmeId: input.programmeId,
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: toJsonSnapshot(input.before),
    after: toJsonSnapshot(input.after),
    createdAt: new Date().toISOString(),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.auditEvent.create({
    data: {
      ...content,
      before: content.before === null ? undefined : (content.before as object),
      after: content.after === null ? undefined : (content.after as object),
      createdAt: new Date(content.createdAt),
      prevHash,
      hash: eventHash(prevHash, content),
    },
  });
}
