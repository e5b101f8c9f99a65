import "server-only";

import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

export const memberSelect = {
  id: true,
  roles: true,
  functions: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true, passwordHash: true, ssoSubject: true } },
} as const;

export async function listMembers(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "members.read");
  const rows = await db.membership.findMany({
    where: { programmeId: access.programme.id },
    select: memberSelect,
    orderBy: [{ user: { name: "asc" } }],
  });
  // Secrets never leave the server: only whether the person can sign in, and how.
  const members = rows.map(({ user: { passwordHash, ssoSubject, ...user }, ...m }) => ({
    ...m,
    user,
    signIn: ssoSubject ? ("sso" as const) : passwordHash ? ("password" as const) : ("none" as const),
  }));
  return { access, members };
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>["members"][number];
