import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { PHASE_LABELS, PROGRAMME_STATUS_LABELS, ROLE_LABELS } from "@/domain/enums";
import { ProgrammeNav } from "@/features/programmes/components/programme-nav";
import { getProgrammeHeader } from "@/features/programmes/server/get-programme-header";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export default async function ProgrammeLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}`);
  const p = await loadOr404(() => getProgrammeHeader(user, slug));
  return (
    <div className="space-y-6">
      <header className="space-y-4 border-b border-slate-200">
        <PageHeader
          level={1}
          eyebrow={p.organisation}
          title={p.name}
          align="start"
          actions={
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="info">{p.dayLabel}</Badge>
              <Badge>{PHASE_LABELS[p.currentPhase]}</Badge>
              {p.status !== "ACTIVE" && <Badge tone="warning">{PROGRAMME_STATUS_LABELS[p.status]}</Badge>}
              <span className="text-xs text-slate-500">You: {p.roles.map((r) => ROLE_LABELS[r]).join(", ")}</span>
            </div>
          }
        />
        <div className="print:hidden">
          <ProgrammeNav slug={p.slug} />
        </div>
      </header>
      {children}
    </div>
  );
}
