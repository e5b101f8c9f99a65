/**
 * How Gatehouse writes money, numbers, percentages and dates: one module for the pages, the PDFs and
 * the report's narrative facts. Numbers use en-US grouping ("1,234.5"); dates are en-GB, in UTC.
 *
 * The money rule:
 * - an amount (a total, a budget, a monthly or 90-day cost, a difference) is shown to the cent: $1,234.56;
 * - a unit cost (per task, per run, per call, per token) is often a fraction of a cent, so it keeps three
 *   significant digits below $1 ($0.0135, $0.00123) and is shown to the cent from $1 up (formatUsdPrecise);
 * - a price per million tokens drops the cents when whole ($3, $3.75, $0.125: formatPerMTok).
 * A value that is not a finite number (NaN, ±Infinity, null) is shown as "—", never "$∞" or "NaN".
 */

/** What a figure that cannot be shown (missing, NaN, infinite) is written as. */
export const NO_VALUE = "—";

type Num = number | null | undefined;
const finite = (n: Num): n is number => typeof n === "number" && Number.isFinite(n);

// signDisplay "negative": a value that rounds to zero is "$0.00", not "-$0.00".
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", signDisplay: "negative" });
const usdWhole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0, signDisplay: "negative" });
const usdFraction = (digits: number) =>
  new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
    signDisplay: "negative",
  });
const usdByDigits = new Map<number, Intl.NumberFormat>();
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0, signDisplay: "negative" });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, signDisplay: "negative" });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1, signDisplay: "negative" });

/** An amount of money, to the cent: $1,234.56, -$12.30, $0.00. */
export const formatUsd = (n: Num) => (finite(n) ? usd.format(n) : NO_VALUE);

/** Whole dollars, for chart axes: $1,235. */
export const formatUsdWhole = (n: Num) => (finite(n) ? usdWhole.format(n) : NO_VALUE);

/** The smallest unit cost shown as a number; anything smaller (but not zero) is "<$0.000001". */
const SMALLEST_UNIT_COST = 0.000001;

/**
 * A unit cost (per task, per run, per call, per token): three significant digits below $1 — $0.0135,
 * $0.00123, $0.50 — and to the cent from $1 up: $1.23.
 */
export function formatUsdPrecise(n: Num): string {
  if (!finite(n)) return NO_VALUE;
  const abs = Math.abs(n);
  if (abs >= 1 || abs === 0) return usd.format(n);
  if (abs < SMALLEST_UNIT_COST) return n > 0 ? "<$0.000001" : ">-$0.000001";
  const digits = Math.min(6, Math.max(2, 2 - Math.floor(Math.log10(abs))));
  let f = usdByDigits.get(digits);
  if (!f) usdByDigits.set(digits, (f = usdFraction(digits)));
  return f.format(n);
}

/** A price per million tokens: $3, $3.75, $0.10, $0.125. */
export const formatPerMTok = (n: Num) =>
  finite(n)
    ? new Intl.NumberFormat("en-US", {
        style: "currency",
        currency: "USD",
        minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
        maximumFractionDigits: 3,
        signDisplay: "negative",
      }).format(n)
    : NO_VALUE;

/** A count, rounded to a whole number: 1,235. */
export const formatCount = (n: Num) => (finite(n) ? integer.format(n) : NO_VALUE);

/** A number with at most one decimal: 1,234.5. */
export const formatNumber = (n: Num) => (finite(n) ? decimal.format(n) : NO_VALUE);

/** A large count in short: 1.2K, 3.4M, 5B. */
export const formatCompact = (n: Num) => (finite(n) ? compact.format(n) : NO_VALUE);

/** A share given as a ratio, to one decimal: 0.25 → "25%", 0.125 → "12.5%". */
export const formatShare = (ratio: Num) => (finite(ratio) ? `${decimal.format(ratio * 100)}%` : NO_VALUE);

/** A percentage given in percent, to one decimal: 87.5 → "87.5%". */
export const formatPercent = (pct: Num) => (finite(pct) ? `${decimal.format(pct)}%` : NO_VALUE);

/** Passed cases over all cases: "75%"; "—" when there were none. */
export const formatPassRate = (passed: number, total: number) => (total === 0 ? NO_VALUE : formatPercent((passed / total) * 100));

/** A duration in milliseconds, in seconds: 1234 → "1.2 s" (digits: decimals). */
export const formatSeconds = (ms: Num, digits = 1) => (finite(ms) ? `${(ms / 1000).toFixed(digits)} s` : NO_VALUE);

/**
 * A figure of the weekly report, by its unit: "%" (already a percentage), "$" (an amount: to the cent),
 * "$/task" (a unit cost: keeps its digits below $1), "ratio" (shown as a percentage) or "" (a count).
 */
export function formatFigure(v: Num, unit: string): string {
  if (!finite(v)) return NO_VALUE;
  if (unit === "%") return formatPercent(v);
  if (unit === "$") return formatUsd(v);
  if (unit === "$/task") return formatUsdPrecise(v);
  if (unit === "ratio") return formatShare(v);
  return formatCount(v);
}

/** A change of a rate, in percentage points, always with its sign and one decimal: "+3.2 pts", "-0.5 pts", "+0.0 pts". */
export const formatPoints = (pts: Num) => (finite(pts) ? `${pts >= 0 ? "+" : "-"}${Math.abs(pts).toFixed(1)} pts` : NO_VALUE);

/**
 * The change of a report figure from the week before: a rate ("%" or "ratio") in points ("+3.2 pts"),
 * anything else in percent ("+12.5%"), "new" from zero.
 */
export function formatChange(v: Num, before: Num, unit: string): string {
  if (!finite(v) || !finite(before)) return NO_VALUE;
  if (unit === "%") return formatPoints(v - before);
  if (unit === "ratio") return formatPoints((v - before) * 100);
  if (before === 0) return v === 0 ? "0%" : "new";
  const pct = ((v - before) / Math.abs(before)) * 100;
  return `${pct >= 0 ? "+" : ""}${pct.toFixed(1)}%`;
}

/** A return on cost given as a ratio ((value − cost) ÷ cost): 2.4 → "240%", -0.25 → "-25%". */
export const formatRoi = (ratio: Num) => (finite(ratio) ? `${integer.format(ratio * 100)}%` : NO_VALUE);

/** Dates in Gatehouse are calendar dates stored at UTC midnight: always format them in UTC. */
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

const validDate = (d: Date | null | undefined): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/** 3 Mar */
export const formatDayMonth = (d: Date | null | undefined) => (validDate(d) ? dayMonth.format(d) : NO_VALUE);
/** A calendar day given as "YYYY-MM-DD" (the API's and the charts' form): "17 Nov"; anything else as it is. */
export function formatDay(day: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
  return d && validDate(d) ? dayMonth.format(d) : day;
}
/** 3 Mar 2026 */
export const formatDate = (d: Date | null | undefined) => (validDate(d) ? dayMonthYear.format(d) : NO_VALUE);
/** 3 Mar 2026, 14:05:09 UTC */
export const formatDateTime = (d: Date | null | undefined) => (validDate(d) ? dateTime.format(d) : NO_VALUE);
