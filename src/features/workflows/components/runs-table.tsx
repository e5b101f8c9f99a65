import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { formatCount, formatDateTime, formatSeconds, formatUsdPrecise } from "@/lib/format";

import type { getWorkflow } from "../server/queries";

type Run = Awaited<ReturnType<typeof getWorkflow>>["workflow"]["runs"][number];

/** A workflow's recent production runs: who, which version, result, tokens, cost and latency. */
export function RunsTable({ runs }: { runs: Run[] }) {
  return (
    <Table label="Recent runs">
      <TableHead>
        <Tr>
          <Th>When</Th>
          <Th>By</Th>
          <Th>Version</Th>
          <Th>Result</Th>
          <Th numeric>Tokens</Th>
          <Th numeric>Cost</Th>
          <Th numeric>Latency</Th>
        </Tr>
      </TableHead>
      <TableBody>
        {runs.map((r) => (
          <Tr key={r.id}>
            <Td className="text-xs">{formatDateTime(r.createdAt)}</Td>
            <Td className="text-xs">
              {r.runBy} <span className="text-slate-500">({r.channel})</span>
            </Td>
            <Td className="font-mono text-xs">v{r.version.number}</Td>
            <Td>
              {r.status === "SUCCEEDED" ? <Badge tone="success">Succeeded</Badge> : <Badge tone="danger">{r.errorType ?? "Failed"}</Badge>}
            </Td>
            <Td numeric>{formatCount(r.inputTokens + r.outputTokens)}</Td>
            <Td numeric>{formatUsdPrecise(r.costUsd)}</Td>
            <Td numeric>{formatSeconds(r.latencyMs)}</Td>
          </Tr>
        ))}
      </TableBody>
    </Table>
  );
}
