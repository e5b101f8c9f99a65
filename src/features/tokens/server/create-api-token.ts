import { generateApiToken, hashApiToken, tokenDisplayPrefix } from "@/domain/tokens";
import { appendAudit, type AuditActor } from "@/server/audit";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/server/errors";

import { createTokenSchema, type CreateTokenInput } from "../schemas";

/**
 * Creates a programme API token for the JSON API. Operator-level: called by the CLI, which has
 * database access and no signed-in user, so it takes an audit actor rather than authorizing a member.
 * Returns the token itself exactly once.
 */
export async function createApiToken(actor: AuditActor, raw: CreateTokenInput) {
  const input = createTokenSchema.parse(raw);
  const programme = await db.programme.findUnique({ where: { slug: input.programmeSlug }, select: { id: true, slug: true } });
  if (!programme) throw new NotFoundError(`No programme with the slug "${input.programmeSlug}".`);
  const token = generateApiToken();
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.apiToken.create({
        data: {
          programmeId: programme.id,
          name: input.name,
          tokenHash: hashApiToken(token),
          prefix: tokenDisplayPrefix(token),
          createdById: actor.id,
        },
        select: { id: true, name: true, prefix: true, createdAt: true },
      });
      await appendAudit(tx, {
        programmeId: programme.id,
        actor,
        action: "token.create",
        entityType: "ApiToken",
        entityId: created.id,
        after: { name: created.name, prefix: created.prefix },
      });
      return created;
    });
    return { ...row, token, programmeSlug: programme.slug };
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`This programme already has a token named "${input.name}".`, "name");
    throw e;
  }
}
