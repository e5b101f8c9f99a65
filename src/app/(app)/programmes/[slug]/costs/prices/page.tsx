import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Th, Tr } from "@/components/ui/table";
import { PUBLISHED_PRICES_SOURCE } from "@/domain/prices";
import { AddPriceForm, PriceTableRow } from "@/features/costs/components/price-forms";
import { getPriceTable } from "@/features/costs/server/get-price-table";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Price table" };

export default async function PriceTablePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/costs/prices`);
  const t = await loadOr404(() => getPriceTable(user, slug));
  const models = [...new Map(t.rows.map((r) => [r.model, { model: r.model, label: r.label }])).values()];
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ href: `/programmes/${slug}/costs`, label: "Cost model" }]}
        current="price table"
        title="Price table"
        description={
          <>
            USD per million tokens. Seeded from {PUBLISHED_PRICES_SOURCE}. The row in force for a model is its latest one effective on or
            before today; cost scenarios use those. Haiku 5.5&apos;s prompts-over-100k row applies by itself to prompts longer than 100k
            tokens.
          </>
        }
      />
      <Card title={`Prices (${t.rows.length} rows)`}>
        <Table label="Price table">
          <TableHead>
            <Tr>
              <Th>Model</Th>
              <Th numeric>Input</Th>
              <Th numeric>5-min cache write</Th>
              <Th numeric>1-hour cache write</Th>
              <Th numeric>Cache read</Th>
              <Th numeric>Output</Th>
              <Th numeric>Batch discount</Th>
              <Th>Effective from</Th>
              <Th>Status</Th>
              {t.canManage && (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              )}
            </Tr>
          </TableHead>
          <TableBody>
            {t.rows.map((r) => (
              <PriceTableRow key={r.id} programmeSlug={slug} price={r} canManage={t.canManage} />
            ))}
          </TableBody>
        </Table>
      </Card>
      {t.canManage ? (
        <Card title="Add a price">
          <p className="mb-3 text-sm text-slate-600">
            A price change from a date, a negotiated price, or a model the table lacks. Earlier rows stay as the history.
          </p>
          <AddPriceForm programmeSlug={slug} models={models} today={new Date().toISOString().slice(0, 10)} />
        </Card>
      ) : (
        <p className="text-sm text-slate-600">Only a programme manager can change the price table.</p>
      )}
    </div>
  );
}
