"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { dayTicks, valueTicks } from "@/domain/chart-ticks";
import { formatCompact, formatCount, formatDay, formatUsdPrecise } from "@/lib/format";

export interface DailyPoint {
  day: string;
  adoptionSource: "analytics-summaries" | "usage-events" | "none";
  active28Pct: number;
  active28: number;
  active7: number;
  tasks: number;
  costPerTask: number | null;
  errors: number;
  tokens: { uncachedInput: number; cacheWrite: number; cacheRead: number; output: number };
}

const axis = { fontSize: 11, fill: "#475569" };

function XDays({ data }: { data: { day: string }[] }) {
  return <XAxis dataKey="day" ticks={dayTicks(data)} interval={0} tickFormatter={formatDay} tick={axis} />;
}

/** A key under a chart for its reference lines, so their labels never sit on the data line. */
function LineKey({ items }: { items: { label: string; color: string; dashed?: boolean }[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden="true">
      {items.map((i) => (
        <li key={i.label} className="inline-flex items-center gap-1.5">
          <svg width="18" height="6" className="shrink-0">
            <line x1="0" y1="3" x2="18" y2="3" stroke={i.color} strokeWidth="2" strokeDasharray={i.dashed ? "4 3" : undefined} />
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** Charts of the daily series; each has its table (with the same numbers) under it on the page. */
export function AdoptionChart({
  data,
  source,
  sourceLabel,
}: {
  data: DailyPoint[];
  source: DailyPoint["adoptionSource"];
  sourceLabel: string;
}) {
  // The line is the adoption figure's source only: with analytics summaries, the days after the latest one
  // (not published yet) are a gap, not a drop to the per-person count.
  const points = data.map((d) => ({
    day: d.day,
    active28Pct: source !== "analytics-summaries" || d.adoptionSource === source ? d.active28Pct : null,
  }));
  return (
    <div>
      <div
        className="h-64"
        role="img"
        aria-label={`28-day active users as a share of licensed seats (${sourceLabel}), with the playbook's 60% and 30% lines`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XDays data={points} />
            <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tickFormatter={(v: number) => `${v}%`} tick={axis} width={44} />
            <Tooltip labelFormatter={(d) => formatDay(String(d))} formatter={(v) => [`${v}%`, "28-day active"]} />
            <ReferenceLine y={60} stroke="#059669" strokeDasharray="4 4" />
            <ReferenceLine y={30} stroke="#dc2626" strokeDasharray="4 4" />
            <Line type="monotone" dataKey="active28Pct" stroke="#1f5fbf" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <LineKey
        items={[
          { label: "28-day active, % of seats", color: "#1f5fbf" },
          { label: "60%: on track", color: "#059669", dashed: true },
          { label: "30%: in trouble", color: "#dc2626", dashed: true },
        ]}
      />
    </div>
  );
}

export function TasksChart({ data }: { data: DailyPoint[] }) {
  const ticks = valueTicks(Math.max(0, ...data.map((d) => d.tasks)));
  return (
    <div className="h-56" role="img" aria-label="Tasks completed per day">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XDays data={data} />
          <YAxis tick={axis} width={52} ticks={ticks} domain={[0, ticks.at(-1) ?? 1]} tickFormatter={(v: number) => formatCount(v)} />
          <Tooltip labelFormatter={(d) => formatDay(String(d))} formatter={(v) => [formatCount(Number(v)), "Tasks"]} />
          <Bar dataKey="tasks" name="Tasks" fill="#1f5fbf" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function CostPerTaskChart({ data }: { data: DailyPoint[] }) {
  const ticks = valueTicks(Math.max(0, ...data.map((d) => d.costPerTask ?? 0)));
  return (
    <div className="h-56" role="img" aria-label="API cost per task per day">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XDays data={data} />
          <YAxis tick={axis} width={64} ticks={ticks} domain={[0, ticks.at(-1) ?? 1]} tickFormatter={(v: number) => formatUsdPrecise(v)} />
          <Tooltip labelFormatter={(d) => formatDay(String(d))} formatter={(v) => [formatUsdPrecise(Number(v)), "Cost per task"]} />
          <Line type="monotone" dataKey="costPerTask" stroke="#b45309" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

const TOKEN_SERIES = [
  { key: "uncachedInput", label: "Uncached input", color: "#1f5fbf" },
  { key: "cacheWrite", label: "Cache write", color: "#7c3aed" },
  { key: "cacheRead", label: "Cache read", color: "#0d9488" },
  { key: "output", label: "Output", color: "#b45309" },
] as const;

/** Tokens per day by type, stacked. */
export function TokensChart({ data }: { data: DailyPoint[] }) {
  const rows = data.map((d) => ({ day: d.day, ...d.tokens }));
  const ticks = valueTicks(Math.max(0, ...rows.map((r) => r.uncachedInput + r.cacheWrite + r.cacheRead + r.output)));
  return (
    <div>
      <div className="h-56" role="img" aria-label="Tokens per day by type: uncached input, cache write, cache read and output">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XDays data={rows} />
            <YAxis tick={axis} width={52} ticks={ticks} domain={[0, ticks.at(-1) ?? 1]} tickFormatter={(v: number) => formatCompact(v)} />
            <Tooltip labelFormatter={(d) => formatDay(String(d))} formatter={(v, name) => [formatCount(Number(v)), String(name)]} />
            {TOKEN_SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="t" fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden="true">
        {TOKEN_SERIES.map((s) => (
          <li key={s.key} className="inline-flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
