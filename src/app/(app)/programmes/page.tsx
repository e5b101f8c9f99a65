import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DEPLOYMENT_KIND_LABELS, PHASE_LABELS, PROGRAMME_STATUS_LABELS, ROLE_LABELS } from "@/domain/enums";
import { listMyProgrammes } from "@/features/programmes/server/list-my-programmes";
import { requirePageUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "My programmes" };

export default async function MyProgrammesPage() {
  const user = await requirePageUser("/programmes");
  const programmes = await listMyProgrammes(user);
  return (
    <div className="space-y-6">
      <PageHeader
        level={1}
        title="My programmes"
        description="Claude deployment programmes you are a member of."
        actions={programmes.length > 0 && <ButtonLink href="/programmes/new">New programme</ButtonLink>}
      />
      {programmes.length === 0 ? (
        <EmptyState title="No programmes yet" action={<ButtonLink href="/programmes/new">Create your first programme</ButtonLink>}>
          Create a programme from the 90-day plan, or ask a programme manager to add you to theirs. You will see a programme here as soon as
          you are a member.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Programmes">
          {programmes.map((p) => (
            <li key={p.id}>
              <Link
                prefetch={false}
                href={`/programmes/${p.slug}`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-xs transition hover:border-brand-600 hover:shadow-sm"
              >
                <div className="flex items-start justify-between gap-3">
                  <div>
                    <h2 className="font-semibold text-slate-900">{p.name}</h2>
                    <p className="text-sm text-slate-600">{p.organisation}</p>
                  </div>
                  {p.status !== "ACTIVE" && <Badge tone="warning">{PROGRAMME_STATUS_LABELS[p.status]}</Badge>}
                </div>
                <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
                  <div>
                    <dt className="text-xs text-slate-500">Progress</dt>
                    <dd className="font-medium">{p.dayLabel}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">Phase</dt>
                    <dd className="font-medium">{PHASE_LABELS[p.currentPhase]}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">Deployment</dt>
                    <dd>{DEPLOYMENT_KIND_LABELS[p.deploymentKind]}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">Your role</dt>
                    <dd>{p.roles.map((r) => ROLE_LABELS[r]).join(", ")}</dd>
                  </div>
                </dl>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
