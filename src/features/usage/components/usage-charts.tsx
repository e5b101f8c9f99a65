"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatUsdPrecise } from "@/lib/format";

export interface DailyPoint {
  day: string;
  active28Pct: number;
  active28: number;
  active7: number;
  tasks: number;
  costPerTask: number | null;
  errors: number;
}

const axis = { fontSize: 11, fill: "#475569" };
const short = (d: string) => d.slice(5);

/** Three charts of the daily series; each has its table (with the same numbers) under it on the page. */
export function AdoptionChart({ data }: { data: DailyPoint[] }) {
  return (
    <div className="h-64" role="img" aria-label="28-day active users as a share of licensed seats, with the playbook's 60% and 30% lines">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={short} tick={axis} minTickGap={24} />
          <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} tick={axis} width={44} />
          <Tooltip formatter={(v) => [`${v}%`, "28-day active"]} />
          <ReferenceLine
            y={60}
            stroke="#059669"
            strokeDasharray="4 4"
            label={{ value: "60% on track", position: "insideTopRight", fontSize: 11, fill: "#047857" }}
          />
          <ReferenceLine
            y={30}
            stroke="#dc2626"
            strokeDasharray="4 4"
            label={{ value: "30% in trouble", position: "insideBottomRight", fontSize: 11, fill: "#b91c1c" }}
          />
          <Line type="monotone" dataKey="active28Pct" stroke="#1f5fbf" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function TasksChart({ data }: { data: DailyPoint[] }) {
  return (
    <div className="h-56" role="img" aria-label="Tasks completed per day">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={short} tick={axis} minTickGap={24} />
          <YAxis tick={axis} width={52} />
          <Tooltip />
          <Bar dataKey="tasks" name="Tasks" fill="#1f5fbf" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function CostPerTaskChart({ data }: { data: DailyPoint[] }) {
  return (
    <div className="h-56" role="img" aria-label="API cost per task per day">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={short} tick={axis} minTickGap={24} />
          <YAxis tick={axis} width={60} tickFormatter={(v: number) => formatUsdPrecise(v)} />
          <Tooltip formatter={(v) => [formatUsdPrecise(Number(v)), "Cost per task"]} />
          <Line type="monotone" dataKey="costPerTask" stroke="#b45309" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
