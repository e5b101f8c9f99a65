import { formatRate } from "@/domain/workflows";

/** Costs of single calls are fractions of a cent: show enough digits to see them. */
export const formatUsd = (usd: number) => (usd === 0 ? "$0" : usd < 0.01 ? `$${usd.toFixed(5)}` : `$${usd.toFixed(4)}`);
export const formatPassRate = (passed: number, total: number) => (total === 0 ? "—" : formatRate((passed / total) * 100));
