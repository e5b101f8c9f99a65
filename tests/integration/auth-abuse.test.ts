import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

import { makeMember, makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { openGateReview } from "@/features/gates/server/open-gate-review";
import { signGate } from "@/features/gates/server/sign-gate";
import { deviceId, trustedClientAddress } from "@/server/auth/client-address";
import { SIGN_IN_LIMITS } from "@/server/auth/rate-limit";
import { sameOriginRedirect } from "@/server/auth/redirect";
import { parseTrustedProxies } from "@/server/auth/trusted-proxies";
import { signInWithPassword } from "@/server/auth/users";
import { db } from "@/server/db";
import { RateLimitedError } from "@/server/errors";

// The trusted proxies: the environment's list, here set per test.
const proxies = vi.hoisted(() => ({ list: undefined as string | undefined }));
vi.mock("@/server/env", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/env")>();
  return { ...real, env: () => ({ ...real.env(), TRUSTED_PROXIES: proxies.list }) };
});

const PASSWORD = "correct horse battery";
const device = () => ({ address: null, device: randomUUID() });
let octet = 0;
const newAddress = () => `198.18.${Math.floor(Math.random() * 250)}.${(octet++ % 250) + 1}`;

describe("failed sign-ins slow an attacker without locking the owner out", () => {
  it("an attacker on fresh devices exhausts the account's ceiling: they wait (briefly), the owner's known device signs in", async () => {
    const owner = await makeUser();
    const ownDevice = device();
    await expect(signInWithPassword(owner.email, PASSWORD, ownDevice)).resolves.toMatchObject({ id: owner.id });

    // Many guesses from many devices (rotating cookies, or addresses): the ceiling is reached.
    for (let i = 0; i < SIGN_IN_LIMITS.accountFailures - 1; i++) await signInWithPassword(owner.email, "guess", device());
    const err = await signInWithPassword(owner.email, "guess", device()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountBlockSeconds);
    // The attacker stays slowed, even with the right password, from any new device...
    await expect(signInWithPassword(owner.email, PASSWORD, device())).rejects.toBeInstanceOf(RateLimitedError);
    // ...while the owner, from the device they signed in from before, is not held back.
    await expect(signInWithPassword(owner.email, PASSWORD, ownDevice)).resolves.toMatchObject({ id: owner.id });
  }, 120_000);

  it("the pair (source, account) still blocks after 5 failures, for 15 minutes; a known device has a counter of its own", async () => {
    const owner = await makeUser();
    const attacker = device();
    for (let i = 0; i < SIGN_IN_LIMITS.pairFailures - 1; i++)
      await expect(signInWithPassword(owner.email, "guess", attacker)).resolves.toBeNull();
    await expect(signInWithPassword(owner.email, "guess", attacker)).rejects.toThrow(
      /^Too many failed sign-in attempts\. Try again in 15 minutes\.$/,
    );
    await expect(signInWithPassword(owner.email, PASSWORD, attacker)).rejects.toBeInstanceOf(RateLimitedError);

    const own = device();
    await signInWithPassword(owner.email, PASSWORD, own);
    for (let i = 0; i < SIGN_IN_LIMITS.pairFailures - 1; i++)
      await expect(signInWithPassword(owner.email, "typo", own)).resolves.toBeNull();
    await expect(signInWithPassword(owner.email, "typo", own)).rejects.toBeInstanceOf(RateLimitedError);
    // Another of the owner's devices is unaffected.
    await expect(signInWithPassword(owner.email, PASSWORD, device())).resolves.toMatchObject({ id: owner.id });
  });

  it("strangers' failures never block the owner's gate sign-off: re-authentication is counted per signed-in user", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const reviewer = await makeUser();
    await makeMember(pm, p.slug, reviewer, ["GATE_REVIEWER"], ["SECURITY"]);
    await openGateReview(pm, { programmeSlug: p.slug, gateKey: "ARCHITECTURE_REVIEW" });
    for (let i = 0; i < SIGN_IN_LIMITS.accountFailures + 2; i++)
      await signInWithPassword(reviewer.email, "guess", device()).catch((e: unknown) => {
        if (!(e instanceof RateLimitedError)) throw e;
      });
    await expect(signInWithPassword(reviewer.email, PASSWORD, device())).rejects.toBeInstanceOf(RateLimitedError);

    const ctx = { ipAddress: null, userAgent: "vitest", authMethod: "credentials", authAt: Date.now() };
    const input = {
      programmeSlug: p.slug,
      gateKey: "ARCHITECTURE_REVIEW" as const,
      function: "SECURITY" as const,
      decision: "REJECT" as const,
    };
    const signed = await signGate(reviewer, { ...input, reason: "Not ready", password: PASSWORD }, ctx);
    expect(signed.signOff.meaning).toBeTruthy();
    expect(await db.signOff.findFirstOrThrow({ where: { id: signed.signOff.id } })).toMatchObject({ ipAddress: null });

    // The signer's own wrong passwords are limited: 5 in 15 minutes.
    const other = await makeUser();
    await makeMember(pm, p.slug, other, ["GATE_REVIEWER"], ["LEGAL_PRIVACY"]);
    const wrong = () => signGate(other, { ...input, function: "LEGAL_PRIVACY", reason: "x", password: "wrong" }, ctx);
    for (let i = 0; i < 4; i++) await expect(wrong()).rejects.toThrow("That password is not right. Nothing was signed.");
    await expect(wrong()).rejects.toBeInstanceOf(RateLimitedError);
    await expect(signGate(other, { ...input, function: "LEGAL_PRIVACY", reason: "x", password: PASSWORD }, ctx)).rejects.toBeInstanceOf(
      RateLimitedError,
    );
  }, 120_000);
});

