import type { Metadata } from "next";

import { PageHeader } from "@/components/ui/page-header";
import { VersionDiff } from "@/features/workflows/components/version-diff";
import { getVersionPair } from "@/features/workflows/server/queries";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Compare versions" };

export default async function CompareVersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; workflow: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { slug, workflow } = await params;
  const { a, b } = await searchParams;
  const user = await requirePageUser(`/programmes/${slug}/workflows/${workflow}/compare`);
  const left = Number(a ?? 1);
  const right = Number(b ?? 2);
  const pair = await loadOr404(() =>
    getVersionPair(user, slug, workflow, Number.isInteger(left) ? left : 0, Number.isInteger(right) ? right : 0),
  );
  const { left: l, right: r, workflow: w } = pair;
  const base = `/programmes/${slug}/workflows/${w.slug}`;
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ href: base, label: w.name }]}
        title={
          <>
            v{l.number} and v{r.number} side by side
          </>
        }
      >
        <form className="mt-2 flex flex-wrap items-end gap-2 text-sm" method="get">
          <label className="flex items-center gap-1">
            Left
            <select name="a" defaultValue={l.number} className="rounded-md border border-slate-300 px-2 py-1">
              {w.versions.map((v) => (
                <option key={v.number} value={v.number}>
                  v{v.number}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            Right
            <select name="b" defaultValue={r.number} className="rounded-md border border-slate-300 px-2 py-1">
              {w.versions.map((v) => (
                <option key={v.number} value={v.number}>
                  v{v.number}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md px-3 py-1 ring-1 ring-slate-300 hover:bg-slate-50">
            Compare
          </button>
        </form>
      </PageHeader>
      <div className="grid grid-cols-2 gap-4 text-sm">
        <p>
          <span className="font-semibold">v{l.number}</span> — {l.note} <span className="text-xs text-slate-500">({l.authorName})</span>
        </p>
        <p>
          <span className="font-semibold">v{r.number}</span> — {r.note} <span className="text-xs text-slate-500">({r.authorName})</span>
        </p>
      </div>
      <VersionDiff
        leftTitle={`Version ${l.number}`}
        rightTitle={`Version ${r.number}`}
        fields={[
          { label: "Prompt template", left: l.template, right: r.template },
          {
            label: "Model and limits",
            left: `${l.model}\nmax ${l.maxTokens} output tokens`,
            right: `${r.model}\nmax ${r.maxTokens} output tokens`,
          },
          { label: "Who we are", left: l.contextWho, right: r.contextWho },
          { label: "Voice", left: l.contextVoice, right: r.contextVoice },
          { label: "Standards", left: l.contextStandards, right: r.contextStandards },
          { label: "Example output", left: l.exampleOutput, right: r.exampleOutput },
          { label: "Documentation", left: l.documentation, right: r.documentation },
        ]}
      />
    </div>
  );
}
