import "server-only";

import { rgb } from "pdf-lib";

import { dayTicks, valueTicks } from "@/domain/chart-ticks";
import { formatDay } from "@/lib/format";
import type { FigureBox, FigureLabel, Writer } from "@/server/pdf";

type Rgb = [number, number, number];
const GRID: Rgb = [0.89, 0.91, 0.94];
const AXIS: Rgb = [0.58, 0.64, 0.72];

interface ChartSpec {
  title: string;
  points: readonly { day: string; value: number | null }[];
  kind: "line" | "bars";
  color: Rgb;
  /** Fixed y ticks (e.g. 0–100%); otherwise even ticks from 0 to a round maximum. */
  yTicks?: number[];
  formatY: (v: number, ticks: readonly number[]) => string;
  /** Horizontal reference lines, dashed, named in the key under the chart (never on the plot, where they would cover the line). */
  refs?: { value: number; label: string; color: Rgb }[];
  seriesLabel: string;
}

const HEIGHT = 150;

/**
 * A vector chart in the weekly report PDF: gridlines at even value ticks, day labels ("17 Nov") at an even step,
 * the series as a line or bars, dashed reference lines, and a key under the plot. Drawn with pdf-lib's shapes.
 */
export function drawChart(w: Writer, spec: ChartSpec) {
  w.figure(HEIGHT, (box: FigureBox, label: FigureLabel) => {
    const { page } = box;
    const values = spec.points.map((p) => p.value).filter((v): v is number => v !== null);
    const ticks = spec.yTicks ?? valueTicks(Math.max(0, ...values, ...(spec.refs ?? []).map((r) => r.value)));
    const yMax = ticks[ticks.length - 1] ?? 1;
    const tickLabels = ticks.map((t) => spec.formatY(t, ticks));
    const left = box.x + 8 + Math.max(...tickLabels.map((t) => t.length)) * 4;
    const right = box.x + box.width - 8;
    const top = box.y + box.height - 18;
    const bottom = box.y + 34;
    const plotW = right - left;
    const plotH = top - bottom;
    label(spec.title, box.x, box.y + box.height - 9, { size: 9, bold: true, color: [0.1, 0.12, 0.16] });
    const yOf = (v: number) => bottom + (Math.min(v, yMax) / yMax) * plotH;
    ticks.forEach((t, i) => {
      const y = yOf(t);
      page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.5, color: rgb(...(t === 0 ? AXIS : GRID)) });
      label(tickLabels[i]!, left - 4, y - 2.5, { align: "right" });
    });
    const n = spec.points.length;
    const slot = n > 0 ? plotW / n : plotW;
    const xOf = (i: number) => left + slot * (i + 0.5);
    const shown = new Set(dayTicks(spec.points));
    spec.points.forEach((p, i) => {
      if (!shown.has(p.day)) return;
      page.drawLine({ start: { x: xOf(i), y: bottom }, end: { x: xOf(i), y: bottom - 3 }, thickness: 0.5, color: rgb(...AXIS) });
      label(formatDay(p.day), xOf(i), bottom - 11, { align: "center" });
    });
    for (const r of spec.refs ?? []) {
      const y = yOf(r.value);
      page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.8, color: rgb(...r.color), dashArray: [3, 2] });
    }
    if (spec.kind === "bars") {
      const bw = Math.max(1, slot * 0.7);
      spec.points.forEach((p, i) => {
        if (p.value === null || p.value <= 0) return;
        page.drawRectangle({ x: xOf(i) - bw / 2, y: bottom, width: bw, height: yOf(p.value) - bottom, color: rgb(...spec.color) });
      });
    } else {
      let prev: { x: number; y: number } | null = null;
      spec.points.forEach((p, i) => {
        if (p.value === null) return;
        const pt = { x: xOf(i), y: yOf(p.value) };
        if (prev) page.drawLine({ start: prev, end: pt, thickness: 1.5, color: rgb(...spec.color) });
        else if (n === 1) page.drawCircle({ x: pt.x, y: pt.y, size: 1.5, color: rgb(...spec.color) });
        prev = pt;
      });
    }
    // The key, under the day labels.
    let x = left;
    const keyY = box.y + 6;
    const key = [{ label: spec.seriesLabel, color: spec.color, dashed: false }, ...(spec.refs ?? []).map((r) => ({ ...r, dashed: true }))];
    for (const k of key) {
      page.drawLine({
        start: { x, y: keyY + 2.5 },
        end: { x: x + 14, y: keyY + 2.5 },
        thickness: spec.kind === "bars" && !k.dashed ? 5 : 1.5,
        color: rgb(...k.color),
        dashArray: k.dashed ? [3, 2] : undefined,
      });
      x += 18 + label(k.label, x + 18, keyY) + 14;
    }
  });
}
