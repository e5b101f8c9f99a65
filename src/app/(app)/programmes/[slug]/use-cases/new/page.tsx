import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { CreateUseCaseForm } from "@/features/use-cases/components/use-case-form";
import { UseCasesNav } from "@/features/use-cases/components/use-cases-nav";
import { getUseCaseFormOptions } from "@/features/use-cases/server/get-use-case-form-options";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "New use case" };

export default async function NewUseCasePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/use-cases/new`);
  const { members, functions, canManage } = await loadOr404(() => getUseCaseFormOptions(user, slug));
  return (
    <div className="space-y-6">
      <UseCasesNav slug={slug} canManage={canManage} />
      <Card title="New use case">
        {canManage ? (
          <CreateUseCaseForm programmeSlug={slug} members={members.map((m) => ({ id: m.id, name: m.name }))} functions={functions} />
        ) : (
          <p className="text-sm text-slate-600">Only a programme manager can add use cases.</p>
        )}
      </Card>
    </div>
  );
}
