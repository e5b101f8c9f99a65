/**
 * Calendar dates: the one module that parses and computes them (decision record 018).
 *
 * A calendar date is a UTC day written "YYYY-MM-DD". Input is parsed strictly: exactly that shape, a real
 * day of the Gregorian calendar (no "2026-02-30" rolling over to 2 March, no month 13, no day 0), and a
 * year in the supported range MIN_YEAR..MAX_YEAR (a programme, a usage day or a price outside it is a
 * typing mistake, and the range keeps every date well inside what JavaScript and PostgreSQL hold).
 * Arithmetic is in whole UTC days, so no time zone or daylight-saving change moves a date.
 */

export type CalendarDate = string & { readonly __calendarDate: true };

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MIN_DATE = `${MIN_YEAR}-01-01` as CalendarDate;
export const MAX_DATE = `${MAX_YEAR}-12-31` as CalendarDate;

const DAY_MS = 86_400_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a text is not a supported calendar date: not "YYYY-MM-DD", not a real day, or outside the supported years. */
export type CalendarDateProblem = "format" | "invalid" | "range";

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** The problem with `s` as a calendar date, or null when it is one. */
export function calendarDateProblem(s: unknown): CalendarDateProblem | null {
  if (typeof s !== "string") return "format";
  const m = SHAPE.exec(s);
  if (!m) return "format";
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return "invalid";
  if (y < MIN_YEAR || y > MAX_YEAR) return "range";
  return null;
}

export const isCalendarDate = (s: unknown): s is CalendarDate => calendarDateProblem(s) === null;

/** `s` (trimmed) as a calendar date, or null when it is not a supported one. */
export function parseCalendarDate(s: unknown): CalendarDate | null {
  const t = typeof s === "string" ? s.trim() : s;
  return isCalendarDate(t) ? t : null;
}

/** The UTC calendar date of an instant. */
export function calendarDateOf(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("calendarDateOf: not a valid Date");
  return instant.toISOString().slice(0, 10) as CalendarDate;
}

/** The calendar date as a Date at 00:00 UTC (what a `@db.Date` column stores). */
export function toUtcDate(d: CalendarDate | string): Date {
  const m = SHAPE.exec(d);
  if (!m) throw new RangeError(`toUtcDate: "${d}" is not YYYY-MM-DD`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** `d` plus `n` whole days (negative goes back). */
export function addDays(d: CalendarDate | string, n: number): CalendarDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: ${n} is not a whole number of days`);
  return calendarDateOf(new Date(toUtcDate(d).getTime() + n * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate | string, to: CalendarDate | string): number {
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / DAY_MS);
}

/** Every day from `from` to `to`, both included (empty when `from` is after `to`). */
export function eachDay(from: CalendarDate | string, to: CalendarDate | string): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (let d = from as CalendarDate; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
