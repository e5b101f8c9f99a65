import type { Metadata } from "next";

import { PageHeader } from "@/components/ui/page-header";
import { StakeholderCard } from "@/features/stakeholders/components/stakeholder-card";
import { listStakeholders } from "@/features/stakeholders/server/list-stakeholders";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Stakeholder map" };

export default async function StakeholdersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/stakeholders`);
  const map = await loadOr404(() => listStakeholders(user, slug));
  const serious = map.flags.filter((f) => f.kind !== "UNOWNED");
  const unowned = map.flags.filter((f) => f.kind === "UNOWNED").length;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Stakeholder map"
        description="Everyone who can block the deployment, the person in the role, who owns the relationship and how they will be engaged. Procurement and IT Security are engaged in week 1: vendor onboarding takes 3–12 weeks and a late security review stops the pilot."
        actions={
          <p className="text-sm text-slate-600">
            {map.stakeholders.length} roles ·{" "}
            <span className={unowned > 0 ? "font-medium text-amber-800" : "text-emerald-700"}>{unowned} without a relationship owner</span>
          </p>
        }
      />
      {serious.length > 0 && (
        <div
          role="status"
          aria-label="Stakeholder flags"
          className={
            serious.some((f) => f.tone === "danger")
              ? "rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
              : "rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          }
        >
          <ul className="list-disc space-y-1 pl-5">
            {serious.map((f) => (
              <li key={`${f.stakeholderId}-${f.kind}`} className={f.tone === "danger" ? "font-medium" : undefined}>
                {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {map.stakeholders.map((s) => (
          <StakeholderCard key={s.id} programmeSlug={slug} stakeholder={s} members={map.members} editable={map.canManage} />
        ))}
      </div>
      {!map.canManage && <p className="text-sm text-slate-600">Only a programme manager can change the stakeholder map.</p>}
    </div>
  );
}
