import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { REVIEW_FUNCTION_LABELS } from "@/domain/enums";
import { listMyReviews } from "@/features/gates/server/list-my-reviews";
import { gateSlug } from "@/features/gates/slugs";
import { formatDate } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "My reviews" };

export default async function MyReviewsPage() {
  const user = await requirePageUser("/reviews");
  const items = await listMyReviews(user);
  return (
    <div className="space-y-6">
      <PageHeader level={1} title="My reviews" description="Gates waiting for your sign-off, across your programmes." />
      {items.length === 0 ? (
        <EmptyState title="Nothing waits for you">
          Gates appear here when a programme manager opens a review that needs a function you hold.
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Gates waiting for you">
          {items.map((i) => (
            <li key={`${i.programme.slug}-${i.gate.key}`}>
              <Link
                href={`/programmes/${i.programme.slug}/gates/${gateSlug(i.gate.key)}`}
                className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs hover:border-brand-600"
              >
                <div>
                  <p className="text-sm text-slate-600">{i.programme.name}</p>
                  <p className="font-medium">
                    {i.gate.name}{" "}
                    <span className="text-sm font-normal text-slate-500">
                      · round {i.gate.round} · planned {formatDate(i.gate.plannedDate)}
                    </span>
                  </p>
                  <p className="text-xs text-slate-500">{i.summary}</p>
                </div>
                <div className="flex flex-wrap gap-1.5">
                  {i.resign && <Badge tone="warning">Re-sign required</Badge>}
                  {i.waitingFor.map((f) => (
                    <Badge key={f} tone="info">
                      {REVIEW_FUNCTION_LABELS[f]}
                    </Badge>
                  ))}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
