import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { UsageImportForm } from "@/features/usage/imports/components/usage-import-form";
import { requirePageUser } from "@/server/auth/session";
import { authorize } from "@/server/authorization";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Import usage" };

export default async function UsageImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/dashboard/import`);
  const access = await loadOr404(() => authorize(user, slug, "programme.read"));
  if (!access.can("programme.update")) return <p className="text-sm text-slate-600">Only a programme manager can import usage data.</p>;
  return (
    <Card title="Import usage data">
      <p className="mb-4 text-sm text-slate-600">
        A usage CSV, or a saved Anthropic usage, cost or Claude Code report, or a Claude Enterprise analytics export (one JSON page or an
        array of pages). If anything in the file is wrong, nothing is imported and every problem is listed. Importing the same file again
        changes nothing.
      </p>
      <UsageImportForm programmeSlug={slug} />
      <p className="mt-4 border-t border-slate-100 pt-3 text-sm text-slate-600">
        With an Anthropic admin or analytics key, these reports can be pulled for you, now and daily:{" "}
        <Link href={`/programmes/${slug}/dashboard/sync`} className="font-medium text-brand-700 underline">
          Usage sync
        </Link>
        .
      </p>
    </Card>
  );
}
