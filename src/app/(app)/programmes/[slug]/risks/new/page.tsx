import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { NewRiskForm } from "@/features/risks/components/risk-form";
import { getNewRiskForm } from "@/features/risks/server/get-risk";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "New risk" };

export default async function NewRiskPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/risks/new`);
  const { canManage, members } = await loadOr404(() => getNewRiskForm(user, slug));
  return (
    <div className="mx-auto max-w-3xl">
      <Card title="Add a risk">
        {canManage ? (
          <NewRiskForm programmeSlug={slug} members={members} />
        ) : (
          <p className="text-sm text-slate-600">Only a programme manager can add risks.</p>
        )}
      </Card>
    </div>
  );
}
