import { createHash, randomBytes } from "node:crypto";

/** Calendar feed tokens: "cal_" + 32 hex characters, stored as SHA-256, shown once. */
export const CALENDAR_TOKEN_PATTERN = /^cal_[0-9a-f]{32}$/;
export const generateCalendarToken = () => `cal_${randomBytes(16).toString("hex")}`;
export const hashCalendarToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
