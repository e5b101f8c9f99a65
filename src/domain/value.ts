/**
 * Value in money: minutes saved, priced at what an hour of the people who saved them costs, against what
 * Claude costs (API tokens and seats). Pure rules, no I/O.
 *
 * - Each department's minutes are priced at that department's hourly cost, else the programme's (department
 *   ""); minutes with neither are left unvalued and counted as such (never priced at a guess).
 * - The value is an estimate (labelled "estimated" wherever it is shown): minutes saved are measured,
 *   self-reported or estimated, and an hourly cost is an average.
 * - Seat cost for a range = seats × seat price a month × 12 ÷ 365 × days (the approved budget's figures).
 * - ROI = (value − cost) ÷ cost, where cost = API cost + seat cost; null when there is no value or no cost.
 */

export interface HourlyCostRate {
  /** "" for the programme-wide cost. */
  department: string;
  usdPerHour: number;
}

export interface ValueInput {
  /** Minutes saved per department over the range (department "" for events without one). */
  minutesByDepartment: readonly { department: string; minutes: number }[];
  hourlyCosts: readonly HourlyCostRate[];
  apiCostUsd: number;
  /** null when no approved budget gives a seat cost. */
  seatCostUsd: number | null;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** Seats × seat price a month, for `days` days (a month is 365 ÷ 12 days). */
export function seatCostForDays(seats: number, seatPricePerMonth: number, days: number): number {
  return cents(((seats * seatPricePerMonth * 12) / 365) * days);
}

/** The department's own hourly cost, else the programme's; null when neither is set. */
export function rateFor(department: string, rates: readonly HourlyCostRate[]): HourlyCostRate | null {
  const own = department !== "" ? rates.find((r) => r.department === department) : undefined;
  return own ?? rates.find((r) => r.department === "") ?? null;
}

export function estimateValue(i: ValueInput) {
  let value = 0;
  let valued = 0;
  let minutes = 0;
  const byDepartment = i.minutesByDepartment.map((d) => {
    const rate = rateFor(d.department, i.hourlyCosts);
    minutes += d.minutes;
    if (!rate) return { department: d.department, minutes: d.minutes, usdPerHour: null, rateFrom: null, valueUsd: null };
    const v = (d.minutes / 60) * rate.usdPerHour;
    value += v;
    valued += d.minutes;
    return {
      department: d.department,
      minutes: d.minutes,
      usdPerHour: rate.usdPerHour,
      rateFrom: rate.department === "" ? ("programme" as const) : ("department" as const),
      valueUsd: cents(v),
    };
  });
  const valueUsd = i.hourlyCosts.length > 0 ? cents(value) : null;
  const costUsd = cents(i.apiCostUsd + (i.seatCostUsd ?? 0));
  return {
    basis: "estimated" as const,
    minutesSaved: minutes,
    valuedMinutes: valued,
    valueUsd,
    apiCostUsd: cents(i.apiCostUsd),
    seatCostUsd: i.seatCostUsd === null ? null : cents(i.seatCostUsd),
    costUsd,
    netUsd: valueUsd === null ? null : cents(valueUsd - costUsd),
    roi: valueUsd === null || costUsd <= 0 ? null : Math.round(((valueUsd - costUsd) / costUsd) * 1000) / 1000,
    byDepartment,
  };
}
