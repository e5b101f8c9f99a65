import "server-only";

import { db, type Tx } from "../db";
import type { Delivery } from "./kinds";

/** A person's chosen delivery per kind (kinds they never chose are absent: the kind's default applies). */
export async function preferencesOf(userId: string, client: Tx | typeof db = db): Promise<Map<string, Delivery>> {
  const rows = await client.notificationPreference.findMany({ where: { userId }, select: { kind: true, delivery: true } });
  return new Map(rows.map((r) => [r.kind, r.delivery]));
}

/** Sets a person's delivery for each of `kinds`. */
export async function setPreferences(userId: string, kinds: readonly string[], delivery: Delivery, client: Tx | typeof db = db) {
  for (const kind of kinds)
    await client.notificationPreference.upsert({
      where: { userId_kind: { userId, kind } },
      create: { userId, kind, delivery },
      update: { delivery },
    });
}
