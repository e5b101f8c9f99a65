import { createHash, randomBytes } from "node:crypto";

import { ONE_TIME_TOKEN_PATTERN } from "./one-time-token-pattern";

/**
 * Secrets of one-time links (invitations, password resets): 32 random bytes as base64url (43
 * characters). Only the SHA-256 is stored; the link itself goes out once (by email, and for an
 * invitation to the programme manager who made it).
 */
export { ONE_TIME_TOKEN_PATTERN };

export function newOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const isOneTimeToken = (s: unknown): s is string => typeof s === "string" && ONE_TIME_TOKEN_PATTERN.test(s);
