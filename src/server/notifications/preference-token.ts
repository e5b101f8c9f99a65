import { createHmac, timingSafeEqual } from "node:crypto";

import { KIND_KEY_PATTERN } from "./kinds";

/**
 * The token in an email's one-click link to change a notification preference (and in its RFC 8058
 * List-Unsubscribe header). It names one person and the kinds that email was about, signed with
 * HMAC-SHA256 under a key derived from the session secret; it does nothing else (it is not a sign-in),
 * so anyone holding the email can change only that person's setting for those kinds. It never expires:
 * an unsubscribe link in an old email must still work.
 */
export interface PreferenceTokenScope {
  userId: string;
  kinds: string[];
}

const CONTEXT = "gatehouse:notification-preference:v1";

const b64url = (b: Buffer) => b.toString("base64url");

function signature(secret: string, payload: string): Buffer {
  const key = createHmac("sha256", secret).update(CONTEXT).digest();
  return createHmac("sha256", key).update(payload).digest();
}

export function signPreferenceToken(secret: string, scope: PreferenceTokenScope): string {
  const payload = b64url(Buffer.from(JSON.stringify({ u: scope.userId, k: scope.kinds })));
  return `${payload}.${b64url(signature(secret, payload))}`;
}

/** The scope of a genuine token, or null for anything else (altered, truncated, another secret). */
export function verifyPreferenceToken(secret: string, token: string): PreferenceTokenScope | null {
  const m = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, payload, sig] = m as unknown as [string, string, string];
  const expected = signature(secret, payload);
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { u?: unknown; k?: unknown };
    if (typeof parsed.u !== "string" || !Array.isArray(parsed.k) || parsed.k.length === 0) return null;
    const kinds = parsed.k.filter((k): k is string => typeof k === "string" && KIND_KEY_PATTERN.test(k));
    if (kinds.length !== parsed.k.length) return null;
    return { userId: parsed.u, kinds };
  } catch {
    return null;
  }
}
