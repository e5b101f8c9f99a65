import { cache } from "react";

import { ROLE_LABELS, type DeploymentKind, type PhaseKey, type ProgrammeStatus, type ReviewFunction, type Role } from "@/domain/enums";
import { allowedRolesFor, can, type Permission } from "@/domain/permissions";
import { hashApiToken, TOKEN_PATTERN } from "@/domain/tokens";

import type { Actor } from "./auth/actor";
import { db } from "./db";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors";

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
  const membership = await membershipOf(actor.id, programmeSlug);
  if (!membership) throw new NotFoundError("Programme not found.");
  const roles = membership.roles;
  if (!can(roles, permission)) {
    const who = allowedRolesFor(permission).map((r) => ROLE_LABELS[r].toLowerCase());
    throw new ForbiddenError(`Only a ${who.join(" or ")} can do that in this programme.`);
  }
  return {
    actor,
    programme: membership.programme,
    membership: { id: membership.id, roles, functions: membership.functions },
    can: (p) => can(roles, p),
  };
}

/**
 * The membership, read once per page render: the programme layout and the page both authorize, and
 * React's `cache` hands the second the first's answer within that render only (decision record 020).
 * Outside a render (server actions, route handlers, jobs, the CLI, tests) every call reads the database.
 */
const membershipOf = cache((userId: string, programmeSlug: string) =>
  db.membership.findFirst({
    where: { userId, programme: { slug: programmeSlug } },
    select: { id: true, roles: true, functions: true, programme: { select: programmeAccessSelect } },
  }),
);

/** A token's "last used" is recorded at most once in this time. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The same check for the JSON API: a programme API token (Authorization: Bearer gh_…), looked up by its
 * hash, revocable, scoped to one programme. A token for another programme, like an unknown slug,
 * gets "not found".
 */
export async function authorizeApiToken(authorizationHeader: string | null, programmeSlug: string) {
  const token = authorizationHeader?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token || !TOKEN_PATTERN.test(token))
    throw new UnauthenticatedError("Send a programme API token: Authorization: Bearer gh_… (create one with npm run cli -- token create).");
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, name: true, revokedAt: true, lastUsedAt: true, programme: { select: programmeAccessSelect } },
  });
  if (!row || row.revokedAt) throw new UnauthenticatedError("This API token is not valid.");
  if (row.programme.slug !== programmeSlug) throw new NotFoundError("Programme not found.");
  // "Last used" to the minute: at most one write a minute per token, not one per request.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  return { token: { id: row.id, name: row.name }, programme: row.programme };
}
