import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { AnthropicKeysPanel } from "@/features/usage/sync/components/anthropic-keys-panel";
import { UsageSyncPanel } from "@/features/usage/sync/components/usage-sync-panel";
import { getUsageSyncPage } from "@/features/usage/sync/server/list-usage-syncs";
import { formatDate } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { authorize } from "@/server/authorization";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Usage sync" };

export default async function UsageSyncPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/dashboard/sync`);
  const access = await loadOr404(() => authorize(user, slug, "programme.read"));
  if (!access.can("usage.sync")) return <p className="text-sm text-slate-600">Only a programme manager can set up the usage sync.</p>;
  const page = await getUsageSyncPage(user, slug);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Pull usage straight from Anthropic instead of{" "}
        <Link href={`/programmes/${slug}/dashboard/import`} className="font-medium text-brand-700 underline">
          importing files
        </Link>
        : the same reports, read the same way, so a sync and an import of the same days give the same figures.
      </p>
      <Card title="Anthropic keys">
        <AnthropicKeysPanel
          programmeSlug={slug}
          encryptionConfigured={page.encryptionConfigured}
          keys={page.keys.map((k) => ({ kind: k.kind, hint: k.hint, addedBy: k.addedBy, addedAt: formatDate(k.addedAt) }))}
        />
      </Card>
      <Card title="Sync">
        <UsageSyncPanel
          programmeSlug={slug}
          initialSyncs={page.syncs}
          defaultRange={page.defaultRange}
          lastDay={page.lastDay}
          hasKeys={page.keys.length > 0}
        />
      </Card>
    </div>
  );
}
