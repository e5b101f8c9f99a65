import "server-only";

import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

/** The hourly costs page: the costs set, the departments seen in usage (to pick from), and whether this member may change them. */
export async function getValueSettings(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const [rates, departments] = await Promise.all([
    db.hourlyCost.findMany({
      where: { programmeId },
      orderBy: { department: "asc" },
      select: { department: true, usdPerHour: true, updatedAt: true },
    }),
    db.$queryRaw<{ key: string }[]>`
      SELECT DISTINCT "key" FROM "UsageDaily" WHERE "programmeId" = ${programmeId}::uuid AND "dimension" = 'department' AND "key" <> '' ORDER BY 1 LIMIT 200`,
  ]);
  return { access, rates, departments: departments.map((d) => d.key), canManage: access.can("costs.manage") };
}
