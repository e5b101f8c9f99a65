import { allowedRolesFor, can, type Permission } from "@/domain/permissions";
import { ROLE_LABELS, type DeploymentKind, type PhaseKey, type ProgrammeStatus, type Role, type ReviewFunction } from "@/domain/enums";
import type { Actor } from "./auth/actor";
import { db } from "./db";
import { ForbiddenError, NotFoundError } from "./errors";

export const programmeAccessSelect = {
  id: true,
  slug: true,
  name: true,
  organisation: true,
  startDate: true,
  licensedSeats: true,
  deploymentKind: true,
  currentPhase: true,
  status: true,
  pilotMinDays: true,
  launchedAt: true,
  templateVersion: true,
} as const;

export interface ProgrammeAccess {
  actor: Actor;
  programme: {
    id: string;
    slug: string;
    name: string;
    organisation: string;
    startDate: Date;
    licensedSeats: number;
    deploymentKind: DeploymentKind;
    currentPhase: PhaseKey;
    status: ProgrammeStatus;
    pilotMinDays: number;
    launchedAt: Date | null;
    templateVersion: string;
  };
  membership: { id: string; roles: Role[]; functions: ReviewFunction[] };
  can(permission: Permission): boolean;
}

/**
 * The one authorization check. Every server operation, action and route handler calls it with the
 * programme it touches; it reads the membership from the database each time (never the JWT), so a
 * removed member loses access on their next request.
 *
 * Not a member, or no such programme: NotFoundError — another programme's existence is not revealed.
 * A member whose roles do not allow the permission: ForbiddenError naming who may.
 */
export async function authorize(actor: Actor, programmeSlug: string, permission: Permission): Promise<ProgrammeAccess> {
  const membership = await db.membership.findFirst({
    where: { userId: actor.id, programme: { slug: programmeSlug } },
    select: { id: true, roles: true, functions: true, programme: { select: programmeAccessSelect } },
  });
  if (!membership) throw new NotFoundError("Programme not found.");
  const roles = membership.roles as Role[];
  if (!can(roles, permission)) {
    const who = allowedRolesFor(permission).map((r) => ROLE_LABELS[r].toLowerCase());
    throw new ForbiddenError(`Only a ${who.join(" or ")} can do that in this programme.`);
  }
  return {
    actor,
    programme: membership.programme,
    membership: { id: membership.id, roles, functions: membership.functions as ReviewFunction[] },
    can: (p) => can(roles, p),
  };
}
