"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function ProgrammeNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const base = `/programmes/${slug}`;
  const tabs = [
    { href: base, label: "Overview" },
    { href: `${base}/dashboard`, label: "Dashboard" },
    { href: `${base}/gates/architecture-review`, match: `${base}/gates`, label: "Gates" },
    { href: `${base}/milestones`, label: "Milestones" },
    { href: `${base}/use-cases`, label: "Use cases" },
    { href: `${base}/cohorts`, label: "Cohorts" },
    { href: `${base}/stakeholders`, label: "Stakeholders" },
    { href: `${base}/risks`, label: "Risks" },
    { href: `${base}/decisions`, label: "Decisions" },
    { href: `${base}/workflows`, label: "Workflows" },
    { href: `${base}/policy`, label: "Policy" },
    { href: `${base}/costs`, label: "Cost model" },
    { href: `${base}/members`, label: "Members" },
    { href: `${base}/audit`, label: "Audit trail" },
    { href: `${base}/jobs`, label: "Jobs" },
    { href: `${base}/outbox`, label: "Outbox" },
  ];
  return (
    <nav aria-label="Programme" className="-mb-px flex gap-1 overflow-x-auto">
      {tabs.map((t) => {
        const active = t.href === base ? pathname === base : pathname.startsWith("match" in t && t.match ? t.match : t.href);
        return (
          <Link
            key={t.href}
            href={t.href}
            // Not prefetched: each tab is a dynamic page, and prefetching all fifteen on every view rendered the
            // programme's layout fifteen times per page view (decision record 020). A click fetches the one tab.
            prefetch={false}
            aria-current={active ? "page" : undefined}
            className={clsx(
              "whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
