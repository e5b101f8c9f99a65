import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { formatCount, formatDay } from "@/lib/format";

import type { CohortsPage } from "../server/get-cohorts";
import { AddCohortForm, RollbackPlanForm, RollbackTestForm } from "./cohort-forms";

/** The rollback plan (evidence for the Production Readiness Review), its tests, and the form to add a cohort. */
export function RollbackPlanSection({ page, slug }: { page: CohortsPage; slug: string }) {
  const { plan } = page;
  return (
    <div className="space-y-4">
      {page.canManage && (
        <Card title="Add a cohort">
          <AddCohortForm programmeSlug={slug} defaultKind={page.cohorts.some((c) => c.kind === "TRAFFIC") ? "TRAFFIC" : "PEOPLE"} />
        </Card>
      )}
      <Card title="Rollback plan">
        <div className="space-y-4">
          <p className="text-sm text-slate-800">
            <span className="font-medium">Rollback authority:</span> {plan.authority.map((a) => a.name).join(", ") || "nobody"}
            {plan.authorityIsDefault && " (the programme managers, by default)"}. <span className="font-medium">Target time:</span>{" "}
            {plan.targetMinutes ? `${formatCount(plan.targetMinutes)} minutes` : "not set"}.
          </p>
          {plan.procedureHtml ? (
            <article
              aria-label="Rollback procedure"
              className="max-w-3xl text-sm leading-6 text-slate-800 [&_a]:text-brand-700 [&_a]:underline [&_h2]:mt-4 [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_ul]:list-disc [&_ul]:pl-6"
              // Safe: renderPolicyMarkdown's allowlist sanitizer, never raw input.
              dangerouslySetInnerHTML={{ __html: plan.procedureHtml }}
            />
          ) : (
            <EmptyState variant="panel" title="No procedure written yet.">
              Document how to roll back before the first cohort goes live: who does what, in which order, and how you know it worked.
            </EmptyState>
          )}
          {page.canManage && (
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer text-sm font-medium text-slate-800">Edit the rollback plan</summary>
              <div className="mt-3">
                <RollbackPlanForm
                  programmeSlug={slug}
                  plan={{
                    procedure: plan.procedure,
                    targetMinutes: plan.targetMinutes,
                    authorityIds: plan.authorityIsDefault ? [] : plan.authority.map((a) => a.id),
                  }}
                  members={page.members}
                />
              </div>
            </details>
          )}
          <h3 className="text-sm font-semibold text-slate-900">Rollback tests</h3>
          {page.tests.length === 0 ? (
            <EmptyState variant="inline" title="No rollback tested yet.">
              The playbook: test the rollback in staging before you deploy.
            </EmptyState>
          ) : (
            <Table label="Rollback tests">
              <TableHead>
                <Tr>
                  <Th>Date</Th>
                  <Th>Environment</Th>
                  <Th numeric>Took</Th>
                  <Th>Result</Th>
                  <Th>Notes</Th>
                </Tr>
              </TableHead>
              <TableBody>
                {page.tests.map((t) => (
                  <Tr key={t.id}>
                    <Td nowrap>{formatDay(t.testedOn)}</Td>
                    <Td>{t.environment}</Td>
                    <Td numeric nowrap>
                      {formatCount(t.durationMinutes)} min
                    </Td>
                    <Td>{t.result === "PASSED" ? <Badge tone="success">Passed</Badge> : <Badge tone="danger">Failed</Badge>}</Td>
                    <Td>{t.notes}</Td>
                  </Tr>
                ))}
              </TableBody>
            </Table>
          )}
          {page.canManage && <RollbackTestForm programmeSlug={slug} />}
        </div>
      </Card>
    </div>
  );
}
