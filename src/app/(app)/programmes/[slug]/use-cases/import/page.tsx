import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { ImportForm } from "@/features/use-cases/components/import-form";
import { UseCasesNav } from "@/features/use-cases/components/use-cases-nav";
import { CSV_COLUMNS } from "@/features/use-cases/csv";
import { getUseCaseFormOptions } from "@/features/use-cases/server/get-use-case-form-options";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Import use cases" };

export default async function ImportUseCasesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/use-cases/import`);
  const { canManage } = await loadOr404(() => getUseCaseFormOptions(user, slug));
  return (
    <div className="space-y-6">
      <UseCasesNav slug={slug} canManage={canManage} />
      <Card title="Import use cases from CSV">
        {canManage ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <ImportForm programmeSlug={slug} />
            <div className="space-y-2 text-sm text-slate-600">
              <p>
                One use case per row, with a header on line 1. Every row is checked first: if any row has a problem,{" "}
                <strong>nothing is imported</strong> and every problem is listed with its line number. An exported file imports as it is.
              </p>
              <p>Columns (* required):</p>
              <ul className="flex flex-wrap gap-1" aria-label="Columns">
                {CSV_COLUMNS.filter((c) => c.writable).map((c) => (
                  <li key={c.key}>
                    <code className="rounded bg-slate-100 px-1 font-mono text-xs">
                      {c.header}
                      {c.required ? "*" : ""}
                    </code>
                  </li>
                ))}
              </ul>
              <p>
                Scores are whole numbers from 1 to 5; <code className="font-mono text-xs">owner_email</code> must be a member of this
                programme; <code className="font-mono text-xs">status</code> defaults to CANDIDATE;{" "}
                <code className="font-mono text-xs">data_sensitivity</code> is PUBLIC, INTERNAL (the default), CONFIDENTIAL or RESTRICTED.
                Rank, score, owner name and dates are ignored.
              </p>
            </div>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Only a programme manager can import use cases.</p>
        )}
      </Card>
    </div>
  );
}
