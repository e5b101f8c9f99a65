import "server-only";

import type { z } from "zod";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { openNewRoundSchema } from "../schemas";
import { notifyReviewOpen } from "./gate-notifications";
import { lockGate } from "./gate-state";

/** After a rejection and the changes it asked for, the programme manager opens a new round; earlier rounds stay in the history. */
export async function openNewRound(actor: Actor, raw: z.input<typeof openNewRoundSchema>) {
  const input = openNewRoundSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "gates.manage");
  return db.$transaction(async (tx) => {
    const { gate } = await lockGate(tx, access.programme.id, input.gateKey);
    if (gate.status !== "REJECTED")
      throw new RuleError(
        `Only a rejected round can be followed by a new one; ${gate.name} is ${gate.status === "IN_REVIEW" ? "in review" : gate.status.toLowerCase().replace("_", " ")}.`,
      );
    const round = gate.round + 1;
    await tx.gate.update({ where: { id: gate.id }, data: { status: "IN_REVIEW", round, decidedAt: null, decision: null } });
    await appendAudit(tx, {
      programmeId: access.programme.id,
      actor: auditActor(actor),
      action: "gate.new_round",
      entityType: "Gate",
      entityId: gate.id,
      before: { status: gate.status, round: gate.round },
      after: { status: "IN_REVIEW", round },
    });
    await notifyReviewOpen(tx, access.programme.id, { ...gate, round }, actor.id);
    return { round };
  });
}
