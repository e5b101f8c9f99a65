import type { ReactNode } from "react";

/**
 * What a list or page shows when it has nothing yet: a title, why, and what to do (an optional action).
 * - `page` (default): a dashed panel with the title as a heading, for a page or card that is all empty;
 * - `panel`: the same dashed panel without a heading, for an empty list under its own heading;
 * - `inline`: one quiet line (title, then the explanation) where a list or table would be.
 */
export function EmptyState({
  title,
  children,
  action,
  variant = "page",
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  variant?: "page" | "panel" | "inline";
}) {
  if (variant === "inline")
    return (
      <div className="text-sm text-slate-600">
        <p>
          {title}
          {children && <> {children}</>}
        </p>
        {action && <div className="mt-3 flex flex-wrap gap-2">{action}</div>}
      </div>
    );
  if (variant === "panel")
    return (
      <div className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
        <p>
          {title}
          {children && <> {children}</>}
        </p>
        {action && <div className="mt-3 flex flex-wrap justify-center gap-2">{action}</div>}
      </div>
    );
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children && <div className="mx-auto mt-2 max-w-md text-sm text-slate-600">{children}</div>}
      {action && <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
