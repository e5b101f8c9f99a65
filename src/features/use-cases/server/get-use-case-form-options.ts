import "server-only";

import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { listOwnerChoices } from "./use-case-state";

/** What the use-case form offers: the members who can own it and the business functions already used. */
export async function getUseCaseFormOptions(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const [members, functions] = await Promise.all([
    listOwnerChoices(programmeId),
    db.useCase.findMany({
      where: { programmeId },
      distinct: ["businessFunction"],
      select: { businessFunction: true },
      orderBy: { businessFunction: "asc" },
    }),
  ]);
  return { access, members, functions: functions.map((f) => f.businessFunction), canManage: access.can("usecases.manage") };
}
