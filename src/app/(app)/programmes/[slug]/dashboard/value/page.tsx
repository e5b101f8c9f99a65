import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { HourlyCostForm, RemoveHourlyCostButton } from "@/features/usage/value/components/hourly-cost-form";
import { getValueSettings } from "@/features/usage/value/server/get-value-settings";
import { formatDate, formatUsd } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Hourly costs" };

export default async function HourlyCostsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/dashboard/value`);
  const v = await loadOr404(() => getValueSettings(user, slug));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Hourly costs"
        back={{ href: `/programmes/${slug}/dashboard`, label: "Dashboard" }}
        description="What an hour of a person's time costs, per department or for the whole programme. The dashboard, the weekly report and the Pilot Debrief turn minutes saved into an estimated value in money with these, and set it against API and seat cost (ROI)."
      />
      <Card title="Hourly costs set">
        {v.rates.length === 0 ? (
          <EmptyState variant="inline" title="No hourly cost is set yet.">
            Minutes saved are shown as time only until a cost is set. A programme-wide cost (department left empty) covers every department
            without its own.
          </EmptyState>
        ) : (
          <Table caption="Hourly costs" density="compact">
            <TableHead>
              <Tr>
                <Th>Department</Th>
                <Th numeric>Cost of an hour</Th>
                <Th>Set</Th>
                {v.canManage && <Th>Actions</Th>}
              </Tr>
            </TableHead>
            <TableBody>
              {v.rates.map((r) => (
                <Tr key={r.department}>
                  <Td>{r.department || "Programme-wide (every department without its own)"}</Td>
                  <Td numeric>{formatUsd(r.usdPerHour)}</Td>
                  <Td>{formatDate(r.updatedAt)}</Td>
                  {v.canManage && (
                    <Td>
                      <RemoveHourlyCostButton programmeSlug={slug} department={r.department} />
                    </Td>
                  )}
                </Tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      {v.canManage ? (
        <Card title="Set an hourly cost">
          <HourlyCostForm programmeSlug={slug} departments={v.departments} />
        </Card>
      ) : (
        <p className="text-sm text-slate-600">Only a programme manager can set hourly costs.</p>
      )}
    </div>
  );
}
