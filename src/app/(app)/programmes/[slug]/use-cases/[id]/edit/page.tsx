import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { EditUseCaseForm } from "@/features/use-cases/components/use-case-form";
import { UseCasesNav } from "@/features/use-cases/components/use-cases-nav";
import { getUseCase } from "@/features/use-cases/server/get-use-case";
import { getUseCaseFormOptions } from "@/features/use-cases/server/get-use-case-form-options";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Edit use case" };

export default async function EditUseCasePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const user = await requirePageUser(`/programmes/${slug}/use-cases/${id}/edit`);
  const [{ useCase: u, canManage, pocStarted }, { functions, members }] = await loadOr404(() =>
    Promise.all([getUseCase(user, slug, id), getUseCaseFormOptions(user, slug)]),
  );
  return (
    <div className="space-y-6">
      <UseCasesNav slug={slug} canManage={canManage} />
      <Card title={`Edit: ${u.title}`}>
        {canManage ? (
          <EditUseCaseForm
            programmeSlug={slug}
            useCaseId={u.id}
            pocStarted={pocStarted}
            members={members.map((m) => ({ id: m.id, name: m.name }))}
            functions={functions}
            values={{
              title: u.title,
              businessFunction: u.businessFunction,
              description: u.description,
              businessValue: u.businessValue ?? undefined,
              complexity: u.complexity ?? undefined,
              successCriteria: u.successCriteria ?? "",
              businessSponsor: u.businessSponsor ?? "",
              ownerId: u.ownerId,
              claudeProduct: u.claudeProduct ?? "",
              model: u.model ?? "",
              dataSensitivity: u.dataSensitivity,
            }}
          />
        ) : (
          <p className="text-sm text-slate-600">Only a programme manager can edit use cases.</p>
        )}
      </Card>
    </div>
  );
}
