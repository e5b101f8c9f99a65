import "server-only";

import { STAKEHOLDER_ROLES } from "@/domain/enums";
import { flagStakeholders } from "@/domain/stakeholders";
import { programmeDay } from "@/domain/template";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

/** The stakeholder map: one card per role in the playbook's order, each with its flags; who may edit. */
export async function listStakeholders(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const [rows, members] = await Promise.all([
    db.stakeholder.findMany({
      where: { programmeId },
      select: {
        id: true,
        role: true,
        personName: true,
        personTitle: true,
        relationshipOwnerId: true,
        concerns: true,
        engagementPlan: true,
        stance: true,
        engageByWeek: true,
        relationshipOwner: { select: { user: { select: { name: true } } } },
      },
    }),
    db.membership.findMany({
      where: { programmeId },
      select: { id: true, user: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const flags = flagStakeholders(access.programme.startDate, rows, now);
  const stakeholders = rows
    .sort((a, b) => STAKEHOLDER_ROLES.indexOf(a.role) - STAKEHOLDER_ROLES.indexOf(b.role) || a.id.localeCompare(b.id))
    .map(({ relationshipOwner, ...s }) => ({
      ...s,
      ownerName: relationshipOwner?.user.name ?? null,
      flags: flags.filter((f) => f.stakeholderId === s.id),
    }));
  return {
    access,
    day: programmeDay(access.programme.startDate, now),
    stakeholders,
    flags,
    members: members.map((m) => ({ id: m.id, name: m.user.name })),
    canManage: access.can("stakeholders.manage"),
  };
}
