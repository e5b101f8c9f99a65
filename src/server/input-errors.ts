/**
 * The database refused a value the input carried (decision record 018): a data exception (SQLSTATE class
 * 22: text with U+0000, a number out of range, a malformed UUID or date) or Prisma's equivalents. The
 * statement failed and its transaction rolled back, so nothing was written. Input checks refuse these
 * first, with a message naming the field; this is the backstop that keeps any one that slips through a
 * 4xx instead of a 500.
 */
const PRISMA_INPUT_CODES = new Set(["P2000", "P2006", "P2007", "P2019", "P2020", "P2023", "P2033"]);
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

export function isInputRefusedByDatabase(e: unknown, depth = 0): boolean {
  if (typeof e !== "object" || e === null || depth > 6) return false;
  const err = e as { name?: unknown; code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (err.name === "PrismaClientValidationError") return true;
  if (typeof err.code === "string" && (PRISMA_INPUT_CODES.has(err.code) || DATA_EXCEPTION.test(err.code))) return true;
  if (typeof err.originalCode === "string" && DATA_EXCEPTION.test(err.originalCode)) return true;
  return [err.cause, err.meta?.driverAdapterError].some((x) => x !== e && isInputRefusedByDatabase(x, depth + 1));
}

export const INPUT_REFUSED_MESSAGE = "A value in the request is not acceptable (out of range or malformed); nothing was changed.";
