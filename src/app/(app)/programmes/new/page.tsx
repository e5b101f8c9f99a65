import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { NewProgrammeForm } from "@/features/programmes/components/new-programme-form";
import { canCreateProgrammes, PROGRAMME_CREATORS_MESSAGE } from "@/features/programmes/server/programme-creators";
import { requirePageUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "New programme" };

export default async function NewProgrammePage() {
  const user = await requirePageUser("/programmes/new");
  if (!canCreateProgrammes(user))
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeader level={1} title="New programme" />
        <EmptyState title="You cannot create programmes here">{PROGRAMME_CREATORS_MESSAGE}</EmptyState>
      </div>
    );
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader level={1} title="New programme" description="Start a Claude deployment programme from the 90-day plan." />
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-xs">
        <NewProgrammeForm today={today} />
      </div>
    </div>
  );
}
