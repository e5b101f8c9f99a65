/**
 * Factories shared by the demo seed, the integration tests and the e2e tests. They go through the
 * real operations wherever one exists, so seeded and test data obey the same rules as user input.
 */
import { randomUUID } from "node:crypto";

import type { ReviewFunction, Role } from "@/domain/enums";
import { addMember } from "@/features/members/server/add-member";
import { createPolicyDraft } from "@/features/policies/server/create-policy-draft";
import { publishPolicyVersion } from "@/features/policies/server/publish-policy-version";
import { updatePolicyDraft } from "@/features/policies/server/update-policy-draft";
import type { CreateProgrammeInput } from "@/features/programmes/schemas";
import { createProgramme } from "@/features/programmes/server/create-programme";
import { actorSelect, type Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";

const hashes = new Map<string, Promise<string>>();
/** bcrypt is slow on purpose; tests make many users with the same password, so hash each password once. */
const cachedHash = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

export const uniqueSuffix = () => randomUUID().slice(0, 8);

export async function makeUser(opts: { email?: string; name?: string; password?: string | null } = {}): Promise<Actor> {
  const suffix = uniqueSuffix();
  const password = opts.password === undefined ? "correct horse battery" : opts.password;
  return db.user.create({
    data: {
      email: (opts.email ?? `user-${suffix}@example.test`).toLowerCase(),
      name: opts.name ?? `Test User ${suffix}`,
      passwordHash: password === null ? null : await cachedHash(password),
    },
    select: actorSelect,
  });
}

export function isoDateDaysAgo(days: number, now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days));
  return d.toISOString().slice(0, 10);
}

/** A programme created through the real operation; `day` puts today on that programme day. */
export async function makeProgramme(manager: Actor, overrides: Partial<CreateProgrammeInput> & { day?: number } = {}) {
  const { day, ...input } = overrides;
  const suffix = uniqueSuffix();
  return createProgramme(manager, {
    name: `Test programme ${suffix}`,
    organisation: "Example Corp",
    slug: `test-${suffix}`,
    startDate: isoDateDaysAgo((day ?? 1) - 1),
    licensedSeats: 250,
    deploymentKind: "CLAUDE_APPS",
    ...input,
  });
}

/** Adds an existing user to a programme through the real operation, as its programme manager, who types their name. */
export async function makeMember(manager: Actor, programmeSlug: string, user: Actor, roles: Role[], functions: ReviewFunction[] = []) {
  const added = await addMember(manager, { programmeSlug, email: user.email, name: user.name, roles, functions });
  if (added.kind !== "added") throw new Error(`makeMember: ${user.email} has no account, so they were invited instead`);
  return added;
}

/** A published acceptable use policy, written and published through the real operations by the programme manager. */
export async function makePublishedAup(
  manager: Actor,
  programmeSlug: string,
  body = "# Acceptable use of Claude\n\nUse approved workflows; never paste customer identifiers.",
) {
  const draft = await createPolicyDraft(manager, { programmeSlug });
  await updatePolicyDraft(manager, { programmeSlug, versionId: draft.id, body });
  return publishPolicyVersion(manager, { programmeSlug, versionId: draft.id });
}
