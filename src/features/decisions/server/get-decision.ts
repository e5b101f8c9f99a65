import "server-only";

import { z } from "zod";

import { isDecisionEditable, possibleSuccessors } from "@/domain/decisions";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

const decisionDetailSelect = {
  id: true,
  number: true,
  title: true,
  claudeProduct: true,
  models: true,
  dataFlows: true,
  integrationPoints: true,
  failureModes: true,
  status: true,
  acceptedAt: true,
  createdAt: true,
  supersededBy: { select: { id: true, number: true, title: true } },
  supersedes: { select: { id: true, number: true, title: true }, orderBy: { number: "asc" } },
} as const;

async function findDecision(programmeId: string, decisionId: string) {
  if (!z.string().uuid().safeParse(decisionId).success) throw new NotFoundError("Decision record not found.");
  const record = await db.decisionRecord.findFirst({ where: { id: decisionId, programmeId }, select: decisionDetailSelect });
  if (!record) throw new NotFoundError("Decision record not found.");
  return record;
}

/**
 * One decision record (its page is the address gate evidence links to), the records it supersedes and
 * the one that superseded it, and what this user may do with it.
 */
export async function getDecision(actor: Actor, programmeSlug: string, decisionId: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const record = await findDecision(programmeId, decisionId);
  const canManage = access.can("decisions.manage");
  const all = canManage
    ? await db.decisionRecord.findMany({
        where: { programmeId },
        orderBy: { number: "asc" },
        select: { id: true, number: true, title: true, status: true },
      })
    : [];
  return {
    access,
    record,
    canManage,
    canEdit: canManage && isDecisionEditable(record.status),
    canAccept: canManage && record.status === "PROPOSED",
    successors: canManage && record.status !== "SUPERSEDED" ? possibleSuccessors(record, all) : [],
  };
}

/**
 * What the new-record form starts from: blank, or a copy of the record it will succeed (`from`), so a
 * changed decision is written as a successor rather than an edit.
 */
export async function getDecisionDraft(actor: Actor, programmeSlug: string, fromId?: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const canManage = access.can("decisions.manage");
  const from =
    canManage && fromId
      ? await findDecision(access.programme.id, fromId).catch((e: unknown) => {
          if (e instanceof NotFoundError) return null;
          throw e;
        })
      : null;
  return {
    access,
    canManage,
    from: from && { id: from.id, number: from.number },
    values: {
      title: from?.title ?? "",
      claudeProduct: from?.claudeProduct ?? "",
      models: from?.models ?? "",
      dataFlows: from?.dataFlows ?? "",
      integrationPoints: from?.integrationPoints ?? "",
      failureModes: from?.failureModes ?? "",
    },
  };
}