describe("X-Forwarded-For is believed only from a trusted proxy", () => {
  const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

  it("unset TRUSTED_PROXIES: the header is ignored, so a rotating header buys nothing", () => {
    proxies.list = undefined;
    expect(trustedClientAddress(headers("203.0.113.9"))).toBeNull();
    expect(trustedClientAddress(headers())).toBeNull();
  });

  it("set: the right-most address that is not a trusted proxy; what the client wrote to its left is ignored", () => {
    proxies.list = "10.0.0.0/8, ::1";
    expect(trustedClientAddress(headers("203.0.113.9"))).toBe("203.0.113.9");
    expect(trustedClientAddress(headers("1.2.3.4, 203.0.113.9, 10.0.0.5"))).toBe("203.0.113.9");
    expect(trustedClientAddress(headers("spoofed, 203.0.113.9"))).toBe("203.0.113.9");
    expect(trustedClientAddress(headers("::ffff:203.0.113.9"))).toBe("203.0.113.9");
    expect(trustedClientAddress(headers("203.0.113.9, not-an-address"))).toBeNull();
    expect(trustedClientAddress({ "x-forwarded-for": "198.51.100.1, ::1" })).toBe("198.51.100.1");
    proxies.list = undefined;
  });

  it("TRUSTED_PROXIES accepts addresses and CIDRs only", () => {
    expect(parseTrustedProxies("10.0.0.1, 10.1.0.0/16, fd00::/8")).not.toBeNull();
    for (const bad of ["10.0.0.0/33", "proxy.internal", "10.0.0.1/8/2", "::1/129"]) expect(parseTrustedProxies(bad)).toBeNull();
  });

  it("with a trusted proxy, a pair's block follows the address; the owner elsewhere is unaffected", async () => {
    const owner = await makeUser();
    const attacker = newAddress();
    for (let i = 0; i < 5; i++) await signInWithPassword(owner.email, "guess", attacker).catch(() => null);
    await expect(signInWithPassword(owner.email, PASSWORD, attacker)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(signInWithPassword(owner.email, PASSWORD, newAddress())).resolves.toMatchObject({ id: owner.id });
  });

  it("the device id is read from the proxy's cookie only when it looks like one", () => {
    const id = randomUUID();
    expect(deviceId({ cookie: `a=1; gatehouse-device=${id}; b=2` })).toBe(id);
    expect(deviceId({ cookie: "gatehouse-device=../../x" })).toBeNull();
    expect(deviceId({})).toBeNull();
  });
});

describe("after sign-in, only a path on this site", () => {
  const base = "http://localhost:3100";
  it.each([
    ["/programmes/acme", `${base}/programmes/acme`],
    [`${base}/programmes/acme?tab=gates`, `${base}/programmes/acme?tab=gates`],
    ["/%09/evil.test/x", `${base}/programmes`],
    ["/\t/evil.test/x", `${base}/programmes`],
    ["//evil.test/x", `${base}/programmes`],
    ["/\\evil.test/x", `${base}/programmes`],
    ["/%5Cevil.test/x", `${base}/programmes`],
    ["https://evil.test/programmes", `${base}/programmes`],
    ["javascript:alert(1)", `${base}/programmes`],
    ["/%E0%A4%A", `${base}/programmes`],
  ])("%s → %s", (url, expected) => {
    expect(sameOriginRedirect(url, base)).toBe(expected);
  });

  it("keeps an unrelated suffix intact", () => {
    expect(sameOriginRedirect(`/programmes/x-${uniqueSuffix()}`, `${base}/`)).toMatch(/^http:\/\/localhost:3100\/programmes\/x-/);
  });
});
