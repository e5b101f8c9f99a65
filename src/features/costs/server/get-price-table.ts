import "server-only";

import { isTierModel, priceStatus } from "@/domain/prices";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { loadPriceTable } from "./cost-data";
import { ensureDefaultPrices } from "./seed-default-prices";

/** The programme's price table, every row with whether it is current, scheduled or superseded. */
export async function getPriceTable(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  await ensureDefaultPrices(access.programme.id);
  const prices = await loadPriceTable(db, access.programme.id, now);
  const rows = prices.rows.map((r) => ({ ...r, status: priceStatus(r, prices.current), tier: isTierModel(r.model) }));
  return { access, canManage: access.can("costs.manage"), rows };
}
