import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { COHORT_STATUS_LABELS } from "@/domain/cohorts";
import { formatCount, formatDay, formatShare } from "@/lib/format";
import type { Actor } from "@/server/auth/actor";

import { getCohortAdoptionPanel } from "../server/cohort-adoption";
import { COHORT_STATUS_TONE } from "./cohort-list";

/**
 * Adoption per cohort on the dashboard: each cohort's active people (7 days) against its own seats, beside the
 * licensed seats, so the pilot is judged against the pilot's size. Loads its own figures (a few bounded queries).
 */
export async function CohortAdoptionPanel({ actor, slug }: { actor: Actor; slug: string }) {
  const { licensedSeats, cohorts } = await getCohortAdoptionPanel(actor, slug);
  return (
    <Card
      title="Adoption per cohort"
      action={
        <Link href={`/programmes/${slug}/cohorts`} className="text-xs font-medium text-brand-700 hover:underline">
          Cohorts and rollback
        </Link>
      }
    >
      {cohorts.length === 0 ? (
        <EmptyState variant="inline" title="No cohorts planned yet.">
          Plan the pilot and the rollout cohorts on the Cohorts page to see each one&apos;s adoption against its own size.
        </EmptyState>
      ) : (
        <Table label="Adoption per cohort">
          <TableHead>
            <Tr>
              <Th>Cohort</Th>
              <Th>Status</Th>
              <Th numeric>Active (7 days)</Th>
              <Th numeric>Cohort seats</Th>
              <Th numeric>Of cohort</Th>
              <Th numeric>Of {formatCount(licensedSeats)} licensed</Th>
            </Tr>
          </TableHead>
          <TableBody>
            {cohorts.map((c) => (
              <Tr key={c.key}>
                <Th scope="row">{c.name}</Th>
                <Td>
                  <Badge tone={COHORT_STATUS_TONE[c.status]}>{COHORT_STATUS_LABELS[c.status]}</Badge>
                </Td>
                <Td numeric>{formatCount(c.activePeople)}</Td>
                <Td numeric>{formatCount(c.seats)}</Td>
                <Td numeric>{formatShare(c.share)}</Td>
                <Td numeric>{formatShare(licensedSeats > 0 ? c.activePeople / licensedSeats : null)}</Td>
              </Tr>
            ))}
          </TableBody>
        </Table>
      )}
      {cohorts[0] && (
        <p className="mt-2 text-xs text-slate-600">
          7 days to {formatDay(cohorts[0].to)}. Each cohort is judged against its own seats; the pilot against the pilot&apos;s size.
        </p>
      )}
    </Card>
  );
}
