import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
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
  const th = "py-2 pr-3 font-medium";
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/programmes/${slug}/costs`} className="text-brand-700 hover:underline">
            Cost model
          </Link>{" "}
          / price table
        </p>
        <h2 className="text-lg font-semibold">Price table</h2>
        <p className="text-sm text-slate-600">
          USD per million tokens. Seeded from {PUBLISHED_PRICES_SOURCE}. The row in force for a model is its latest one effective on or
          before today; cost scenarios use those. Haiku 5.5&apos;s prompts-over-100k row applies by itself to prompts longer than 100k
          tokens.
        </p>
      </div>
      <Card title={`Prices (${t.rows.length} rows)`}>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label="Price table">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th scope="col" className={th}>
                  Model
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Input
                </th>
                <th scope="col" className={`${th} text-right`}>
                  5-min cache write
                </th>
                <th scope="col" className={`${th} text-right`}>
                  1-hour cache write
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Cache read
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Output
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Batch discount
                </th>
                <th scope="col" className={th}>
                  Effective from
                </th>
                <th scope="col" className={th}>
                  Status
                </th>
                {t.canManage && (
                  <th scope="col" className={th}>
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {t.rows.map((r) => (
                <PriceTableRow key={r.id} programmeSlug={slug} price={r} canManage={t.canManage} />
              ))}
            </tbody>
          </table>
        </div>
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
