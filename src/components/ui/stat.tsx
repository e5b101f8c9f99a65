import Link from "next/link";
import type { ReactNode } from "react";

import type { Tone } from "./badge";

const colors: Record<Tone, string> = {
  neutral: "text-slate-900",
  info: "text-brand-700",
  success: "text-emerald-700",
  warning: "text-amber-700",
  danger: "text-red-700",
};

/** A headline count: its label, the figure coloured by how good or bad it is, a detail line and an optional link to the items. */
export function Stat({
  label,
  value,
  tone = "neutral",
  detail,
  href,
  linkLabel = "List them",
}: {
  label: string;
  value: ReactNode;
  tone?: Tone;
  detail?: ReactNode;
  href?: string;
  linkLabel?: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
      <p className="text-sm text-slate-600">{label}</p>
      <p className={`mt-1 text-3xl font-semibold ${colors[tone]}`}>{value}</p>
      {detail && <p className="mt-1 text-xs text-slate-500">{detail}</p>}
      {href && (
        <Link href={href} className="mt-1 inline-block text-xs font-medium text-brand-700 hover:underline">
          {linkLabel}
        </Link>
      )}
    </div>
  );
}
