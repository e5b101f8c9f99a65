import type { Metadata } from "next";

import { PageHeader } from "@/components/ui/page-header";
import { CohortList } from "@/features/cohorts/components/cohort-list";
import { RollbackPlanSection } from "@/features/cohorts/components/rollback-plan-section";
import { getCohortsPage } from "@/features/cohorts/server/get-cohorts";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Cohorts and rollback" };

export default async function CohortsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/cohorts`);
  const page = await loadOr404(() => getCohortsPage(user, slug));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Cohorts and rollback"
        description={
          <>
            The staged rollout, one cohort at a time: each goes live only when the previous one meets its entry thresholds, and a live
            cohort&apos;s rollback triggers are checked after every arrival of usage data. Figures measured to the last day of data,{" "}
            {page.measuredAsOf}.
          </>
        }
      />
      <CohortList page={page} slug={slug} />
      <RollbackPlanSection page={page} slug={slug} />
    </div>
  );
}
