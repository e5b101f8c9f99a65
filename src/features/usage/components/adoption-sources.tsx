import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { formatCount, formatDay, formatPercent, formatShare } from "@/lib/format";

import type { MetricsResponse } from "../schemas";

const PRODUCT_LABELS: Record<string, string> = { chat: "Chat", claude_code: "Claude Code", cowork: "Cowork" };
const productLabel = (k: string) => PRODUCT_LABELS[k] ?? k.replace(/_/g, " ");

/**
 * Active users from each source at the end of the range, side by side, with the one the adoption figure uses
 * marked — shown when Claude Enterprise analytics summaries exist (otherwise there is only one source).
 */
export function AdoptionSources({ adoption, licensedSeats }: { adoption: MetricsResponse["adoption"]; licensedSeats: number }) {
  const a = adoption.analyticsSummaries;
  if (!a) return null;
  const e = adoption.usageEvents;
  const products = Object.entries(a.products);
  return (
    <div className="mt-4 space-y-3">
      <Table caption="Active users by source, at the end of the range" density="compact" size="xs">
        <TableHead>
          <Tr>
            <Th>Source</Th>
            <Th numeric>28 days</Th>
            <Th numeric>Of {formatCount(licensedSeats)} seats</Th>
            <Th numeric>7 days</Th>
            <Th>Used for adoption</Th>
          </Tr>
        </TableHead>
        <TableBody>
          <Tr>
            <Td>
              Claude Enterprise analytics summaries <span className="text-slate-500">({formatDay(a.lastDay)}, organisation-level)</span>
            </Td>
            <Td numeric>{formatCount(a.monthly)}</Td>
            <Td numeric>{formatPercent(a.active28PctAtEnd)}</Td>
            <Td numeric>{formatCount(a.weekly)}</Td>
            <Td>{adoption.source === "analytics-summaries" ? "Yes" : "No"}</Td>
          </Tr>
          <Tr>
            <Td>
              Per-person usage events <span className="text-slate-500">({formatCount(e.days)} days with activity)</span>
            </Td>
            <Td numeric>{formatCount(e.active28AtEnd)}</Td>
            <Td numeric>{formatPercent(e.active28PctAtEnd)}</Td>
            <Td numeric>{formatCount(e.active7AtEnd)}</Td>
            <Td>{adoption.source === "usage-events" ? "Yes" : "No"}</Td>
          </Tr>
        </TableBody>
      </Table>
      <p className="text-xs text-slate-600">
        A day with an analytics summary takes its active users from it; a day without one, from the per-person events.
        {a.assignedSeats !== null && <> Assigned seats {formatCount(a.assignedSeats)}</>}
        {a.pendingInvites !== null && <> · pending invites {formatCount(a.pendingInvites)}</>}
        {a.monthlyAdoptionRate !== null && (
          <> · Anthropic&rsquo;s monthly adoption rate {formatShare(a.monthlyAdoptionRate)} of assigned seats</>
        )}
        {products.length > 0 && (
          <>
            {" "}
            · by product (monthly active):{" "}
            {products.map(([k, v]) => `${productLabel(k)} ${v.monthly !== undefined ? formatCount(v.monthly) : "—"}`).join(", ")}
          </>
        )}
        .
      </p>
    </div>
  );
}
