"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatUsd, formatUsdWhole } from "@/lib/format";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/**
 * A bar chart of monthly costs in USD. The chart is a picture (role="img" with a summary label); the
 * table beside it carries the same numbers for screen readers and for copying.
 *
 * - `series` stacks several amounts per bar (a legend names them);
 * - one series with `colors` gives each bar its own colour;
 * - `horizontal` puts categories on the vertical axis, for long names.
 */
export function CostBarChart({
  label,
  data,
  series,
  colors,
  horizontal = false,
  height = 300,
}: {
  label: string;
  data: ({ name: string } & Record<string, string | number>)[];
  series: ChartSeries[];
  colors?: string[];
  horizontal?: boolean;
  height?: number;
}) {
  const valueAxis = { tickFormatter: (v: number) => formatUsdWhole(v), tick: { fontSize: 12, fill: "#475569" } };
  const categoryAxis = { dataKey: "name", tick: { fontSize: 12, fill: "#334155" }, interval: 0 as const };
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height }}>
        <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" {...valueAxis} />
              <YAxis type="category" width={220} {...categoryAxis} />
            </>
          ) : (
            <>
              <XAxis type="category" {...categoryAxis} />
              <YAxis type="number" width={88} {...valueAxis} />
            </>
          )}
          <Tooltip formatter={(v) => formatUsd(Number(v))} cursor={{ fill: "#f1f5f9" }} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="cost" fill={s.color} isAnimationActive={false} maxBarSize={64}>
              {colors && series.length === 1 && data.map((d, i) => <Cell key={d.name} fill={colors[i % colors.length]} />)}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
