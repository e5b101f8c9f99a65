/** Money rounded to the cent, as stored in budget approvals (a calculation, not formatting: see src/lib/format.ts). */
export const roundCents = (n: number) => Math.round(n * 100) / 100;
