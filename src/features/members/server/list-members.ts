import "server-only";

import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

export const memberSelect = {
  id: true,
  roles: true,
  functions: true,
  createdAt: true,
  addedAsName: true,
  user: { select: { id: true, name: true, email: true, passwordHash: true, ssoSubject: true } },
} as const;

/**
 * The programme's members. Each is shown by `displayName`: for an account added by its email, the
 * name the programme manager typed (or the email), never the account's own name, so typing an
 * email into "Add a member" cannot reveal who is behind it (docs/decisions/016).
 */
export async function listMembers(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "members.read");
  const rows = await db.membership.findMany({
    where: { programmeId: access.programme.id },
    select: memberSelect,
    orderBy: [{ createdAt: "asc" }],
  });
  // Secrets never leave the server: only whether the person can sign in, and how.
  const members = rows
    .map(({ user: { passwordHash, ssoSubject, name, ...user }, addedAsName, ...m }) => ({
      ...m,
      user,
      displayName: addedAsName ?? name,
      signIn: ssoSubject ? ("sso" as const) : passwordHash ? ("password" as const) : ("none" as const),
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return { access, members };
}
