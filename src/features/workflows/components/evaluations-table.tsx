import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime, formatPassRate, formatUsdPrecise } from "@/lib/format";

import type { getWorkflow } from "../server/queries";
import { EVAL_LABEL, EVAL_TONE } from "./evaluation-status";

type Evaluation = Awaited<ReturnType<typeof getWorkflow>>["workflow"]["evaluations"][number];

/** A workflow's latest evaluation runs: when, which version, status (a manual one labelled so), progress, pass rate and cost. */
export function EvaluationsTable({ base, evaluations }: { base: string; evaluations: Evaluation[] }) {
  return (
    <Table label="Evaluations">
      <TableHead>
        <Tr>
          <Th>Started</Th>
          <Th>Version</Th>
          <Th>Status</Th>
          <Th numeric>Progress</Th>
          <Th numeric>Pass rate</Th>
          <Th numeric>Cost</Th>
          <Th>By</Th>
        </Tr>
      </TableHead>
      <TableBody>
        {evaluations.map((e) => (
          <Tr key={e.id}>
            <Td>
              <Link href={`${base}/evaluations/${e.id}`} className="text-brand-700 hover:underline">
                {formatDateTime(e.startedAt)}
              </Link>
            </Td>
            <Td className="font-mono text-xs">v{e.version.number}</Td>
            <Td>
              <Badge tone={EVAL_TONE[e.status]}>{EVAL_LABEL[e.status]}</Badge>
              {e.mode === "MANUAL" && (
                <>
                  {" "}
                  <Badge tone="info">manual</Badge>
                </>
              )}
            </Td>
            <Td numeric>
              {e.doneCases}/{e.totalCases}
            </Td>
            <Td numeric>{e.status === "RUNNING" ? "—" : formatPassRate(e.passedCases, e.totalCases)}</Td>
            <Td numeric>{e.mode === "MANUAL" ? "—" : formatUsdPrecise(e.costUsd)}</Td>
            <Td className="text-xs">{e.startedBy}</Td>
          </Tr>
        ))}
      </TableBody>
    </Table>
  );
}
