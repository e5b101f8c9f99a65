"use client";

import { CartesianGrid, ReferenceArea, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";

import { QUADRANT_LABELS, QUADRANT_SPLIT, type Quadrant } from "@/domain/use-cases";

export interface MatrixPoint {
  id: string;
  title: string;
  rank: number;
  top3: boolean;
  businessValue: number;
  complexity: number;
  score: number;
}

const LOW = 0.5;
const HIGH = 5.5;
const AREAS: {
  quadrant: Quadrant;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  fill: string;
  position: "insideTopLeft" | "insideTopRight" | "insideBottomLeft" | "insideBottomRight";
}[] = [
  { quadrant: "QUICK_WIN", x1: LOW, x2: QUADRANT_SPLIT, y1: QUADRANT_SPLIT, y2: HIGH, fill: "#d1fae5", position: "insideTopLeft" },
  { quadrant: "STRATEGIC_BET", x1: QUADRANT_SPLIT, x2: HIGH, y1: QUADRANT_SPLIT, y2: HIGH, fill: "#dbeafe", position: "insideTopRight" },
  { quadrant: "FILL_IN", x1: LOW, x2: QUADRANT_SPLIT, y1: LOW, y2: QUADRANT_SPLIT, fill: "#f1f5f9", position: "insideBottomLeft" },
  { quadrant: "AVOID", x1: QUADRANT_SPLIT, x2: HIGH, y1: LOW, y2: QUADRANT_SPLIT, fill: "#fee2e2", position: "insideBottomRight" },
];

/** Use cases with the same scores are spread a little around their point, so each stays visible. */
function spread(points: readonly MatrixPoint[]) {
  const groups = new Map<string, MatrixPoint[]>();
  for (const p of points) {
    const key = `${p.complexity}:${p.businessValue}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].flatMap((group) =>
    group.map((p, i) => {
      const angle = (2 * Math.PI * i) / group.length;
      const r = group.length === 1 ? 0 : 0.22;
      return { ...p, x: p.complexity + r * Math.cos(angle), y: p.businessValue + r * Math.sin(angle) };
    }),
  );
}

type Plotted = ReturnType<typeof spread>[number];

function Dot(props: { cx?: number; cy?: number; payload?: Plotted }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload) return <g />;
  return (
    <g>
      <circle cx={cx} cy={cy} r={12} fill={payload.top3 ? "#4f46e5" : "#64748b"} stroke="#fff" strokeWidth={2} />
      <text x={cx} y={cy} dy={4} textAnchor="middle" fontSize={11} fontWeight={600} fill="#fff">
        {payload.rank}
      </text>
    </g>
  );
}

function Tip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Plotted }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow">
      <p className="font-medium">
        #{p.rank} {p.title}
      </p>
      <p className="text-slate-600">
        Value {p.businessValue} · complexity {p.complexity} · score {p.score}
      </p>
    </div>
  );
}

/**
 * The priority matrix: business value (up) against implementation complexity (across), quadrants
 * labelled, each use case a dot with its rank. The table under it carries the same data for screen
 * readers and for print.
 */
export function PriorityMatrix({ points }: { points: readonly MatrixPoint[] }) {
  const plotted = spread(points);
  return (
    <div
      role="img"
      aria-label={`Priority matrix: ${points.length} use cases plotted by business value against implementation complexity. The table below lists them.`}
      data-testid="priority-matrix"
    >
      <ScatterChart responsive style={{ width: "100%", height: 440 }} margin={{ top: 12, right: 16, bottom: 28, left: 8 }}>
        {AREAS.map((a) => (
          <ReferenceArea
            key={a.quadrant}
            x1={a.x1}
            x2={a.x2}
            y1={a.y1}
            y2={a.y2}
            fill={a.fill}
            fillOpacity={0.7}
            stroke="none"
            ifOverflow="visible"
            label={{ value: QUADRANT_LABELS[a.quadrant], position: a.position, fill: "#334155", fontSize: 13, fontWeight: 600 }}
          />
        ))}
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis
          type="number"
          dataKey="x"
          name="Implementation complexity"
          domain={[LOW, HIGH]}
          ticks={[1, 2, 3, 4, 5]}
          allowDataOverflow
          label={{ value: "Implementation complexity →", position: "insideBottom", offset: -16, fill: "#475569", fontSize: 12 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          name="Business value"
          domain={[LOW, HIGH]}
          ticks={[1, 2, 3, 4, 5]}
          allowDataOverflow
          width={56}
          label={{ value: "Business value →", angle: -90, position: "insideLeft", offset: 8, fill: "#475569", fontSize: 12 }}
        />
        <Tooltip content={<Tip />} cursor={false} />
        <Scatter data={plotted} shape={<Dot />} isAnimationActive={false} />
      </ScatterChart>
    </div>
  );
}
