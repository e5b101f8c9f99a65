import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import { env } from "./env";
import { RuleError } from "./errors";

/**
 * Secrets at rest (programmes' Anthropic admin and analytics keys): AES-256-GCM with a 96-bit random
 * IV, stored as base64 of iv ‖ auth tag ‖ ciphertext. The key comes from GATEHOUSE_ENCRYPTION_KEY
 * (32 bytes, as 64 hex characters or base64); `npm start` generates one into .gatehouse/.
 *
 * `context` is bound in as additional authenticated data (e.g. "anthropic-key:<programmeId>:ADMIN"), so a
 * ciphertext copied into another programme's row does not decrypt. Nothing here logs or puts a secret
 * in an error message.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;

export const ENCRYPTION_KEY_MISSING_MESSAGE =
  "Keys cannot be stored: GATEHOUSE_ENCRYPTION_KEY is not set. An operator sets it to 32 random bytes (openssl rand -hex 32) and restarts Gatehouse; npm start generates one.";

/** A 32-byte key from 64 hex characters or base64 (standard or URL-safe); null when it is neither. */
export function parseEncryptionKey(raw: string): Buffer | null {
  const s = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(s)) {
    const b = Buffer.from(s.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (b.length === 32) return b;
  }
  return null;
}

/** The configured key, or a refusal that says what an operator must do. */
export function requireEncryptionKey(raw: string | undefined): Buffer {
  const key = raw === undefined ? null : parseEncryptionKey(raw);
  if (!key) throw new RuleError(ENCRYPTION_KEY_MISSING_MESSAGE);
  return key;
}

export function encryptionConfigured(): boolean {
  return env().GATEHOUSE_ENCRYPTION_KEY !== undefined;
}

export function encryptionKeyFromEnv(): Buffer {
  return requireEncryptionKey(env().GATEHOUSE_ENCRYPTION_KEY);
}

export function encryptSecret(plaintext: string, key: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** Thrown when a stored secret does not decrypt: another key, another row's ciphertext, or tampering. */
export class DecryptionError extends Error {
  constructor() {
    super("The stored secret could not be decrypted with the configured GATEHOUSE_ENCRYPTION_KEY.");
    this.name = "DecryptionError";
  }
}

export function decryptSecret(stored: string, key: Buffer, context: string): string {
  const all = Buffer.from(stored, "base64");
  if (all.length < IV_BYTES + TAG_BYTES) throw new DecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, all.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(all.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(all.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError();
  }
}
