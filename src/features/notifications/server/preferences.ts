import "server-only";

import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { sessionSecret } from "@/server/env";
import type { Delivery, NotificationKind } from "@/server/notifications/kinds";
import { verifyPreferenceToken } from "@/server/notifications/preference-token";
import { preferencesOf, setPreferences } from "@/server/notifications/preferences";

import { setNotificationPreferenceSchema, type SetNotificationPreferenceInput } from "../schemas";

export interface PreferenceRow {
  kind: string;
  label: string;
  description: string;
  delivery: Delivery;
  isDefault: boolean;
}

/** The person's email setting for each kind (the kind's default where they never chose). */
export async function getNotificationPreferences(actor: Actor, kinds: readonly NotificationKind[]): Promise<PreferenceRow[]> {
  const chosen = await preferencesOf(actor.id);
  return kinds.map((k) => ({
    kind: k.key,
    label: k.label,
    description: k.description,
    delivery: chosen.get(k.key) ?? k.defaultDelivery,
    isDefault: !chosen.has(k.key),
  }));
}

/** The signed-in person changes their own setting for one kind. */
export async function setNotificationPreference(actor: Actor, raw: SetNotificationPreferenceInput) {
  const input = setNotificationPreferenceSchema.parse(raw);
  await setPreferences(actor.id, [input.kind], input.delivery);
  return input;
}

/**
 * The one-click link in an email (no sign-in): whose and which kinds, with the current setting of each.
 * null for anything but a genuine link (altered, truncated, signed with another secret, a deleted person),
 * so a guessed link reveals nothing.
 */
export async function readPreferenceLink(token: string, kinds: ReadonlyMap<string, NotificationKind>) {
  const scope = verifyPreferenceToken(sessionSecret(), token);
  if (!scope) return null;
  const user = await db.user.findUnique({ where: { id: scope.userId }, select: { id: true, email: true } });
  if (!user) return null;
  const chosen = await preferencesOf(user.id);
  return {
    email: user.email,
    kinds: scope.kinds.map((k) => {
      const kind = kinds.get(k);
      return { kind: k, label: kind?.label ?? k, delivery: chosen.get(k) ?? kind?.defaultDelivery ?? "IMMEDIATE" };
    }),
  };
}

/** Applies a one-click link: sets the delivery of exactly the person and the kinds the link names (null: not a genuine link). */
export async function applyPreferenceLink(token: string, delivery: Delivery) {
  const scope = verifyPreferenceToken(sessionSecret(), token);
  if (!scope) return null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: scope.userId }, select: { id: true } });
    if (!user) return null;
    await setPreferences(user.id, scope.kinds, delivery, tx);
    return { kinds: scope.kinds, delivery };
  });
}
