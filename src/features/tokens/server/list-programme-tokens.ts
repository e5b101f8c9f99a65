import "server-only";

import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

/** What leaves the server about a token: its name and visible prefix, never its hash. */
export const tokenListSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
} as const;

/** The programme's API tokens, active first, for programme managers. */
export async function listProgrammeTokens(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "tokens.manage");
  const tokens = await db.apiToken.findMany({
    where: { programmeId: access.programme.id },
    select: tokenListSelect,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return { access, tokens };
}
