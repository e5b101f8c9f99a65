"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Inventory, priorities and import: the use-case pages of a programme. */
export function UseCasesNav({ slug, canManage }: { slug: string; canManage: boolean }) {
  const pathname = usePathname();
  const base = `/programmes/${slug}/use-cases`;
  const tabs = [
    { href: base, label: "Inventory", active: pathname === base },
    { href: `${base}/priorities`, label: "Priorities", active: pathname === `${base}/priorities` },
    ...(canManage ? [{ href: `${base}/import`, label: "Import CSV", active: pathname === `${base}/import` }] : []),
  ];
  return (
    <nav aria-label="Use cases" className="flex flex-wrap gap-1">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.active ? "page" : undefined}
          className={clsx(
            "rounded-md px-3 py-1.5 text-sm font-medium",
            t.active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
