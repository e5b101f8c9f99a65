import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { formatCount, formatNumber, formatRoi, formatUsd } from "@/lib/format";

import type { MetricsResponse } from "../schemas";

type Value = MetricsResponse["value"];

/**
 * Value against cost for a range: minutes saved priced at hourly costs (estimated, and labelled so), API and
 * seat cost, net and ROI. Says what is missing instead of showing a made-up figure: no hourly cost, minutes
 * in departments without one, no seat cost to count.
 */
export function ValueSummary({ value, settingsHref, canManage }: { value: Value; settingsHref: string; canManage: boolean }) {
  const unvalued = value.minutesSaved - value.valuedMinutes;
  return (
    <div className="space-y-3" data-testid="value-summary">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Figure
          label="Value of time saved"
          badge="Estimated"
          testId="value"
          value={value.valueUsd === null ? "—" : formatUsd(value.valueUsd)}
          detail={
            <>
              {formatNumber(value.minutesSaved / 60)} hours saved{value.valueUsd !== null ? " × hourly cost" : ""}
            </>
          }
        />
        <Figure
          label="Cost (API and seats)"
          badge="Measured"
          testId="cost"
          value={formatUsd(value.costUsd)}
          detail={
            <>
              API {formatUsd(value.apiCostUsd)} · seats {value.seatCostUsd === null ? "not counted" : formatUsd(value.seatCostUsd)}
            </>
          }
        />
        <Figure
          label="Net value"
          badge="Estimated"
          testId="net"
          value={value.netUsd === null ? "—" : formatUsd(value.netUsd)}
          detail={<>value less cost</>}
        />
        <Figure label="ROI" badge="Estimated" testId="roi" value={formatRoi(value.roi)} detail={<>(value − cost) ÷ cost</>} />
      </dl>
      <ul className="space-y-1 text-xs text-slate-600">
        {value.valueUsd === null ? (
          <li>
            No hourly cost is set, so {formatCount(value.minutesSaved)} minutes saved are not turned into money.{" "}
            {canManage ? (
              <Link href={settingsHref} className="font-medium text-brand-700 hover:underline">
                Set hourly costs
              </Link>
            ) : (
              "A programme manager can set hourly costs."
            )}
          </li>
        ) : (
          <li>
            Hourly costs: {value.hourlyCosts.map((r) => `${r.department || "programme-wide"} ${formatUsd(r.usdPerHour)}`).join(" · ")}.{" "}
            {unvalued > 0 && <>{formatCount(unvalued)} minutes in departments without an hourly cost are not valued. </>}
            <Link href={settingsHref} className="font-medium text-brand-700 hover:underline">
              {canManage ? "Change hourly costs" : "See hourly costs"}
            </Link>
          </li>
        )}
        <li>
          {value.seatCostUsd === null
            ? "Seat cost is not counted: there is no approved budget with seats."
            : `Seat cost from the ${value.seatCostSource}, for the days shown.`}{" "}
          Value is an estimate: minutes saved are measured, self-reported or estimated, and an hourly cost is an average.
        </li>
      </ul>
    </div>
  );
}

function Figure({
  label,
  badge,
  testId,
  value,
  detail,
}: {
  label: string;
  badge: "Estimated" | "Measured";
  testId: string;
  value: string;
  detail: React.ReactNode;
}) {
  return (
    <div className="rounded-md border border-slate-200 p-3" data-testid={testId}>
      {/* A <dl> group is one <div> of <dt>/<dd> only: the badge goes inside the term. */}
      <dt className="flex items-center justify-between gap-2 text-sm text-slate-600">
        <span>{label}</span>
        <Badge tone={badge === "Measured" ? "info" : "warning"}>{badge}</Badge>
      </dt>
      <dd className="mt-1 text-xl font-semibold">{value}</dd>
      <dd className="mt-0.5 text-xs text-slate-500">{detail}</dd>
    </div>
  );
}
