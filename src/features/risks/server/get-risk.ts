import "server-only";

import { z } from "zod";

import { isOverdueRisk, isUnownedRisk, riskScore } from "@/domain/risk";
import { utcDateOf } from "@/domain/template";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { riskRowSelect } from "./list-risks";

/** One risk of the programme (its page, the address gate evidence links to), the members who may own it, and whether this user may edit. */
export async function getRisk(actor: Actor, programmeSlug: string, riskId: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  if (!z.string().uuid().safeParse(riskId).success) throw new NotFoundError("Risk not found.");
  const row = await db.risk.findFirst({ where: { id: riskId, programmeId }, select: riskRowSelect });
  if (!row) throw new NotFoundError("Risk not found.");
  const { owner, ...r } = row;
  const today = utcDateOf(now);
  return {
    access,
    risk: {
      ...r,
      ownerName: owner?.user.name ?? null,
      score: riskScore(r.probability, r.impact),
      unowned: isUnownedRisk(r),
      overdue: isOverdueRisk(r, today),
    },
    members: await listOwnerChoices(programmeId),
    canManage: access.can("risks.manage"),
  };
}

/** The programme's members, by name, for an owner select. */
export async function listOwnerChoices(programmeId: string) {
  const members = await db.membership.findMany({
    where: { programmeId },
    select: { id: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return members.map((m) => ({ id: m.id, name: m.user.name }));
}

/** What the "new risk" page needs: the owner choices, and whether this user may add a risk. */
export async function getNewRiskForm(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const canManage = access.can("risks.manage");
  return { access, canManage, members: canManage ? await listOwnerChoices(access.programme.id) : [] };
}
