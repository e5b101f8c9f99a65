/** Money and token formatting for the cost model (USD; en-US grouping). */
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdWhole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** $1,234.56 */
export const formatUsd = (n: number) => usd.format(n);
/** $1,235 — for chart axes. */
export const formatUsdWhole = (n: number) => usdWhole.format(n);
/** A small amount with enough digits to mean something: $0.0135 per task. */
export const formatUsdPrecise = (n: number) =>
  new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: Math.abs(n) >= 1 ? 2 : 4,
  }).format(n);
/** A price per million tokens: $3, $3.75, $0.10, $0.125 */
export const formatPerMTok = (n: number) =>
  new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
    maximumFractionDigits: 3,
  }).format(n);
export const formatCount = (n: number) => integer.format(n);
export const formatCompact = (n: number) => compact.format(n);
/** 0.25 → "25%" */
export const formatShare = (x: number) => `${Math.round(x * 1000) / 10}%`;
/** Money rounded to the cent, as stored in approvals. */
export const roundCents = (n: number) => Math.round(n * 100) / 100;
