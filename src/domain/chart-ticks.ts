/**
 * Tick marks for charts (the dashboard's and the weekly report PDF's): evenly spaced, so every gap between two
 * labels is the same and the last one is never squeezed against its neighbour.
 */

/** Every n-th day from the first, n the smallest of 1, 2, 7, 14, 28… that gives at most `most` labels. */
export function dayTicks<T extends { day: string }>(data: readonly T[], most = 7): string[] {
  const steps = [1, 2, 7, 14, 28, 56, 91, 182];
  const step = steps.find((s) => Math.ceil(data.length / s) <= most) ?? Math.ceil(data.length / most);
  return data.filter((_, i) => i % step === 0).map((d) => d.day);
}

/** Even value ticks from 0 to a round maximum at or above `max`: a step of 1, 2, 2.5 or 5 × a power of ten, about `count` steps. */
export function valueTicks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * p;
  return Array.from({ length: Math.ceil(max / step - 1e-9) + 1 }, (_, i) => Math.round(i * step * 1e9) / 1e9);
}
