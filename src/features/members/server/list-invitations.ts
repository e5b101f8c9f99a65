import "server-only";

import type { ReviewFunction, Role } from "@/domain/enums";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { invitationSelect } from "./create-invitation";

/** The programme's open invitations (not accepted or revoked; expired ones too, so they can be sent again). Managers only. */
export async function listInvitations(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "members.manage");
  const rows = await db.invitation.findMany({
    where: { programmeId: access.programme.id, acceptedAt: null, revokedAt: null },
    select: invitationSelect,
    orderBy: { createdAt: "desc" },
  });
  const now = Date.now();
  return rows.map((r) => ({
    ...r,
    roles: r.roles as Role[],
    functions: r.functions as ReviewFunction[],
    expired: r.expiresAt.getTime() <= now,
  }));
}
