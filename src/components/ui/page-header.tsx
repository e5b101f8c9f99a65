import { clsx } from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";

export interface Crumb {
  href: string;
  label: ReactNode;
}

/**
 * A page's title block: an optional trail back to its parent pages, a small line above the title
 * (`eyebrow`), the title, a description, anything else under it (`children`: badges, facts) and the
 * page's actions on the right. Inside a programme the programme's name is the h1, so a page title is
 * an h2 (`level` 2, the default); a top-level page uses level 1.
 */
export function PageHeader({
  title,
  description,
  eyebrow,
  breadcrumbs,
  current,
  back,
  actions,
  children,
  level = 2,
  align = "end",
}: {
  title: ReactNode;
  description?: ReactNode;
  eyebrow?: ReactNode;
  /** Parent pages, outermost first; `current` is how this page is named after them (may be empty). */
  breadcrumbs?: Crumb[];
  current?: ReactNode;
  /** A single link back, shown as "← label". */
  back?: Crumb;
  actions?: ReactNode;
  children?: ReactNode;
  level?: 1 | 2;
  /** How the actions line up with the title block. */
  align?: "start" | "end";
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div className="space-y-1">
      {back && (
        <Link href={back.href} className="text-sm font-medium text-brand-700 hover:underline">
          ← {back.label}
        </Link>
      )}
      <div className={clsx("flex flex-wrap justify-between gap-3", align === "end" ? "items-end" : "items-start")}>
        <div className="min-w-0">
          {breadcrumbs && breadcrumbs.length > 0 && <Breadcrumbs items={breadcrumbs} current={current} />}
          {eyebrow && <div className="text-sm text-slate-600">{eyebrow}</div>}
          <Heading className={level === 1 ? "text-xl font-semibold tracking-tight" : "text-lg font-semibold"}>{title}</Heading>
          {description && <div className="max-w-3xl text-sm text-slate-600">{description}</div>}
          {children}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </div>
  );
}

/** The trail to a page from its parents: "Cost model / Scenario A / edit". */
export function Breadcrumbs({
  items,
  current,
  className = "text-xs text-slate-500",
}: {
  items: Crumb[];
  current?: ReactNode;
  className?: string;
}) {
  return (
    <nav aria-label="Breadcrumb" className={className}>
      {items.map((c, i) => (
        <span key={i}>
          {i > 0 && " / "}
          {/* Beside the plain text of the trail, a link is told apart by its underline, not colour alone (WCAG 1.4.1). */}
          <Link href={c.href} className="text-brand-700 underline underline-offset-2">
            {c.label}
          </Link>
        </span>
      ))}{" "}
      /{current ? <> {current}</> : null}
    </nav>
  );
}
