import "server-only";

import type { z } from "zod";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { openGateReviewSchema } from "../schemas";
import { notifyReviewOpen } from "./gate-notifications";
import { lockGate } from "./gate-state";

/** The programme manager opens a gate for review; reviewers can sign from then on. */
export async function openGateReview(actor: Actor, raw: z.input<typeof openGateReviewSchema>) {
  const input = openGateReviewSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "gates.manage");
  return db.$transaction(async (tx) => {
    const { gate } = await lockGate(tx, access.programme.id, input.gateKey);
    if (gate.status !== "NOT_STARTED")
      throw new RuleError(`${gate.name} is already ${gate.status === "IN_REVIEW" ? "in review" : gate.status.toLowerCase()}.`);
    await tx.gate.update({ where: { id: gate.id }, data: { status: "IN_REVIEW" } });
    await appendAudit(tx, {
      programmeId: access.programme.id,
      actor: auditActor(actor),
      action: "gate.open",
      entityType: "Gate",
      entityId: gate.id,
      before: { status: gate.status },
      after: { status: "IN_REVIEW", round: gate.round },
    });
    await notifyReviewOpen(tx, access.programme.id, gate, actor.id);
    return { gateId: gate.id };
  });
}
