import { createHash, randomBytes } from "node:crypto";

/**
 * Programme API tokens: "gh_" + 40 base62 characters (≈238 bits). Only the SHA-256 of a token is
 * stored; the token itself is shown once, when it is created.
 */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const TOKEN_PREFIX = "gh_";
export const TOKEN_PATTERN = /^gh_[0-9A-Za-z]{40}$/;

export function generateApiToken(random: (n: number) => Buffer = randomBytes): string {
  let out = "";
  while (out.length < 40) {
    for (const byte of random(64)) {
      // Rejection sampling keeps every character equally likely.
      if (byte < 248 && out.length < 40) out += ALPHABET[byte % 62];
    }
  }
  return TOKEN_PREFIX + out;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What may be shown of a token after creation: enough to recognise it, not to use it. */
export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}
