import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

import { decryptSecret, ENCRYPTION_KEY_MISSING_MESSAGE, encryptSecret, parseEncryptionKey, requireEncryptionKey } from "@/server/crypto";

const KEY = randomBytes(32);
const SECRET = "sk-ant-admin01-a-very-secret-key-abcd";

describe("secrets at rest (AES-256-GCM)", () => {
  it("round-trips; the stored form is base64 of iv ‖ tag ‖ ciphertext and never contains the secret", () => {
    const stored = encryptSecret(SECRET, KEY, "ctx");
    expect(stored).not.toContain(SECRET);
    const raw = Buffer.from(stored, "base64");
    expect(raw.length).toBe(12 + 16 + Buffer.byteLength(SECRET));
    expect(raw.toString("latin1")).not.toContain(SECRET);
    expect(decryptSecret(stored, KEY, "ctx")).toBe(SECRET);
    // A fresh IV each time.
    expect(encryptSecret(SECRET, KEY, "ctx")).not.toBe(stored);
  });

  it("refuses another key, another context and any tampering, without saying what the secret is", () => {
    const stored = encryptSecret(SECRET, KEY, "anthropic-key:p1:ADMIN");
    const fail = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect((e as Error).message).toMatch(/could not be decrypted/);
        expect((e as Error).message).not.toContain(SECRET);
        return;
      }
      throw new Error("expected a refusal");
    };
    fail(() => decryptSecret(stored, randomBytes(32), "anthropic-key:p1:ADMIN"));
    fail(() => decryptSecret(stored, KEY, "anthropic-key:p2:ADMIN"));
    const raw = Buffer.from(stored, "base64");
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    fail(() => decryptSecret(raw.toString("base64"), KEY, "anthropic-key:p1:ADMIN"));
    fail(() => decryptSecret("c2hvcnQ=", KEY, "anthropic-key:p1:ADMIN"));
  });

  it("takes the key as 64 hex characters or base64 of 32 bytes; without one, saving is refused with what to do", () => {
    expect(parseEncryptionKey(KEY.toString("hex"))).toEqual(KEY);
    expect(parseEncryptionKey(KEY.toString("base64"))).toEqual(KEY);
    expect(parseEncryptionKey(KEY.toString("base64url"))).toEqual(KEY);
    expect(parseEncryptionKey("too-short")).toBeNull();
    expect(parseEncryptionKey(randomBytes(16).toString("hex"))).toBeNull();
    expect(() => requireEncryptionKey(undefined)).toThrow(ENCRYPTION_KEY_MISSING_MESSAGE);
    expect(() => requireEncryptionKey("nope")).toThrow(/GATEHOUSE_ENCRYPTION_KEY is not set/);
    expect(ENCRYPTION_KEY_MISSING_MESSAGE).toMatch(/openssl rand -hex 32/);
  });
});
