import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { adrLabel } from "@/domain/decisions";
import { NewDecisionForm } from "@/features/decisions/components/decision-form";
import { getDecisionDraft } from "@/features/decisions/server/get-decision";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "New decision record" };

export default async function NewDecisionPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const { slug } = await params;
  const { from } = await searchParams;
  const user = await requirePageUser(`/programmes/${slug}/decisions/new`);
  const draft = await loadOr404(() => getDecisionDraft(user, slug, typeof from === "string" ? from : undefined));
  return (
    <div className="mx-auto max-w-3xl">
      <Card title={draft.from ? `New decision record, to supersede ${adrLabel(draft.from.number)}` : "New decision record"}>
        {draft.canManage ? (
          <>
            {draft.from && (
              <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700">
                Starts from {adrLabel(draft.from.number)}&apos;s text. Once this record is accepted, mark {adrLabel(draft.from.number)}{" "}
                superseded by it.
              </p>
            )}
            <NewDecisionForm programmeSlug={slug} values={draft.values} />
          </>
        ) : (
          <p className="text-sm text-slate-600">Only a programme manager can write decision records.</p>
        )}
      </Card>
    </div>
  );
}
