import "server-only";

import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

/** The programme's decision records, ADR-1 first, each with the record that superseded it. */
export async function listDecisions(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const decisions = await db.decisionRecord.findMany({
    where: { programmeId: access.programme.id },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      claudeProduct: true,
      status: true,
      acceptedAt: true,
      createdAt: true,
      supersededBy: { select: { id: true, number: true } },
    },
  });
  return { access, decisions, canManage: access.can("decisions.manage") };
}
